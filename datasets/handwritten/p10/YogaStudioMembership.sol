// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract YogaStudioMembership {
    struct Member {
        uint256 paidUntil;
        uint256 guestPasses;
        uint256 classesBooked;
    }

    struct YogaClass {
        uint256 startsAt;
        uint256 capacity;
        uint256 booked;
        bool cancelled;
    }

    uint256 public constant MONTH = 30 days;
    uint256 public constant MAX_MONTHS = 12;
    uint256 public constant PASSES_PER_MONTH = 2;

    address payable public studio;
    uint256 public monthlyFee;
    uint256 public revenue;
    YogaClass[] public classes;

    mapping(address => Member) public members;
    mapping(uint256 => mapping(address => bool)) public attending;

    event Subscribed(address indexed member, uint256 months, uint256 paidUntil);
    event ClassScheduled(uint256 indexed classId, uint256 startsAt, uint256 capacity);
    event Booked(uint256 indexed classId, address indexed member);
    event BookingCancelled(uint256 indexed classId, address indexed member);
    event GuestPassUsed(address indexed member, uint256 remaining);
    event FeeChanged(uint256 monthlyFee);

    modifier onlyStudio() {
        require(msg.sender == studio, "studio only");
        _;
    }

    modifier activeMember() {
        require(members[msg.sender].paidUntil >= block.timestamp, "membership lapsed");
        _;
    }

    constructor(uint256 _monthlyFee) {
        studio = msg.sender;
        monthlyFee = _monthlyFee;
    }

    function setMonthlyFee(uint256 fee) external onlyStudio {
        monthlyFee = fee;
        emit FeeChanged(fee);
    }

    function subscribe(uint256 months, uint256 maxFee) external payable {
        require(months >= 1 && months <= MAX_MONTHS, "1 to 12 months");
        require(monthlyFee <= maxFee, "fee changed");
        require(msg.value == monthlyFee * months, "wrong payment");

        Member storage m = members[msg.sender];
        uint256 base = m.paidUntil > block.timestamp ? m.paidUntil : block.timestamp;
        m.paidUntil = base + months * MONTH;
        m.guestPasses += months * PASSES_PER_MONTH;
        revenue += msg.value;
        emit Subscribed(msg.sender, months, m.paidUntil);
    }

    function scheduleClass(uint256 startsAt, uint256 capacity) external onlyStudio {
        require(startsAt > block.timestamp + 1 days, "too soon");
        require(capacity > 0 && capacity <= 40, "capacity");
        classes.push(YogaClass(startsAt, capacity, 0, false));
        emit ClassScheduled(classes.length - 1, startsAt, capacity);
    }

    function cancelClass(uint256 classId) external onlyStudio {
        classes[classId].cancelled = true;
    }

    function book(uint256 classId) external activeMember {
        YogaClass storage c = classes[classId];
        require(!c.cancelled && c.startsAt > block.timestamp, "not bookable");
        require(!attending[classId][msg.sender], "already booked");
        require(c.booked < c.capacity, "class full");
        attending[classId][msg.sender] = true;
        c.booked += 1;
        members[msg.sender].classesBooked += 1;
        emit Booked(classId, msg.sender);
    }

    function cancelBooking(uint256 classId) external {
        YogaClass storage c = classes[classId];
        require(attending[classId][msg.sender], "not booked");
        require(c.startsAt > block.timestamp + 1 days, "too late to cancel");
        attending[classId][msg.sender] = false;
        c.booked -= 1;
        members[msg.sender].classesBooked -= 1;
        emit BookingCancelled(classId, msg.sender);
    }

    function useGuestPass() external activeMember {
        Member storage m = members[msg.sender];
        require(m.guestPasses > 0, "no guest passes");
        m.guestPasses -= 1;
        emit GuestPassUsed(msg.sender, m.guestPasses);
    }

    function withdrawRevenue(uint256 amount) external onlyStudio {
        require(amount <= revenue, "exceeds revenue");
        revenue -= amount;
        studio.transfer(amount);
    }
}
