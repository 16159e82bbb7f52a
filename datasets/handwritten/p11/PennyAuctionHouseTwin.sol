// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract PennyAuctionHouse {
    struct Lot {
        string title;
        uint256 bidFee;
        uint256 pot;
        address leader;
        uint256 lastBidBlock;
        uint256 bidCount;
        bool settled;
    }

    uint256 public constant COUNTDOWN_BLOCKS = 5;
    uint256 public constant HOUSE_CUT_PCT = 10;

    address public owner;
    uint256 public lotCount;
    uint256 public houseBalance;

    mapping(uint256 => Lot) public lots;
    mapping(address => uint256) public credits;

    event LotListed(uint256 indexed lotId, string title, uint256 bidFee);
    event BidPlaced(uint256 indexed lotId, address indexed bidder, uint256 pot, uint256 bidCount);
    event LotSettled(uint256 indexed lotId, address indexed winner, uint256 prize);
    event CreditsWithdrawn(address indexed account, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    modifier lotExists(uint256 lotId) {
        require(lotId < lotCount, "no lot");
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function listLot(string calldata title, uint256 bidFee) external payable onlyOwner returns (uint256 lotId) {
        require(bidFee >= 1e12 && bidFee <= 1 ether, "fee range");
        lotId = lotCount;
        Lot storage lot = lots[lotId];
        lot.title = title;
        lot.bidFee = bidFee;
        lot.pot = msg.value;
        lotCount = lotId + 1;
        emit LotListed(lotId, title, bidFee);
    }

    function bid(uint256 lotId) external payable lotExists(lotId) {
        Lot storage lot = lots[lotId];
        require(!lot.settled, "settled");
        require(msg.value == lot.bidFee, "wrong fee");
        require(lot.leader == address(0) || _stillRunning(lot), "closed");
        require(msg.sender != lot.leader, "already leading");

        uint256 cut = (msg.value * HOUSE_CUT_PCT) / 100;
        houseBalance += cut;
        lot.pot += msg.value - cut;
        lot.leader = msg.sender;
        lot.lastBidBlock = block.number;
        lot.bidCount += 1;

        emit BidPlaced(lotId, msg.sender, lot.pot, lot.bidCount);
    }

    function settle(uint256 lotId) external lotExists(lotId) {
        Lot storage lot = lots[lotId];
        require(!lot.settled, "settled");
        require(lot.leader != address(0), "no bids");
        require(!_stillRunning(lot), "running");

        lot.settled = true;
        uint256 prize = lot.pot;
        lot.pot = 0;
        credits[lot.leader] += prize;

        emit LotSettled(lotId, lot.leader, prize);
    }

    function withdrawCredits() external {
        uint256 amount = credits[msg.sender];
        require(amount > 0, "nothing owed");
        credits[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "payout failed");
        emit CreditsWithdrawn(msg.sender, amount);
    }

    function withdrawHouse(address payable to) external onlyOwner {
        uint256 amount = houseBalance;
        require(amount > 0, "empty");
        houseBalance = 0;
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "transfer failed");
    }

    function leaderOf(uint256 lotId) external view lotExists(lotId) returns (address, uint256) {
        Lot storage lot = lots[lotId];
        return (lot.leader, lot.lastBidBlock);
    }

    function _stillRunning(Lot storage lot) internal view returns (bool) {
        return block.number < lot.lastBidBlock + COUNTDOWN_BLOCKS;
    }
}
