// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

contract DiceRoll {
    struct Bet {
        uint8 pick;
        uint256 stake;
        uint8 rolled;
        bool won;
    }

    address public banker;
    uint256 public minStake = 0.001 ether;
    uint256 public maxStake = 0.1 ether;
    uint256 public payoutMultiplier = 5;
    uint256 public betCount;

    mapping(uint256 => Bet) public bets;
    mapping(address => uint256[]) public betsOf;
    mapping(address => uint256) public balances;

    event BetPlaced(uint256 indexed id, address indexed player, uint8 pick, uint256 stake);
    event BetSettled(uint256 indexed id, uint8 rolled, bool won);

    modifier onlyBanker() {
        require(msg.sender == banker, "banker only");
        _;
    }

    constructor() payable {
        banker = msg.sender;
    }

    function roll(uint8 pick) external payable returns (uint8 rolled) {
        require(pick >= 1 && pick <= 6, "pick 1-6");
        require(msg.value >= minStake && msg.value <= maxStake, "stake out of range");
        require(address(this).balance >= msg.value * payoutMultiplier, "bank too small");
        betCount += 1;
        rolled = uint8(uint256(blockhash(block.number - 1)) % 6) + 1;
        bool won = rolled == pick;
        bets[betCount] = Bet(pick, msg.value, rolled, won);
        betsOf[msg.sender].push(betCount);
        if (won) {
            balances[msg.sender] += msg.value * payoutMultiplier;
        }
        emit BetPlaced(betCount, msg.sender, pick, msg.value);
        emit BetSettled(betCount, rolled, won);
    }

    function cashOut() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0, "no balance");
        balances[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "cash out failed");
    }

    function setStakes(uint256 _min, uint256 _max) external onlyBanker {
        require(_min > 0 && _min <= _max, "bad range");
        minStake = _min;
        maxStake = _max;
    }

    function bankerWithdraw(uint256 amount) external onlyBanker {
        (bool ok, ) = payable(banker).call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function historyLength(address player) external view returns (uint256) {
        return betsOf[player].length;
    }
}
