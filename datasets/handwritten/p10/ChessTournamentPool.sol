// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

contract ChessTournamentPool {
    struct Tournament {
        uint128 entryFee;
        uint32 maxPlayers;
        uint32 players;
        uint64 registrationEnds;
        uint256 pot;
        bool settled;
        bool cancelled;
    }

    uint256 public constant BPS = 10_000;
    uint256 public constant ORGANIZER_BPS = 500;
    uint32 public constant MAX_PLAYERS = 128;

    address public organizer;
    uint256 public organizerEarnings;
    Tournament[] public tournaments;

    mapping(uint256 => mapping(address => bool)) public entered;
    mapping(address => uint256) public winnings;

    event TournamentOpened(uint256 indexed id, uint128 entryFee, uint32 maxPlayers, uint64 registrationEnds);
    event Entered(uint256 indexed id, address indexed player);
    event Settled(uint256 indexed id, address[] podium);
    event Cancelled(uint256 indexed id);
    event Withdrawn(address indexed player, uint256 amount);

    modifier onlyOrganizer() {
        require(msg.sender == organizer, "organizer only");
        _;
    }

    constructor() {
        organizer = msg.sender;
    }

    function open(uint128 entryFee, uint32 maxPlayers, uint64 registrationDays) external onlyOrganizer {
        require(maxPlayers >= 2 && maxPlayers <= MAX_PLAYERS, "players");
        require(registrationDays >= 1 && registrationDays <= 30, "registration");
        uint64 ends = uint64(block.timestamp + uint256(registrationDays) * 1 days);
        tournaments.push(Tournament(entryFee, maxPlayers, 0, ends, 0, false, false));
        emit TournamentOpened(tournaments.length - 1, entryFee, maxPlayers, ends);
    }

    function enter(uint256 id) external payable {
        Tournament storage t = tournaments[id];
        require(!t.cancelled && !t.settled, "closed");
        require(block.timestamp < t.registrationEnds, "registration over");
        require(!entered[id][msg.sender], "already entered");
        require(t.players < t.maxPlayers, "full");
        require(msg.value == t.entryFee, "wrong fee");
        entered[id][msg.sender] = true;
        unchecked {
            t.players += 1;
            t.pot += msg.value;
        }
        emit Entered(id, msg.sender);
    }

    function settle(uint256 id, address[] calldata podium) external onlyOrganizer {
        Tournament storage t = tournaments[id];
        require(!t.cancelled && !t.settled, "closed");
        require(block.timestamp >= t.registrationEnds, "still registering");
        require(podium.length == 3, "three places");
        t.settled = true;

        uint16[3] memory shares = [5000, 3000, 2000];
        uint256 fee = (t.pot * ORGANIZER_BPS) / BPS;
        uint256 prizePool = t.pot - fee;
        uint256 paid;
        for (uint256 i = 0; i < podium.length; ) {
            require(entered[id][podium[i]], "not a player");
            uint256 prize = (prizePool * shares[i]) / BPS;
            winnings[podium[i]] += prize;
            paid += prize;
            unchecked {
                ++i;
            }
        }
        organizerEarnings += t.pot - paid;
        emit Settled(id, podium);
    }

    function cancel(uint256 id) external onlyOrganizer {
        Tournament storage t = tournaments[id];
        require(!t.settled && !t.cancelled, "closed");
        t.cancelled = true;
        emit Cancelled(id);
    }

    function claimRefund(uint256 id) external {
        Tournament storage t = tournaments[id];
        require(t.cancelled, "not cancelled");
        require(entered[id][msg.sender], "not entered");
        entered[id][msg.sender] = false;
        winnings[msg.sender] += t.entryFee;
    }

    function withdraw(uint256 amount) external {
        uint256 balance = winnings[msg.sender];
        require(amount > 0 && amount <= balance, "too much");
        unchecked {
            winnings[msg.sender] = balance - amount;
        }
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "transfer failed");
        emit Withdrawn(msg.sender, amount);
    }

    function withdrawEarnings() external onlyOrganizer {
        uint256 amount = organizerEarnings;
        organizerEarnings = 0;
        (bool ok, ) = payable(organizer).call{value: amount}("");
        require(ok, "transfer failed");
    }
}
