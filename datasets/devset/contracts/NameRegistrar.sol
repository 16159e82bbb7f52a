pragma solidity ^0.4.24;

contract NameRegistrar {
    struct Handle {
        address holder;
        uint256 registeredAt;
        uint256 askPrice;
        string profileUri;
    }

    address public steward;
    uint256 public registrationFee = 0.01 ether;
    uint256 public fees;

    mapping(bytes32 => Handle) public handles;
    mapping(address => bytes32) public primaryOf;
    mapping(address => uint256) public saleProceeds;

    event Claimed(bytes32 indexed key, string handle, address indexed holder);
    event Listed(bytes32 indexed key, uint256 price);
    event Sold(bytes32 indexed key, address indexed from, address indexed to, uint256 price);
    event ProfileSet(bytes32 indexed key, string uri);

    modifier onlySteward() {
        require(msg.sender == steward);
        _;
    }

    modifier onlyHolder(bytes32 key) {
        require(handles[key].holder == msg.sender);
        _;
    }

    constructor() public {
        steward = msg.sender;
    }

    function keyOf(string handle) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(handle));
    }

    function claim(string handle) external payable {
        uint256 len = bytes(handle).length;
        require(len >= 3 && len <= 32);
        require(msg.value == registrationFee);
        bytes32 key = keyOf(handle);
        Handle storage h = handles[key];
        require(h.holder == address(0));
        h.holder = msg.sender;
        h.registeredAt = now;
        if (primaryOf[msg.sender] == bytes32(0)) {
            primaryOf[msg.sender] = key;
        }
        fees += msg.value;
        emit Claimed(key, handle, msg.sender);
    }

    function setProfile(bytes32 key, string uri) external onlyHolder(key) {
        handles[key].profileUri = uri;
        emit ProfileSet(key, uri);
    }

    function list(bytes32 key, uint256 price) external onlyHolder(key) {
        handles[key].askPrice = price;
        emit Listed(key, price);
    }

    function buy(bytes32 key) external payable {
        Handle storage h = handles[key];
        require(h.holder != address(0) && h.askPrice > 0);
        require(msg.value == h.askPrice);
        address seller = h.holder;
        h.holder = msg.sender;
        h.askPrice = 0;
        if (primaryOf[seller] == key) {
            primaryOf[seller] = bytes32(0);
        }
        saleProceeds[seller] += msg.value;
        emit Sold(key, seller, msg.sender, msg.value);
    }

    function withdrawProceeds() external {
        uint256 amount = saleProceeds[msg.sender];
        require(amount > 0);
        saleProceeds[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function collectFees() external onlySteward {
        uint256 amount = fees;
        fees = 0;
        steward.transfer(amount);
    }
}
