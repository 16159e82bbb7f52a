pragma solidity 0.4.24;

contract ArcadeTokenBooth {
    struct Machine {
        string title;
        uint256 tokensPerPlay;
        uint256 plays;
        bool enabled;
    }

    address public owner;
    uint256 public tokenPrice = 0.001 ether;
    uint256 public cashOutPercent = 90;
    uint256 public tokensOutstanding;

    Machine[] public machines;
    mapping(address => uint256) public tokens;
    mapping(address => uint256) public ticketsWon;

    event TokensBought(address indexed player, uint256 count);
    event Played(address indexed player, uint256 indexed machineId);
    event TicketsAwarded(address indexed player, uint256 tickets);
    event CashedOut(address indexed player, uint256 count, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    modifier paysFor(uint256 count) {
        require(msg.value == count * tokenPrice);
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function addMachine(string title, uint256 tokensPerPlay) external onlyOwner {
        require(tokensPerPlay > 0);
        machines.push(Machine(title, tokensPerPlay, 0, true));
    }

    function setEnabled(uint256 machineId, bool enabled) external onlyOwner {
        machines[machineId].enabled = enabled;
    }

    function buyTokens(uint256 count) external payable paysFor(count) {
        require(count > 0);
        tokens[msg.sender] += count;
        tokensOutstanding += count;
        emit TokensBought(msg.sender, count);
    }

    function play(uint256 machineId) external {
        Machine storage m = machines[machineId];
        require(m.enabled);
        require(tokens[msg.sender] >= m.tokensPerPlay);
        tokens[msg.sender] -= m.tokensPerPlay;
        tokensOutstanding -= m.tokensPerPlay;
        m.plays += 1;
        emit Played(msg.sender, machineId);
    }

    function awardTickets(address player, uint256 tickets) external onlyOwner {
        ticketsWon[player] += tickets;
        emit TicketsAwarded(player, tickets);
    }

    function cashOut(uint256 count) external {
        require(count > 0 && tokens[msg.sender] >= count);
        uint256 amount = count * tokenPrice * cashOutPercent / 100;
        require(amount <= address(this).balance);
        tokens[msg.sender] -= count;
        tokensOutstanding -= count;
        msg.sender.transfer(amount);
        emit CashedOut(msg.sender, count, amount);
    }

    function withdrawTakings(uint256 amount) external onlyOwner {
        require(amount <= address(this).balance);
        owner.transfer(amount);
    }

    function machineCount() external view returns (uint256) {
        return machines.length;
    }
}
