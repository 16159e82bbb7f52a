pragma solidity 0.5.17;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "mul");
        return c;
    }
}

contract RentalDeposit {
    using SafeMath for uint256;

    enum State { Open, Active, Ended }

    struct Lease {
        address tenant;
        uint256 deposit;
        uint256 durationDays;
        uint256 startsAt;
        uint256 endsAt;
        uint256 damages;
        State state;
    }

    address public landlord;
    uint256 public leaseCount;

    mapping(uint256 => Lease) public leases;
    mapping(address => uint256) public credit;

    event LeaseOffered(uint256 indexed id, uint256 deposit, uint256 durationDays);
    event LeaseSigned(uint256 indexed id, address indexed tenant);
    event LeaseSettled(uint256 indexed id, uint256 toTenant, uint256 toLandlord);
    event Withdrawal(address indexed who, uint256 amount);

    modifier onlyLandlord() {
        require(msg.sender == landlord, "landlord only");
        _;
    }

    constructor() public {
        landlord = msg.sender;
    }

    function offer(uint256 deposit, uint256 durationDays) external onlyLandlord returns (uint256) {
        require(deposit > 0 && durationDays > 0 && durationDays <= 1095, "bad terms");
        leaseCount = leaseCount.add(1);
        Lease storage l = leases[leaseCount];
        l.deposit = deposit;
        l.durationDays = durationDays;
        l.state = State.Open;
        emit LeaseOffered(leaseCount, deposit, durationDays);
        return leaseCount;
    }

    function sign(uint256 id) external payable {
        Lease storage l = leases[id];
        require(l.deposit > 0 && l.state == State.Open, "not available");
        require(msg.value == l.deposit, "wrong deposit");
        l.tenant = msg.sender;
        l.startsAt = now;
        l.endsAt = now.add(l.durationDays.mul(1 days));
        l.state = State.Active;
        emit LeaseSigned(id, msg.sender);
    }

    function settle(uint256 id, uint256 damages) external onlyLandlord {
        Lease storage l = leases[id];
        require(l.state == State.Active, "not active");
        require(now >= l.endsAt, "lease running");
        require(damages <= l.deposit, "too much");
        l.state = State.Ended;
        l.damages = damages;
        uint256 back = l.deposit.sub(damages);
        credit[l.tenant] = credit[l.tenant].add(back);
        credit[landlord] = credit[landlord].add(damages);
        emit LeaseSettled(id, back, damages);
    }

    function withdraw() external {
        uint256 amount = credit[msg.sender];
        require(amount > 0, "nothing owed");
        credit[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit Withdrawal(msg.sender, amount);
    }
}
