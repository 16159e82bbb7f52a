pragma solidity 0.4.26;

library SafeMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }

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

contract LibraryLending {
    using SafeMath for uint256;

    struct Book {
        string title;
        uint256 deposit;
        address borrower;
        uint256 dueAt;
        bool listed;
    }

    uint256 public constant LOAN_PERIOD = 21 days;
    uint256 public constant LATE_FEE_PER_WEEK = 0.001 ether;

    address public librarian;
    uint256 public fines;
    uint256 public bookCount;

    mapping(uint256 => Book) public books;
    mapping(address => uint256) public activeLoans;

    event BookAdded(uint256 indexed id, string title, uint256 deposit);
    event Borrowed(uint256 indexed id, address indexed borrower, uint256 dueAt);
    event Returned(uint256 indexed id, address indexed borrower, uint256 fee);

    modifier onlyLibrarian() {
        require(msg.sender == librarian);
        _;
    }

    constructor() public {
        librarian = msg.sender;
    }

    function addBook(string title, uint256 deposit) external onlyLibrarian returns (uint256 id) {
        require(deposit >= 0.01 ether);
        id = ++bookCount;
        books[id] = Book(title, deposit, address(0), 0, true);
        emit BookAdded(id, title, deposit);
    }

    function borrow(uint256 id) external payable {
        Book storage b = books[id];
        require(b.listed && b.borrower == address(0));
        require(msg.value == b.deposit);
        require(activeLoans[msg.sender] < 3);
        b.borrower = msg.sender;
        b.dueAt = now.add(LOAN_PERIOD);
        activeLoans[msg.sender] = activeLoans[msg.sender].add(1);
        emit Borrowed(id, msg.sender, b.dueAt);
    }

    function giveBack(uint256 id) external {
        Book storage b = books[id];
        require(b.borrower == msg.sender);
        uint256 fee = lateFee(id);
        uint256 refund = b.deposit.sub(fee);
        b.borrower = address(0);
        b.dueAt = 0;
        activeLoans[msg.sender] = activeLoans[msg.sender].sub(1);
        fines = fines.add(fee);
        emit Returned(id, msg.sender, fee);
        require(msg.sender.send(refund));
    }

    function lateFee(uint256 id) public view returns (uint256) {
        Book storage b = books[id];
        if (b.borrower == address(0) || now <= b.dueAt) {
            return 0;
        }
        uint256 weeksLate = now.sub(b.dueAt) / 1 weeks + 1;
        uint256 fee = weeksLate.mul(LATE_FEE_PER_WEEK);
        if (fee > b.deposit) {
            fee = b.deposit;
        }
        return fee;
    }

    function delist(uint256 id) external onlyLibrarian {
        require(books[id].borrower == address(0));
        books[id].listed = false;
    }

    function collectFines() external onlyLibrarian {
        uint256 amount = fines;
        fines = 0;
        librarian.transfer(amount);
    }
}
