// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

abstract contract SingleEntry {
    uint256 private status = 1;

    modifier singleEntry() {
        require(status == 1, "busy");
        status = 2;
        _;
        status = 1;
    }
}

contract ToolRentalShop is SingleEntry {
    struct Tool {
        string kind;
        uint256 dailyFee;
        uint256 deposit;
        address renter;
        uint64 rentedAt;
        bool listed;
    }

    address public immutable shopkeeper;
    uint256 public toolCount;
    uint256 public earnings;

    mapping(uint256 => Tool) public tools;

    event ToolListed(uint256 indexed id, string kind, uint256 dailyFee, uint256 deposit);
    event Rented(uint256 indexed id, address indexed renter);
    event ToolReturned(uint256 indexed id, address indexed renter, uint256 fee, uint256 refund);

    modifier onlyShopkeeper() {
        require(msg.sender == shopkeeper, "shopkeeper only");
        _;
    }

    constructor() {
        shopkeeper = msg.sender;
    }

    function list(string calldata kind, uint256 dailyFee, uint256 deposit) external onlyShopkeeper returns (uint256 id) {
        require(dailyFee > 0 && deposit >= dailyFee * 7, "terms");
        id = ++toolCount;
        tools[id] = Tool(kind, dailyFee, deposit, address(0), 0, true);
        emit ToolListed(id, kind, dailyFee, deposit);
    }

    function rent(uint256 id) external payable singleEntry {
        Tool storage t = tools[id];
        require(t.listed && t.renter == address(0), "unavailable");
        require(msg.value == t.deposit, "deposit");
        t.renter = msg.sender;
        t.rentedAt = uint64(block.timestamp);
        emit Rented(id, msg.sender);
    }

    function returnTool(uint256 id) external singleEntry {
        Tool storage t = tools[id];
        require(t.renter == msg.sender, "not renter");
        uint256 daysUsed = (block.timestamp - t.rentedAt) / 1 days + 1;
        uint256 fee = daysUsed * t.dailyFee;
        if (fee > t.deposit) {
            fee = t.deposit;
        }
        uint256 refund = t.deposit - fee;
        t.renter = address(0);
        t.rentedAt = 0;
        earnings += fee;
        emit ToolReturned(id, msg.sender, fee, refund);
        (bool ok, ) = payable(msg.sender).call{value: refund}("");
        require(ok, "refund failed");
    }

    function delist(uint256 id) external onlyShopkeeper {
        require(tools[id].renter == address(0), "rented out");
        tools[id].listed = false;
    }

    function withdrawEarnings() external onlyShopkeeper singleEntry {
        uint256 amount = earnings;
        require(amount > 0, "nothing");
        earnings = 0;
        (bool ok, ) = payable(shopkeeper).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
