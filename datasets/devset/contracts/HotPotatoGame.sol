// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract HotPotatoGame {
    struct Round {
        address payable holder;
        uint256 price;
        uint256 pot;
        uint256 passes;
        uint256 lastPassAt;
        bool paid;
    }

    uint256 public constant HOLD_WINDOW = 45;
    uint256 public constant START_PRICE = 0.01 ether;

    address payable public host;
    uint256 public hostFees;
    uint256 public roundId;

    mapping(uint256 => Round) public rounds;
    mapping(address => uint256) public roundsWon;

    event RoundStarted(uint256 indexed id, uint256 price);
    event Grabbed(uint256 indexed id, address indexed holder, uint256 price, uint256 pot);
    event PotClaimed(uint256 indexed id, address indexed winner, uint256 pot);

    modifier onlyHost() {
        require(msg.sender == host, "host only");
        _;
    }

    modifier whileLive() {
        Round storage r = rounds[roundId];
        require(r.lastPassAt > 0, "no round");
        require(block.timestamp < r.lastPassAt + HOLD_WINDOW, "round over");
        _;
    }

    constructor() public {
        host = msg.sender;
    }

    function startRound() external payable onlyHost {
        require(roundId == 0 || rounds[roundId].paid, "round running");
        roundId += 1;
        Round storage r = rounds[roundId];
        r.holder = host;
        r.price = START_PRICE;
        r.pot = msg.value;
        r.lastPassAt = block.timestamp;
        emit RoundStarted(roundId, START_PRICE);
    }

    function grab() external payable whileLive {
        Round storage r = rounds[roundId];
        require(msg.value == r.price, "price");
        require(msg.sender != r.holder, "holding");
        address payable previous = r.holder;
        uint256 payback = (r.price * 105) / 110;
        if (r.passes == 0) {
            payback = 0;
        }
        uint256 hostCut = (msg.value - payback) / 5;
        hostFees += hostCut;
        r.pot += msg.value - payback - hostCut;
        r.holder = msg.sender;
        r.passes += 1;
        r.lastPassAt = block.timestamp;
        r.price = (r.price * 110) / 100;
        if (payback > 0) {
            require(previous.send(payback), "payback failed");
        }
        emit Grabbed(roundId, msg.sender, msg.value, r.pot);
    }

    function claimPot() external {
        Round storage r = rounds[roundId];
        require(r.lastPassAt > 0 && !r.paid, "nothing to claim");
        require(block.timestamp >= r.lastPassAt + HOLD_WINDOW, "still live");
        require(msg.sender == r.holder, "holder only");
        r.paid = true;
        roundsWon[msg.sender] += 1;
        uint256 amount = r.pot;
        r.pot = 0;
        emit PotClaimed(roundId, msg.sender, amount);
        msg.sender.transfer(amount);
    }

    function withdrawFees() external onlyHost {
        uint256 amount = hostFees;
        hostFees = 0;
        host.transfer(amount);
    }
}
