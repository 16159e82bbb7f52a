// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

interface ITicketHolder {
    function onTicketsReceived(address operator, uint256 firstId, uint256 count) external returns (bytes4);
}

contract ConcertTicketBox {
    struct Show {
        string title;
        uint64 doorsOpen;
        uint32 capacity;
        bool saleOpen;
    }

    bytes4 private constant HOLDER_ACK = ITicketHolder.onTicketsReceived.selector;
    uint256 public constant MAX_PER_TX = 4;

    address public immutable organizer;
    uint256 public immutable price;
    uint256 public immutable walletCap;

    Show public show;
    uint256 public sold;
    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public purchased;

    event SaleToggled(bool open);
    event TicketsBought(address indexed buyer, uint256 firstId, uint256 count);
    event TicketTransferred(address indexed from, address indexed to, uint256 id);
    event ProceedsWithdrawn(uint256 amount);

    modifier onlyOrganizer() {
        require(msg.sender == organizer, "not organizer");
        _;
    }

    modifier whileSaleOpen() {
        require(show.saleOpen, "sale closed");
        require(block.timestamp < show.doorsOpen, "doors open");
        _;
    }

    constructor(string memory title, uint64 doorsOpen, uint32 capacity, uint256 ticketPrice, uint256 cap) {
        require(doorsOpen > block.timestamp + 1 days, "too soon");
        require(capacity > 0 && cap > 0, "bad limits");
        organizer = msg.sender;
        price = ticketPrice;
        walletCap = cap;
        show = Show(title, doorsOpen, capacity, false);
    }

    function setSaleOpen(bool open) external onlyOrganizer {
        show.saleOpen = open;
        emit SaleToggled(open);
    }

    function buy(uint256 count) external payable whileSaleOpen {
        require(count > 0 && count <= MAX_PER_TX, "bad count");
        require(purchased[msg.sender] + count <= walletCap, "wallet cap reached");
        require(sold + count <= show.capacity, "sold out");
        require(msg.value == price * count, "wrong payment");

        uint256 firstId = sold + 1;
        sold += count;
        for (uint256 i = 0; i < count; i++) {
            ownerOf[firstId + i] = msg.sender;
        }
        balanceOf[msg.sender] += count;

        purchased[msg.sender] += count;
        _notifyHolder(msg.sender, firstId, count);
        emit TicketsBought(msg.sender, firstId, count);
    }

    function transferTicket(address to, uint256 id) external {
        require(ownerOf[id] == msg.sender, "not ticket owner");
        require(to != address(0), "zero recipient");
        ownerOf[id] = to;
        balanceOf[msg.sender] -= 1;
        balanceOf[to] += 1;
        emit TicketTransferred(msg.sender, to, id);
        _notifyHolder(to, id, 1);
    }

    function withdrawProceeds() external onlyOrganizer {
        uint256 amount = address(this).balance;
        require(amount > 0, "nothing to withdraw");
        (bool ok, ) = payable(organizer).call{value: amount}("");
        require(ok, "withdraw failed");
        emit ProceedsWithdrawn(amount);
    }

    function remaining() external view returns (uint256) {
        return uint256(show.capacity) - sold;
    }

    function _notifyHolder(address to, uint256 firstId, uint256 count) internal {
        if (to.code.length == 0) {
            return;
        }
        bytes4 ack = ITicketHolder(to).onTicketsReceived(msg.sender, firstId, count);
        require(ack == HOLDER_ACK, "holder rejected tickets");
    }
}
