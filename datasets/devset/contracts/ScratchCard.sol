// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract ScratchCard {
    struct Tier {
        uint16 threshold;
        uint16 multiplier;
    }

    address public operator;
    uint256 public cardPrice = 0.002 ether;
    uint256 public nonce;
    uint256 public cardsSold;
    Tier[] public tiers;

    mapping(address => uint256) public winnings;

    event Scratched(address indexed player, uint256 roll, uint256 prize);
    event Withdrawn(address indexed player, uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor() payable {
        operator = msg.sender;
        tiers.push(Tier(1, 100));
        tiers.push(Tier(10, 10));
        tiers.push(Tier(100, 2));
    }

    function scratch() external payable returns (uint256 prize) {
        require(msg.value == cardPrice, "wrong price");
        cardsSold += 1;
        uint256 roll = _roll(msg.sender);
        for (uint256 i = 0; i < tiers.length; i++) {
            if (roll < tiers[i].threshold) {
                prize = cardPrice * tiers[i].multiplier;
                break;
            }
        }
        if (prize > 0) {
            require(address(this).balance >= prize, "bank too small");
            winnings[msg.sender] += prize;
        }
        emit Scratched(msg.sender, roll, prize);
    }

    function _roll(address player) internal returns (uint256) {
        nonce += 1;
        return uint256(keccak256(abi.encodePacked(block.prevrandao, block.timestamp, player, nonce))) % 1000;
    }

    function withdraw() external {
        uint256 amount = winnings[msg.sender];
        require(amount > 0, "nothing won");
        winnings[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "withdraw failed");
        emit Withdrawn(msg.sender, amount);
    }

    function setCardPrice(uint256 price) external onlyOperator {
        require(price > 0, "zero price");
        cardPrice = price;
    }

    function fundBank() external payable onlyOperator {}

    function withdrawBank(uint256 amount) external onlyOperator {
        (bool ok, ) = payable(operator).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
