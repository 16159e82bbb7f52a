pragma solidity 0.4.25;

contract GuildArmory {
    struct Item {
        string name;
        uint256 price;
        uint256 power;
        uint8 slot;
        bool forSale;
    }

    struct Hero {
        uint256 gold;
        uint256 questsDone;
        uint256[3] equipped;
    }

    uint256 public constant QUEST_REWARD_CAP = 1000;

    address public owner;
    address public questMaster;
    Item[] public items;
    mapping(address => Hero) internal heroes;
    mapping(address => mapping(uint256 => uint256)) public inventory;

    event QuestMasterChanged(address indexed questMaster);
    event ItemAdded(uint256 indexed itemId, string name, uint256 price, uint8 slot);
    event ItemAvailability(uint256 indexed itemId, bool forSale);
    event QuestRewarded(address indexed hero, uint256 gold);
    event ItemsBought(address indexed hero, uint256 indexed itemId, uint256 quantity, uint256 cost);
    event ItemsGiven(address indexed from, address indexed to, uint256 indexed itemId, uint256 quantity);
    event ItemEquipped(address indexed hero, uint256 indexed itemId, uint8 slot);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    modifier onlyQuestMaster() {
        require(msg.sender == questMaster);
        _;
    }

    constructor(address _questMaster) public {
        require(_questMaster != address(0));
        owner = msg.sender;
        questMaster = _questMaster;
    }

    function setQuestMaster(address _questMaster) external onlyOwner {
        require(_questMaster != address(0));
        questMaster = _questMaster;
        emit QuestMasterChanged(_questMaster);
    }

    function addItem(string name, uint256 price, uint256 power, uint8 slot) external onlyOwner {
        require(price > 0 && slot < 3);
        items.push(Item(name, price, power, slot, true));
        emit ItemAdded(items.length - 1, name, price, slot);
    }

    function setForSale(uint256 itemId, bool forSale) external onlyOwner {
        require(itemId < items.length);
        items[itemId].forSale = forSale;
        emit ItemAvailability(itemId, forSale);
    }

    function rewardQuest(address hero, uint256 gold) external onlyQuestMaster {
        require(hero != address(0) && gold <= QUEST_REWARD_CAP);
        Hero storage h = heroes[hero];
        h.gold += gold;
        h.questsDone += 1;
        emit QuestRewarded(hero, gold);
    }

    function buy(uint256 itemId, uint256 quantity) external {
        require(itemId < items.length && quantity > 0);
        Item storage item = items[itemId];
        require(item.forSale);
        Hero storage h = heroes[msg.sender];
        require(quantity <= h.gold / item.price);
        uint256 cost = item.price * quantity;
        require(h.gold >= cost);
        h.gold -= cost;
        inventory[msg.sender][itemId] += quantity;
        emit ItemsBought(msg.sender, itemId, quantity, cost);
    }

    function giveItems(address to, uint256 itemId, uint256 quantity) external {
        require(to != address(0) && to != msg.sender);
        require(inventory[msg.sender][itemId] >= quantity);
        inventory[msg.sender][itemId] -= quantity;
        inventory[to][itemId] += quantity;
        emit ItemsGiven(msg.sender, to, itemId, quantity);
    }

    function equip(uint256 itemId) external {
        require(itemId < items.length);
        require(inventory[msg.sender][itemId] > 0);
        uint8 slot = items[itemId].slot;
        heroes[msg.sender].equipped[slot] = itemId + 1;
        emit ItemEquipped(msg.sender, itemId, slot);
    }

    function goldOf(address hero) external view returns (uint256) {
        return heroes[hero].gold;
    }

    function equipmentOf(address hero) external view returns (uint256[3]) {
        return heroes[hero].equipped;
    }

    function itemCount() external view returns (uint256) {
        return items.length;
    }
}
