// SPDX-License-Identifier: MIT
pragma solidity >=0.8.0 <0.9.0;

contract RoulettePit {
    enum BetKind { Straight, Red, Black, Odd, Even }

    struct Spin {
        address player;
        BetKind kind;
        uint8 number;
        uint256 stake;
        uint8 pocket;
        uint256 payout;
    }

    address public croupier;
    uint256 public maxStake = 0.5 ether;
    uint256 public spins;
    uint256 public bank;

    mapping(uint256 => Spin) public history;
    mapping(address => uint256) public balances;
    mapping(uint8 => bool) private redPocket;

    event Spun(uint256 indexed spinId, address indexed player, uint8 pocket, uint256 payout);
    event BankFunded(uint256 amount);

    modifier onlyCroupier() {
        require(msg.sender == croupier, "croupier only");
        _;
    }

    constructor() payable {
        croupier = msg.sender;
        bank = msg.value;
        uint8[18] memory reds = [1, 3, 5, 7, 9, 12, 14, 16, 18, 19, 21, 23, 25, 27, 30, 32, 34, 36];
        for (uint256 i = 0; i < reds.length; i++) {
            redPocket[reds[i]] = true;
        }
    }

    function fundBank() external payable onlyCroupier {
        bank += msg.value;
        emit BankFunded(msg.value);
    }

    function play(BetKind kind, uint8 number) external payable returns (uint8 pocket) {
        require(msg.value > 0 && msg.value <= maxStake, "stake");
        require(kind != BetKind.Straight || number <= 36, "number");
        uint256 maxWin = kind == BetKind.Straight ? msg.value * 36 : msg.value * 2;
        require(maxWin <= bank + msg.value, "bank too small");
        bank += msg.value;
        spins += 1;
        pocket = uint8(uint256(keccak256(abi.encodePacked(block.timestamp, msg.sender, spins))) % 37);
        uint256 payout = _payout(kind, number, pocket, msg.value);
        bank -= payout;
        balances[msg.sender] += payout;
        history[spins] = Spin(msg.sender, kind, number, msg.value, pocket, payout);
        emit Spun(spins, msg.sender, pocket, payout);
    }

    function _payout(BetKind kind, uint8 number, uint8 pocket, uint256 stake) internal view returns (uint256) {
        if (pocket == 0) {
            return 0;
        }
        if (kind == BetKind.Straight) {
            return pocket == number ? stake * 36 : 0;
        }
        bool won;
        if (kind == BetKind.Red) {
            won = redPocket[pocket];
        } else if (kind == BetKind.Black) {
            won = !redPocket[pocket];
        } else if (kind == BetKind.Odd) {
            won = pocket % 2 == 1;
        } else {
            won = pocket % 2 == 0;
        }
        return won ? stake * 2 : 0;
    }

    function cashOut() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0, "nothing");
        balances[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "cash out failed");
    }

    function setMaxStake(uint256 amount) external onlyCroupier {
        maxStake = amount;
    }
}
