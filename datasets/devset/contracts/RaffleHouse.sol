pragma solidity 0.5.17;

contract RaffleHouse {
    struct Raffle {
        string prizeName;
        uint256 ticketPrice;
        uint256 maxTickets;
        address[] tickets;
        address winner;
        bool drawn;
    }

    address payable public organizer;
    uint256 private seed;
    uint256 public raffleCount;

    mapping(uint256 => Raffle) public raffles;
    mapping(address => uint256) public refunds;

    event RaffleCreated(uint256 indexed id, string prizeName, uint256 ticketPrice, uint256 maxTickets);
    event TicketSold(uint256 indexed id, address indexed buyer, uint256 ticketNumber);
    event WinnerDrawn(uint256 indexed id, address indexed winner);

    modifier onlyOrganizer() {
        require(msg.sender == organizer, "organizer only");
        _;
    }

    constructor() public {
        organizer = msg.sender;
        seed = uint256(keccak256(abi.encodePacked(block.timestamp, block.coinbase)));
    }

    function createRaffle(string calldata prizeName, uint256 ticketPrice, uint256 maxTickets) external onlyOrganizer {
        require(maxTickets > 1, "need tickets");
        raffleCount += 1;
        Raffle storage r = raffles[raffleCount];
        r.prizeName = prizeName;
        r.ticketPrice = ticketPrice;
        r.maxTickets = maxTickets;
        emit RaffleCreated(raffleCount, prizeName, ticketPrice, maxTickets);
    }

    function buyTicket(uint256 id) external payable {
        Raffle storage r = raffles[id];
        require(r.maxTickets > 0, "no raffle");
        require(!r.drawn, "closed");
        require(r.tickets.length < r.maxTickets, "sold out");
        require(msg.value == r.ticketPrice, "wrong price");
        r.tickets.push(msg.sender);
        _stir(msg.sender);
        emit TicketSold(id, msg.sender, r.tickets.length);
        if (r.tickets.length == r.maxTickets) {
            _draw(id);
        }
    }

    function _stir(address buyer) internal {
        seed = uint256(keccak256(abi.encodePacked(seed, buyer, block.timestamp, block.coinbase)));
    }

    function _draw(uint256 id) internal {
        Raffle storage r = raffles[id];
        uint256 pick = seed % r.tickets.length;
        r.winner = r.tickets[pick];
        r.drawn = true;
        emit WinnerDrawn(id, r.winner);
    }

    function collectProceeds(uint256 id) external onlyOrganizer {
        Raffle storage r = raffles[id];
        require(r.drawn, "not drawn");
        uint256 amount = r.ticketPrice * r.tickets.length;
        r.ticketPrice = 0;
        organizer.transfer(amount);
    }

    function ticketsSold(uint256 id) external view returns (uint256) {
        return raffles[id].tickets.length;
    }
}
