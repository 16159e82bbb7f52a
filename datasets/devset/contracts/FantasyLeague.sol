pragma solidity 0.5.17;

contract FantasyLeague {
    struct Manager {
        bool joined;
        uint32 weekPoints;
        uint32 seasonPoints;
        uint8[11] lineup;
    }

    address payable public commissioner;
    uint256 public entryFee = 0.005 ether;
    uint256 public week = 1;
    uint256 public prizePool;
    bool public weekLocked;

    address[] public managers;
    mapping(address => Manager) internal teams;
    mapping(uint256 => address) public weeklyWinner;
    mapping(address => uint256) public winnings;
    mapping(uint8 => uint32) public playerScore;

    event Joined(address indexed manager);
    event LineupSet(address indexed manager, uint256 indexed week);
    event WeekClosed(uint256 indexed week, address indexed winner, uint256 prize);

    modifier onlyCommissioner() {
        require(msg.sender == commissioner, "commissioner only");
        _;
    }

    constructor() public {
        commissioner = msg.sender;
    }

    function join() external payable {
        require(!teams[msg.sender].joined, "already in");
        require(msg.value == entryFee, "fee");
        teams[msg.sender].joined = true;
        managers.push(msg.sender);
        prizePool += msg.value;
        emit Joined(msg.sender);
    }

    function setLineup(uint8[11] calldata lineup) external {
        require(teams[msg.sender].joined, "join first");
        require(!weekLocked, "locked");
        teams[msg.sender].lineup = lineup;
        emit LineupSet(msg.sender, week);
    }

    function lockWeek() external onlyCommissioner {
        weekLocked = true;
    }

    function postScores(uint8[] calldata players, uint32[] calldata points) external onlyCommissioner {
        require(players.length == points.length, "length");
        for (uint256 i = 0; i < players.length; i++) {
            playerScore[players[i]] = points[i];
        }
    }

    function closeWeek() external onlyCommissioner {
        require(weekLocked, "lock first");
        address best;
        uint32 bestPoints;
        for (uint256 i = 0; i < managers.length; i++) {
            Manager storage m = teams[managers[i]];
            uint32 pts = _score(m.lineup);
            m.weekPoints = pts;
            m.seasonPoints += pts;
            if (pts > bestPoints) {
                bestPoints = pts;
                best = managers[i];
            }
        }
        uint256 prize = prizePool / 10;
        if (best != address(0)) {
            prizePool -= prize;
            winnings[best] += prize;
        }
        weeklyWinner[week] = best;
        emit WeekClosed(week, best, prize);
        week += 1;
        weekLocked = false;
    }

    function _score(uint8[11] storage lineup) internal view returns (uint32 total) {
        for (uint256 j = 0; j < 11; j++) {
            total += playerScore[lineup[j]];
        }
    }

    function claim() external {
        uint256 amount = winnings[msg.sender];
        require(amount > 0, "nothing");
        winnings[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function managerCount() external view returns (uint256) {
        return managers.length;
    }
}
