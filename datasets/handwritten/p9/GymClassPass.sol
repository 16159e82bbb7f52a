pragma solidity 0.4.25;

contract Owned {
    address public owner;

    event OwnershipMoved(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "only owner");
        _;
    }

    function moveOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0), "zero address");
        emit OwnershipMoved(owner, newOwner);
        owner = newOwner;
    }
}

contract GymClassPass is Owned {
    struct Member {
        uint32 credits;
        uint32 visits;
        uint64 joinedAt;
        bool active;
    }

    struct FitnessClass {
        string title;
        uint32 creditCost;
        uint32 seats;
        uint32 taken;
        uint64 startsAt;
    }

    uint32 public constant PACK_SIZE = 10;
    uint32 public constant MAX_CREDITS = 500;

    uint256 public packPrice;
    FitnessClass[] public classes;
    mapping(address => Member) public members;
    mapping(uint256 => mapping(address => bool)) public booked;

    event Joined(address indexed member);
    event PackBought(address indexed member, uint32 balance);
    event ClassScheduled(uint256 indexed classId, string title, uint64 startsAt);
    event ClassBooked(uint256 indexed classId, address indexed member);
    event BookingCancelled(uint256 indexed classId, address indexed member);
    event PackPriceChanged(uint256 newPrice);

    modifier onlyMember() {
        require(members[msg.sender].active, "not a member");
        _;
    }

    constructor(uint256 _packPrice) public {
        packPrice = _packPrice;
    }

    function join() external {
        Member storage m = members[msg.sender];
        require(!m.active, "already joined");
        m.active = true;
        m.joinedAt = uint64(now);
        emit Joined(msg.sender);
    }

    function buyPack() external payable onlyMember {
        require(msg.value == packPrice, "wrong price");
        Member storage m = members[msg.sender];
        require(m.credits + PACK_SIZE <= MAX_CREDITS, "credit limit reached");
        m.credits += PACK_SIZE;
        emit PackBought(msg.sender, m.credits);
    }

    function scheduleClass(string title, uint32 creditCost, uint32 seats, uint64 startsAt) external onlyOwner {
        require(seats > 0, "no seats");
        require(startsAt > now + 1 days, "too soon");
        classes.push(FitnessClass(title, creditCost, seats, 0, startsAt));
        emit ClassScheduled(classes.length - 1, title, startsAt);
    }

    function bookClass(uint256 classId) external onlyMember {
        require(classId < classes.length, "unknown class");
        FitnessClass storage c = classes[classId];
        require(now + 1 days <= c.startsAt, "booking closed");
        require(c.taken < c.seats, "class full");
        require(!booked[classId][msg.sender], "already booked");

        _chargeCredits(members[msg.sender], c.creditCost);
        c.taken += 1;
        booked[classId][msg.sender] = true;
        emit ClassBooked(classId, msg.sender);
    }

    function cancelBooking(uint256 classId) external onlyMember {
        require(classId < classes.length, "unknown class");
        require(booked[classId][msg.sender], "not booked");
        FitnessClass storage c = classes[classId];
        require(now + 1 days <= c.startsAt, "too late to cancel");

        booked[classId][msg.sender] = false;
        c.taken -= 1;
        Member storage m = members[msg.sender];
        m.credits += c.creditCost;
        m.visits -= 1;
        emit BookingCancelled(classId, msg.sender);
    }

    function setPackPrice(uint256 newPrice) external onlyOwner {
        require(newPrice > 0, "zero price");
        packPrice = newPrice;
        emit PackPriceChanged(newPrice);
    }

    function withdrawRevenue(uint256 amount) external onlyOwner {
        require(amount <= address(this).balance, "not enough funds");
        owner.transfer(amount);
    }

    function classCount() external view returns (uint256) {
        return classes.length;
    }

    function _chargeCredits(Member storage m, uint32 cost) internal {
        m.credits -= cost;
        m.visits += 1;
    }
}
