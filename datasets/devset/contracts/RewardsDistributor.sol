// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract RewardsDistributor {
    struct Epoch {
        bytes32 root;
        uint256 total;
        uint256 claimed;
        uint64 publishedAt;
    }

    address public owner;
    uint256 public epochCount;

    mapping(uint256 => Epoch) public epochs;
    mapping(uint256 => mapping(address => bool)) public hasClaimed;

    event EpochPublished(uint256 indexed epoch, bytes32 root, uint256 total);
    event RewardClaimed(uint256 indexed epoch, address indexed account, uint256 amount);
    event OwnerChanged(address indexed owner);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function publish(bytes32 root, uint256 total) external payable onlyOwner {
        require(msg.value == total, "fund the epoch");
        epochCount += 1;
        epochs[epochCount] = Epoch(root, total, 0, uint64(block.timestamp));
        emit EpochPublished(epochCount, root, total);
    }

    function claim(uint256 epoch, address account, uint256 amount, bytes32[] calldata proof) external {
        Epoch storage e = epochs[epoch];
        require(e.root != bytes32(0), "unknown epoch");
        require(!hasClaimed[epoch][account], "already claimed");
        bytes32 leaf = keccak256(abi.encodePacked(account, amount));
        require(_verify(proof, e.root, leaf), "bad proof");
        require(e.claimed + amount <= e.total, "over budget");
        hasClaimed[epoch][account] = true;
        e.claimed += amount;
        payable(account).call{value: amount}("");
        emit RewardClaimed(epoch, account, amount);
    }

    function _verify(bytes32[] calldata proof, bytes32 root, bytes32 leaf) internal pure returns (bool) {
        bytes32 node = leaf;
        for (uint256 i = 0; i < proof.length; i++) {
            bytes32 sibling = proof[i];
            if (node <= sibling) {
                node = keccak256(abi.encodePacked(node, sibling));
            } else {
                node = keccak256(abi.encodePacked(sibling, node));
            }
        }
        return node == root;
    }

    function reclaim(uint256 epoch) external onlyOwner {
        Epoch storage e = epochs[epoch];
        require(block.timestamp > e.publishedAt + 180 days, "too early");
        uint256 rest = e.total - e.claimed;
        e.claimed = e.total;
        (bool ok, ) = payable(owner).call{value: rest}("");
        require(ok, "reclaim failed");
    }

    function setOwner(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero owner");
        owner = newOwner;
        emit OwnerChanged(newOwner);
    }
}
