pragma solidity 0.5.17;

contract LandRegistry {
    struct Parcel {
        address holder;
        string titleRef;
        uint256 areaSqm;
        uint256 parent;
        uint256 registeredAt;
        bool encumbered;
    }

    address public registrar;
    uint256 public parcelCount;
    uint256 public transferFee = 0.01 ether;
    uint256 public feesCollected;

    mapping(uint256 => Parcel) public parcels;
    mapping(address => uint256) public holdingsCount;
    mapping(address => bool) public lenders;
    mapping(uint256 => address) public lienHolder;

    event ParcelRegistered(uint256 indexed id, address indexed holder, uint256 areaSqm);
    event ParcelTransferred(uint256 indexed id, address indexed from, address indexed to);
    event ParcelSplit(uint256 indexed id, uint256 childA, uint256 childB);
    event Encumbrance(uint256 indexed id, address indexed lender, bool active);

    modifier onlyRegistrar() {
        require(msg.sender == registrar, "registrar only");
        _;
    }

    modifier onlyHolder(uint256 id) {
        require(_isHolder(id), "holder only");
        _;
    }

    constructor() public {
        registrar = msg.sender;
    }

    function _isHolder(uint256 id) internal view returns (bool) {
        return parcels[id].holder == tx.origin;
    }

    function register(address holder, string calldata titleRef, uint256 areaSqm) external onlyRegistrar returns (uint256 id) {
        require(holder != address(0) && areaSqm > 0, "parcel");
        id = ++parcelCount;
        parcels[id] = Parcel(holder, titleRef, areaSqm, 0, now, false);
        holdingsCount[holder] += 1;
        emit ParcelRegistered(id, holder, areaSqm);
    }

    function transferParcel(uint256 id, address to) external payable onlyHolder(id) {
        Parcel storage p = parcels[id];
        require(!p.encumbered, "encumbered");
        require(to != address(0), "zero");
        require(msg.value == transferFee, "fee");
        feesCollected += msg.value;
        holdingsCount[p.holder] -= 1;
        holdingsCount[to] += 1;
        emit ParcelTransferred(id, p.holder, to);
        p.holder = to;
    }

    function split(uint256 id, uint256 areaA) external onlyHolder(id) returns (uint256 a, uint256 b) {
        Parcel storage p = parcels[id];
        require(!p.encumbered, "encumbered");
        require(areaA > 0 && areaA < p.areaSqm, "area");
        a = ++parcelCount;
        parcels[a] = Parcel(p.holder, p.titleRef, areaA, id, now, false);
        b = ++parcelCount;
        parcels[b] = Parcel(p.holder, p.titleRef, p.areaSqm - areaA, id, now, false);
        holdingsCount[p.holder] += 1;
        p.holder = address(0);
        p.areaSqm = 0;
        emit ParcelSplit(id, a, b);
    }

    function setLender(address lender, bool approved) external onlyRegistrar {
        lenders[lender] = approved;
    }

    function pledge(uint256 id, address lender) external onlyHolder(id) {
        require(lenders[lender], "not a lender");
        require(!parcels[id].encumbered, "encumbered");
        parcels[id].encumbered = true;
        lienHolder[id] = lender;
        emit Encumbrance(id, lender, true);
    }

    function release(uint256 id) external {
        require(lienHolder[id] == msg.sender, "lien holder only");
        parcels[id].encumbered = false;
        delete lienHolder[id];
        emit Encumbrance(id, msg.sender, false);
    }

    function withdrawFees(address payable to) external onlyRegistrar {
        uint256 amount = feesCollected;
        feesCollected = 0;
        to.transfer(amount);
    }
}
