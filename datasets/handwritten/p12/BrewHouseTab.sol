// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "mul");
        return c;
    }
}

contract BrewHouseTab {
    using SafeMath for uint256;

    struct MenuItem {
        string name;
        uint256 price;
        bool available;
    }

    struct Customer {
        uint256 balance;
        uint256 ordersPlaced;
        uint256 totalSpent;
    }

    address public manager;
    uint256 public revenue;
    MenuItem[] public menu;
    mapping(address => Customer) public customers;

    event ItemAdded(uint256 indexed itemId, string name, uint256 price);
    event PriceUpdated(uint256 indexed itemId, uint256 price);
    event TabToppedUp(address indexed customer, uint256 amount);
    event OrderPlaced(address indexed customer, uint256 indexed itemId, uint256 quantity, uint256 cost);
    event TabCashedOut(address indexed customer, uint256 amount);

    modifier onlyManager() {
        require(msg.sender == manager, "manager only");
        _;
    }

    constructor() public {
        manager = msg.sender;
    }

    function addItem(string calldata name, uint256 price) external onlyManager {
        menu.push(MenuItem(name, price, true));
        emit ItemAdded(menu.length - 1, name, price);
    }

    function setPrice(uint256 itemId, uint256 price) external onlyManager {
        require(itemId < menu.length, "no such item");
        menu[itemId].price = price;
        emit PriceUpdated(itemId, price);
    }

    function setAvailable(uint256 itemId, bool available) external onlyManager {
        require(itemId < menu.length, "no such item");
        menu[itemId].available = available;
    }

    function topUp() external payable {
        require(msg.value > 0, "empty top-up");
        Customer storage c = customers[msg.sender];
        c.balance = c.balance.add(msg.value);
        emit TabToppedUp(msg.sender, msg.value);
    }

    function order(uint256 itemId, uint256 quantity) external {
        require(itemId < menu.length, "no such item");
        require(quantity > 0 && quantity <= 20, "bad quantity");
        MenuItem storage item = menu[itemId];
        require(item.available, "sold out");
        uint256 cost = _charge(customers[msg.sender], item, quantity);
        emit OrderPlaced(msg.sender, itemId, quantity, cost);
    }

    function _charge(Customer storage c, MenuItem storage item, uint256 quantity) internal returns (uint256) {
        uint256 cost = item.price.mul(quantity);
        c.balance = c.balance.sub(cost);
        c.ordersPlaced = c.ordersPlaced.add(1);
        c.totalSpent = c.totalSpent.add(cost);
        revenue = revenue.add(cost);
        return cost;
    }

    function cashOut() external {
        Customer storage c = customers[msg.sender];
        uint256 amount = c.balance;
        require(amount > 0, "empty tab");
        c.balance = 0;
        emit TabCashedOut(msg.sender, amount);
        msg.sender.transfer(amount);
    }

    function collectRevenue() external onlyManager {
        uint256 amount = revenue;
        revenue = 0;
        msg.sender.transfer(amount);
    }

    function menuSize() external view returns (uint256) {
        return menu.length;
    }
}
