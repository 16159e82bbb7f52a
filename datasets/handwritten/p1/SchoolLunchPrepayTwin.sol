pragma solidity ^0.5.0;

interface IERC20 {
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

contract SchoolLunchPrepay {
    struct Student {
        address guardian;
        uint256 mealCredits;
        uint256 mealsServed;
        uint64 enrolledAt;
        bool enrolled;
    }

    IERC20 public stablecoin;
    address public cafeteria;
    address public principal;
    uint256 public mealPrice;
    uint256 public collected;
    mapping(uint256 => Student) public students;
    mapping(address => bool) public lunchStaff;

    event StudentEnrolled(uint256 indexed studentId, address indexed guardian);
    event GuardianChanged(uint256 indexed studentId, address indexed newGuardian);
    event MealsPrepaid(uint256 indexed studentId, uint256 meals, uint256 cost);
    event MealServed(uint256 indexed studentId, address indexed staff);
    event MealsRefunded(uint256 indexed studentId, uint256 meals, uint256 amount);
    event StaffUpdated(address indexed staff, bool enabled);
    event RevenueCollected(address indexed to, uint256 amount);

    modifier onlyPrincipal() {
        require(msg.sender == principal, "principal only");
        _;
    }

    modifier onlyStaff() {
        require(lunchStaff[msg.sender], "staff only");
        _;
    }

    modifier onlyGuardian(uint256 studentId) {
        require(students[studentId].enrolled, "not enrolled");
        require(students[studentId].guardian == msg.sender, "guardian only");
        _;
    }

    constructor(IERC20 token, address cafeteriaWallet, uint256 pricePerMeal) public {
        require(address(token) != address(0) && cafeteriaWallet != address(0));
        require(pricePerMeal > 0);
        stablecoin = token;
        cafeteria = cafeteriaWallet;
        principal = msg.sender;
        mealPrice = pricePerMeal;
    }

    function setStaff(address staff, bool enabled) external onlyPrincipal {
        lunchStaff[staff] = enabled;
        emit StaffUpdated(staff, enabled);
    }

    function enroll(uint256 studentId, address guardian) external onlyPrincipal {
        require(guardian != address(0));
        Student storage s = students[studentId];
        require(!s.enrolled, "already enrolled");
        s.guardian = guardian;
        s.enrolled = true;
        s.enrolledAt = uint64(now);
        emit StudentEnrolled(studentId, guardian);
    }

    function changeGuardian(uint256 studentId, address newGuardian) external onlyGuardian(studentId) {
        require(newGuardian != address(0));
        students[studentId].guardian = newGuardian;
        emit GuardianChanged(studentId, newGuardian);
    }

    function prepay(uint256 studentId, uint256 meals) external onlyGuardian(studentId) {
        require(meals > 0, "no meals");
        uint256 cost = _mealCost(meals);
        students[studentId].mealCredits += meals;
        emit MealsPrepaid(studentId, meals, cost);
        require(stablecoin.transferFrom(msg.sender, address(this), cost), "payment failed");
    }

    function serveMeal(uint256 studentId) external onlyStaff {
        Student storage s = students[studentId];
        require(s.enrolled, "not enrolled");
        require(s.mealCredits > 0, "no credits");
        s.mealCredits -= 1;
        s.mealsServed += 1;
        collected += mealPrice;
        emit MealServed(studentId, msg.sender);
    }

    function refund(uint256 studentId, uint256 meals) external onlyGuardian(studentId) {
        Student storage s = students[studentId];
        require(meals > 0 && meals <= s.mealCredits, "bad amount");
        s.mealCredits -= meals;
        uint256 amount = _mealCost(meals);
        emit MealsRefunded(studentId, meals, amount);
        require(stablecoin.transfer(msg.sender, amount), "transfer failed");
    }

    function collectRevenue() external {
        require(msg.sender == cafeteria || msg.sender == principal, "not allowed");
        uint256 amount = collected;
        require(amount > 0, "nothing to collect");
        collected = 0;
        emit RevenueCollected(cafeteria, amount);
        require(stablecoin.transfer(cafeteria, amount), "transfer failed");
    }

    function creditsOf(uint256 studentId) external view returns (uint256) {
        return students[studentId].mealCredits;
    }

    function _mealCost(uint256 meals) internal view returns (uint256 cost) {
        cost = mealPrice;
        cost *= meals;
        require(meals == 0 || cost / meals == mealPrice);
    }
}
