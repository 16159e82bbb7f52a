pragma solidity 0.4.25;

contract StaffTipPool {
    struct StaffMember {
        address wallet;
        uint256 hoursThisWeek;
        bool active;
    }

    address public manager;
    uint256 public pool;
    uint256 public weekNumber;
    uint256 public totalHours;
    uint256 public maxStaff = 40;

    StaffMember[] public staff;
    mapping(address => uint256) public indexOf;
    mapping(uint256 => uint256) public paidOutInWeek;

    event Tipped(address indexed guest, uint256 amount, string note);
    event StaffAdded(address indexed wallet);
    event HoursLogged(address indexed wallet, uint256 hoursWorked);
    event WeekClosed(uint256 indexed week, uint256 pool, uint256 totalHours);

    modifier onlyManager() {
        require(msg.sender == manager);
        _;
    }

    constructor() public {
        manager = msg.sender;
    }

    function tip(string note) external payable {
        require(msg.value > 0);
        pool += msg.value;
        emit Tipped(msg.sender, msg.value, note);
    }

    function addStaff(address wallet) external onlyManager {
        require(wallet != address(0));
        require(staff.length < maxStaff);
        require(indexOf[wallet] == 0);
        staff.push(StaffMember(wallet, 0, true));
        indexOf[wallet] = staff.length;
        emit StaffAdded(wallet);
    }

    function setActive(address wallet, bool active) external onlyManager {
        require(indexOf[wallet] > 0);
        staff[indexOf[wallet] - 1].active = active;
    }

    function logHours(address wallet, uint256 hoursWorked) external onlyManager {
        require(indexOf[wallet] > 0 && hoursWorked <= 60);
        StaffMember storage s = staff[indexOf[wallet] - 1];
        require(s.active);
        totalHours = totalHours - s.hoursThisWeek + hoursWorked;
        s.hoursThisWeek = hoursWorked;
        emit HoursLogged(wallet, hoursWorked);
    }

    function closeWeek() external onlyManager {
        require(totalHours > 0 && pool > 0);
        uint256 amount = pool;
        uint256 hoursWorked = totalHours;
        pool = 0;
        totalHours = 0;
        for (uint256 i = 0; i < staff.length; i++) {
            StaffMember storage s = staff[i];
            if (s.hoursThisWeek > 0) {
                uint256 share = amount * s.hoursThisWeek / hoursWorked;
                s.hoursThisWeek = 0;
                s.wallet.send(share);
            }
        }
        paidOutInWeek[weekNumber] = amount;
        emit WeekClosed(weekNumber, amount, hoursWorked);
        weekNumber += 1;
    }

    function staffCount() external view returns (uint256) {
        return staff.length;
    }

    function setManager(address next) external onlyManager {
        require(next != address(0));
        manager = next;
    }
}
