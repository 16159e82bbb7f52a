// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract ScholarshipFund {
    struct Award {
        uint256 amount;
        uint64 validUntil;
        bool claimed;
        address claimedBy;
    }

    address public foundation;
    address public signer;
    uint256 public reserved;
    uint256 public totalAwarded;

    mapping(bytes32 => Award) public awards;
    mapping(address => uint256) public receivedBy;

    event Donation(address indexed from, uint256 amount);
    event AwardIssued(bytes32 indexed voucherId, uint256 amount, uint64 validUntil);
    event AwardClaimed(bytes32 indexed voucherId, address indexed student, uint256 amount);
    event SignerChanged(address indexed signer);

    modifier onlyFoundation() {
        require(msg.sender == foundation, "foundation only");
        _;
    }

    constructor(address _signer) {
        foundation = msg.sender;
        signer = _signer;
    }

    receive() external payable {
        emit Donation(msg.sender, msg.value);
    }

    function issue(bytes32 voucherId, uint256 amount, uint64 validUntil) external onlyFoundation {
        require(awards[voucherId].amount == 0, "exists");
        require(amount > 0 && reserved + amount <= address(this).balance, "funds");
        require(validUntil > block.timestamp + 7 days, "validity");
        awards[voucherId] = Award(amount, validUntil, false, address(0));
        reserved += amount;
        emit AwardIssued(voucherId, amount, validUntil);
    }

    function claim(bytes32 voucherId, uint8 v, bytes32 r, bytes32 s) external {
        Award storage a = awards[voucherId];
        require(a.amount > 0 && !a.claimed, "unavailable");
        require(block.timestamp <= a.validUntil, "expired");
        bytes32 digest = keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", keccak256(abi.encodePacked(address(this), voucherId, a.amount))));
        require(ecrecover(digest, v, r, s) == signer, "bad signature");
        a.claimed = true;
        a.claimedBy = msg.sender;
        reserved -= a.amount;
        totalAwarded += a.amount;
        receivedBy[msg.sender] += a.amount;
        _pay(payable(msg.sender), a.amount);
        emit AwardClaimed(voucherId, msg.sender, a.amount);
    }

    function _pay(address payable student, uint256 amount) internal {
        (bool ok, ) = student.call{value: amount}("");
        require(ok, "payment failed");
    }

    function cancelExpired(bytes32 voucherId) external onlyFoundation {
        Award storage a = awards[voucherId];
        require(!a.claimed && a.amount > 0 && block.timestamp > a.validUntil, "active");
        a.claimed = true;
        reserved -= a.amount;
    }

    function setSigner(address next) external onlyFoundation {
        require(next != address(0), "zero");
        signer = next;
        emit SignerChanged(next);
    }
}
