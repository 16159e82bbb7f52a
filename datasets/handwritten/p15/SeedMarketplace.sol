pragma solidity ^0.4.24;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "math");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "math");
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b, "math");
        return c;
    }
}

contract SeedMarketplace {
    using SafeMath for uint256;

    struct Listing {
        address seller;
        string variety;
        uint256 pricePerPacket;
        uint256 packetsLeft;
        bool open;
    }

    address public admin;
    uint256 public feeBasisPoints;
    uint256 public collectedFees;
    uint256 public listingCount;

    mapping(uint256 => Listing) public listings;
    mapping(address => uint256) public proceeds;

    event Listed(uint256 indexed id, address indexed seller, string variety, uint256 pricePerPacket, uint256 packets);
    event Repriced(uint256 indexed id, uint256 pricePerPacket);
    event Purchased(uint256 indexed id, address indexed buyer, uint256 packets, uint256 paid);
    event Closed(uint256 indexed id);
    event ProceedsWithdrawn(address indexed seller, uint256 amount);
    event AdminChanged(address indexed admin);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    modifier onlySeller(uint256 id) {
        require(listings[id].seller == msg.sender, "seller only");
        _;
    }

    constructor(uint256 _feeBasisPoints) public {
        require(_feeBasisPoints <= 500, "fee above 5%");
        admin = msg.sender;
        feeBasisPoints = _feeBasisPoints;
    }

    function list(string variety, uint256 pricePerPacket, uint256 packets) public returns (uint256) {
        require(pricePerPacket > 0 && packets > 0, "empty listing");
        listingCount = listingCount.add(1);
        listings[listingCount] = Listing(msg.sender, variety, pricePerPacket, packets, true);
        emit Listed(listingCount, msg.sender, variety, pricePerPacket, packets);
        return listingCount;
    }

    function reprice(uint256 id, uint256 pricePerPacket) public onlySeller(id) {
        require(pricePerPacket > 0, "zero price");
        listings[id].pricePerPacket = pricePerPacket;
        emit Repriced(id, pricePerPacket);
    }

    function buy(uint256 id, uint256 packets, uint256 maxPricePerPacket) public payable {
        Listing storage l = listings[id];
        require(l.open, "listing closed");
        require(packets > 0 && packets <= l.packetsLeft, "not enough stock");
        require(l.pricePerPacket <= maxPricePerPacket, "price moved");
        uint256 cost = l.pricePerPacket.mul(packets);
        require(msg.value == cost, "wrong payment");

        uint256 fee = cost.mul(feeBasisPoints) / 10000;
        l.packetsLeft = l.packetsLeft.sub(packets);
        if (l.packetsLeft == 0) {
            l.open = false;
        }
        collectedFees = collectedFees.add(fee);
        proceeds[l.seller] = proceeds[l.seller].add(cost.sub(fee));
        emit Purchased(id, msg.sender, packets, cost);
    }

    function close(uint256 id) public onlySeller(id) {
        listings[id].open = false;
        emit Closed(id);
    }

    function withdrawProceeds() public {
        uint256 amount = proceeds[msg.sender];
        require(amount > 0, "nothing to withdraw");
        proceeds[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit ProceedsWithdrawn(msg.sender, amount);
    }

    function withdrawFees(address to) public onlyAdmin {
        uint256 amount = collectedFees;
        require(amount > 0, "no fees");
        collectedFees = 0;
        to.transfer(amount);
    }

    function changeAdmin(address newAdmin) public onlyAdmin {
        require(newAdmin != address(0), "zero address");
        admin = newAdmin;
        emit AdminChanged(newAdmin);
    }
}
