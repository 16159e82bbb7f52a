// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract SyntheticGoldDesk {
    string public constant name = "Desk Gold Gram";
    string public constant symbol = "DGG";
    uint8 public constant decimals = 18;

    address public admin;
    address public feeder;
    uint256 public weiPerGram;
    uint256 public priceUpdatedAt;
    uint256 public constant MAX_AGE = 1 days;
    uint256 public feeBps = 30;
    uint256 public feesAccrued;
    uint256 public totalSupply;

    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event PriceUpdated(uint256 weiPerGram);
    event Minted(address indexed account, uint256 paid, uint256 grams);
    event Redeemed(address indexed account, uint256 grams, uint256 paid);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    modifier freshPrice() {
        require(now <= priceUpdatedAt + MAX_AGE, "stale price");
        _;
    }

    constructor(address _feeder, uint256 initialPrice) public {
        admin = msg.sender;
        feeder = _feeder;
        weiPerGram = initialPrice;
        priceUpdatedAt = now;
    }

    function updatePrice(uint256 price) external {
        require(msg.sender == feeder, "feeder only");
        require(price > 0, "price");
        weiPerGram = price;
        priceUpdatedAt = now;
        emit PriceUpdated(price);
    }

    function mint() external payable freshPrice returns (uint256 grams) {
        require(msg.value > 0, "nothing paid");
        uint256 fee = msg.value * feeBps / 10_000;
        feesAccrued += fee;
        grams = (msg.value - fee) * 1e18 / weiPerGram;
        totalSupply += grams;
        balanceOf[msg.sender] += grams;
        emit Transfer(address(0), msg.sender, grams);
        emit Minted(msg.sender, msg.value, grams);
    }

    function redeem(uint256 grams) external freshPrice returns (uint256 paid) {
        require(grams > 0 && balanceOf[msg.sender] >= grams, "balance");
        balanceOf[msg.sender] -= grams;
        totalSupply -= grams;
        uint256 gross = grams * weiPerGram / 1e18;
        uint256 fee = gross * feeBps / 10_000;
        feesAccrued += fee;
        paid = gross - fee;
        emit Transfer(msg.sender, address(0), grams);
        emit Redeemed(msg.sender, grams, paid);
        msg.sender.transfer(paid);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        require(to != address(0) && balanceOf[msg.sender] >= value, "transfer");
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }

    function setFeeder(address next) external onlyAdmin {
        require(next != address(0), "zero");
        feeder = next;
    }

    function collectFees() external onlyAdmin {
        uint256 amount = feesAccrued;
        feesAccrued = 0;
        msg.sender.transfer(amount);
    }
}
