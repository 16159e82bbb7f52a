pragma solidity 0.4.24;

contract LuckyDraw {
    struct Round {
        uint256 id;
        uint256 pot;
        address winner;
        uint256 closedAt;
    }

    address public operator;
    uint256 public ticketPrice;
    uint256 public ticketsPerRound;
    uint256 public operatorCutBps = 500;
    uint256 public roundId;
    uint256 public operatorBalance;

    address[] public entries;
    mapping(uint256 => Round) public rounds;
    mapping(address => uint256) public ticketsBought;
    mapping(address => uint256) public prizes;

    event TicketBought(uint256 indexed round, address indexed buyer, uint256 count);
    event RoundClosed(uint256 indexed round, address indexed winner, uint256 prize);

    modifier onlyOperator() {
        require(msg.sender == operator);
        _;
    }

    constructor(uint256 _ticketPrice, uint256 _ticketsPerRound) public {
        require(_ticketsPerRound >= 2);
        operator = msg.sender;
        ticketPrice = _ticketPrice;
        ticketsPerRound = _ticketsPerRound;
        roundId = 1;
    }

    function buy(uint256 count) public payable {
        require(count > 0 && count <= 10);
        require(msg.value == ticketPrice * count);
        require(entries.length + count <= ticketsPerRound);
        for (uint256 i = 0; i < count; i++) {
            entries.push(msg.sender);
        }
        ticketsBought[msg.sender] += count;
        rounds[roundId].pot += msg.value;
        emit TicketBought(roundId, msg.sender, count);
        if (entries.length == ticketsPerRound) {
            closeRound();
        }
    }

    function closeRound() internal {
        Round storage r = rounds[roundId];
        uint256 index = uint256(keccak256(abi.encodePacked(block.difficulty, now, entries.length))) % entries.length;
        address winner = entries[index];
        uint256 cut = r.pot * operatorCutBps / 10000;
        uint256 prize = r.pot - cut;
        operatorBalance += cut;
        r.id = roundId;
        r.winner = winner;
        r.closedAt = now;
        delete entries;
        roundId += 1;
        prizes[winner] += prize;
        emit RoundClosed(r.id, winner, prize);
    }

    function claimPrize() public {
        uint256 amount = prizes[msg.sender];
        require(amount > 0);
        prizes[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function withdrawCut() public onlyOperator {
        uint256 amount = operatorBalance;
        operatorBalance = 0;
        operator.transfer(amount);
    }

    function entriesInRound() public view returns (uint256) {
        return entries.length;
    }
}
