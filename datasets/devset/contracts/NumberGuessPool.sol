pragma solidity 0.5.17;

contract NumberGuessPool {
    struct Round {
        bytes32 secretHash;
        uint256 secret;
        uint256 commitEnds;
        uint256 revealEnds;
        uint256 pot;
        address winner;
        bool secretRevealed;
        bool paid;
    }

    address payable public host;
    uint256 public stake = 0.01 ether;
    uint256 public roundCount;

    mapping(uint256 => Round) public rounds;
    mapping(uint256 => mapping(address => bytes32)) public commitments;

    event RoundOpened(uint256 indexed id, uint256 commitEnds, uint256 revealEnds);
    event Committed(uint256 indexed id, address indexed player);
    event SecretRevealed(uint256 indexed id, uint256 secret);
    event Winner(uint256 indexed id, address indexed player, uint256 pot);

    modifier onlyHost() {
        require(msg.sender == host, "host only");
        _;
    }

    constructor() public {
        host = msg.sender;
    }

    function openRound(bytes32 secretHash) external onlyHost returns (uint256 id) {
        id = ++roundCount;
        Round storage r = rounds[id];
        r.secretHash = secretHash;
        r.commitEnds = now + 2 days;
        r.revealEnds = now + 4 days;
        emit RoundOpened(id, r.commitEnds, r.revealEnds);
    }

    function commit(uint256 id, bytes32 commitment) external payable {
        Round storage r = rounds[id];
        require(now < r.commitEnds, "commit phase over");
        require(msg.value == stake, "stake");
        require(commitments[id][msg.sender] == bytes32(0), "committed");
        commitments[id][msg.sender] = commitment;
        r.pot += msg.value;
        emit Committed(id, msg.sender);
    }

    function revealSecret(uint256 id, uint256 secret, bytes32 salt) external onlyHost {
        Round storage r = rounds[id];
        require(now >= r.commitEnds && !r.secretRevealed, "not now");
        require(keccak256(abi.encodePacked(secret, salt)) == r.secretHash, "secret");
        r.secret = secret;
        r.secretRevealed = true;
        emit SecretRevealed(id, secret);
    }

    function revealGuess(uint256 id, uint256 guess, bytes32 salt) external {
        Round storage r = rounds[id];
        require(r.secretRevealed && now < r.revealEnds, "reveal closed");
        require(r.winner == address(0), "already won");
        require(commitments[id][msg.sender] == keccak256(abi.encodePacked(guess, salt)), "commitment");
        if (guess == r.secret) {
            r.winner = msg.sender;
            emit Winner(id, msg.sender, r.pot);
        }
    }

    function claim(uint256 id) external {
        Round storage r = rounds[id];
        require(msg.sender == r.winner && !r.paid, "not winner");
        r.paid = true;
        uint256 prize = r.pot * 95 / 100;
        msg.sender.transfer(prize);
        host.transfer(r.pot - prize);
    }

    function rollOver(uint256 id, uint256 into) external onlyHost {
        Round storage r = rounds[id];
        require(now >= r.revealEnds && r.winner == address(0) && r.pot > 0, "cannot roll");
        require(rounds[into].commitEnds > now, "target closed");
        rounds[into].pot += r.pot;
        r.pot = 0;
    }
}
