// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract GuildTreasury {
    struct Member {
        uint256 shares;
        uint64 joinedAt;
        bool active;
    }

    struct Handler {
        address target;
        address registeredBy;
        uint64 registeredAt;
    }

    address public steward;
    uint256 public totalShares;
    uint256 public minimumDues = 0.1 ether;
    uint256 public memberCount;

    mapping(address => Member) public members;
    mapping(bytes32 => Handler) public handlers;

    event Joined(address indexed member, uint256 shares);
    event Left(address indexed member, uint256 payout);
    event HandlerRegistered(bytes32 indexed name, address indexed target, address indexed by);
    event ActionPerformed(bytes32 indexed name, address indexed member, uint256 amount);
    event Donation(address indexed from, uint256 amount);

    modifier onlySteward() {
        require(msg.sender == steward, "steward only");
        _;
    }

    modifier onlyMember() {
        require(members[msg.sender].active, "members only");
        _;
    }

    constructor() public {
        steward = msg.sender;
    }

    receive() external payable {
        emit Donation(msg.sender, msg.value);
    }

    function join() external payable {
        require(msg.value >= minimumDues, "dues too low");
        Member storage m = members[msg.sender];
        if (!m.active) {
            m.active = true;
            m.joinedAt = uint64(block.timestamp);
            memberCount += 1;
        }
        m.shares += msg.value;
        totalShares += msg.value;
        emit Joined(msg.sender, msg.value);
    }

    function leave() external onlyMember {
        Member storage m = members[msg.sender];
        uint256 payout = (m.shares * address(this).balance) / totalShares;
        totalShares -= m.shares;
        m.shares = 0;
        m.active = false;
        memberCount -= 1;
        msg.sender.transfer(payout);
        emit Left(msg.sender, payout);
    }

    function registerHandler(bytes32 name, address target) external onlySteward {
        require(target != address(0), "zero target");
        require(handlers[name].target == address(0), "name taken");
        handlers[name] = Handler(target, msg.sender, uint64(block.timestamp));
        emit HandlerRegistered(name, target, msg.sender);
    }

    function perform(bytes32 name, uint256 amount) external onlyMember {
        Handler storage h = handlers[name];
        require(h.target != address(0), "unknown action");
        _dispatch(h.target, amount);
        emit ActionPerformed(name, msg.sender, amount);
    }

    function setMinimumDues(uint256 dues) external onlySteward {
        minimumDues = dues;
    }

    function handOver(address newSteward) external onlySteward {
        require(newSteward != address(0), "zero steward");
        steward = newSteward;
    }

    function _dispatch(address target, uint256 amount) internal {
        bytes memory payload = abi.encodeWithSignature("perform(address,uint256)", msg.sender, amount);
        (bool ok, ) = target.delegatecall(payload);
        require(ok, "action failed");
    }
}
