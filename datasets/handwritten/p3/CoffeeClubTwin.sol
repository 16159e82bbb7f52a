pragma solidity ^0.4.24;

library SafeMath {
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

contract CoffeeClub {
    using SafeMath for uint256;

    struct MenuItem {
        string name;
        uint256 price;
        bool available;
    }

    struct Member {
        uint256 cupsBought;
        uint256 freeCups;
        uint256 joinedAt;
        bool active;
    }

    address public owner;
    address public barista;
    uint256 public itemCount;
    uint256 public revenue;
    uint256 public memberCount;

    mapping(uint256 => MenuItem) public menu;
    mapping(address => Member) public members;

    event MemberJoined(address indexed member, uint256 when);
    event ItemAdded(uint256 indexed itemId, string name, uint256 price);
    event AvailabilityChanged(uint256 indexed itemId, bool available);
    event CupOrdered(address indexed member, uint256 indexed itemId, bool free);
    event FreeCupEarned(address indexed member, uint256 freeCups);
    event BaristaChanged(address indexed barista);
    event Withdrawn(address indexed to, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    modifier onlyStaff() {
        require(msg.sender == owner || msg.sender == barista);
        _;
    }

    modifier onlyMember() {
        require(members[msg.sender].active);
        _;
    }

    constructor(address _barista) public {
        owner = msg.sender;
        barista = _barista;
    }

    function join() external {
        Member storage m = members[msg.sender];
        require(!m.active);
        m.active = true;
        m.joinedAt = now;
        memberCount = memberCount.add(1);
        emit MemberJoined(msg.sender, now);
    }

    function addItem(string name, uint256 price) external onlyOwner returns (uint256) {
        require(price > 0);
        itemCount = itemCount.add(1);
        menu[itemCount] = MenuItem(name, price, true);
        emit ItemAdded(itemCount, name, price);
        return itemCount;
    }

    function setAvailability(uint256 itemId, bool available) external onlyStaff {
        require(menu[itemId].price > 0);
        menu[itemId].available = available;
        emit AvailabilityChanged(itemId, available);
    }

    function orderCup(uint256 itemId) external payable onlyMember {
        MenuItem storage item = menu[itemId];
        require(item.available);
        require(msg.value == item.price);
        Member storage m = members[msg.sender];
        m.cupsBought = m.cupsBought.add(1);
        revenue = revenue.add(msg.value);
        if (m.cupsBought % 10 == 0) {
            m.freeCups = m.freeCups.add(1);
            emit FreeCupEarned(msg.sender, m.freeCups);
        }
        emit CupOrdered(msg.sender, itemId, false);
    }

    function redeemFreeCup(uint256 itemId) external onlyMember {
        require(menu[itemId].available);
        Member storage m = members[msg.sender];
        require(m.freeCups > 0);
        m.freeCups = m.freeCups.sub(1);
        emit CupOrdered(msg.sender, itemId, true);
    }

    function setBarista(address newBarista) external onlyOwner {
        require(newBarista != address(0));
        barista = newBarista;
        emit BaristaChanged(newBarista);
    }

    function withdraw(address to, uint256 amount) external onlyOwner {
        require(to != address(0));
        require(amount <= address(this).balance);
        to.transfer(amount);
        emit Withdrawn(to, amount);
    }
}
