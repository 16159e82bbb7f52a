// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "mul");
        return c;
    }
}

contract FanClubKeys {
    using SafeMath for uint256;

    uint256 public constant BASE_PRICE = 0.001 ether;
    uint256 public constant SLOPE = 0.0001 ether;
    uint256 public constant CREATOR_FEE_BPS = 500;
    uint256 public constant MAX_PER_TX = 50;

    address payable public immutable creator;
    uint256 public supply;
    uint256 public reserve;
    uint256 public creatorEarnings;
    mapping(address => uint256) public keysOf;
    mapping(address => uint256) public credit;

    event Deposited(address indexed member, uint256 amount);
    event Withdrawn(address indexed member, uint256 amount);
    event KeysBought(address indexed buyer, uint256 amount, uint256 cost, uint256 fee);
    event KeysSold(address indexed seller, uint256 amount, uint256 proceeds);
    event EarningsClaimed(uint256 amount);

    modifier onlyCreator() {
        require(msg.sender == creator, "creator only");
        _;
    }

    constructor(address payable _creator) {
        require(_creator != address(0), "zero creator");
        creator = _creator;
    }

    function curveCost(uint256 startSupply, uint256 amount) public pure returns (uint256) {
        uint256 linear = amount.mul(startSupply).add(amount.mul(amount.sub(1)) / 2);
        return amount.mul(BASE_PRICE).add(linear.mul(SLOPE));
    }

    function buyPrice(uint256 amount) external view returns (uint256 cost, uint256 fee) {
        cost = curveCost(supply, amount);
        fee = cost.mul(CREATOR_FEE_BPS) / 10000;
    }

    function deposit() external payable {
        require(msg.value > 0, "zero");
        credit[msg.sender] = credit[msg.sender].add(msg.value);
        emit Deposited(msg.sender, msg.value);
    }

    function withdraw(uint256 amount) external {
        credit[msg.sender] = credit[msg.sender].sub(amount);
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function buyKeys(uint256 amount) external {
        require(amount > 0 && amount <= MAX_PER_TX, "amount");
        uint256 cost = curveCost(supply, amount);
        uint256 fee = cost.mul(CREATOR_FEE_BPS) / 10000;
        uint256 total = cost.add(fee);
        credit[msg.sender] = credit[msg.sender].sub(total);
        supply = supply.add(amount);
        reserve = reserve.add(cost);
        creatorEarnings = creatorEarnings.add(fee);
        keysOf[msg.sender] = keysOf[msg.sender].add(amount);
        emit KeysBought(msg.sender, amount, cost, fee);
    }

    function sellKeys(uint256 amount, uint256 minProceeds) external {
        require(amount > 0 && amount <= MAX_PER_TX, "amount");
        require(keysOf[msg.sender] >= amount, "not enough keys");
        uint256 proceeds = curveCost(supply.sub(amount), amount);
        require(proceeds >= minProceeds, "proceeds below minimum");
        supply = supply.sub(amount);
        reserve = reserve.sub(proceeds);
        keysOf[msg.sender] = keysOf[msg.sender].sub(amount);
        credit[msg.sender] = credit[msg.sender].add(proceeds);
        emit KeysSold(msg.sender, amount, proceeds);
    }

    function claimEarnings() external onlyCreator {
        uint256 amount = creatorEarnings;
        require(amount > 0, "nothing");
        creatorEarnings = 0;
        creator.transfer(amount);
        emit EarningsClaimed(amount);
    }
}
