pragma solidity 0.4.25;

contract ConcertTicketBox {
    struct Show {
        string title;
        uint256 seatPrice;
        uint256 streamPrice;
        uint256 seatsLeft;
        uint256 startsAt;
        bool onSale;
    }

    address public organizer;
    uint256 public showCount;
    uint256 public proceeds;

    mapping(uint256 => Show) public shows;
    mapping(address => mapping(uint256 => uint256)) public seatTickets;
    mapping(address => mapping(uint256 => uint256)) public streamPasses;

    event ShowCreated(uint256 indexed showId, string title, uint256 seats);
    event SeatsBought(address indexed buyer, uint256 indexed showId, uint256 quantity);
    event PassesBought(address indexed buyer, uint256 indexed showId, uint256 passes);
    event TicketsGiven(address indexed from, address indexed to, uint256 indexed showId, uint256 quantity);
    event SalesClosed(uint256 indexed showId);
    event ProceedsWithdrawn(uint256 amount);

    modifier onlyOrganizer() {
        require(msg.sender == organizer, "organizer only");
        _;
    }

    modifier saleOpen(uint256 showId) {
        Show storage s = shows[showId];
        require(s.onSale, "not on sale");
        require(now < s.startsAt, "show started");
        _;
    }

    constructor() public {
        organizer = msg.sender;
    }

    function createShow(
        string title,
        uint256 seatPrice,
        uint256 streamPrice,
        uint256 seats,
        uint256 startsAt
    ) external onlyOrganizer returns (uint256 showId) {
        require(startsAt > now + 1 days, "too soon");
        require(seatPrice > 0 && streamPrice > 0, "prices");
        showId = ++showCount;
        shows[showId] = Show(title, seatPrice, streamPrice, seats, startsAt, true);
        emit ShowCreated(showId, title, seats);
    }

    function closeSales(uint256 showId) external onlyOrganizer {
        shows[showId].onSale = false;
        emit SalesClosed(showId);
    }

    function buySeats(uint256 showId, uint256 quantity) external payable saleOpen(showId) {
        Show storage s = shows[showId];
        require(quantity > 0 && quantity <= s.seatsLeft, "seats unavailable");
        require(msg.value == s.seatPrice * quantity, "wrong payment");
        s.seatsLeft -= quantity;
        seatTickets[msg.sender][showId] += quantity;
        proceeds += msg.value;
        emit SeatsBought(msg.sender, showId, quantity);
    }

    function buyStreamPasses(uint256 showId, uint256 passes) external payable saleOpen(showId) {
        Show storage s = shows[showId];
        require(passes > 0 && passes <= 50, "passes per order");
        uint256 cost = s.streamPrice * passes;
        require(msg.value == cost, "wrong payment");
        streamPasses[msg.sender][showId] += passes;
        proceeds += msg.value;
        emit PassesBought(msg.sender, showId, passes);
    }

    function giveSeats(address to, uint256 showId, uint256 quantity) external {
        require(to != address(0), "zero address");
        require(seatTickets[msg.sender][showId] >= quantity, "not enough tickets");
        seatTickets[msg.sender][showId] -= quantity;
        seatTickets[to][showId] += quantity;
        emit TicketsGiven(msg.sender, to, showId, quantity);
    }

    function withdrawProceeds(uint256 amount) external onlyOrganizer {
        require(amount <= proceeds, "exceeds proceeds");
        proceeds -= amount;
        organizer.transfer(amount);
        emit ProceedsWithdrawn(amount);
    }

    function hasAccess(address who, uint256 showId) external view returns (bool) {
        return seatTickets[who][showId] > 0 || streamPasses[who][showId] > 0;
    }
}
