pragma solidity ^0.4.24;

contract SavingsLock {
    struct Account {
        uint256 balance;
        uint256 unlockAt;
        uint256 deposits;
    }

    address public admin;
    uint256 public minimumLock = 30 days;
    uint256 public totalLocked;

    mapping(address => Account) public accounts;

    event Locked(address indexed saver, uint256 amount, uint256 unlockAt);
    event Extended(address indexed saver, uint256 unlockAt);
    event Released(address indexed saver, uint256 amount);
    event MinimumChanged(uint256 minimumLock);

    modifier onlyAdmin() {
        require(msg.sender == admin);
        _;
    }

    constructor() public {
        admin = msg.sender;
    }

    function lock() public payable {
        require(msg.value > 0);
        Account storage a = accounts[msg.sender];
        a.balance += msg.value;
        a.deposits += 1;
        if (a.unlockAt < now + minimumLock) {
            a.unlockAt = now + minimumLock;
        }
        totalLocked += msg.value;
        emit Locked(msg.sender, msg.value, a.unlockAt);
    }

    function extend(uint256 extraSeconds) public {
        Account storage a = accounts[msg.sender];
        require(a.balance > 0);
        a.unlockAt += extraSeconds;
        emit Extended(msg.sender, a.unlockAt);
    }

    function release() public {
        Account storage a = accounts[msg.sender];
        require(a.balance > 0);
        require(now >= a.unlockAt);
        uint256 amount = a.balance;
        a.balance = 0;
        totalLocked -= amount;
        msg.sender.transfer(amount);
        emit Released(msg.sender, amount);
    }

    function setMinimumLock(uint256 period) public onlyAdmin {
        require(period >= 1 days && period <= 3650 days);
        minimumLock = period;
        emit MinimumChanged(period);
    }

    function timeLeft(address saver) public view returns (uint256) {
        if (now >= accounts[saver].unlockAt) {
            return 0;
        }
        return accounts[saver].unlockAt - now;
    }
}
