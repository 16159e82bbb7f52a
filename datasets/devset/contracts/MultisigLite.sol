// SPDX-License-Identifier: MIT
pragma solidity ^0.8.12;

contract MultisigLite {
    struct Proposal {
        address target;
        uint256 value;
        bytes data;
        uint256 confirmations;
        bool executed;
    }

    address[] public signers;
    uint256 public required;
    Proposal[] public proposals;

    mapping(address => bool) public isSigner;
    mapping(uint256 => mapping(address => bool)) public confirmed;

    event Deposited(address indexed from, uint256 amount);
    event Proposed(uint256 indexed id, address indexed target, uint256 value);
    event Confirmed(uint256 indexed id, address indexed signer);
    event Revoked(uint256 indexed id, address indexed signer);
    event Executed(uint256 indexed id);

    modifier onlySigner() {
        require(isSigner[msg.sender], "signer only");
        _;
    }

    modifier pending(uint256 id) {
        require(id < proposals.length && !proposals[id].executed, "not pending");
        _;
    }

    constructor(address[] memory initialSigners, uint256 threshold) {
        require(initialSigners.length >= threshold && threshold >= 2, "threshold");
        for (uint256 i = 0; i < initialSigners.length; i++) {
            address s = initialSigners[i];
            require(s != address(0) && !isSigner[s], "signer");
            isSigner[s] = true;
            signers.push(s);
        }
        required = threshold;
    }

    receive() external payable {
        emit Deposited(msg.sender, msg.value);
    }

    function propose(address target, uint256 value, bytes calldata data) external onlySigner returns (uint256 id) {
        id = proposals.length;
        proposals.push(Proposal(target, value, data, 0, false));
        emit Proposed(id, target, value);
        confirm(id);
    }

    function confirm(uint256 id) public onlySigner pending(id) {
        require(!confirmed[id][msg.sender], "confirmed");
        confirmed[id][msg.sender] = true;
        proposals[id].confirmations += 1;
        emit Confirmed(id, msg.sender);
    }

    function revoke(uint256 id) external onlySigner pending(id) {
        require(confirmed[id][msg.sender], "not confirmed");
        confirmed[id][msg.sender] = false;
        proposals[id].confirmations -= 1;
        emit Revoked(id, msg.sender);
    }

    function execute(uint256 id) external onlySigner pending(id) {
        Proposal storage p = proposals[id];
        require(p.confirmations >= required, "not enough confirmations");
        p.executed = true;
        p.target.call{value: p.value}(p.data);
        emit Executed(id);
    }

    function signerCount() external view returns (uint256) {
        return signers.length;
    }

    function proposalCount() external view returns (uint256) {
        return proposals.length;
    }
}
