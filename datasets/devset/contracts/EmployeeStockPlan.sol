// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

interface IShareToken {
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previous, address indexed next);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    function transferOwnership(address next) external onlyOwner {
        require(next != address(0), "zero");
        emit OwnershipTransferred(owner, next);
        owner = next;
    }
}

contract EmployeeStockPlan is Ownable {
    struct Option {
        uint256 shares;
        uint256 strikePerShare;
        uint256 exercised;
        uint64 grantedAt;
        uint64 expiresAt;
        bool cancelled;
    }

    uint256 public constant CLIFF = 365 days;
    uint256 public constant VESTING = 4 * 365 days;

    IShareToken public immutable shares;
    uint256 public committed;
    uint256 public proceeds;

    mapping(address => Option) public options;

    event OptionGranted(address indexed employee, uint256 shares, uint256 strikePerShare);
    event OptionExercised(address indexed employee, uint256 shares, uint256 paid);
    event OptionCancelled(address indexed employee, uint256 unexercised);

    constructor(IShareToken _shares) {
        shares = _shares;
    }

    function grant(address employee, uint256 amount, uint256 strikePerShare) external onlyOwner {
        require(employee != address(0) && amount > 0, "grant");
        require(options[employee].shares == 0, "already granted");
        require(committed + amount <= shares.balanceOf(address(this)), "pool too small");
        committed += amount;
        options[employee] = Option(amount, strikePerShare, 0, uint64(block.timestamp), uint64(block.timestamp + 10 * 365 days), false);
        emit OptionGranted(employee, amount, strikePerShare);
    }

    function vestedShares(address employee) public view returns (uint256) {
        Option storage o = options[employee];
        if (o.cancelled) {
            return o.shares;
        }
        if (o.shares == 0 || block.timestamp < o.grantedAt + CLIFF) {
            return 0;
        }
        uint256 elapsed = block.timestamp - o.grantedAt;
        if (elapsed >= VESTING) {
            return o.shares;
        }
        return (o.shares * elapsed) / VESTING;
    }

    function exercise(uint256 amount) external payable {
        Option storage o = options[msg.sender];
        require(block.timestamp <= o.expiresAt, "expired");
        require(amount > 0 && o.exercised + amount <= vestedShares(msg.sender), "not vested");
        require(msg.value == amount * o.strikePerShare, "strike payment");
        o.exercised += amount;
        committed -= amount;
        proceeds += msg.value;
        require(shares.transfer(msg.sender, amount), "share transfer");
        emit OptionExercised(msg.sender, amount, msg.value);
    }

    function cancel(address employee) external onlyOwner {
        Option storage o = options[employee];
        require(o.shares > 0 && !o.cancelled, "no option");
        uint256 vested = vestedShares(employee);
        uint256 unvested = o.shares - vested;
        o.shares = vested;
        o.cancelled = true;
        committed -= unvested;
        emit OptionCancelled(employee, unvested);
    }

    function withdrawProceeds() external onlyOwner {
        uint256 amount = proceeds;
        proceeds = 0;
        (bool ok, ) = payable(owner).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
