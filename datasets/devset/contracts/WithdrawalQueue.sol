pragma solidity 0.4.26;

contract WithdrawalQueue {
    struct Request {
        address member;
        uint256 amount;
        uint256 requestedAt;
    }

    address public operator;
    uint256 public totalDeposits;
    uint256 public deployed;
    uint256 public head;

    mapping(address => uint256) public balances;
    Request[] public queue;

    event Deposited(address indexed member, uint256 amount);
    event ExitRequested(uint256 indexed position, address indexed member, uint256 amount);
    event ExitPaid(uint256 indexed position, address indexed member, uint256 amount);
    event Deployed(uint256 amount);
    event Returned(uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator);
        _;
    }

    constructor() public {
        operator = msg.sender;
    }

    function deposit() external payable {
        require(msg.value >= 0.1 ether);
        balances[msg.sender] += msg.value;
        totalDeposits += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function requestExit(uint256 amount) external {
        require(amount > 0 && balances[msg.sender] >= amount);
        balances[msg.sender] -= amount;
        queue.push(Request(msg.sender, amount, now));
        emit ExitRequested(queue.length - 1, msg.sender, amount);
    }

    function deploy(uint256 amount) external onlyOperator {
        require(amount <= address(this).balance);
        deployed += amount;
        operator.transfer(amount);
        emit Deployed(amount);
    }

    function giveBack() external payable onlyOperator {
        require(msg.value <= deployed);
        deployed -= msg.value;
        emit Returned(msg.value);
    }

    function processExits(uint256 maxCount) external {
        uint256 processed = 0;
        while (head < queue.length && processed < maxCount) {
            Request storage r = queue[head];
            if (r.amount > address(this).balance) {
                break;
            }
            require(r.member.send(r.amount));
            totalDeposits -= r.amount;
            emit ExitPaid(head, r.member, r.amount);
            delete queue[head];
            head += 1;
            processed += 1;
        }
    }

    function pendingExits() external view returns (uint256) {
        return queue.length - head;
    }
}
