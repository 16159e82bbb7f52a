pragma solidity 0.4.24;

contract Ownable {
    address public owner;

    event OwnershipMoved(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    function moveOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0), "zero address");
        emit OwnershipMoved(owner, newOwner);
        owner = newOwner;
    }
}

contract ArcadeTokenMachine is Ownable {
    struct Player {
        uint256 credits;
        uint256 gamesPlayed;
        bool registered;
    }

    mapping(address => Player) public players;
    mapping(uint8 => uint256) public gameCost;
    uint256 public creditPrice;
    uint256 public houseCredits;

    event Registered(address indexed player);
    event CreditsBought(address indexed player, uint256 credits);
    event GameStarted(address indexed player, uint8 gameId, uint256 cost);
    event CashedOut(address indexed player, uint256 credits, uint256 payout);
    event GameCostSet(uint8 gameId, uint256 cost);
    event HouseSwept(uint256 credits, uint256 amount);

    modifier onlyRegistered() {
        require(players[msg.sender].registered, "register first");
        _;
    }

    modifier chargeFor(uint8 gameId) {
        uint256 cost = gameCost[gameId];
        require(cost > 0, "unknown game");
        players[msg.sender].credits -= cost;
        houseCredits += cost;
        _;
    }

    constructor(uint256 _creditPrice) public {
        require(_creditPrice > 0, "price");
        creditPrice = _creditPrice;
    }

    function setGameCost(uint8 gameId, uint256 cost) external onlyOwner {
        gameCost[gameId] = cost;
        emit GameCostSet(gameId, cost);
    }

    function register() external {
        require(!players[msg.sender].registered, "already registered");
        players[msg.sender].registered = true;
        emit Registered(msg.sender);
    }

    function buyCredits() external payable onlyRegistered {
        uint256 amount = msg.value / creditPrice;
        require(amount > 0, "too little");
        players[msg.sender].credits += amount;
        emit CreditsBought(msg.sender, amount);
    }

    function startGame(uint8 gameId) external onlyRegistered chargeFor(gameId) {
        Player storage p = players[msg.sender];
        p.gamesPlayed += 1;
        emit GameStarted(msg.sender, gameId, gameCost[gameId]);
    }

    function cashOut(uint256 credits) external onlyRegistered {
        Player storage p = players[msg.sender];
        require(credits > 0 && p.credits >= credits, "not enough credits");
        p.credits -= credits;
        uint256 payout = credits * creditPrice;
        msg.sender.transfer(payout);
        emit CashedOut(msg.sender, credits, payout);
    }

    function sweepHouse(uint256 credits) external onlyOwner {
        require(credits <= houseCredits, "exceeds house");
        houseCredits -= credits;
        uint256 amount = credits * creditPrice;
        owner.transfer(amount);
        emit HouseSwept(credits, amount);
    }

    function creditsOf(address who) external view returns (uint256) {
        return players[who].credits;
    }
}
