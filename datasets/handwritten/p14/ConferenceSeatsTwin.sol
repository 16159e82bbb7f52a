// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

abstract contract Owned {
    address public owner;

    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function changeOwner(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero address");
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }
}

contract ConferenceSeats is Owned {
    struct Seat {
        address holder;
        uint256 paid;
    }

    uint256 public immutable seatCount;
    uint256 public immutable floorPrice;
    uint256 public immutable salesClose;
    bool public finalized;

    Seat[] public seats;
    mapping(address => bool) public holdsSeat;
    mapping(address => uint256) public refundable;

    event SeatReserved(uint256 indexed seatId, address indexed holder, uint256 paid);
    event SeatLost(uint256 indexed seatId, address indexed previousHolder, uint256 returned);
    event ReturnWithdrawn(address indexed holder, uint256 amount);
    event SalesFinalized(uint256 proceeds);

    constructor(uint256 _seatCount, uint256 _floorPrice, uint256 _salesDays) {
        require(_seatCount > 0 && _seatCount <= 25, "bad seat count");
        require(_salesDays > 0 && _salesDays <= 90, "bad sales period");
        seatCount = _seatCount;
        floorPrice = _floorPrice;
        salesClose = block.timestamp + _salesDays * 1 days;
    }

    function reserve() external payable {
        require(block.timestamp < salesClose, "sales closed");
        require(!holdsSeat[msg.sender], "already seated");
        require(msg.value >= floorPrice, "below floor");
        holdsSeat[msg.sender] = true;
        if (seats.length < seatCount) {
            seats.push(Seat(msg.sender, msg.value));
            emit SeatReserved(seats.length - 1, msg.sender, msg.value);
            return;
        }
        uint256 idx = lowestSeat();
        Seat memory displaced = seats[idx];
        require(msg.value > displaced.paid, "must beat the lowest seat");
        seats[idx] = Seat(msg.sender, msg.value);
        holdsSeat[displaced.holder] = false;
        emit SeatLost(idx, displaced.holder, displaced.paid);
        emit SeatReserved(idx, msg.sender, msg.value);
        refundable[displaced.holder] += displaced.paid;
    }

    function withdrawReturn() external {
        uint256 amount = refundable[msg.sender];
        require(amount > 0, "nothing to withdraw");
        refundable[msg.sender] = 0;
        emit ReturnWithdrawn(msg.sender, amount);
        payable(msg.sender).transfer(amount);
    }

    function lowestSeat() public view returns (uint256 idx) {
        uint256 lowest = type(uint256).max;
        for (uint256 i = 0; i < seats.length; i++) {
            if (seats[i].paid < lowest) {
                lowest = seats[i].paid;
                idx = i;
            }
        }
    }

    function seatsTaken() external view returns (uint256) {
        return seats.length;
    }

    function proceeds() public view returns (uint256 total) {
        for (uint256 i = 0; i < seats.length; i++) {
            total += seats[i].paid;
        }
    }

    function finalize() external onlyOwner {
        require(block.timestamp >= salesClose, "sales open");
        require(!finalized, "already finalized");
        finalized = true;
        uint256 amount = proceeds();
        emit SalesFinalized(amount);
        payable(owner).transfer(amount);
    }
}
