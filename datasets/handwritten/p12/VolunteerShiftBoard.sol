// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract VolunteerShiftBoard {
    struct Shift {
        string task;
        uint64 startsAt;
        uint32 capacity;
        uint32 filled;
        bool cancelled;
    }

    address public coordinator;
    Shift[] public shifts;

    mapping(address => bool) public approvedVolunteer;
    mapping(address => uint256) public shiftOf;
    mapping(address => uint32) public shiftsCompleted;

    event VolunteerApproved(address indexed volunteer);
    event ShiftPosted(uint256 indexed shiftId, string task, uint64 startsAt, uint32 capacity);
    event SignedUp(uint256 indexed shiftId, address indexed volunteer);
    event Withdrew(uint256 indexed shiftId, address indexed volunteer);
    event Attended(uint256 indexed shiftId, address indexed volunteer);

    modifier onlyCoordinator() {
        require(msg.sender == coordinator, "coordinator only");
        _;
    }

    modifier onlyApproved() {
        require(approvedVolunteer[msg.sender], "not an approved volunteer");
        _;
    }

    constructor() public {
        coordinator = msg.sender;
    }

    function approveVolunteer(address volunteer) external onlyCoordinator {
        approvedVolunteer[volunteer] = true;
        emit VolunteerApproved(volunteer);
    }

    function postShift(string calldata task, uint64 startsAt, uint32 capacity) external onlyCoordinator {
        require(startsAt > now + 1 days, "post at least a day ahead");
        require(capacity > 0, "zero capacity");
        shifts.push(Shift(task, startsAt, capacity, 0, false));
        emit ShiftPosted(shifts.length - 1, task, startsAt, capacity);
    }

    function cancelShift(uint256 shiftId) external onlyCoordinator {
        shifts[shiftId].cancelled = true;
    }

    function signUp(uint256 shiftId) external onlyApproved {
        require(shiftId < shifts.length, "unknown shift");
        require(shiftOf[msg.sender] == 0, "already on a shift");
        Shift storage s = shifts[shiftId];
        _reserveSpot(s);
        shiftOf[msg.sender] = shiftId + 1;
        emit SignedUp(shiftId, msg.sender);
    }

    function _reserveSpot(Shift storage s) internal {
        require(!s.cancelled, "shift cancelled");
        require(now < s.startsAt, "shift started");
        require(s.filled < s.capacity, "shift full");
        s.filled += 1;
    }

    function withdraw() external {
        uint256 slot = shiftOf[msg.sender];
        require(slot != 0, "not signed up");
        Shift storage s = shifts[slot - 1];
        require(now + 12 hours < s.startsAt, "too close to start");
        s.filled -= 1;
        shiftOf[msg.sender] = 0;
        emit Withdrew(slot - 1, msg.sender);
    }

    function confirmAttendance(address volunteer) external onlyCoordinator {
        uint256 slot = shiftOf[volunteer];
        require(slot != 0, "not signed up");
        require(now >= shifts[slot - 1].startsAt, "shift not started");
        shiftOf[volunteer] = 0;
        shiftsCompleted[volunteer] += 1;
        emit Attended(slot - 1, volunteer);
    }

    function shiftCount() external view returns (uint256) {
        return shifts.length;
    }

    function spotsLeft(uint256 shiftId) external view returns (uint32) {
        Shift storage s = shifts[shiftId];
        return s.capacity - s.filled;
    }
}
