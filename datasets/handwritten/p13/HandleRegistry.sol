// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

contract HandleRegistry {
    struct Handle {
        address holder;
        uint256 expires;
        uint256 askPrice;
        string label;
    }

    uint256 public constant TERM = 365 days;

    address public registrar;
    uint256 public registrationFee;
    uint256 public collectedFees;

    mapping(bytes32 => Handle) public handles;
    mapping(address => uint256) public proceeds;

    event HandleRegistered(bytes32 indexed node, string label, address indexed holder, uint256 expires);
    event HandleRenewed(bytes32 indexed node, uint256 expires);
    event HandleListed(bytes32 indexed node, uint256 price);
    event HandleSold(bytes32 indexed node, address indexed from, address indexed to, uint256 price);
    event FeeChanged(uint256 fee);

    modifier onlyRegistrar() {
        require(msg.sender == registrar, "registrar only");
        _;
    }

    modifier onlyHolder(bytes32 node) {
        require(handles[node].holder == msg.sender, "not holder");
        require(handles[node].expires >= now, "expired");
        _;
    }

    constructor(uint256 fee) public {
        registrar = msg.sender;
        registrationFee = fee;
    }

    function setFee(uint256 fee) external onlyRegistrar {
        registrationFee = fee;
        emit FeeChanged(fee);
    }

    function nodeOf(string memory label) public pure returns (bytes32) {
        return keccak256(abi.encodePacked(label));
    }

    function available(bytes32 node) public view returns (bool) {
        return handles[node].holder == address(0) || handles[node].expires < now;
    }

    function register(string calldata label) external payable {
        require(bytes(label).length >= 3 && bytes(label).length <= 32, "bad length");
        require(msg.value == registrationFee, "wrong fee");
        bytes32 node = nodeOf(label);
        require(available(node), "taken");
        collectedFees += msg.value;
        _assign(node, label, msg.sender);
    }

    function renew(bytes32 node) external payable onlyHolder(node) {
        require(msg.value == registrationFee, "wrong fee");
        collectedFees += msg.value;
        handles[node].expires += TERM;
        emit HandleRenewed(node, handles[node].expires);
    }

    function listForSale(bytes32 node, uint256 price) external onlyHolder(node) {
        handles[node].askPrice = price;
        emit HandleListed(node, price);
    }

    function buyListed(bytes32 node) external payable {
        Handle storage h = handles[node];
        require(h.askPrice > 0, "not listed");
        require(h.expires >= now, "expired");
        require(msg.value == h.askPrice, "wrong price");
        address seller = h.holder;
        h.holder = msg.sender;
        h.askPrice = 0;
        proceeds[seller] += msg.value;
        emit HandleSold(node, seller, msg.sender, msg.value);
    }

    function withdrawProceeds() external {
        uint256 amount = proceeds[msg.sender];
        require(amount > 0, "nothing owed");
        proceeds[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "payout failed");
    }

    function withdrawFees(address payable to) external onlyRegistrar {
        uint256 amount = collectedFees;
        collectedFees = 0;
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "fee transfer failed");
    }

    function _assign(bytes32 node, string memory label, address holder) internal {
        Handle storage h = handles[node];
        h.holder = holder;
        h.expires = now + TERM;
        h.askPrice = 0;
        h.label = label;
        emit HandleRegistered(node, label, holder, h.expires);
    }
}
