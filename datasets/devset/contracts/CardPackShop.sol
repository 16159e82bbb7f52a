pragma solidity 0.5.17;

contract CardPackShop {
    uint256 public constant CARDS_PER_PACK = 5;
    uint256 public constant CARD_TYPES = 120;

    struct Pack {
        address buyer;
        uint8 series;
        bool opened;
    }

    address payable public publisher;
    uint256 public packPrice = 0.03 ether;
    uint256 public packCount;

    mapping(uint256 => Pack) public packs;
    mapping(address => mapping(uint256 => uint256)) public cardsOwned;
    mapping(uint256 => uint256) public minted;
    mapping(uint8 => bool) public seriesOnSale;

    event PackBought(uint256 indexed packId, address indexed buyer, uint8 series);
    event CardPulled(uint256 indexed packId, address indexed owner, uint256 cardType);
    event CardTraded(address indexed from, address indexed to, uint256 cardType);

    modifier onlyPublisher() {
        require(msg.sender == publisher, "publisher only");
        _;
    }

    constructor() public {
        publisher = msg.sender;
        seriesOnSale[1] = true;
    }

    function setSeries(uint8 series, bool onSale) external onlyPublisher {
        require(series > 0, "series");
        seriesOnSale[series] = onSale;
    }

    function buyPack(uint8 series) external payable returns (uint256 packId) {
        require(seriesOnSale[series], "series closed");
        require(msg.value == packPrice, "price");
        packId = ++packCount;
        packs[packId] = Pack(msg.sender, series, false);
        emit PackBought(packId, msg.sender, series);
    }

    function openPack(uint256 packId) external {
        Pack storage p = packs[packId];
        require(p.buyer == msg.sender && !p.opened, "cannot open");
        p.opened = true;
        uint256 seed = uint256(keccak256(abi.encodePacked(blockhash(block.number - 1), msg.sender, packId)));
        for (uint256 i = 0; i < CARDS_PER_PACK; i++) {
            uint256 cardType = _cardFor(p.series, uint8(seed >> (i * 8)));
            cardsOwned[msg.sender][cardType] += 1;
            minted[cardType] += 1;
            emit CardPulled(packId, msg.sender, cardType);
        }
    }

    function _cardFor(uint8 series, uint8 roll) internal pure returns (uint256) {
        uint256 base = uint256(series - 1) * CARD_TYPES;
        if (roll < 3) {
            return base + (roll % 3);
        }
        if (roll < 30) {
            return base + 3 + (roll % 17);
        }
        return base + 20 + (roll % 100);
    }

    function trade(address to, uint256 cardType) external {
        require(to != address(0), "zero");
        require(cardsOwned[msg.sender][cardType] > 0, "not owned");
        cardsOwned[msg.sender][cardType] -= 1;
        cardsOwned[to][cardType] += 1;
        emit CardTraded(msg.sender, to, cardType);
    }

    function withdraw() external onlyPublisher {
        publisher.transfer(address(this).balance);
    }
}
