// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract ConferenceTickets {
    enum Tier { Standard, Workshop, Patron }

    struct Seat {
        address payable holder;
        uint256 paid;
        Tier tier;
        bool checkedIn;
    }

    address public organiser;
    uint256 public eventStart;
    uint256 public capacity;
    uint256 public sold;
    uint256 public revenueWithdrawn;

    mapping(uint256 => Seat) public seats;
    mapping(Tier => uint256) public priceOf;
    mapping(address => uint256[]) private seatsOf;

    event SeatBought(uint256 indexed seatId, address indexed holder, Tier tier, uint256 price);
    event SeatCancelled(uint256 indexed seatId, address indexed holder, uint256 refund);
    event CheckedIn(uint256 indexed seatId);

    modifier onlyOrganiser() {
        require(msg.sender == organiser, "organiser only");
        _;
    }

    modifier beforeEvent() {
        require(block.timestamp < eventStart, "event started");
        _;
    }

    constructor(uint256 start, uint256 seatCapacity) {
        require(start > block.timestamp + 14 days, "too soon");
        organiser = msg.sender;
        eventStart = start;
        capacity = seatCapacity;
        priceOf[Tier.Standard] = 0.2 ether;
        priceOf[Tier.Workshop] = 0.35 ether;
        priceOf[Tier.Patron] = 1 ether;
    }

    function buy(uint256 seatId, Tier tier) external payable beforeEvent {
        require(seatId < capacity, "no such seat");
        Seat storage s = seats[seatId];
        require(s.holder == address(0), "taken");
        require(msg.value == priceOf[tier], "price");
        s.holder = msg.sender;
        s.paid = msg.value;
        s.tier = tier;
        sold += 1;
        seatsOf[msg.sender].push(seatId);
        emit SeatBought(seatId, msg.sender, tier, msg.value);
    }

    function cancel(uint256 seatId) external beforeEvent {
        Seat storage s = seats[seatId];
        require(s.holder == msg.sender && s.paid > 0, "not your seat");
        _refundSeat(seatId, s);
    }

    function _refundSeat(uint256 seatId, Seat storage s) internal {
        uint256 refund = s.paid;
        if (block.timestamp + 7 days > eventStart) {
            refund = (s.paid * 50) / 100;
        }
        (bool ok, ) = s.holder.call{value: refund}("");
        require(ok, "refund failed");
        emit SeatCancelled(seatId, s.holder, refund);
        s.paid = 0;
        s.holder = address(0);
        sold -= 1;
    }

    function checkIn(uint256 seatId) external onlyOrganiser {
        Seat storage s = seats[seatId];
        require(s.holder != address(0) && !s.checkedIn, "cannot check in");
        s.checkedIn = true;
        emit CheckedIn(seatId);
    }

    function withdrawRevenue(uint256 amount) external onlyOrganiser {
        require(block.timestamp >= eventStart, "before event");
        require(amount <= address(this).balance, "balance");
        revenueWithdrawn += amount;
        (bool ok, ) = payable(organiser).call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function setPrice(Tier tier, uint256 price) external onlyOrganiser {
        require(price > 0, "price");
        priceOf[tier] = price;
    }

    function seatsHeldBy(address who) external view returns (uint256[] memory) {
        return seatsOf[who];
    }
}
