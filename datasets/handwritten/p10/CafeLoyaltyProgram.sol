pragma solidity 0.5.17;

contract PointsLedger {
    mapping(address => uint256) internal points;
    uint256 public totalPoints;

    event PointsMoved(address indexed from, address indexed to, uint256 amount);
    event PointsShared(address indexed from, uint256 recipients, uint256 each);

    function pointsOf(address member) public view returns (uint256) {
        return points[member];
    }

    function sendPoints(address to, uint256 amount) external {
        _move(msg.sender, to, amount);
    }

    function _move(address from, address to, uint256 amount) internal {
        require(to != address(0), "zero address");
        require(points[from] >= amount, "not enough points");
        points[from] -= amount;
        points[to] += amount;
        emit PointsMoved(from, to, amount);
    }

    function _issue(address to, uint256 amount) internal {
        points[to] += amount;
        totalPoints += amount;
        emit PointsMoved(address(0), to, amount);
    }

    function _burn(address from, uint256 amount) internal {
        require(points[from] >= amount, "not enough points");
        points[from] -= amount;
        totalPoints -= amount;
        emit PointsMoved(from, address(0), amount);
    }

    function shareWithGroup(address[] calldata members, uint256 each) external {
        require(members.length > 0, "empty group");
        uint256 needed = each * members.length;
        require(points[msg.sender] >= needed, "not enough points");
        points[msg.sender] -= needed;
        for (uint256 i = 0; i < members.length; i++) {
            require(members[i] != address(0), "zero address");
            points[members[i]] += each;
            emit PointsMoved(msg.sender, members[i], each);
        }
        emit PointsShared(msg.sender, members.length, each);
    }
}

contract CafeLoyaltyProgram is PointsLedger {
    struct Reward {
        string name;
        uint256 cost;
        uint256 stock;
    }

    address public admin;
    uint256 public pointsPerPurchase;
    mapping(address => bool) public baristas;
    Reward[] public rewards;

    event BaristaSet(address indexed barista, bool enabled);
    event PurchaseStamped(address indexed customer, address indexed barista);
    event RewardAdded(uint256 indexed rewardId, string name, uint256 cost);
    event RewardRedeemed(address indexed customer, uint256 indexed rewardId);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    modifier onlyBarista() {
        require(baristas[msg.sender], "barista only");
        _;
    }

    constructor(uint256 _pointsPerPurchase) public {
        admin = msg.sender;
        pointsPerPurchase = _pointsPerPurchase;
    }

    function setBarista(address barista, bool enabled) external onlyAdmin {
        baristas[barista] = enabled;
        emit BaristaSet(barista, enabled);
    }

    function addReward(string calldata name, uint256 cost, uint256 stock) external onlyAdmin {
        require(cost > 0, "free reward");
        rewards.push(Reward(name, cost, stock));
        emit RewardAdded(rewards.length - 1, name, cost);
    }

    function restock(uint256 rewardId, uint256 extra) external onlyAdmin {
        rewards[rewardId].stock += extra;
    }

    function stampPurchase(address customer) external onlyBarista {
        _issue(customer, pointsPerPurchase);
        emit PurchaseStamped(customer, msg.sender);
    }

    function redeem(uint256 rewardId) external {
        require(rewardId < rewards.length, "no such reward");
        Reward storage r = rewards[rewardId];
        require(r.stock > 0, "out of stock");
        r.stock -= 1;
        _burn(msg.sender, r.cost);
        emit RewardRedeemed(msg.sender, rewardId);
    }
}
