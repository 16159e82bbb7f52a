// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

abstract contract Managed {
    address public manager;

    event ManagerChanged(address indexed previous, address indexed next);

    constructor() {
        manager = msg.sender;
    }

    modifier onlyManager() {
        require(msg.sender == manager, "manager only");
        _;
    }

    function changeManager(address next) external onlyManager {
        require(next != address(0), "zero address");
        emit ManagerChanged(manager, next);
        manager = next;
    }
}

contract ForgeWorkshop is Managed {
    struct Item {
        string name;
        uint128 shopPrice;
        uint128 buybackPrice;
    }

    struct Recipe {
        uint32 inputItem;
        uint32 inputPerBatch;
        uint32 outputItem;
        bool active;
    }

    mapping(uint32 => Item) public items;
    Recipe[] public recipes;
    mapping(address => mapping(uint32 => uint32)) public inventory;
    uint256 public reserve;

    event ItemDefined(uint32 indexed itemId, string name, uint128 shopPrice, uint128 buybackPrice);
    event RecipeAdded(uint256 indexed recipeId, uint32 inputItem, uint32 inputPerBatch, uint32 outputItem);
    event MaterialsBought(address indexed player, uint32 indexed itemId, uint32 qty);
    event Crafted(address indexed player, uint256 indexed recipeId, uint32 batches);
    event SoldBack(address indexed player, uint32 indexed itemId, uint32 qty, uint256 payout);
    event ItemsGiven(address indexed from, address indexed to, uint32 indexed itemId, uint32 qty);

    function defineItem(uint32 itemId, string calldata name, uint128 shopPrice, uint128 buybackPrice)
        external
        onlyManager
    {
        items[itemId] = Item(name, shopPrice, buybackPrice);
        emit ItemDefined(itemId, name, shopPrice, buybackPrice);
    }

    function addRecipe(uint32 inputItem, uint32 inputPerBatch, uint32 outputItem) external onlyManager {
        require(inputPerBatch > 0, "empty recipe");
        recipes.push(Recipe(inputItem, inputPerBatch, outputItem, true));
        emit RecipeAdded(recipes.length - 1, inputItem, inputPerBatch, outputItem);
    }

    function setRecipeActive(uint256 recipeId, bool active) external onlyManager {
        recipes[recipeId].active = active;
    }

    function buyMaterials(uint32 itemId, uint32 qty) external payable {
        Item storage it = items[itemId];
        require(it.shopPrice > 0, "not for sale");
        require(qty > 0 && msg.value == uint256(it.shopPrice) * qty, "wrong payment");
        inventory[msg.sender][itemId] += qty;
        reserve += msg.value;
        emit MaterialsBought(msg.sender, itemId, qty);
    }

    function craft(uint256 recipeId, uint32 batches) external {
        require(recipeId < recipes.length, "no such recipe");
        Recipe storage r = recipes[recipeId];
        require(r.active, "recipe disabled");
        require(batches > 0, "no batches");

        uint32 needed = _materialsFor(r.inputPerBatch, batches);
        uint32 have = inventory[msg.sender][r.inputItem];
        require(have >= needed, "not enough materials");

        inventory[msg.sender][r.inputItem] = have - needed;
        inventory[msg.sender][r.outputItem] += batches;
        emit Crafted(msg.sender, recipeId, batches);
    }

    function _materialsFor(uint32 perBatch, uint32 batches) internal pure returns (uint32 total) {
        total = perBatch * batches;
    }

    function giveItems(address to, uint32 itemId, uint32 qty) external {
        require(to != address(0), "zero address");
        require(inventory[msg.sender][itemId] >= qty, "not enough items");
        inventory[msg.sender][itemId] -= qty;
        inventory[to][itemId] += qty;
        emit ItemsGiven(msg.sender, to, itemId, qty);
    }

    function sellBack(uint32 itemId, uint32 qty) external {
        Item storage it = items[itemId];
        require(it.buybackPrice > 0, "not bought back");
        require(qty > 0 && inventory[msg.sender][itemId] >= qty, "not enough items");
        uint256 payout = uint256(it.buybackPrice) * qty;
        require(payout <= reserve, "shop is short");

        inventory[msg.sender][itemId] -= qty;
        reserve -= payout;
        (bool ok, ) = payable(msg.sender).call{value: payout}("");
        require(ok, "payout failed");
        emit SoldBack(msg.sender, itemId, qty, payout);
    }

    function withdrawReserve(uint256 amount) external onlyManager {
        require(amount <= reserve, "exceeds reserve");
        reserve -= amount;
        (bool ok, ) = payable(manager).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
