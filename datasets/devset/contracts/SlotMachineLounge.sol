pragma solidity 0.4.24;

contract SlotMachineLounge {
    uint8 public constant SYMBOLS = 8;
    uint8 public constant SEVEN = 7;

    address public owner;
    uint256 public minBet = 0.001 ether;
    uint256 public maxBet = 0.05 ether;
    uint256 public spins;
    uint256 public bankroll;

    mapping(address => uint256) public winnings;
    mapping(address => uint256) public spinsBy;

    event Spun(address indexed player, uint8 a, uint8 b, uint8 c, uint256 payout);
    event BankrollAdded(uint256 amount);
    event Withdrawn(address indexed player, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    modifier covered(uint256 bet) {
        require(bankroll >= bet * 50);
        _;
    }

    constructor() public payable {
        owner = msg.sender;
        bankroll = msg.value;
    }

    function addBankroll() external payable onlyOwner {
        bankroll += msg.value;
        emit BankrollAdded(msg.value);
    }

    function spin() external payable covered(msg.value) {
        require(msg.value >= minBet && msg.value <= maxBet);
        uint256 roll = uint256(keccak256(abi.encodePacked(blockhash(block.number - 1), msg.sender, spins)));
        spins += 1;
        spinsBy[msg.sender] += 1;
        uint8[3] memory reels;
        for (uint256 i = 0; i < 3; i++) {
            reels[i] = uint8((roll >> (i * 16)) % SYMBOLS);
        }
        uint256 multiplier = _multiplierFor(reels);
        uint256 payout = msg.value * multiplier;
        bankroll += msg.value;
        if (payout > 0) {
            bankroll -= payout;
            winnings[msg.sender] += payout;
        }
        emit Spun(msg.sender, reels[0], reels[1], reels[2], payout);
    }

    function _multiplierFor(uint8[3] memory reels) internal pure returns (uint256) {
        if (reels[0] == reels[1] && reels[1] == reels[2]) {
            return reels[0] == SEVEN ? 50 : 10;
        }
        if (reels[0] == reels[1] || reels[1] == reels[2]) {
            return 2;
        }
        return 0;
    }

    function withdraw() external {
        uint256 amount = winnings[msg.sender];
        require(amount > 0);
        winnings[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function setLimits(uint256 minimum, uint256 maximum) external onlyOwner {
        require(minimum > 0 && maximum >= minimum);
        minBet = minimum;
        maxBet = maximum;
    }

    function withdrawBankroll(uint256 amount) external onlyOwner {
        require(amount <= bankroll);
        bankroll -= amount;
        owner.transfer(amount);
    }
}
