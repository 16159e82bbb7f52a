// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract TransitFareCard {
    struct Card {
        uint256 balance;
        uint256 rides;
        uint64 lastTapAt;
        bool blocked;
    }

    address public authority;
    uint256 public revenue;
    mapping(uint8 => uint256) public zoneFare;

    mapping(address => Card) public cards;
    mapping(address => mapping(address => uint256)) public sharingAllowance;
    mapping(address => bool) public gates;

    event ToppedUp(address indexed holder, uint256 amount);
    event Tapped(address indexed holder, address indexed gate, uint8 zones, uint256 fare);
    event SharingSet(address indexed holder, address indexed member, uint256 amount);
    event BalanceMoved(address indexed from, address indexed to, uint256 amount);
    event CardBlocked(address indexed holder, bool blocked);

    modifier onlyAuthority() {
        require(msg.sender == authority, "authority only");
        _;
    }

    modifier onlyGate() {
        require(gates[msg.sender], "gate only");
        _;
    }

    constructor() {
        authority = msg.sender;
        zoneFare[1] = 0.0008 ether;
        zoneFare[2] = 0.0012 ether;
        zoneFare[3] = 0.0018 ether;
    }

    function topUp() external payable {
        require(msg.value > 0, "amount");
        cards[msg.sender].balance += msg.value;
        emit ToppedUp(msg.sender, msg.value);
    }

    function setGate(address gate, bool enabled) external onlyAuthority {
        gates[gate] = enabled;
    }

    function tap(address holder, uint8 zones) external onlyGate {
        Card storage c = cards[holder];
        uint256 fare = zoneFare[zones];
        require(fare > 0 && !c.blocked, "cannot ride");
        require(c.balance >= fare, "top up");
        c.balance -= fare;
        c.rides += 1;
        c.lastTapAt = uint64(block.timestamp);
        revenue += fare;
        emit Tapped(holder, msg.sender, zones, fare);
    }

    function increaseSharing(address member, uint256 amount) external {
        require(member != address(0) && member != msg.sender, "member");
        sharingAllowance[msg.sender][member] += amount;
        emit SharingSet(msg.sender, member, sharingAllowance[msg.sender][member]);
    }

    function revokeSharing(address member) external {
        sharingAllowance[msg.sender][member] = 0;
        emit SharingSet(msg.sender, member, 0);
    }

    function moveFrom(address holder, uint256 amount) external {
        Card storage from = cards[holder];
        require(!from.blocked, "blocked");
        require(from.balance >= amount, "balance");
        _useSharing(holder, amount);
        from.balance -= amount;
        cards[msg.sender].balance += amount;
        emit BalanceMoved(holder, msg.sender, amount);
    }

    function _useSharing(address holder, uint256 amount) internal {
        sharingAllowance[holder][msg.sender] -= amount;
    }

    function refund(uint256 amount) external {
        Card storage c = cards[msg.sender];
        require(!c.blocked && c.balance >= amount, "balance");
        c.balance -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "refund failed");
    }

    function setBlocked(address holder, bool blocked) external onlyAuthority {
        cards[holder].blocked = blocked;
        emit CardBlocked(holder, blocked);
    }

    function withdrawRevenue() external onlyAuthority {
        uint256 amount = revenue;
        revenue = 0;
        (bool ok, ) = payable(authority).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
