pragma solidity 0.4.24;

library TenderMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }
}

contract SealedSupplyTender {
    using TenderMath for uint256;

    struct Quote {
        bytes32 sealedQuote;
        uint256 bond;
        uint256 committedBlock;
        uint256 revealedPrice;
        bool revealed;
        bool bondReturned;
    }

    address public buyer;
    string public specification;
    uint256 public bondAmount;
    uint256 public commitEnd;
    uint256 public revealEnd;
    uint256 public totalBonds;
    uint256 public returnableBonds;
    bool public forfeitsSwept;

    address public bestSupplier;
    uint256 public bestPrice;
    uint256 public bestCommitBlock;

    mapping(address => Quote) public quotes;

    event QuoteSealed(address indexed supplier);
    event QuoteRevealed(address indexed supplier, uint256 price);
    event BondReturned(address indexed supplier, uint256 amount);
    event ForfeitsSwept(uint256 amount);

    modifier onlyBuyer() {
        require(msg.sender == buyer);
        _;
    }

    modifier during(uint256 start, uint256 end) {
        require(now >= start && now < end);
        _;
    }

    constructor(string _specification, uint256 _bond, uint256 commitDays, uint256 revealDays) public {
        require(commitDays >= 1 && commitDays <= 60 && revealDays >= 1 && revealDays <= 30);
        buyer = msg.sender;
        specification = _specification;
        bondAmount = _bond;
        commitEnd = now + commitDays * 1 days;
        revealEnd = commitEnd + revealDays * 1 days;
        bestPrice = uint256(-1);
    }

    function sealQuote(bytes32 sealedQuote) external payable during(0, commitEnd) {
        Quote storage q = quotes[msg.sender];
        require(q.bond == 0);
        require(msg.value == bondAmount);
        q.sealedQuote = sealedQuote;
        q.bond = msg.value;
        q.committedBlock = block.number;
        totalBonds = totalBonds.add(msg.value);
        emit QuoteSealed(msg.sender);
    }

    function revealQuote(uint256 price, bytes32 salt) external during(commitEnd, revealEnd) {
        Quote storage q = quotes[msg.sender];
        require(q.bond > 0 && !q.revealed);
        require(keccak256(abi.encodePacked(price, salt, msg.sender)) == q.sealedQuote);
        q.revealed = true;
        q.revealedPrice = price;
        returnableBonds = returnableBonds.add(q.bond);
        _consider(msg.sender, price, q.committedBlock);
        emit QuoteRevealed(msg.sender, price);
    }

    function reclaimBond() external {
        require(now >= revealEnd);
        Quote storage q = quotes[msg.sender];
        require(q.revealed && !q.bondReturned);
        q.bondReturned = true;
        msg.sender.transfer(q.bond);
        emit BondReturned(msg.sender, q.bond);
    }

    function sweepForfeits() external onlyBuyer {
        require(now >= revealEnd && !forfeitsSwept);
        forfeitsSwept = true;
        uint256 amount = totalBonds.sub(returnableBonds);
        buyer.transfer(amount);
        emit ForfeitsSwept(amount);
    }

    function winner() external view returns (address supplier, uint256 price) {
        require(now >= revealEnd);
        return (bestSupplier, bestPrice);
    }

    function _consider(address supplier, uint256 price, uint256 committedBlock) internal {
        if (price < bestPrice || (price == bestPrice && committedBlock < bestCommitBlock)) {
            bestSupplier = supplier;
            bestPrice = price;
            bestCommitBlock = committedBlock;
        }
    }
}
