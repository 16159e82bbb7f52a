// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract FestivalTicketBox {
    enum Tier { General, Weekend, Backstage }

    struct Ticket {
        address holder;
        Tier tier;
        bool checkedIn;
        bool refunded;
    }

    address payable public organizer;
    uint256 public festivalStart;
    uint256 public ticketCount;
    uint256 public capacity;
    uint256 public outstandingRefunds;
    bool public cancelled;

    mapping(uint8 => uint256) public tierPrice;
    mapping(uint256 => Ticket) public tickets;
    mapping(address => uint256) public refundBalance;

    event TicketSold(uint256 indexed ticketId, address indexed buyer, Tier tier);
    event CheckedIn(uint256 indexed ticketId);
    event FestivalCancelled();
    event RefundCredited(uint256 indexed ticketId, address indexed holder, uint256 amount);
    event RefundPaid(address indexed holder, uint256 amount);
    event BoxClosed(uint256 balance);

    modifier onlyOrganizer() {
        require(msg.sender == organizer, "organizer only");
        _;
    }

    constructor(uint256 _capacity, uint256 _startsInDays, uint256[3] memory prices) {
        require(_capacity > 0 && _capacity <= 20000, "capacity");
        require(_startsInDays >= 7 && _startsInDays <= 365, "start");
        organizer = msg.sender;
        capacity = _capacity;
        festivalStart = block.timestamp + _startsInDays * 1 days;
        for (uint8 i = 0; i < 3; i++) {
            require(prices[i] > 0 && prices[i] < 100 ether, "price");
            tierPrice[i] = prices[i];
        }
    }

    function buy(Tier tier) external payable returns (uint256 ticketId) {
        require(!cancelled, "cancelled");
        require(block.timestamp < festivalStart, "sales closed");
        require(ticketCount < capacity, "sold out");
        require(msg.value == tierPrice[uint8(tier)], "wrong price");
        ticketId = ticketCount;
        tickets[ticketId] = Ticket(msg.sender, tier, false, false);
        ticketCount = ticketId + 1;
        emit TicketSold(ticketId, msg.sender, tier);
    }

    function checkIn(uint256 ticketId) external onlyOrganizer {
        Ticket storage t = tickets[ticketId];
        require(t.holder != address(0), "no ticket");
        require(!t.checkedIn && !t.refunded, "used");
        t.checkedIn = true;
        emit CheckedIn(ticketId);
    }

    function cancelFestival() external onlyOrganizer {
        require(!cancelled, "already");
        require(block.timestamp < festivalStart, "started");
        cancelled = true;
        emit FestivalCancelled();
    }

    function creditRefund(uint256 ticketId) external {
        require(cancelled, "not cancelled");
        Ticket storage t = tickets[ticketId];
        require(t.holder == msg.sender, "not holder");
        require(!t.refunded, "refunded");
        t.refunded = true;
        uint256 amount = tierPrice[uint8(t.tier)];
        refundBalance[msg.sender] += amount;
        outstandingRefunds += amount;
        emit RefundCredited(ticketId, msg.sender, amount);
    }

    function withdrawRefund() external {
        uint256 amount = refundBalance[msg.sender];
        require(amount > 0, "nothing");
        refundBalance[msg.sender] = 0;
        outstandingRefunds -= amount;
        msg.sender.transfer(amount);
        emit RefundPaid(msg.sender, amount);
    }

    function closeBox() external {
        require(!cancelled, "cancelled");
        require(block.timestamp > festivalStart + 5 days, "too early");
        _settleAndClose();
    }

    function _settleAndClose() internal {
        emit BoxClosed(address(this).balance);
        selfdestruct(organizer);
    }

    function ticketsLeft() external view returns (uint256) {
        return capacity - ticketCount;
    }
}
