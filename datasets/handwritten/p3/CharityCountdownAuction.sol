pragma solidity 0.4.25;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }
}

contract CharityCountdownAuction {
    using SafeMath for uint256;

    address public organiser;
    address public beneficiary;
    string public lotName;
    uint256 public opensAt;
    uint256 public closesBy;
    uint256 public minIncrement;
    uint256 public lastBidAt;
    address public leader;
    uint256 public leadingBid;
    uint256 public bidCount;
    bool public settled;
    uint256 public constant BID_WINDOW = 45;

    mapping(address => uint256) public credits;

    event BidPlaced(address indexed bidder, uint256 amount, uint256 at);
    event CreditWithdrawn(address indexed account, uint256 amount);
    event Settled(address indexed winner, uint256 amount);
    event BeneficiaryChanged(address indexed beneficiary);

    modifier onlyOrganiser() {
        require(msg.sender == organiser);
        _;
    }

    modifier biddingOpen() {
        require(now >= opensAt && now < closesBy);
        require(_countdownRunning());
        _;
    }

    constructor(address _beneficiary, string _lotName, uint256 _opensAt, uint256 _minIncrement) public {
        require(_beneficiary != address(0));
        require(_opensAt >= now);
        require(_minIncrement > 0);
        organiser = msg.sender;
        beneficiary = _beneficiary;
        lotName = _lotName;
        opensAt = _opensAt;
        closesBy = _opensAt.add(14 days);
        minIncrement = _minIncrement;
    }

    function setBeneficiary(address newBeneficiary) external onlyOrganiser {
        require(!settled);
        require(newBeneficiary != address(0));
        beneficiary = newBeneficiary;
        emit BeneficiaryChanged(newBeneficiary);
    }

    function bid() external payable biddingOpen {
        require(msg.sender != leader);
        require(msg.value >= leadingBid.add(minIncrement));
        if (leader != address(0)) {
            credits[leader] = credits[leader].add(leadingBid);
        }
        leader = msg.sender;
        leadingBid = msg.value;
        lastBidAt = now;
        bidCount = bidCount.add(1);
        emit BidPlaced(msg.sender, msg.value, now);
    }

    function settle() external {
        require(!settled);
        require(leader != address(0));
        require(now >= closesBy || !_countdownRunning());
        settled = true;
        credits[beneficiary] = credits[beneficiary].add(leadingBid);
        emit Settled(leader, leadingBid);
    }

    function withdrawCredit() external {
        uint256 amount = credits[msg.sender];
        require(amount > 0);
        credits[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit CreditWithdrawn(msg.sender, amount);
    }

    function _countdownRunning() internal view returns (bool) {
        if (lastBidAt == 0) {
            return true;
        }
        return now < lastBidAt + BID_WINDOW;
    }

    function countdownEndsAt() external view returns (uint256) {
        if (lastBidAt == 0) {
            return 0;
        }
        return lastBidAt.add(BID_WINDOW);
    }
}
