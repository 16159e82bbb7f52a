pragma solidity 0.4.26;

contract TreasureMap {
    uint8 public constant WIDTH = 16;
    uint8 public constant HEIGHT = 16;

    struct Find {
        address digger;
        uint8 x;
        uint8 y;
        uint256 amount;
        uint256 season;
    }

    address public cartographer;
    uint256 public digFee = 0.01 ether;
    uint256 public odds = 40;
    uint256 public season = 1;
    uint256 public pot;
    uint256 public houseTake;
    uint256 public nonce;

    mapping(uint256 => mapping(uint16 => bool)) public dug;
    mapping(uint256 => uint16) public dugCount;
    Find[] public finds;

    event Dug(address indexed digger, uint256 indexed season, uint8 x, uint8 y);
    event TreasureFound(address indexed digger, uint256 indexed season, uint256 amount);
    event SeasonStarted(uint256 indexed season);

    modifier onlyCartographer() {
        require(msg.sender == cartographer);
        _;
    }

    constructor() public payable {
        cartographer = msg.sender;
        pot = msg.value;
    }

    function dig(uint8 x, uint8 y) external payable {
        require(msg.value == digFee);
        require(x < WIDTH && y < HEIGHT);
        uint16 tile = uint16(y) * WIDTH + x;
        require(!dug[season][tile]);
        dug[season][tile] = true;
        dugCount[season] += 1;
        houseTake += msg.value / 10;
        pot += msg.value - msg.value / 10;
        emit Dug(msg.sender, season, x, y);
        nonce = uint256(keccak256(abi.encodePacked(nonce, block.coinbase, now, x, y)));
        if (nonce % odds == 0) {
            _award(msg.sender, x, y);
        }
        if (dugCount[season] == uint16(WIDTH) * HEIGHT) {
            _nextSeason();
        }
    }

    function _award(address digger, uint8 x, uint8 y) internal {
        uint256 amount = pot / 2;
        pot -= amount;
        finds.push(Find(digger, x, y, amount, season));
        _nextSeason();
        digger.transfer(amount);
        emit TreasureFound(digger, season - 1, amount);
    }

    function _nextSeason() internal {
        season += 1;
        emit SeasonStarted(season);
    }

    function setFee(uint256 fee) external onlyCartographer {
        require(fee > 0);
        digFee = fee;
    }

    function withdrawTake() external onlyCartographer {
        uint256 amount = houseTake;
        houseTake = 0;
        cartographer.transfer(amount);
    }

    function findCount() external view returns (uint256) {
        return finds.length;
    }
}
