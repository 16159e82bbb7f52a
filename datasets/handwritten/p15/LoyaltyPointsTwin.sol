// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

interface IRewardCatalog {
    function priceOf(uint256 rewardId) external view returns (uint256);
    function fulfil(uint256 rewardId, address customer) external;
}

contract LoyaltyPoints {
    string public constant name = "Bean Counter Points";
    string public constant symbol = "BEAN";
    uint8 public constant decimals = 0;

    struct Store {
        string label;
        uint256 issuedToday;
        uint256 dayIndex;
        uint256 dailyCap;
    }

    address public owner;
    IRewardCatalog public catalog;
    uint256 public totalSupply;

    mapping(address => uint256) public balanceOf;
    mapping(address => bool) public issuers;
    mapping(address => Store) public stores;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event StoreEnrolled(address indexed store, string label, uint256 dailyCap);
    event IssuerChanged(address indexed store, bool enabled);
    event RewardRedeemed(address indexed customer, uint256 indexed rewardId, uint256 cost);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    modifier onlyIssuer() {
        require(issuers[msg.sender], "not an issuing store");
        _;
    }

    constructor(IRewardCatalog _catalog) {
        owner = msg.sender;
        catalog = _catalog;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        require(to != address(0), "zero address");
        require(balanceOf[msg.sender] >= amount, "not enough points");
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    function award(address customer, uint256 points) external onlyIssuer {
        Store storage s = stores[msg.sender];
        uint256 today = block.timestamp / 1 days;
        if (s.dayIndex != today) {
            s.dayIndex = today;
            s.issuedToday = 0;
        }
        require(s.issuedToday + points <= s.dailyCap, "daily cap reached");
        s.issuedToday += points;
        _mint(customer, points);
    }

    function enrollStore(address store, string calldata label, uint256 dailyCap) external onlyOwner {
        require(store != address(0), "zero address");
        require(dailyCap > 0, "cap required");
        Store storage s = stores[store];
        s.label = label;
        s.dailyCap = dailyCap;
        _setIssuer(store, true);
        emit StoreEnrolled(store, label, dailyCap);
    }

    function suspendStore(address store) external onlyOwner {
        _setIssuer(store, false);
    }

    function redeem(uint256 rewardId) external {
        uint256 cost = catalog.priceOf(rewardId);
        require(cost > 0, "unknown reward");
        require(balanceOf[msg.sender] >= cost, "not enough points");
        balanceOf[msg.sender] -= cost;
        totalSupply -= cost;
        emit Transfer(msg.sender, address(0), cost);
        catalog.fulfil(rewardId, msg.sender);
        emit RewardRedeemed(msg.sender, rewardId, cost);
    }

    function setCatalog(IRewardCatalog newCatalog) external onlyOwner {
        catalog = newCatalog;
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero address");
        owner = newOwner;
    }

    function _setIssuer(address store, bool enabled) internal {
        issuers[store] = enabled;
        emit IssuerChanged(store, enabled);
    }

    function _mint(address to, uint256 amount) internal {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }
}
