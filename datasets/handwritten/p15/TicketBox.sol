// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract Managed {
    address payable public owner;

    event OwnershipHandedOver(address indexed previousOwner, address indexed newOwner);
    event Retired(address indexed by, uint256 balance);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function handOver(address payable newOwner) external onlyOwner {
        require(newOwner != address(0), "zero address");
        emit OwnershipHandedOver(owner, newOwner);
        owner = newOwner;
    }

    function retire() external {
        emit Retired(msg.sender, address(this).balance);
        selfdestruct(owner);
    }
}

contract TicketBox is Managed {
    struct Show {
        string title;
        uint256 startsAt;
        uint256 price;
        uint256 capacity;
        uint256 sold;
        bool cancelled;
        bool settled;
    }

    Show[] public shows;
    mapping(uint256 => mapping(address => uint256)) public ticketsOf;

    event ShowListed(uint256 indexed showId, string title, uint256 startsAt, uint256 price);
    event TicketsBought(uint256 indexed showId, address indexed buyer, uint256 count);
    event TicketsRefunded(uint256 indexed showId, address indexed buyer, uint256 amount);
    event ShowCancelled(uint256 indexed showId);
    event ShowSettled(uint256 indexed showId, uint256 amount);

    function listShow(string calldata title, uint256 startsAt, uint256 price, uint256 capacity) external onlyOwner {
        require(startsAt > block.timestamp + 7 days, "list at least a week ahead");
        require(capacity > 0 && capacity <= 50000, "bad capacity");
        shows.push(Show(title, startsAt, price, capacity, 0, false, false));
        emit ShowListed(shows.length - 1, title, startsAt, price);
    }

    function buy(uint256 showId, uint256 count) external payable {
        require(showId < shows.length, "unknown show");
        Show storage s = shows[showId];
        require(!s.cancelled, "show cancelled");
        require(block.timestamp < s.startsAt, "show started");
        require(count > 0 && count <= 10, "1 to 10 tickets");
        require(s.sold + count <= s.capacity, "sold out");
        require(msg.value == s.price * count, "wrong payment");

        s.sold += count;
        ticketsOf[showId][msg.sender] += count;
        emit TicketsBought(showId, msg.sender, count);
    }

    function refund(uint256 showId) external {
        require(showId < shows.length, "unknown show");
        Show storage s = shows[showId];
        require(s.cancelled || block.timestamp + 2 days < s.startsAt, "refund window closed");
        uint256 count = ticketsOf[showId][msg.sender];
        require(count > 0, "no tickets");

        ticketsOf[showId][msg.sender] = 0;
        s.sold -= count;
        uint256 amount = count * s.price;
        msg.sender.transfer(amount);
        emit TicketsRefunded(showId, msg.sender, amount);
    }

    function cancelShow(uint256 showId) external onlyOwner {
        require(showId < shows.length, "unknown show");
        Show storage s = shows[showId];
        require(!s.settled, "already settled");
        s.cancelled = true;
        emit ShowCancelled(showId);
    }

    function settle(uint256 showId) external onlyOwner {
        require(showId < shows.length, "unknown show");
        Show storage s = shows[showId];
        require(!s.cancelled && !s.settled, "not settleable");
        require(block.timestamp > s.startsAt + 1 days, "too early");
        s.settled = true;
        uint256 amount = s.sold * s.price;
        owner.transfer(amount);
        emit ShowSettled(showId, amount);
    }

    function showCount() external view returns (uint256) {
        return shows.length;
    }
}
