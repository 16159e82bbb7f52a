// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

contract InvestmentClubAccount {
    struct Action {
        address adapter;
        bytes data;
    }

    struct MemberInfo {
        uint128 contributed;
        uint64 joinedAt;
        bool active;
    }

    uint256 public constant JOINING_FEE = 0.1 ether;

    address public chair;
    uint256 public memberCount;
    uint256 public actionsRun;

    mapping(address => MemberInfo) public members;
    mapping(address => bool) public approvedAdapter;

    event Joined(address indexed member);
    event Contributed(address indexed member, uint256 amount);
    event AdapterApproved(address indexed adapter, bool approved);
    event ActionsRun(address indexed member, uint256 count);

    error NotMember();
    error AdapterNotApproved(address adapter);

    modifier onlyChair() {
        require(msg.sender == chair, "chair only");
        _;
    }

    modifier onlyMember() {
        if (!members[msg.sender].active) revert NotMember();
        _;
    }

    constructor() {
        chair = msg.sender;
        members[msg.sender] = MemberInfo(0, uint64(block.timestamp), true);
        memberCount = 1;
    }

    receive() external payable {}

    function join() external payable {
        require(!members[msg.sender].active, "member");
        require(msg.value == JOINING_FEE, "fee");
        members[msg.sender] = MemberInfo(uint128(msg.value), uint64(block.timestamp), true);
        memberCount += 1;
        emit Joined(msg.sender);
    }

    function contribute() external payable onlyMember {
        require(msg.value > 0, "zero");
        members[msg.sender].contributed += uint128(msg.value);
        emit Contributed(msg.sender, msg.value);
    }

    function setAdapter(address adapter, bool approved) external onlyChair {
        require(adapter.code.length > 0, "not a contract");
        approvedAdapter[adapter] = approved;
        emit AdapterApproved(adapter, approved);
    }

    function runActions(Action[] calldata actions) external onlyMember {
        require(actions.length > 0 && actions.length <= 8, "actions");
        if (!approvedAdapter[actions[0].adapter]) revert AdapterNotApproved(actions[0].adapter);
        for (uint256 i = 0; i < actions.length; i++) {
            (bool ok, bytes memory ret) = actions[i].adapter.delegatecall(actions[i].data);
            if (!ok) {
                assembly {
                    revert(add(ret, 32), mload(ret))
                }
            }
        }
        actionsRun += actions.length;
        emit ActionsRun(msg.sender, actions.length);
    }

    function removeMember(address member) external onlyChair {
        require(member != chair && members[member].active, "member");
        members[member].active = false;
        memberCount -= 1;
    }

    function setChair(address next) external onlyChair {
        require(members[next].active, "not a member");
        chair = next;
    }
}
