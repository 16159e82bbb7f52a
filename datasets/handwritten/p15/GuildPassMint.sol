// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract GuildPassMint {
    string public name;
    string public symbol;
    string public baseURI;

    address public owner;
    address private immutable deployer;
    bool private initialized;

    uint256 public price;
    uint256 public maxSupply;
    uint256 public maxPerWallet;
    uint256 public totalMinted;
    uint256 public reservedLeft;
    bool public saleActive;

    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public mintedBy;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Initialized(address indexed owner, uint256 price, uint256 maxSupply);
    event SaleToggled(bool active);
    event ProceedsWithdrawn(address indexed to, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() {
        deployer = msg.sender;
    }

    function mint(uint256 quantity) external payable {
        require(initialized && saleActive, "sale closed");
        require(msg.sender == tx.origin, "wallets only");
        require(quantity > 0 && quantity <= maxPerWallet, "bad quantity");
        require(mintedBy[msg.sender] + quantity <= maxPerWallet, "wallet limit");
        require(totalMinted + quantity + reservedLeft <= maxSupply, "sold out");
        require(msg.value == price * quantity, "wrong payment");
        mintedBy[msg.sender] += quantity;
        _mintBatch(msg.sender, quantity);
    }

    function transferFrom(address from, address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == from, "not the holder");
        require(msg.sender == from, "holder only");
        require(to != address(0), "zero address");
        balanceOf[from] -= 1;
        balanceOf[to] += 1;
        ownerOf[tokenId] = to;
        emit Transfer(from, to, tokenId);
    }

    function initialize(
        string calldata _name,
        string calldata _symbol,
        address _owner,
        uint256 _price,
        uint256 _maxSupply,
        uint256 _reserved
    ) external {
        require(msg.sender == deployer, "deployer only");
        require(!initialized, "already initialized");
        require(_owner != address(0), "zero owner");
        require(_reserved <= _maxSupply, "reserve too large");
        initialized = true;
        name = _name;
        symbol = _symbol;
        owner = _owner;
        price = _price;
        maxSupply = _maxSupply;
        reservedLeft = _reserved;
        maxPerWallet = 3;
        emit Initialized(_owner, _price, _maxSupply);
    }

    function mintReserved(address to, uint256 quantity) external onlyOwner {
        require(quantity > 0 && quantity <= reservedLeft, "exceeds reserve");
        reservedLeft -= quantity;
        _mintBatch(to, quantity);
    }

    function toggleSale() external onlyOwner {
        saleActive = !saleActive;
        emit SaleToggled(saleActive);
    }

    function setBaseURI(string calldata uri) external onlyOwner {
        baseURI = uri;
    }

    function withdrawProceeds(address payable to) external onlyOwner {
        uint256 amount = address(this).balance;
        require(amount > 0, "nothing to withdraw");
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "payout failed");
        emit ProceedsWithdrawn(to, amount);
    }

    function _mintBatch(address to, uint256 quantity) internal {
        for (uint256 i = 0; i < quantity; i++) {
            totalMinted += 1;
            ownerOf[totalMinted] = to;
            emit Transfer(address(0), to, totalMinted);
        }
        balanceOf[to] += quantity;
    }
}
