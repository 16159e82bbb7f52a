pragma solidity 0.4.24;

contract PetHatchery {
    enum Rarity { Common, Uncommon, Rare, Epic, Legendary }

    struct Egg {
        address keeper;
        uint256 laidAt;
        bool hatched;
    }

    struct Pet {
        address keeper;
        Rarity rarity;
        uint32 generation;
    }

    uint256 public constant INCUBATION_BLOCKS = 20;

    address public breeder;
    uint256 public eggPrice = 0.05 ether;
    uint256 public eggCount;

    mapping(uint256 => Egg) public eggs;
    mapping(uint256 => Pet) public pets;
    mapping(uint8 => uint256) public buybackPrice;

    event EggBought(uint256 indexed id, address indexed keeper);
    event Hatched(uint256 indexed id, address indexed keeper, uint8 rarity);
    event SoldBack(uint256 indexed id, address indexed keeper, uint256 price);

    modifier onlyBreeder() {
        require(msg.sender == breeder);
        _;
    }

    constructor() public {
        breeder = msg.sender;
        buybackPrice[uint8(Rarity.Epic)] = 0.5 ether;
        buybackPrice[uint8(Rarity.Legendary)] = 3 ether;
    }

    function () external payable {
    }

    function buyEgg() external payable returns (uint256 id) {
        require(msg.value == eggPrice);
        id = ++eggCount;
        eggs[id] = Egg(msg.sender, block.number, false);
        emit EggBought(id, msg.sender);
    }

    function hatch(uint256 id) external {
        Egg storage egg = eggs[id];
        require(egg.keeper == msg.sender && !egg.hatched);
        require(block.number > egg.laidAt + INCUBATION_BLOCKS);
        egg.hatched = true;
        Rarity rarity = _roll(id, msg.sender);
        pets[id] = Pet(msg.sender, rarity, 1);
        emit Hatched(id, msg.sender, uint8(rarity));
    }

    function _roll(uint256 id, address keeper) internal view returns (Rarity) {
        uint256 roll = uint256(keccak256(abi.encodePacked(blockhash(block.number - 1), keeper, id))) % 1000;
        if (roll < 5) {
            return Rarity.Legendary;
        }
        if (roll < 40) {
            return Rarity.Epic;
        }
        if (roll < 150) {
            return Rarity.Rare;
        }
        if (roll < 400) {
            return Rarity.Uncommon;
        }
        return Rarity.Common;
    }

    function sellBack(uint256 id) external {
        Pet storage pet = pets[id];
        require(pet.keeper == msg.sender);
        uint256 price = buybackPrice[uint8(pet.rarity)];
        require(price > 0 && address(this).balance >= price);
        pet.keeper = address(0);
        msg.sender.transfer(price);
        emit SoldBack(id, msg.sender, price);
    }

    function giftPet(uint256 id, address to) external {
        require(pets[id].keeper == msg.sender && to != address(0));
        pets[id].keeper = to;
    }

    function setBuyback(uint8 rarity, uint256 price) external onlyBreeder {
        buybackPrice[rarity] = price;
    }

    function withdraw(uint256 amount) external onlyBreeder {
        breeder.transfer(amount);
    }
}
