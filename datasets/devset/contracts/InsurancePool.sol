pragma solidity 0.4.24;

contract InsurancePool {
    struct Policy {
        address holder;
        uint256 premium;
        uint256 coverage;
        uint256 expiresAt;
        bool approved;
        bool paid;
    }

    address public assessor;
    uint256 public coverageMultiple = 8;
    uint256 public reserves;
    uint256 public outstanding;

    Policy[] public policies;
    mapping(address => uint256[]) public policiesOf;

    event PolicyIssued(uint256 indexed id, address indexed holder, uint256 coverage, uint256 expiresAt);
    event ClaimApproved(uint256 indexed id);
    event ClaimPaid(uint256 indexed id, address indexed holder, uint256 amount);
    event ReservesAdded(address indexed from, uint256 amount);
    event PolicyLapsed(uint256 indexed id);

    modifier onlyAssessor() {
        require(msg.sender == assessor);
        _;
    }

    modifier onlyHolder(uint256 id) {
        require(id < policies.length && policies[id].holder == msg.sender);
        _;
    }

    constructor() public {
        assessor = msg.sender;
    }

    function fund() external payable {
        reserves += msg.value;
        emit ReservesAdded(msg.sender, msg.value);
    }

    function buyPolicy(uint256 months) external payable returns (uint256 id) {
        require(months >= 1 && months <= 12);
        require(msg.value >= 0.01 ether && msg.value <= 5 ether);
        uint256 coverage = msg.value * coverageMultiple;
        require(outstanding + coverage <= reserves + msg.value);
        reserves += msg.value;
        outstanding += coverage;
        uint256 expiresAt = now + months * 30 days;
        id = policies.push(Policy(msg.sender, msg.value, coverage, expiresAt, false, false)) - 1;
        policiesOf[msg.sender].push(id);
        emit PolicyIssued(id, msg.sender, coverage, expiresAt);
    }

    function approveClaim(uint256 id) external onlyAssessor {
        Policy storage p = policies[id];
        require(now <= p.expiresAt);
        require(!p.approved && p.coverage > 0);
        p.approved = true;
        emit ClaimApproved(id);
    }

    function collect(uint256 id) external onlyHolder(id) {
        Policy storage p = policies[id];
        require(p.approved && !p.paid);
        uint256 amount = p.coverage;
        require(amount <= reserves);
        require(p.holder.call.value(amount)());
        p.paid = true;
        reserves -= amount;
        outstanding -= amount;
        emit ClaimPaid(id, p.holder, amount);
    }

    function lapse(uint256 id) external {
        Policy storage p = policies[id];
        require(now > p.expiresAt && !p.approved && p.coverage > 0);
        outstanding -= p.coverage;
        p.coverage = 0;
        emit PolicyLapsed(id);
    }

    function policyCount(address holder) external view returns (uint256) {
        return policiesOf[holder].length;
    }

    function setAssessor(address next) external onlyAssessor {
        require(next != address(0));
        assessor = next;
    }
}
