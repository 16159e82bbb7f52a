pragma solidity 0.4.25;

contract DutchAuction {
    struct Lot {
        address seller;
        string item;
        uint256 startPrice;
        uint256 floorPrice;
        uint256 dropPerSecond;
        uint256 startedAt;
        address buyer;
        uint256 paid;
    }

    uint256 public constant DURATION = 10 minutes;
    uint256 public constant HOUSE_FEE_BPS = 250;

    address public house;
    Lot[] public lots;
    mapping(address => uint256) public proceeds;

    event LotOpened(uint256 indexed id, address indexed seller, string item, uint256 startPrice, uint256 floorPrice);
    event LotSold(uint256 indexed id, address indexed buyer, uint256 price);
    event LotWithdrawn(uint256 indexed id);
    event ProceedsClaimed(address indexed account, uint256 amount);

    constructor() public {
        house = msg.sender;
    }

    function open(string item, uint256 startPrice, uint256 floorPrice) external returns (uint256 id) {
        require(startPrice > floorPrice && floorPrice > 0);
        uint256 drop = (startPrice - floorPrice) / DURATION;
        require(drop > 0);
        id = lots.length;
        lots.push(Lot(msg.sender, item, startPrice, floorPrice, drop, now, address(0), 0));
        emit LotOpened(id, msg.sender, item, startPrice, floorPrice);
    }

    function priceOf(uint256 id) external view returns (uint256) {
        return _priceAt(lots[id], now);
    }

    function _priceAt(Lot storage lot, uint256 t) internal view returns (uint256) {
        if (t >= lot.startedAt + DURATION) {
            return lot.floorPrice;
        }
        return lot.startPrice - (t - lot.startedAt) * lot.dropPerSecond;
    }

    function buy(uint256 id) external payable {
        Lot storage lot = lots[id];
        require(lot.seller != address(0) && lot.buyer == address(0));
        uint256 price = _priceAt(lot, now);
        require(msg.value >= price);
        lot.buyer = msg.sender;
        lot.paid = price;
        uint256 fee = price * HOUSE_FEE_BPS / 10000;
        proceeds[lot.seller] += price - fee;
        proceeds[house] += fee;
        proceeds[msg.sender] += msg.value - price;
        emit LotSold(id, msg.sender, price);
    }

    function withdrawLot(uint256 id) external {
        Lot storage lot = lots[id];
        require(msg.sender == lot.seller && lot.buyer == address(0));
        lot.seller = address(0);
        emit LotWithdrawn(id);
    }

    function claim() external {
        uint256 amount = proceeds[msg.sender];
        require(amount > 0);
        proceeds[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit ProceedsClaimed(msg.sender, amount);
    }

    function lotCount() external view returns (uint256) {
        return lots.length;
    }
}
