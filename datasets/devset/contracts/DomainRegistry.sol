pragma solidity 0.4.26;

contract DomainRegistry {
    struct Record {
        address holder;
        address resolver;
        uint256 paidUntil;
    }

    address public registrar;
    address public feeCollector;
    uint256 public yearlyFee = 0.05 ether;
    uint256 public collected;

    mapping(bytes32 => Record) public records;
    mapping(address => bytes32[]) public namesOf;

    event Assigned(bytes32 indexed label, address indexed holder, uint256 paidUntil);
    event Renewed(bytes32 indexed label, uint256 paidUntil);
    event ResolverChanged(bytes32 indexed label, address resolver);
    event HolderChanged(bytes32 indexed label, address indexed holder);
    event FeesSent(address indexed collector, uint256 amount);

    modifier onlyRegistrar() {
        require(msg.sender == registrar);
        _;
    }

    modifier onlyHolder(bytes32 label) {
        require(records[label].holder == msg.sender && records[label].paidUntil >= now);
        _;
    }

    constructor(address collector) public {
        registrar = msg.sender;
        feeCollector = collector;
    }

    function assign(bytes32 label, address holder, uint256 numYears) external onlyRegistrar {
        Record storage r = records[label];
        require(r.paidUntil < now && holder != address(0));
        require(numYears > 0 && numYears <= 5);
        r.holder = holder;
        r.resolver = address(0);
        r.paidUntil = now + numYears * 365 days;
        namesOf[holder].push(label);
        emit Assigned(label, holder, r.paidUntil);
    }

    function renew(bytes32 label) external payable {
        Record storage r = records[label];
        require(r.holder != address(0));
        require(msg.value == yearlyFee);
        uint256 base = r.paidUntil > now ? r.paidUntil : now;
        r.paidUntil = base + 365 days;
        collected += msg.value;
        emit Renewed(label, r.paidUntil);
    }

    function setResolver(bytes32 label, address resolver) external onlyHolder(label) {
        records[label].resolver = resolver;
        emit ResolverChanged(label, resolver);
    }

    function handOver(bytes32 label, address next) external onlyHolder(label) {
        require(next != address(0));
        records[label].holder = next;
        namesOf[next].push(label);
        emit HolderChanged(label, next);
    }

    function setYearlyFee(uint256 fee) external onlyRegistrar {
        require(fee > 0);
        yearlyFee = fee;
    }

    function setFeeCollector(address collector) external {
        require(collector != address(0));
        feeCollector = collector;
    }

    function sendFees() external {
        uint256 amount = collected;
        require(amount > 0);
        collected = 0;
        feeCollector.transfer(amount);
        emit FeesSent(feeCollector, amount);
    }

    function resolve(bytes32 label) external view returns (address) {
        Record storage r = records[label];
        if (r.paidUntil < now) {
            return address(0);
        }
        return r.resolver;
    }
}
