pragma solidity 0.4.26;

contract Owned {
    address public owner;

    event OwnerChanged(address indexed previous, address indexed next);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function changeOwner(address next) public onlyOwner {
        require(next != address(0));
        emit OwnerChanged(owner, next);
        owner = next;
    }
}

contract ExpenseBoard is Owned {
    enum Status { None, Filed, Approved, Rejected, Paid }

    struct Claim {
        address employee;
        uint256 amount;
        bytes32 receiptHash;
        Status status;
    }

    mapping(address => bool) public employees;
    mapping(uint256 => Claim) public claims;
    uint256 public claimCount;
    uint256 public budget;
    uint256 public committed;

    event EmployeeSet(address indexed employee, bool active);
    event ClaimFiled(uint256 indexed id, address indexed employee, uint256 amount);
    event ClaimDecided(uint256 indexed id, bool approved);
    event ClaimPaid(uint256 indexed id, address indexed employee, uint256 amount);
    event BudgetAdded(uint256 amount);

    modifier onlyEmployee() {
        require(employees[msg.sender]);
        _;
    }

    function () external payable {
        budget += msg.value;
        emit BudgetAdded(msg.value);
    }

    function setEmployee(address who, bool active) external onlyOwner {
        employees[who] = active;
        emit EmployeeSet(who, active);
    }

    function file(uint256 amount, bytes32 receiptHash) external onlyEmployee returns (uint256 id) {
        require(amount > 0 && amount <= 10 ether);
        id = ++claimCount;
        claims[id] = Claim(msg.sender, amount, receiptHash, Status.Filed);
        emit ClaimFiled(id, msg.sender, amount);
    }

    function decide(uint256 id, bool approve) external onlyOwner {
        Claim storage c = claims[id];
        require(c.status == Status.Filed);
        if (approve) {
            require(committed + c.amount <= budget);
            committed += c.amount;
            c.status = Status.Approved;
        } else {
            c.status = Status.Rejected;
        }
        emit ClaimDecided(id, approve);
    }

    function settle(uint256[] ids) external onlyOwner {
        for (uint256 i = 0; i < ids.length; i++) {
            Claim storage c = claims[ids[i]];
            if (c.status == Status.Approved) {
                _reimburse(c);
                emit ClaimPaid(ids[i], c.employee, c.amount);
            }
        }
    }

    function _reimburse(Claim storage c) internal {
        c.status = Status.Paid;
        committed -= c.amount;
        budget -= c.amount;
        c.employee.send(c.amount);
    }

    function withdrawUnused(uint256 amount) external onlyOwner {
        require(amount <= budget - committed);
        budget -= amount;
        owner.transfer(amount);
    }
}
