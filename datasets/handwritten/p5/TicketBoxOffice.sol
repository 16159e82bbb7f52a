// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function transfer(address to, uint256 amount) external returns (bool);
}

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "mul");
        return c;
    }
}

contract TicketBoxOffice {
    using SafeMath for uint256;

    struct Show {
        address organizer;
        uint256 ticketPrice;
        uint256 capacity;
        uint256 sold;
        uint256 revenue;
        bool onSale;
    }

    IERC20 public immutable paymentToken;
    uint256 public showCount;
    mapping(uint256 => Show) public shows;
    mapping(uint256 => mapping(address => uint256)) public ticketsOf;

    event ShowCreated(uint256 indexed showId, address indexed organizer, uint256 price, uint256 capacity);
    event PriceUpdated(uint256 indexed showId, uint256 newPrice);
    event SaleToggled(uint256 indexed showId, bool onSale);
    event TicketsPurchased(uint256 indexed showId, address indexed buyer, uint256 quantity, uint256 cost);
    event TicketsTransferred(uint256 indexed showId, address indexed from, address indexed to, uint256 quantity);
    event RevenueWithdrawn(uint256 indexed showId, uint256 amount);

    modifier onlyOrganizer(uint256 showId) {
        require(shows[showId].organizer == msg.sender, "not organizer");
        _;
    }

    constructor(IERC20 token) public {
        require(address(token) != address(0), "token");
        paymentToken = token;
    }

    function createShow(uint256 price, uint256 capacity) external returns (uint256 showId) {
        require(price > 0 && capacity > 0, "params");
        showCount = showCount.add(1);
        showId = showCount;
        Show storage s = shows[showId];
        s.organizer = msg.sender;
        s.ticketPrice = price;
        s.capacity = capacity;
        emit ShowCreated(showId, msg.sender, price, capacity);
    }

    function updatePrice(uint256 showId, uint256 newPrice) external onlyOrganizer(showId) {
        require(newPrice > 0, "price");
        shows[showId].ticketPrice = newPrice;
        emit PriceUpdated(showId, newPrice);
    }

    function setOnSale(uint256 showId, bool open) external onlyOrganizer(showId) {
        shows[showId].onSale = open;
        emit SaleToggled(showId, open);
    }

    function buyTickets(uint256 showId, uint256 quantity) external {
        Show storage s = shows[showId];
        require(s.onSale, "not on sale");
        require(quantity > 0 && quantity <= 10, "quantity");
        require(s.sold.add(quantity) <= s.capacity, "sold out");
        uint256 cost = s.ticketPrice.mul(quantity);
        s.sold = s.sold.add(quantity);
        s.revenue = s.revenue.add(cost);
        ticketsOf[showId][msg.sender] = ticketsOf[showId][msg.sender].add(quantity);
        require(paymentToken.transferFrom(msg.sender, address(this), cost), "payment failed");
        emit TicketsPurchased(showId, msg.sender, quantity, cost);
    }

    function transferTickets(uint256 showId, address to, uint256 quantity) external {
        require(to != address(0), "zero");
        uint256 held = ticketsOf[showId][msg.sender];
        require(quantity > 0 && quantity <= held, "not enough tickets");
        ticketsOf[showId][msg.sender] = held - quantity;
        ticketsOf[showId][to] = ticketsOf[showId][to].add(quantity);
        emit TicketsTransferred(showId, msg.sender, to, quantity);
    }

    function withdrawRevenue(uint256 showId) external onlyOrganizer(showId) {
        Show storage s = shows[showId];
        uint256 amount = s.revenue;
        require(amount > 0, "nothing");
        s.revenue = 0;
        require(paymentToken.transfer(msg.sender, amount), "transfer failed");
        emit RevenueWithdrawn(showId, amount);
    }
}
