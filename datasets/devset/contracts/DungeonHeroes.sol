pragma solidity 0.5.17;

contract DungeonHeroes {
    struct Hero {
        address owner;
        uint16 stamina;
        uint16 level;
        uint64 lastRest;
        uint256 gold;
    }

    struct Quest {
        uint16 staminaCost;
        uint16 minLevel;
        uint256 goldReward;
        bool open;
    }

    uint16 public constant MAX_STAMINA = 100;

    address payable public gameMaster;
    uint256 public heroPrice = 0.02 ether;
    uint256 public weiPerGold = 1e12;

    Hero[] public heroes;
    Quest[] public quests;

    event HeroMinted(uint256 indexed heroId, address indexed owner);
    event QuestCompleted(uint256 indexed heroId, uint256 indexed questId, uint256 gold);
    event GoldSold(uint256 indexed heroId, uint256 gold, uint256 paid);

    modifier onlyGameMaster() {
        require(msg.sender == gameMaster, "gm only");
        _;
    }

    modifier ownsHero(uint256 heroId) {
        require(heroes[heroId].owner == msg.sender, "not your hero");
        _;
    }

    constructor() public {
        gameMaster = msg.sender;
    }

    function () external payable {
    }

    function mintHero() external payable returns (uint256 heroId) {
        require(msg.value == heroPrice, "price");
        heroId = heroes.length;
        heroes.push(Hero(msg.sender, MAX_STAMINA, 1, uint64(now), 0));
        emit HeroMinted(heroId, msg.sender);
    }

    function addQuest(uint16 staminaCost, uint16 minLevel, uint256 goldReward) external onlyGameMaster {
        require(staminaCost > 0 && staminaCost <= MAX_STAMINA, "cost");
        quests.push(Quest(staminaCost, minLevel, goldReward, true));
    }

    function closeQuest(uint256 questId) external onlyGameMaster {
        quests[questId].open = false;
    }

    function embark(uint256 heroId, uint256 questId) external ownsHero(heroId) {
        Hero storage h = heroes[heroId];
        Quest storage q = quests[questId];
        require(q.open && h.level >= q.minLevel, "not eligible");
        _rest(h);
        _spendStamina(h, q.staminaCost);
        h.gold += q.goldReward;
        if (h.gold / 1000 >= h.level) {
            h.level += 1;
        }
        emit QuestCompleted(heroId, questId, q.goldReward);
    }

    function _rest(Hero storage h) internal {
        uint256 hoursRested = (now - h.lastRest) / 1 hours;
        if (hoursRested > 0) {
            uint256 restored = uint256(h.stamina) + hoursRested * 10;
            h.stamina = restored > MAX_STAMINA ? MAX_STAMINA : uint16(restored);
            h.lastRest = uint64(now);
        }
    }

    function _spendStamina(Hero storage h, uint16 cost) internal {
        h.stamina -= cost;
    }

    function sellGold(uint256 heroId, uint256 amount) external ownsHero(heroId) {
        Hero storage h = heroes[heroId];
        require(amount > 0 && amount <= h.gold, "gold");
        h.gold -= amount;
        uint256 payment = amount * weiPerGold;
        msg.sender.transfer(payment);
        emit GoldSold(heroId, amount, payment);
    }

    function transferHero(uint256 heroId, address to) external ownsHero(heroId) {
        require(to != address(0), "zero");
        heroes[heroId].owner = to;
    }

    function withdraw(uint256 amount) external onlyGameMaster {
        gameMaster.transfer(amount);
    }
}
