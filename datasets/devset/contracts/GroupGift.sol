// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract GroupGift {
    struct Pool {
        address organiser;
        address payable recipient;
        uint256 target;
        uint256 deadline;
        bool delivered;
        bool refunding;
    }

    Pool public pool;
    uint256 public collected;
    address[] public contributors;
    mapping(address => uint256) public contributed;

    event Chipped(address indexed friend, uint256 amount, uint256 collected);
    event Delivered(address indexed recipient, uint256 amount);
    event RefundsOpened();
    event Refunded(address indexed friend, uint256 amount);

    modifier onlyOrganiser() {
        require(msg.sender == pool.organiser, "organiser only");
        _;
    }

    constructor(address payable recipient, uint256 target, uint256 daysOpen) {
        require(recipient != address(0) && target > 0, "setup");
        require(daysOpen >= 1 && daysOpen <= 60, "days");
        pool = Pool(msg.sender, recipient, target, block.timestamp + daysOpen * 1 days, false, false);
    }

    function chipIn() external payable {
        require(!pool.delivered && !pool.refunding, "closed");
        require(block.timestamp < pool.deadline, "too late");
        require(msg.value > 0, "zero");
        if (contributed[msg.sender] == 0) {
            contributors.push(msg.sender);
        }
        contributed[msg.sender] += msg.value;
        collected += msg.value;
        emit Chipped(msg.sender, msg.value, collected);
    }

    function deliver() external onlyOrganiser {
        require(!pool.delivered && !pool.refunding, "closed");
        require(collected >= pool.target, "target not met");
        _checkBooks();
        pool.delivered = true;
        uint256 amount = collected;
        collected = 0;
        (bool ok, ) = pool.recipient.call{value: amount}("");
        require(ok, "delivery failed");
        emit Delivered(pool.recipient, amount);
    }

    function openRefunds() external {
        require(!pool.delivered && !pool.refunding, "closed");
        require(block.timestamp >= pool.deadline && collected < pool.target, "not failed");
        _checkBooks();
        pool.refunding = true;
        emit RefundsOpened();
    }

    function refund() external {
        require(pool.refunding, "not refunding");
        uint256 amount = contributed[msg.sender];
        require(amount > 0, "nothing");
        contributed[msg.sender] = 0;
        collected -= amount;
        msg.sender.transfer(amount);
        emit Refunded(msg.sender, amount);
    }

    function _checkBooks() internal view {
        require(address(this).balance == collected, "books do not balance");
    }

    function contributorCount() external view returns (uint256) {
        return contributors.length;
    }
}
