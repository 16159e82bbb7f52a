pragma solidity ^0.5.0;

interface ITicketToken {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

library PoolMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256 c) {
        c = a + b;
        require(c >= a, "add bound");
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub bound");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256 c) {
        if (a == 0) return 0;
        c = a * b;
        require(c / a == b, "mul bound");
    }
}

contract FestivalTicketPool {
    using PoolMath for uint256;

    uint256 public constant FEE_NUM = 997;
    uint256 public constant FEE_DEN = 1000;

    ITicketToken public ticket;
    address public organiser;
    uint256 public ethReserve;
    uint256 public ticketReserve;
    bool public tradingOpen;

    event Seeded(uint256 ethAmount, uint256 ticketAmount);
    event BoughtTickets(address indexed buyer, uint256 ethIn, uint256 ticketsOut);
    event SoldTickets(address indexed seller, uint256 ticketsIn, uint256 ethOut);
    event TradingSet(bool open);

    modifier onlyOrganiser() {
        require(msg.sender == organiser, "organiser only");
        _;
    }

    modifier whenOpen() {
        require(tradingOpen, "trading closed");
        _;
    }

    constructor(ITicketToken _ticket) public {
        ticket = _ticket;
        organiser = msg.sender;
    }

    function seed(uint256 ticketAmount) external payable onlyOrganiser {
        require(ethReserve == 0 && ticketReserve == 0, "already seeded");
        require(msg.value > 0 && ticketAmount > 0, "empty seed");
        ethReserve = msg.value;
        ticketReserve = ticketAmount;
        tradingOpen = true;
        require(ticket.transferFrom(msg.sender, address(this), ticketAmount), "seed transfer failed");
        emit Seeded(msg.value, ticketAmount);
    }

    function setTradingOpen(bool open) external onlyOrganiser {
        tradingOpen = open;
        emit TradingSet(open);
    }

    function quoteOut(uint256 amountIn, uint256 reserveIn, uint256 reserveOut) public pure returns (uint256) {
        require(amountIn > 0 && reserveIn > 0 && reserveOut > 0, "empty quote");
        uint256 inWithFee = amountIn.mul(FEE_NUM);
        uint256 numerator = inWithFee.mul(reserveOut);
        uint256 denominator = reserveIn.mul(FEE_DEN).add(inWithFee);
        return numerator / denominator;
    }

    function buyTickets(uint256 minTicketsOut) external payable whenOpen returns (uint256 out) {
        out = quoteOut(msg.value, ethReserve, ticketReserve);
        require(out >= minTicketsOut, "price moved");
        require(out < ticketReserve, "pool too thin");
        ethReserve = ethReserve.add(msg.value);
        ticketReserve = ticketReserve.sub(out);
        require(ticket.transfer(msg.sender, out), "ticket transfer failed");
        emit BoughtTickets(msg.sender, msg.value, out);
    }

    function sellTickets(uint256 ticketsIn, uint256 minEthOut) external whenOpen returns (uint256 out) {
        out = quoteOut(ticketsIn, ticketReserve, ethReserve);
        require(out >= minEthOut, "price moved");
        require(out < ethReserve, "pool too thin");
        ticketReserve = ticketReserve.add(ticketsIn);
        ethReserve = ethReserve.sub(out);
        require(ticket.transferFrom(msg.sender, address(this), ticketsIn), "ticket transfer failed");
        msg.sender.transfer(out);
        emit SoldTickets(msg.sender, ticketsIn, out);
    }

    function spotPrice() external view returns (uint256 weiPerTicket) {
        require(ticketReserve > 0, "not seeded");
        return ethReserve.mul(1e18) / ticketReserve;
    }
}
