pragma solidity 0.4.26;

contract DailyJackpot {
    address public host;
    uint256 public entryFee;
    uint256 public goldenOffset;
    uint256 public jackpot;
    uint256 public hostFees;
    uint256 public plays;

    mapping(address => uint256) public winnings;
    mapping(address => uint256) public lastPlayDay;

    event Played(address indexed player, uint256 day);
    event JackpotWon(address indexed player, uint256 amount);
    event OffsetChanged(uint256 goldenOffset);

    modifier onlyHost() {
        require(msg.sender == host);
        _;
    }

    constructor(uint256 _entryFee, uint256 _goldenOffset) public {
        require(_goldenOffset < 1 days - 30);
        host = msg.sender;
        entryFee = _entryFee;
        goldenOffset = _goldenOffset;
    }

    function play() public payable {
        require(msg.value == entryFee);
        uint256 today = now / 1 days;
        require(lastPlayDay[msg.sender] != today);
        lastPlayDay[msg.sender] = today;
        plays += 1;

        uint256 fee = msg.value / 20;
        hostFees += fee;
        jackpot += msg.value - fee;
        emit Played(msg.sender, today);

        uint256 secondOfDay = now % 1 days;
        if (secondOfDay >= goldenOffset && secondOfDay < goldenOffset + 30) {
            uint256 prize = jackpot;
            jackpot = 0;
            winnings[msg.sender] += prize;
            emit JackpotWon(msg.sender, prize);
        }
    }

    function withdrawWinnings() public {
        uint256 amount = winnings[msg.sender];
        require(amount > 0);
        winnings[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function setGoldenOffset(uint256 _goldenOffset) public onlyHost {
        require(_goldenOffset < 1 days - 30);
        goldenOffset = _goldenOffset;
        emit OffsetChanged(_goldenOffset);
    }

    function collectFees() public onlyHost {
        uint256 amount = hostFees;
        hostFees = 0;
        host.transfer(amount);
    }
}
