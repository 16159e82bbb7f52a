// SPDX-License-Identifier: MIT
pragma solidity ^0.8.10;

library WeightedTable {
    struct Entry {
        uint32 itemId;
        uint32 weight;
    }

    struct Table {
        Entry[] entries;
        uint256 totalWeight;
    }

    function add(Table storage t, uint32 itemId, uint32 weight) internal {
        require(weight > 0, "weight");
        t.entries.push(Entry(itemId, weight));
        t.totalWeight += weight;
    }

    function select(Table storage t, uint256 ticket) internal view returns (uint32) {
        uint256 acc = 0;
        for (uint256 i = 0; i < t.entries.length; i++) {
            acc += t.entries[i].weight;
            if (ticket < acc) {
                return t.entries[i].itemId;
            }
        }
        revert("empty table");
    }
}

contract GachaMachine {
    using WeightedTable for WeightedTable.Table;

    address public studio;
    uint256 public pullPrice = 0.002 ether;
    uint256 private seed;
    bool public open;

    WeightedTable.Table private table;
    mapping(address => mapping(uint32 => uint256)) public inventory;
    mapping(uint32 => uint256) public resaleValue;
    mapping(address => uint256) public pulls;

    event ItemAdded(uint32 indexed itemId, uint32 weight, uint256 resaleValue);
    event Pulled(address indexed player, uint32 indexed itemId);
    event ItemSold(address indexed player, uint32 indexed itemId, uint256 value);

    modifier onlyStudio() {
        require(msg.sender == studio, "studio only");
        _;
    }

    constructor() {
        studio = msg.sender;
        seed = uint256(keccak256(abi.encodePacked(msg.sender, block.number)));
    }

    function addItem(uint32 itemId, uint32 weight, uint256 value) external onlyStudio {
        require(!open, "machine running");
        table.add(itemId, weight);
        resaleValue[itemId] = value;
        emit ItemAdded(itemId, weight, value);
    }

    function setOpen(bool isOpen) external onlyStudio {
        open = isOpen;
    }

    function pull(uint256 count) external payable {
        require(open, "closed");
        require(count > 0 && count <= 10, "count");
        require(msg.value == pullPrice * count, "price");
        for (uint256 i = 0; i < count; i++) {
            seed = uint256(keccak256(abi.encodePacked(seed, block.timestamp, block.number, msg.sender)));
            uint32 itemId = table.select(seed % table.totalWeight);
            inventory[msg.sender][itemId] += 1;
            emit Pulled(msg.sender, itemId);
        }
        pulls[msg.sender] += count;
    }

    function sellBack(uint32 itemId) external {
        require(inventory[msg.sender][itemId] > 0, "not owned");
        uint256 value = resaleValue[itemId];
        require(value > 0 && value <= address(this).balance, "no buyer");
        inventory[msg.sender][itemId] -= 1;
        (bool ok, ) = payable(msg.sender).call{value: value}("");
        require(ok, "payment failed");
        emit ItemSold(msg.sender, itemId, value);
    }

    function withdraw(uint256 amount) external onlyStudio {
        (bool ok, ) = payable(studio).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
