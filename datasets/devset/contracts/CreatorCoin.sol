// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

contract CreatorCoin {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;

    address public immutable creator;
    uint256 public immutable basePrice;
    uint256 public immutable slope;
    uint256 public constant CREATOR_FEE_BPS = 300;

    uint256 public totalSupply;
    uint256 public creatorEarnings;

    mapping(address => uint256) public balanceOf;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Bought(address indexed buyer, uint256 paid, uint256 tokens, uint256 price);
    event Sold(address indexed seller, uint256 tokens, uint256 proceeds, uint256 price);

    constructor(string memory _name, string memory _symbol, uint256 _basePrice, uint256 _slope) {
        require(_basePrice > 0, "base price");
        name = _name;
        symbol = _symbol;
        creator = msg.sender;
        basePrice = _basePrice;
        slope = _slope;
    }

    function spotPrice() public view returns (uint256) {
        return basePrice + (slope * totalSupply) / 1e18;
    }

    function buy() external payable {
        require(msg.value > 0, "zero");
        uint256 fee = (msg.value * CREATOR_FEE_BPS) / 10_000;
        uint256 price = spotPrice();
        uint256 tokens = ((msg.value - fee) * 1e18) / price;
        require(tokens > 0, "too small");
        creatorEarnings += fee;
        totalSupply += tokens;
        balanceOf[msg.sender] += tokens;
        emit Transfer(address(0), msg.sender, tokens);
        emit Bought(msg.sender, msg.value, tokens, price);
    }

    function sell(uint256 tokens) external {
        require(tokens > 0 && balanceOf[msg.sender] >= tokens, "balance");
        balanceOf[msg.sender] -= tokens;
        totalSupply -= tokens;
        uint256 price = spotPrice();
        uint256 proceeds = (tokens * price) / 1e18;
        require(proceeds <= address(this).balance - creatorEarnings, "reserve");
        emit Transfer(msg.sender, address(0), tokens);
        emit Sold(msg.sender, tokens, proceeds, price);
        (bool ok, ) = payable(msg.sender).call{value: proceeds}("");
        require(ok, "payout failed");
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        require(to != address(0), "zero");
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    function withdrawEarnings() external {
        require(msg.sender == creator, "creator only");
        uint256 amount = creatorEarnings;
        creatorEarnings = 0;
        (bool ok, ) = payable(creator).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
