pragma solidity 0.4.24;

contract CooperativeGrain {
    struct Farmer {
        string name;
        uint256 deliveredTonnes;
        uint256 deliveries;
        bool registered;
    }

    address public chair;
    address public weigher;
    uint256 public pricePerTonne = 0.08 ether;
    uint256 public totalOwed;
    uint256 public season = 1;

    mapping(address => Farmer) public farmers;
    mapping(address => uint256) public balances;
    mapping(uint256 => uint256) public tonnesInSeason;

    event FarmerRegistered(address indexed farmer, string name);
    event Delivered(address indexed farmer, uint256 tonnes, uint256 credit);
    event Withdrawn(address indexed farmer, uint256 amount);
    event BuyerPaid(address indexed buyer, uint256 amount);
    event SeasonClosed(uint256 indexed season, uint256 tonnes);

    modifier onlyChair() {
        require(msg.sender == chair);
        _;
    }

    modifier onlyWeigher() {
        require(msg.sender == weigher);
        _;
    }

    constructor(address _weigher) public {
        chair = msg.sender;
        weigher = _weigher;
    }

    function register(address farmer, string name) external onlyChair {
        require(!farmers[farmer].registered);
        farmers[farmer] = Farmer(name, 0, 0, true);
        emit FarmerRegistered(farmer, name);
    }

    function buyerPayment() external payable {
        require(msg.value > 0);
        emit BuyerPaid(msg.sender, msg.value);
    }

    function recordDelivery(address farmer, uint256 tonnes) external onlyWeigher {
        Farmer storage f = farmers[farmer];
        require(f.registered);
        require(tonnes > 0 && tonnes <= 500);
        f.deliveredTonnes += tonnes;
        f.deliveries += 1;
        tonnesInSeason[season] += tonnes;
        uint256 credit = tonnes * pricePerTonne;
        _credit(farmer, credit);
        emit Delivered(farmer, tonnes, credit);
    }

    function _credit(address farmer, uint256 amount) {
        balances[farmer] += amount;
        totalOwed += amount;
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0);
        require(address(this).balance >= amount);
        balances[msg.sender] = 0;
        totalOwed -= amount;
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function closeSeason(uint256 nextPrice) external onlyChair {
        require(nextPrice > 0);
        emit SeasonClosed(season, tonnesInSeason[season]);
        season += 1;
        pricePerTonne = nextPrice;
    }

    function setWeigher(address next) external onlyChair {
        require(next != address(0));
        weigher = next;
    }

    function surplus() external view returns (uint256) {
        if (address(this).balance <= totalOwed) {
            return 0;
        }
        return address(this).balance - totalOwed;
    }
}
