// SPDX-License-Identifier: MIT
pragma solidity ^0.7.6;

contract TipJar {
    struct Creator {
        address payable wallet;
        string handle;
        uint256 received;
        uint256 tipCount;
        bool listed;
    }

    address payable public platform;
    uint256 public platformFeeBps = 250;
    uint256 public platformEarnings;

    mapping(bytes32 => Creator) public creators;
    mapping(address => uint256) public tippedBy;

    event CreatorListed(bytes32 indexed id, string handle, address wallet);
    event CreatorDelisted(bytes32 indexed id);
    event Tipped(bytes32 indexed id, address indexed from, uint256 amount, string note);

    modifier onlyPlatform() {
        require(msg.sender == platform, "platform only");
        _;
    }

    constructor() {
        platform = msg.sender;
    }

    function list(string calldata handle) external returns (bytes32 id) {
        id = keccak256(bytes(handle));
        require(!creators[id].listed, "handle taken");
        creators[id] = Creator(msg.sender, handle, 0, 0, true);
        emit CreatorListed(id, handle, msg.sender);
    }

    function delist(bytes32 id) external {
        Creator storage c = creators[id];
        require(msg.sender == c.wallet || msg.sender == platform, "not allowed");
        c.listed = false;
        emit CreatorDelisted(id);
    }

    function tip(bytes32 id, string calldata note) external payable {
        Creator storage c = creators[id];
        require(c.listed, "unknown creator");
        require(msg.value > 0, "empty tip");
        uint256 fee = msg.value * platformFeeBps / 10000;
        uint256 net = msg.value - fee;
        platformEarnings += fee;
        c.received += net;
        c.tipCount += 1;
        tippedBy[msg.sender] += msg.value;
        c.wallet.call{value: net}("");
        emit Tipped(id, msg.sender, net, note);
    }

    function setFee(uint256 bps) external onlyPlatform {
        require(bps <= 1000, "fee too high");
        platformFeeBps = bps;
    }

    function withdrawEarnings() external onlyPlatform {
        uint256 amount = platformEarnings;
        platformEarnings = 0;
        (bool ok, ) = platform.call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
