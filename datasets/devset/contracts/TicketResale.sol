// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract TicketResale {
    struct Ticket {
        address holder;
        uint256 faceValue;
        uint256 askPrice;
        bool listed;
        bool used;
    }

    struct EventInfo {
        string title;
        uint256 startsAt;
        uint256 capacity;
        uint256 issued;
        bool cancelled;
    }

    address public organizer;
    uint256 public maxMarkupBps = 1000;
    EventInfo public info;

    mapping(uint256 => Ticket) public tickets;
    mapping(address => uint256) public proceeds;

    event Issued(uint256 indexed id, address indexed holder, uint256 faceValue);
    event Listed(uint256 indexed id, uint256 askPrice);
    event Resold(uint256 indexed id, address indexed from, address indexed to, uint256 price);
    event Refunded(uint256 indexed id, address indexed holder, uint256 amount);
    event Cancelled();

    modifier onlyOrganizer() {
        require(msg.sender == organizer, "organizer only");
        _;
    }

    constructor(string memory title, uint256 startsAt, uint256 capacity) {
        organizer = msg.sender;
        info = EventInfo(title, startsAt, capacity, 0, false);
    }

    function buyPrimary(uint256 faceValue) external payable returns (uint256 id) {
        require(!info.cancelled, "cancelled");
        require(info.issued < info.capacity, "sold out");
        require(faceValue > 0 && msg.value == faceValue, "wrong price");
        id = ++info.issued;
        tickets[id] = Ticket(msg.sender, faceValue, 0, false, false);
        emit Issued(id, msg.sender, faceValue);
    }

    function list(uint256 id, uint256 askPrice) external {
        Ticket storage t = tickets[id];
        require(t.holder == msg.sender, "not holder");
        require(!t.used, "used");
        require(askPrice <= t.faceValue * (10000 + maxMarkupBps) / 10000, "markup too high");
        t.askPrice = askPrice;
        t.listed = true;
        emit Listed(id, askPrice);
    }

    function buyResale(uint256 id) external payable {
        require(!info.cancelled, "cancelled");
        Ticket storage t = tickets[id];
        require(t.listed, "not listed");
        require(msg.value == t.askPrice, "wrong price");
        address seller = t.holder;
        t.holder = msg.sender;
        t.listed = false;
        proceeds[seller] += msg.value;
        emit Resold(id, seller, msg.sender, msg.value);
    }

    function cancelEvent() external onlyOrganizer {
        require(!info.cancelled, "already cancelled");
        info.cancelled = true;
        emit Cancelled();
    }

    function claimRefund(uint256 id) external {
        require(info.cancelled, "event not cancelled");
        Ticket storage t = tickets[id];
        require(t.holder == msg.sender, "not holder");
        require(!t.used, "already settled");
        (bool ok, ) = msg.sender.call{value: t.faceValue}("");
        require(ok, "refund failed");
        t.used = true;
        t.holder = address(0);
        emit Refunded(id, msg.sender, t.faceValue);
    }

    function checkIn(uint256 id) external onlyOrganizer {
        Ticket storage t = tickets[id];
        require(t.holder != address(0) && !t.used, "invalid ticket");
        t.used = true;
        t.listed = false;
    }

    function withdrawProceeds() external {
        uint256 amount = proceeds[msg.sender];
        require(amount > 0, "nothing");
        proceeds[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
