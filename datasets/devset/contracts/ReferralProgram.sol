// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract ReferralProgram {
    struct Member {
        address referrer;
        uint64 joinedAt;
        uint32 referrals;
        uint256 spent;
    }

    address public owner;
    uint256 public membershipFee = 0.1 ether;
    uint256 public referralBps = 1500;
    uint256 public retained;

    mapping(address => Member) public members;
    mapping(address => bool) public isMember;

    event Joined(address indexed member, address indexed referrer);
    event ReferralPaid(address indexed referrer, address indexed member, uint256 bonus);
    event Purchase(address indexed member, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() {
        owner = msg.sender;
        isMember[msg.sender] = true;
    }

    function join(address referrer) external payable {
        require(!isMember[msg.sender], "already a member");
        require(msg.value == membershipFee, "fee");
        require(referrer != msg.sender, "self referral");
        if (!isMember[referrer]) {
            referrer = address(0);
        }
        isMember[msg.sender] = true;
        members[msg.sender] = Member(referrer, uint64(block.timestamp), 0, 0);
        uint256 bonus = 0;
        if (referrer != address(0)) {
            bonus = (msg.value * referralBps) / 10_000;
            members[referrer].referrals += 1;
            _payBonus(referrer, bonus);
            emit ReferralPaid(referrer, msg.sender, bonus);
        }
        retained += msg.value - bonus;
        emit Joined(msg.sender, referrer);
    }

    function purchase() external payable {
        require(isMember[msg.sender], "members only");
        require(msg.value > 0, "zero");
        members[msg.sender].spent += msg.value;
        retained += msg.value;
        emit Purchase(msg.sender, msg.value);
    }

    function _payBonus(address referrer, uint256 bonus) internal {
        payable(referrer).send(bonus);
    }

    function setFee(uint256 fee, uint256 bps) external onlyOwner {
        require(bps <= 3000, "bps");
        membershipFee = fee;
        referralBps = bps;
    }

    function withdraw(uint256 amount) external onlyOwner {
        require(amount <= retained, "too much");
        retained -= amount;
        (bool ok, ) = payable(owner).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
