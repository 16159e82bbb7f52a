// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract HotelBooking {
    struct Room {
        uint256 nightlyRate;
        bool listed;
    }

    struct Booking {
        address guest;
        uint16 roomId;
        uint16 nights;
        uint64 checkIn;
        uint256 rate;
        uint256 paid;
        bool cancelled;
    }

    address public manager;
    uint256 public constant CANCEL_FEE_PCT = 30;
    uint256 public bookingCount;
    uint256 public revenue;

    mapping(uint16 => Room) public rooms;
    mapping(bytes32 => uint256) public promoDiscountPct;
    mapping(uint256 => Booking) public bookings;
    mapping(address => uint256) public credit;

    event RoomListed(uint16 indexed roomId, uint256 nightlyRate);
    event Booked(uint256 indexed id, address indexed guest, uint16 roomId, uint16 nights, uint256 paid);
    event BookingCancelled(uint256 indexed id, uint256 refund);
    event CreditWithdrawn(address indexed guest, uint256 amount);

    modifier onlyManager() {
        require(msg.sender == manager, "manager only");
        _;
    }

    constructor() {
        manager = msg.sender;
    }

    function listRoom(uint16 roomId, uint256 nightlyRate) external onlyManager {
        rooms[roomId] = Room(nightlyRate, true);
        emit RoomListed(roomId, nightlyRate);
    }

    function setPromo(bytes32 codeHash, uint256 discountPct) external onlyManager {
        require(discountPct <= 90, "discount");
        promoDiscountPct[codeHash] = discountPct;
    }

    function book(uint16 roomId, uint16 nights, uint64 checkIn, string calldata promo) external payable returns (uint256 id) {
        Room storage room = rooms[roomId];
        require(room.listed, "no room");
        require(nights > 0 && nights <= 30, "nights");
        require(checkIn > block.timestamp + 1 days, "check-in");
        uint256 discount = promoDiscountPct[keccak256(bytes(promo))];
        uint256 price = (room.nightlyRate * nights * (100 - discount)) / 100;
        require(msg.value == price, "price");
        id = ++bookingCount;
        bookings[id] = Booking(msg.sender, roomId, nights, checkIn, room.nightlyRate, msg.value, false);
        emit Booked(id, msg.sender, roomId, nights, msg.value);
    }

    function cancel(uint256 id) external {
        Booking storage b = bookings[id];
        require(b.guest == msg.sender && !b.cancelled, "not cancellable");
        require(block.timestamp < b.checkIn, "already started");
        b.cancelled = true;
        uint256 fee = _cancellationFee(b);
        uint256 refund;
        unchecked {
            refund = b.paid - fee;
        }
        credit[msg.sender] += refund;
        revenue += fee;
        emit BookingCancelled(id, refund);
    }

    function _cancellationFee(Booking storage b) internal view returns (uint256) {
        return (b.rate * b.nights * CANCEL_FEE_PCT) / 100;
    }

    function checkOut(uint256 id) external onlyManager {
        Booking storage b = bookings[id];
        require(!b.cancelled && b.paid > 0, "nothing to settle");
        revenue += b.paid;
        b.paid = 0;
    }

    function withdrawCredit(uint256 amount) external {
        require(amount > 0 && credit[msg.sender] >= amount, "credit");
        credit[msg.sender] -= amount;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "withdraw failed");
        emit CreditWithdrawn(msg.sender, amount);
    }

    function withdrawRevenue(uint256 amount) external onlyManager {
        require(amount <= revenue, "too much");
        revenue -= amount;
        payable(manager).transfer(amount);
    }
}
