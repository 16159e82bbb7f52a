pragma solidity 0.4.24;

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0), "zero address");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract CharityAuction is Ownable {
    struct Lot {
        string title;
        uint256 reservePrice;
        uint256 closesAt;
        address leader;
        uint256 topBid;
        bool settled;
    }

    address public charity;
    uint256 public raised;
    uint256 public minIncrementPercent = 5;
    Lot[] public lots;
    mapping(address => uint256) public pendingReturns;

    event LotCreated(uint256 indexed lotId, string title, uint256 reservePrice, uint256 closesAt);
    event BidPlaced(uint256 indexed lotId, address indexed bidder, uint256 amount);
    event LotSettled(uint256 indexed lotId, address indexed winner, uint256 amount);
    event DonationForwarded(address indexed charity, uint256 amount);
    event BidReturned(address indexed bidder, uint256 amount);

    constructor(address _charity) public {
        require(_charity != address(0), "zero address");
        charity = _charity;
    }

    function createLot(string _title, uint256 _reservePrice, uint256 _durationDays) external onlyOwner returns (uint256) {
        require(_durationDays > 0 && _durationDays <= 30, "bad duration");
        uint256 closesAt = now + _durationDays * 1 days;
        lots.push(Lot(_title, _reservePrice, closesAt, address(0), 0, false));
        uint256 lotId = lots.length - 1;
        emit LotCreated(lotId, _title, _reservePrice, closesAt);
        return lotId;
    }

    function setMinIncrement(uint256 _percent) external onlyOwner {
        require(_percent >= 1 && _percent <= 50, "out of range");
        minIncrementPercent = _percent;
    }

    function lotCount() external view returns (uint256) {
        return lots.length;
    }

    function minimumBid(uint256 _lotId) public view returns (uint256) {
        Lot storage lot = lots[_lotId];
        if (lot.leader == address(0)) {
            return lot.reservePrice;
        }
        return lot.topBid + (lot.topBid * minIncrementPercent) / 100;
    }

    function bid(uint256 _lotId) external payable {
        Lot storage lot = lots[_lotId];
        require(now < lot.closesAt, "lot closed");
        require(msg.value >= minimumBid(_lotId), "bid too low");
        if (lot.leader != address(0)) {
            _releasePreviousBid(lot);
        }
        lot.leader = msg.sender;
        lot.topBid = msg.value;
        emit BidPlaced(_lotId, msg.sender, msg.value);
    }

    function _releasePreviousBid(Lot storage lot) internal {
        pendingReturns[lot.leader] += lot.topBid;
    }

    function withdrawReturn() external {
        uint256 amount = pendingReturns[msg.sender];
        require(amount > 0, "nothing to return");
        pendingReturns[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit BidReturned(msg.sender, amount);
    }

    function settle(uint256 _lotId) external {
        Lot storage lot = lots[_lotId];
        require(now >= lot.closesAt, "still open");
        require(!lot.settled, "already settled");
        lot.settled = true;
        raised += lot.topBid;
        emit LotSettled(_lotId, lot.leader, lot.topBid);
    }

    function forwardDonations() external onlyOwner {
        uint256 amount = raised;
        require(amount > 0, "nothing raised");
        raised = 0;
        charity.transfer(amount);
        emit DonationForwarded(charity, amount);
    }
}
