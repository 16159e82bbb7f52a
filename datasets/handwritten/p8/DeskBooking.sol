pragma solidity 0.4.24;

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

contract Owned {
    address public owner;

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    constructor() public {
        owner = msg.sender;
    }
}

contract DeskBooking is Owned {
    using SafeMath for uint256;

    struct Desk {
        string label;
        uint256 dailyRate;
        bool listed;
    }

    struct Booking {
        uint256 deskId;
        address member;
        uint256 startDay;
        uint256 numDays;
        uint256 paid;
        bool cancelled;
        bool settled;
    }

    uint256 public constant MAX_DAYS = 14;
    uint256 public constant MAX_LEAD_DAYS = 90;
    uint256 public constant CANCEL_NOTICE_DAYS = 2;

    Desk[] public desks;
    Booking[] public bookings;
    mapping(uint256 => mapping(uint256 => bool)) public reserved;
    mapping(address => uint256) public refundable;
    uint256 public heldPayments;
    uint256 public earned;

    event DeskAdded(uint256 indexed deskId, string label, uint256 dailyRate);
    event Booked(uint256 indexed bookingId, uint256 indexed deskId, address indexed member, uint256 startDay, uint256 numDays);
    event Cancelled(uint256 indexed bookingId);
    event Settled(uint256 indexed bookingId, uint256 amount);

    function today() public view returns (uint256) {
        return now / 1 days;
    }

    function addDesk(string label, uint256 dailyRate) public onlyOwner {
        require(dailyRate > 0);
        desks.push(Desk(label, dailyRate, true));
        emit DeskAdded(desks.length - 1, label, dailyRate);
    }

    function setDesk(uint256 deskId, uint256 dailyRate, bool listed) public onlyOwner {
        require(deskId < desks.length && dailyRate > 0);
        desks[deskId].dailyRate = dailyRate;
        desks[deskId].listed = listed;
    }

    function book(uint256 deskId, uint256 startDay, uint256 numDays) public payable returns (uint256) {
        require(deskId < desks.length && desks[deskId].listed);
        require(numDays > 0 && numDays <= MAX_DAYS);
        require(startDay > today() && startDay <= today().add(MAX_LEAD_DAYS));
        require(msg.value == desks[deskId].dailyRate.mul(numDays));
        for (uint256 i = 0; i < numDays; i++) {
            require(!reserved[deskId][startDay + i]);
            reserved[deskId][startDay + i] = true;
        }
        heldPayments = heldPayments.add(msg.value);
        bookings.push(Booking(deskId, msg.sender, startDay, numDays, msg.value, false, false));
        emit Booked(bookings.length - 1, deskId, msg.sender, startDay, numDays);
        return bookings.length - 1;
    }

    function cancel(uint256 bookingId) public {
        require(bookingId < bookings.length);
        Booking storage b = bookings[bookingId];
        require(b.member == msg.sender && !b.cancelled && !b.settled);
        require(today().add(CANCEL_NOTICE_DAYS) <= b.startDay);
        for (uint256 i = 0; i < b.numDays; i++) {
            reserved[b.deskId][b.startDay + i] = false;
        }
        b.cancelled = true;
        heldPayments = heldPayments.sub(b.paid);
        refundable[msg.sender] = refundable[msg.sender].add(b.paid);
        emit Cancelled(bookingId);
    }

    function settle(uint256 bookingId) public {
        require(bookingId < bookings.length);
        Booking storage b = bookings[bookingId];
        require(!b.cancelled && !b.settled && today() >= b.startDay);
        b.settled = true;
        heldPayments = heldPayments.sub(b.paid);
        earned = earned.add(b.paid);
        emit Settled(bookingId, b.paid);
    }

    function withdrawRefund() public {
        uint256 amount = refundable[msg.sender];
        require(amount > 0);
        refundable[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function withdrawEarnings(uint256 amount) public onlyOwner {
        earned = earned.sub(amount);
        owner.transfer(amount);
    }
}
