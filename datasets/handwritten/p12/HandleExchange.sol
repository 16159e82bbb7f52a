pragma solidity 0.5.17;

library NameUtils {
    function isValid(string memory name) internal pure returns (bool) {
        bytes memory b = bytes(name);
        if (b.length < 3 || b.length > 32) {
            return false;
        }
        for (uint256 i = 0; i < b.length; i++) {
            bytes1 c = b[i];
            bool lower = c >= 0x61 && c <= 0x7a;
            bool digit = c >= 0x30 && c <= 0x39;
            if (!lower && !digit) {
                return false;
            }
        }
        return true;
    }

    function key(string memory name) internal pure returns (bytes32) {
        return keccak256(bytes(name));
    }
}

contract HandleExchange {
    using NameUtils for string;

    struct Handle {
        address holder;
        uint256 askPrice;
        uint64 registeredBlock;
    }

    address public registrar;
    uint256 public registrationFee;
    uint256 public feesCollected;
    mapping(bytes32 => Handle) public handles;
    mapping(address => uint256) public proceeds;

    event HandleRegistered(bytes32 indexed key, string name, address indexed holder);
    event HandleListed(bytes32 indexed key, uint256 askPrice);
    event HandleSold(bytes32 indexed key, address indexed seller, address indexed buyer, uint256 price);
    event FeeChanged(uint256 fee);

    modifier onlyRegistrar() {
        require(msg.sender == registrar, "registrar only");
        _;
    }

    modifier onlyHolder(bytes32 k) {
        require(handles[k].holder == msg.sender, "not holder");
        _;
    }

    constructor(uint256 fee) public {
        registrar = msg.sender;
        registrationFee = fee;
    }

    function setRegistrationFee(uint256 fee) external onlyRegistrar {
        registrationFee = fee;
        emit FeeChanged(fee);
    }

    function register(string calldata name) external payable {
        require(name.isValid(), "invalid name");
        require(msg.value == registrationFee, "wrong fee");
        bytes32 k = name.key();
        _assign(k, name);
        feesCollected += msg.value;
    }

    function _assign(bytes32 k, string memory name) internal {
        Handle storage h = handles[k];
        require(h.holder == address(0), "taken");
        h.holder = msg.sender;
        h.registeredBlock = uint64(block.number);
        emit HandleRegistered(k, name, msg.sender);
    }

    function list(bytes32 k, uint256 askPrice) external onlyHolder(k) {
        handles[k].askPrice = askPrice;
        emit HandleListed(k, askPrice);
    }

    function buy(bytes32 k) external payable {
        Handle storage h = handles[k];
        require(h.holder != address(0), "unregistered");
        require(h.askPrice > 0, "not for sale");
        require(msg.value == h.askPrice, "wrong price");
        address seller = h.holder;
        h.holder = msg.sender;
        h.askPrice = 0;
        proceeds[seller] += msg.value;
        emit HandleSold(k, seller, msg.sender, msg.value);
    }

    function withdrawProceeds() external {
        uint256 amount = proceeds[msg.sender];
        require(amount > 0, "nothing to withdraw");
        proceeds[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function withdrawFees() external onlyRegistrar {
        uint256 amount = feesCollected;
        feesCollected = 0;
        msg.sender.transfer(amount);
    }

    function holderOf(string calldata name) external view returns (address) {
        return handles[name.key()].holder;
    }
}
