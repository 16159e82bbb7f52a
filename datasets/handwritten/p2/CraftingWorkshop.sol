// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

abstract contract Owned {
    address public owner;

    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "Owned: caller is not the owner");
        _;
    }

    function changeOwner(address newOwner) external onlyOwner {
        require(newOwner != address(0), "Owned: zero address");
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }
}

contract CraftingWorkshop is Owned {
    enum Material { Wood, Iron, Leather, Crystal }

    struct Recipe {
        string name;
        Material material;
        uint16 unitsPerItem;
        bool enabled;
    }

    Recipe[] public recipes;
    mapping(address => bool) public gatherers;
    mapping(address => mapping(Material => uint16)) public stock;
    mapping(address => mapping(uint256 => uint256)) public crafted;

    event GathererUpdated(address indexed gatherer, bool enabled);
    event RecipeAdded(uint256 indexed recipeId, string name, Material material, uint16 unitsPerItem);
    event RecipeToggled(uint256 indexed recipeId, bool enabled);
    event MaterialsSupplied(address indexed player, Material material, uint16 amount);
    event ItemsCrafted(address indexed player, uint256 indexed recipeId, uint16 batches, uint16 used);
    event ItemsTraded(address indexed from, address indexed to, uint256 indexed recipeId, uint256 count);

    modifier onlyGatherer() {
        require(gatherers[msg.sender], "Workshop: not a gatherer");
        _;
    }

    function setGatherer(address gatherer, bool enabled) external onlyOwner {
        gatherers[gatherer] = enabled;
        emit GathererUpdated(gatherer, enabled);
    }

    function addRecipe(string calldata name, Material material, uint16 unitsPerItem) external onlyOwner {
        require(unitsPerItem > 0, "Workshop: empty recipe");
        recipes.push(Recipe(name, material, unitsPerItem, true));
        emit RecipeAdded(recipes.length - 1, name, material, unitsPerItem);
    }

    function toggleRecipe(uint256 recipeId, bool enabled) external onlyOwner {
        require(recipeId < recipes.length, "Workshop: unknown recipe");
        recipes[recipeId].enabled = enabled;
        emit RecipeToggled(recipeId, enabled);
    }

    function supply(address player, Material material, uint16 amount) external onlyGatherer {
        require(player != address(0) && amount > 0, "Workshop: bad supply");
        stock[player][material] += amount;
        emit MaterialsSupplied(player, material, amount);
    }

    function craft(uint256 recipeId, uint16 batches) external {
        require(recipeId < recipes.length, "Workshop: unknown recipe");
        Recipe storage r = recipes[recipeId];
        require(r.enabled && batches > 0, "Workshop: cannot craft");

        uint16 needed;
        unchecked {
            needed = r.unitsPerItem * batches;
        }
        uint16 available = stock[msg.sender][r.material];
        require(available >= needed, "Workshop: not enough material");
        unchecked {
            stock[msg.sender][r.material] = available - needed;
        }
        crafted[msg.sender][recipeId] += batches;
        emit ItemsCrafted(msg.sender, recipeId, batches, needed);
    }

    function tradeItems(address to, uint256 recipeId, uint256 count) external {
        require(to != address(0) && to != msg.sender, "Workshop: bad recipient");
        require(crafted[msg.sender][recipeId] >= count, "Workshop: not enough items");
        crafted[msg.sender][recipeId] -= count;
        crafted[to][recipeId] += count;
        emit ItemsTraded(msg.sender, to, recipeId, count);
    }

    function recipeCount() external view returns (uint256) {
        return recipes.length;
    }
}
