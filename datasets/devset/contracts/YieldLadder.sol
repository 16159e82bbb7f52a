// SPDX-License-Identifier: MIT
pragma solidity ^0.8.4;

abstract contract InterestMath {
    struct Position {
        uint256 principal;
        uint64 openedAt;
        uint64 lastClaim;
        uint64 maturity;
        uint16 rateBps;
    }

    function _accrued(Position storage p, uint256 at) internal view returns (uint256) {
        uint256 end = at < p.maturity ? at : p.maturity;
        if (end <= p.lastClaim) {
            return 0;
        }
        uint256 elapsedDays = (end - p.lastClaim) / 1 days;
        return (p.principal * p.rateBps * elapsedDays) / (10_000 * 365);
    }
}

contract YieldLadder is InterestMath {
    address public owner;
    uint256 public reserves;
    uint256 public totalPrincipal;
    uint256 public nextId = 1;

    mapping(uint8 => uint16) public rungRate;
    mapping(uint256 => Position) public positions;
    mapping(uint256 => address) public holderOf;

    event RungSet(uint8 months, uint16 rateBps);
    event Opened(uint256 indexed id, address indexed holder, uint256 principal, uint8 months);
    event InterestClaimed(uint256 indexed id, uint256 amount);
    event Closed(uint256 indexed id, uint256 principal);

    error NotHolder();
    error NoRung();

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    modifier onlyHolder(uint256 id) {
        if (holderOf[id] != msg.sender) revert NotHolder();
        _;
    }

    constructor() {
        owner = msg.sender;
        rungRate[3] = 300;
        rungRate[6] = 450;
        rungRate[12] = 600;
    }

    function fundReserves() external payable onlyOwner {
        reserves += msg.value;
    }

    function setRung(uint8 months, uint16 rateBps) external onlyOwner {
        require(months > 0 && months <= 24 && rateBps <= 1_500, "rung");
        rungRate[months] = rateBps;
        emit RungSet(months, rateBps);
    }

    function open(uint8 months) external payable returns (uint256 id) {
        uint16 rate = rungRate[months];
        if (rate == 0) revert NoRung();
        require(msg.value >= 0.1 ether, "minimum");
        id = nextId++;
        uint64 nowTs = uint64(block.timestamp);
        positions[id] = Position(msg.value, nowTs, nowTs, nowTs + uint64(months) * 30 days, rate);
        holderOf[id] = msg.sender;
        totalPrincipal += msg.value;
        emit Opened(id, msg.sender, msg.value, months);
    }

    function claimInterest(uint256 id) public onlyHolder(id) {
        Position storage p = positions[id];
        uint256 owed = _accrued(p, block.timestamp);
        require(owed > 0 && owed <= reserves, "nothing to claim");
        (bool ok, ) = payable(msg.sender).call{value: owed}("");
        require(ok, "payment failed");
        p.lastClaim = uint64(block.timestamp);
        reserves -= owed;
        emit InterestClaimed(id, owed);
    }

    function close(uint256 id) external onlyHolder(id) {
        Position storage p = positions[id];
        require(block.timestamp >= p.maturity, "not mature");
        if (_accrued(p, block.timestamp) > 0) {
            claimInterest(id);
        }
        uint256 principal = p.principal;
        delete positions[id];
        delete holderOf[id];
        totalPrincipal -= principal;
        (bool ok, ) = payable(msg.sender).call{value: principal}("");
        require(ok, "principal failed");
        emit Closed(id, principal);
    }
}
