pragma solidity 0.4.25;

contract CoinFlipClub {
    struct Player {
        uint256 flips;
        uint256 wins;
        uint256 wagered;
    }

    address public house;
    uint256 public minBet = 0.01 ether;
    uint256 public maxBet = 1 ether;
    uint256 public houseEdgeBps = 300;
    bool public paused;

    mapping(address => Player) public players;

    event Flipped(address indexed player, bool guess, bool outcome, uint256 bet);
    event Payout(address indexed player, uint256 amount);
    event Paused(bool paused);

    modifier onlyHouse() {
        require(msg.sender == house);
        _;
    }

    modifier whenOpen() {
        require(!paused);
        _;
    }

    constructor() public payable {
        house = msg.sender;
    }

    function flip(bool guessHeads) public payable whenOpen {
        require(msg.value >= minBet && msg.value <= maxBet);
        require(address(this).balance >= msg.value * 2);
        Player storage p = players[msg.sender];
        p.flips += 1;
        p.wagered += msg.value;

        bool heads = _toss();
        emit Flipped(msg.sender, guessHeads, heads, msg.value);
        if (heads == guessHeads) {
            p.wins += 1;
            uint256 payout = msg.value * 2 - msg.value * houseEdgeBps / 10000;
            msg.sender.send(payout);
            emit Payout(msg.sender, payout);
        }
    }

    function _toss() internal view returns (bool) {
        uint256 value = uint256(blockhash(block.number - 1));
        return value % 2 == 0;
    }

    function setLimits(uint256 _minBet, uint256 _maxBet) public onlyHouse {
        require(_minBet > 0 && _minBet < _maxBet);
        minBet = _minBet;
        maxBet = _maxBet;
    }

    function setPaused(bool _paused) public onlyHouse {
        paused = _paused;
        emit Paused(_paused);
    }

    function fundHouse() public payable onlyHouse {
        require(msg.value > 0);
    }

    function withdrawHouse(uint256 amount) public onlyHouse {
        require(amount <= address(this).balance);
        house.transfer(amount);
    }
}
