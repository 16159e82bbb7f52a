pragma solidity ^0.4.24;

contract BasicHoursToken {
    string public name;
    string public symbol;
    uint8 public decimals;
    uint256 public totalSupply;

    mapping(address => uint256) internal balances;
    mapping(address => mapping(address => uint256)) internal allowed;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function balanceOf(address who) public view returns (uint256) {
        return balances[who];
    }

    function allowance(address holder, address spender) public view returns (uint256) {
        return allowed[holder][spender];
    }

    function transfer(address to, uint256 value) public returns (bool) {
        require(to != address(0));
        require(balances[msg.sender] >= value);
        balances[msg.sender] -= value;
        balances[to] += value;
        emit Transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) public returns (bool) {
        allowed[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) public returns (bool) {
        require(to != address(0));
        require(balances[from] >= value);
        balances[from] -= value;
        balances[to] += value;
        allowed[from][msg.sender] = allowed[from][msg.sender] - value;
        emit Transfer(from, to, value);
        return true;
    }

    function _mint(address to, uint256 value) internal {
        require(to != address(0));
        totalSupply += value;
        balances[to] += value;
        emit Transfer(address(0), to, value);
    }
}

contract VolunteerHoursToken is BasicHoursToken {
    struct Shift {
        string location;
        uint64 day;
        uint16 hoursCredited;
        uint32 attendees;
        bool closed;
    }

    address public coordinator;
    Shift[] public shifts;
    mapping(uint256 => mapping(address => bool)) public attended;
    mapping(address => bool) public partners;

    uint256 public constant MAX_BATCH = 50;

    event CoordinatorChanged(address indexed previous, address indexed next);
    event ShiftOpened(uint256 indexed shiftId, string location, uint64 day, uint16 hoursCredited);
    event ShiftClosed(uint256 indexed shiftId, uint32 attendees);
    event PartnerUpdated(address indexed partner, bool accepted);
    event HoursSpent(address indexed volunteer, address indexed partner, uint256 hoursSpent, string memo);

    modifier onlyCoordinator() {
        require(msg.sender == coordinator);
        _;
    }

    constructor() public {
        name = "Neighbourhood Volunteer Hours";
        symbol = "HOUR";
        decimals = 0;
        coordinator = msg.sender;
    }

    function changeCoordinator(address next) external onlyCoordinator {
        require(next != address(0));
        emit CoordinatorChanged(coordinator, next);
        coordinator = next;
    }

    function setPartner(address partner, bool accepted) external onlyCoordinator {
        partners[partner] = accepted;
        emit PartnerUpdated(partner, accepted);
    }

    function openShift(string location, uint64 day, uint16 hoursCredited) external onlyCoordinator {
        require(hoursCredited > 0 && hoursCredited <= 12);
        shifts.push(Shift(location, day, hoursCredited, 0, false));
        emit ShiftOpened(shifts.length - 1, location, day, hoursCredited);
    }

    function recordAttendance(uint256 shiftId, address[] volunteers) external onlyCoordinator {
        require(shiftId < shifts.length);
        require(volunteers.length <= MAX_BATCH);
        Shift storage shift = shifts[shiftId];
        require(!shift.closed);
        for (uint256 i = 0; i < volunteers.length; i++) {
            address volunteer = volunteers[i];
            if (attended[shiftId][volunteer]) {
                continue;
            }
            attended[shiftId][volunteer] = true;
            shift.attendees += 1;
            _mint(volunteer, shift.hoursCredited);
        }
    }

    function closeShift(uint256 shiftId) external onlyCoordinator {
        require(shiftId < shifts.length);
        Shift storage shift = shifts[shiftId];
        require(!shift.closed);
        shift.closed = true;
        emit ShiftClosed(shiftId, shift.attendees);
    }

    function spendAtPartner(address partner, uint256 hoursSpent, string memo) external returns (bool) {
        require(partners[partner]);
        require(hoursSpent > 0);
        transfer(partner, hoursSpent);
        emit HoursSpent(msg.sender, partner, hoursSpent, memo);
        return true;
    }

    function shiftCount() external view returns (uint256) {
        return shifts.length;
    }
}
