pragma solidity 0.4.26;

contract ReactionDuel {
    struct Round {
        uint256 goAt;
        uint256 closesAt;
        uint256 pot;
        uint256 bestReaction;
        address leader;
        uint256 entrants;
        bool settled;
    }

    address public host;
    uint256 public entryFee = 0.02 ether;
    uint256 public constant HOST_CUT_PERCENT = 5;
    uint256 public hostEarnings;
    uint256 public currentRound;

    mapping(uint256 => Round) public rounds;
    mapping(uint256 => mapping(address => bool)) public tapped;
    mapping(address => uint256) public wins;

    event Armed(uint256 indexed round, uint256 goAt, uint256 closesAt);
    event FalseStart(uint256 indexed round, address indexed player);
    event Tapped(uint256 indexed round, address indexed player, uint256 reaction);
    event Settled(uint256 indexed round, address indexed winner, uint256 prize);

    modifier onlyHost() {
        require(msg.sender == host);
        _;
    }

    modifier roundOpen() {
        Round storage r = rounds[currentRound];
        require(r.goAt > 0 && now < r.closesAt && !r.settled);
        _;
    }

    constructor() public {
        host = msg.sender;
    }

    function arm(uint256 delaySeconds) external onlyHost {
        require(currentRound == 0 || rounds[currentRound].settled);
        require(delaySeconds >= 30 && delaySeconds <= 600);
        currentRound += 1;
        Round storage r = rounds[currentRound];
        r.goAt = now + delaySeconds;
        r.closesAt = r.goAt + 10 minutes;
        r.bestReaction = uint256(-1);
        emit Armed(currentRound, r.goAt, r.closesAt);
    }

    function tap() external payable roundOpen {
        require(msg.value == entryFee);
        require(!tapped[currentRound][msg.sender]);
        Round storage r = rounds[currentRound];
        tapped[currentRound][msg.sender] = true;
        r.pot += msg.value;
        r.entrants += 1;
        if (now < r.goAt) {
            emit FalseStart(currentRound, msg.sender);
            return;
        }
        uint256 reaction = now - r.goAt;
        if (reaction < r.bestReaction) {
            r.bestReaction = reaction;
            r.leader = msg.sender;
        }
        emit Tapped(currentRound, msg.sender, reaction);
    }

    function settle() external {
        Round storage r = rounds[currentRound];
        require(r.goAt > 0 && now >= r.closesAt && !r.settled);
        r.settled = true;
        if (r.leader == address(0)) {
            hostEarnings += r.pot;
            emit Settled(currentRound, address(0), 0);
            return;
        }
        uint256 cut = r.pot * HOST_CUT_PERCENT / 100;
        uint256 prize = r.pot - cut;
        hostEarnings += cut;
        wins[r.leader] += 1;
        r.leader.send(prize);
        emit Settled(currentRound, r.leader, prize);
    }

    function setEntryFee(uint256 fee) external onlyHost {
        require(rounds[currentRound].settled || currentRound == 0);
        require(fee > 0);
        entryFee = fee;
    }

    function withdrawEarnings() external onlyHost {
        uint256 amount = hostEarnings;
        hostEarnings = 0;
        host.transfer(amount);
    }
}
