pragma solidity ^0.5.0;

contract Ownable {
    address payable public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    function transferOwnership(address payable newOwner) public onlyOwner {
        require(newOwner != address(0), "zero owner");
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract HandleRegistry is Ownable {
    struct Handle {
        address holder;
        uint256 registeredAt;
        uint256 askPrice;
        bool forSale;
    }

    uint256 public constant REGISTRATION_FEE = 0.01 ether;

    mapping(bytes32 => Handle) private handles;
    mapping(address => uint256) public proceeds;
    uint256 public feePool;
    uint256 public handleCount;

    event HandleRegistered(bytes32 indexed key, string name, address indexed holder);
    event HandleListed(bytes32 indexed key, uint256 price);
    event HandleDelisted(bytes32 indexed key);
    event HandleMoved(bytes32 indexed key, address indexed from, address indexed to, uint256 price);
    event ProceedsWithdrawn(address indexed account, uint256 amount);

    modifier onlyHolder(string memory name) {
        require(handles[keyOf(name)].holder == msg.sender, "not holder");
        _;
    }

    function keyOf(string memory name) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(name));
    }

    function register(string calldata name) external payable {
        require(msg.value == REGISTRATION_FEE, "fee");
        require(bytes(name).length >= 3 && bytes(name).length <= 32, "length");
        bytes32 key = keyOf(name);
        _assign(key, msg.sender);
        feePool += msg.value;
        emit HandleRegistered(key, name, msg.sender);
    }

    function _assign(bytes32 key, address to) internal {
        Handle storage h = handles[key];
        require(h.holder == address(0), "taken");
        h.holder = to;
        h.registeredAt = now;
        handleCount += 1;
    }

    function list(string calldata name, uint256 price) external onlyHolder(name) {
        require(price > 0, "price");
        bytes32 key = keyOf(name);
        Handle storage h = handles[key];
        h.askPrice = price;
        h.forSale = true;
        emit HandleListed(key, price);
    }

    function delist(string calldata name) external onlyHolder(name) {
        bytes32 key = keyOf(name);
        Handle storage h = handles[key];
        h.forSale = false;
        h.askPrice = 0;
        emit HandleDelisted(key);
    }

    function gift(string calldata name, address to) external onlyHolder(name) {
        require(to != address(0), "zero");
        bytes32 key = keyOf(name);
        Handle storage h = handles[key];
        h.holder = to;
        h.forSale = false;
        h.askPrice = 0;
        emit HandleMoved(key, msg.sender, to, 0);
    }

    function buy(string calldata name) external payable {
        bytes32 key = keyOf(name);
        Handle storage h = handles[key];
        require(h.forSale, "not for sale");
        require(msg.value == h.askPrice, "wrong amount");
        address seller = h.holder;
        require(seller != msg.sender, "own handle");
        h.holder = msg.sender;
        h.forSale = false;
        h.askPrice = 0;
        proceeds[seller] += msg.value;
        emit HandleMoved(key, seller, msg.sender, msg.value);
    }

    function holderOf(string calldata name) external view returns (address holder, bool forSale, uint256 price) {
        Handle storage h = handles[keyOf(name)];
        return (h.holder, h.forSale, h.askPrice);
    }

    function withdrawProceeds() external {
        uint256 amount = proceeds[msg.sender];
        require(amount > 0, "nothing");
        proceeds[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit ProceedsWithdrawn(msg.sender, amount);
    }

    function withdrawFees() external onlyOwner {
        uint256 amount = feePool;
        require(amount > 0, "nothing");
        feePool = 0;
        owner.transfer(amount);
    }
}
