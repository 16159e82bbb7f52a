// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

abstract contract Owned {
    address public owner;

    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    function changeOwner(address next) external onlyOwner {
        require(next != address(0), "zero owner");
        emit OwnerChanged(owner, next);
        owner = next;
    }
}

contract ArtDropMinter is Owned {
    IERC20 public immutable paymentToken;
    address public treasury;
    uint256 public mintPrice;
    uint256 public immutable maxSupply;
    uint256 public maxPerWallet;
    uint256 public totalMinted;
    bool public saleOpen;
    string public baseURI;

    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public mintedBy;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event PriceChanged(uint256 price);
    event SaleToggled(bool open);
    event TreasuryChanged(address treasury);

    constructor(IERC20 token, address _treasury, uint256 price, uint256 supply, uint256 perWallet) {
        paymentToken = token;
        treasury = _treasury;
        mintPrice = price;
        maxSupply = supply;
        maxPerWallet = perWallet;
    }

    function setMintPrice(uint256 price) external onlyOwner {
        mintPrice = price;
        emit PriceChanged(price);
    }

    function setSaleOpen(bool open) external onlyOwner {
        saleOpen = open;
        emit SaleToggled(open);
    }

    function setTreasury(address next) external onlyOwner {
        require(next != address(0), "zero treasury");
        treasury = next;
        emit TreasuryChanged(next);
    }

    function setBaseURI(string calldata uri) external onlyOwner {
        baseURI = uri;
    }

    function mint(uint256 quantity, uint256 maxUnitPrice) external {
        require(saleOpen, "sale closed");
        require(quantity > 0 && mintedBy[msg.sender] + quantity <= maxPerWallet, "wallet limit");
        require(totalMinted + quantity <= maxSupply, "sold out");
        mintedBy[msg.sender] += quantity;
        for (uint256 i = 0; i < quantity; i++) {
            _mintOne(msg.sender);
        }
        _collectPayment(msg.sender, quantity, maxUnitPrice);
    }

    function transferFrom(address from, address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == from, "wrong owner");
        require(msg.sender == from, "not token owner");
        require(to != address(0), "zero recipient");
        ownerOf[tokenId] = to;
        balanceOf[from] -= 1;
        balanceOf[to] += 1;
        emit Transfer(from, to, tokenId);
    }

    function tokenURI(uint256 tokenId) external view returns (string memory) {
        require(ownerOf[tokenId] != address(0), "no token");
        return string(abi.encodePacked(baseURI, _toString(tokenId)));
    }

    function _collectPayment(address payer, uint256 quantity, uint256 maxUnitPrice) internal {
        require(mintPrice <= maxUnitPrice, "price changed");
        uint256 cost = mintPrice * quantity;
        require(paymentToken.transferFrom(payer, treasury, cost), "payment failed");
    }

    function _mintOne(address to) internal {
        uint256 tokenId = totalMinted + 1;
        totalMinted = tokenId;
        ownerOf[tokenId] = to;
        balanceOf[to] += 1;
        emit Transfer(address(0), to, tokenId);
    }

    function _toString(uint256 value) internal pure returns (string memory) {
        if (value == 0) {
            return "0";
        }
        uint256 digits;
        uint256 temp = value;
        while (temp != 0) {
            digits++;
            temp /= 10;
        }
        bytes memory buffer = new bytes(digits);
        while (value != 0) {
            digits -= 1;
            buffer[digits] = bytes1(uint8(48 + (value % 10)));
            value /= 10;
        }
        return string(abi.encodePacked(buffer));
    }
}
