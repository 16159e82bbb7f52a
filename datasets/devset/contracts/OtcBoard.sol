// SPDX-License-Identifier: MIT
pragma solidity ^0.7.6;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract OtcBoard {
    struct Offer {
        address maker;
        IERC20 token;
        uint256 remaining;
        uint256 weiPerToken;
        bool open;
    }

    address public operator;
    uint256 public feeBps = 20;
    uint256 public fees;
    uint256 public offerCount;

    mapping(uint256 => Offer) public offers;
    mapping(address => uint256) public credit;

    event Deposited(address indexed account, uint256 amount);
    event Withdrawn(address indexed account, uint256 amount);
    event OfferPosted(uint256 indexed id, address indexed maker, address token, uint256 amount, uint256 weiPerToken);
    event OfferRepriced(uint256 indexed id, uint256 weiPerToken);
    event OfferFilled(uint256 indexed id, address indexed taker, uint256 amount, uint256 cost);
    event OfferClosed(uint256 indexed id);

    modifier onlyMaker(uint256 id) {
        require(offers[id].maker == msg.sender, "maker only");
        _;
    }

    constructor() {
        operator = msg.sender;
    }

    function deposit() external payable {
        credit[msg.sender] += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function withdraw(uint256 amount) external {
        require(credit[msg.sender] >= amount, "credit");
        credit[msg.sender] -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "withdraw failed");
        emit Withdrawn(msg.sender, amount);
    }

    function post(IERC20 token, uint256 amount, uint256 weiPerToken) external returns (uint256 id) {
        require(amount > 0 && weiPerToken > 0, "offer");
        require(token.transferFrom(msg.sender, address(this), amount), "escrow failed");
        id = ++offerCount;
        offers[id] = Offer(msg.sender, token, amount, weiPerToken, true);
        emit OfferPosted(id, msg.sender, address(token), amount, weiPerToken);
    }

    function reprice(uint256 id, uint256 weiPerToken) external onlyMaker(id) {
        require(offers[id].open && weiPerToken > 0, "closed");
        offers[id].weiPerToken = weiPerToken;
        emit OfferRepriced(id, weiPerToken);
    }

    function fill(uint256 id, uint256 amount) external {
        Offer storage o = offers[id];
        require(o.open && amount > 0 && amount <= o.remaining, "size");
        uint256 cost = (amount * o.weiPerToken) / 1e18;
        require(credit[msg.sender] >= cost, "credit");
        uint256 fee = (cost * feeBps) / 10_000;
        credit[msg.sender] -= cost;
        credit[o.maker] += cost - fee;
        fees += fee;
        o.remaining -= amount;
        if (o.remaining == 0) {
            o.open = false;
        }
        require(o.token.transfer(msg.sender, amount), "delivery failed");
        emit OfferFilled(id, msg.sender, amount, cost);
    }

    function close(uint256 id) external onlyMaker(id) {
        Offer storage o = offers[id];
        require(o.open, "closed");
        o.open = false;
        uint256 rest = o.remaining;
        o.remaining = 0;
        require(o.token.transfer(msg.sender, rest), "return failed");
        emit OfferClosed(id);
    }

    function collectFees() external {
        require(msg.sender == operator, "operator only");
        uint256 amount = fees;
        fees = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "collect failed");
    }
}
