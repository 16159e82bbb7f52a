pragma solidity ^0.5.0;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }
}

contract SurplusLotSale {
    using SafeMath for uint256;

    struct Lot {
        string description;
        uint256 reservePrice;
        uint256 closesAt;
        address winner;
        uint256 price;
        bool settled;
    }

    address payable public liquidator;
    uint256 public proceeds;
    Lot[] public lots;
    mapping(address => uint256) public refunds;

    event LotListed(uint256 indexed lotId, string description, uint256 reservePrice, uint256 closesAt);
    event BidPlaced(uint256 indexed lotId, address indexed bidder, uint256 amount);
    event LotSettled(uint256 indexed lotId, address indexed winner, uint256 price);
    event RefundWithdrawn(address indexed bidder, uint256 amount);
    event ProceedsWithdrawn(uint256 amount);

    modifier onlyLiquidator() {
        require(msg.sender == liquidator, "liquidator only");
        _;
    }

    modifier validLot(uint256 lotId) {
        require(lotId < lots.length, "unknown lot");
        _;
    }

    constructor() public {
        liquidator = msg.sender;
    }

    function listLot(string calldata description, uint256 reservePrice, uint256 duration) external onlyLiquidator {
        require(reservePrice > 0, "zero reserve");
        require(duration >= 1 days && duration <= 30 days, "bad duration");
        uint256 closesAt = now.add(duration);
        lots.push(Lot(description, reservePrice, closesAt, address(0), 0, false));
        emit LotListed(lots.length - 1, description, reservePrice, closesAt);
    }

    function bid(uint256 lotId) external payable validLot(lotId) {
        Lot storage lot = lots[lotId];
        require(now < lot.closesAt, "bidding closed");
        require(msg.value >= lot.reservePrice, "below reserve");
        require(msg.value > lot.price, "bid too low");
        if (lot.winner != address(0)) {
            refunds[lot.winner] = refunds[lot.winner].add(lot.price);
        }
        lot.winner = msg.sender;
        lot.price = msg.value;
        emit BidPlaced(lotId, msg.sender, msg.value);
    }

    function settle(uint256 lotId) external validLot(lotId) {
        Lot storage lot = lots[lotId];
        require(now >= lot.closesAt, "still open");
        require(!lot.settled, "already settled");
        lot.settled = true;
        proceeds = proceeds.add(lot.price);
        emit LotSettled(lotId, lot.winner, lot.price);
    }

    function withdrawRefund() external {
        uint256 amount = refunds[msg.sender];
        require(amount > 0, "nothing owed");
        refunds[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit RefundWithdrawn(msg.sender, amount);
    }

    function withdrawProceeds() external onlyLiquidator {
        uint256 amount = proceeds;
        require(amount > 0, "no proceeds");
        proceeds = 0;
        liquidator.transfer(amount);
        emit ProceedsWithdrawn(amount);
    }

    function lotCount() external view returns (uint256) {
        return lots.length;
    }
}
