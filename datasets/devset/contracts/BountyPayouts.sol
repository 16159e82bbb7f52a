// SPDX-License-Identifier: GPL-3.0
pragma solidity ^0.6.12;

contract BountyPayouts {
    struct Bounty {
        address sponsor;
        address token;
        uint256 amount;
        address hunter;
        bool awarded;
        bool withdrawn;
    }

    address public council;
    uint256 public bountyCount;

    mapping(uint256 => Bounty) public bounties;
    mapping(address => bool) public reviewers;
    mapping(address => uint256) public escrowed;

    event BountyOpened(uint256 indexed id, address indexed sponsor, address token, uint256 amount);
    event BountyAwarded(uint256 indexed id, address indexed hunter);
    event BountyPaid(uint256 indexed id, address indexed hunter, uint256 amount);
    event BountyWithdrawn(uint256 indexed id);

    modifier onlyCouncil() {
        require(msg.sender == council, "council only");
        _;
    }

    modifier onlyReviewer() {
        require(reviewers[msg.sender], "reviewer only");
        _;
    }

    constructor() public {
        council = msg.sender;
    }

    function setReviewer(address who, bool enabled) external onlyCouncil {
        reviewers[who] = enabled;
    }

    function open(address token, uint256 amount) external returns (uint256 id) {
        require(amount > 0, "zero");
        uint256 before = _balanceOf(token);
        (bool ok, bytes memory ret) = token.call(abi.encodeWithSelector(0x23b872dd, msg.sender, address(this), amount));
        require(ok && (ret.length == 0 || abi.decode(ret, (bool))), "funding failed");
        uint256 received = _balanceOf(token) - before;
        id = ++bountyCount;
        bounties[id] = Bounty(msg.sender, token, received, address(0), false, false);
        escrowed[token] += received;
        emit BountyOpened(id, msg.sender, token, received);
    }

    function award(uint256 id, address hunter) external onlyReviewer {
        Bounty storage b = bounties[id];
        require(b.sponsor != address(0) && !b.awarded && !b.withdrawn, "closed");
        require(hunter != address(0) && hunter != b.sponsor, "hunter");
        b.awarded = true;
        b.hunter = hunter;
        emit BountyAwarded(id, hunter);
        _pay(b);
        emit BountyPaid(id, hunter, b.amount);
    }

    function withdraw(uint256 id) external {
        Bounty storage b = bounties[id];
        require(msg.sender == b.sponsor && !b.awarded && !b.withdrawn, "not allowed");
        b.withdrawn = true;
        escrowed[b.token] -= b.amount;
        (bool ok, bytes memory ret) = b.token.call(abi.encodeWithSelector(0xa9059cbb, b.sponsor, b.amount));
        require(ok && (ret.length == 0 || abi.decode(ret, (bool))), "refund failed");
        emit BountyWithdrawn(id);
    }

    function _pay(Bounty storage b) internal {
        escrowed[b.token] -= b.amount;
        b.token.call(abi.encodeWithSelector(0xa9059cbb, b.hunter, b.amount));
    }

    function _balanceOf(address token) internal view returns (uint256) {
        (bool ok, bytes memory ret) = token.staticcall(abi.encodeWithSelector(0x70a08231, address(this)));
        require(ok && ret.length >= 32, "balance");
        return abi.decode(ret, (uint256));
    }
}
