pragma solidity 0.4.24;

contract PixelStorage {
    address public admin;
    address public implementation;
    uint256 public mintPrice;
    uint256 public maxSupply;
    uint256 public totalMinted;
    bool public saleOpen;

    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;
    mapping(uint256 => bytes32) public pixelColor;

    event Minted(address indexed to, uint256 indexed tokenId, bytes32 color);
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
}

contract PixelMintV1 is PixelStorage {
    modifier onlyAdmin() {
        require(msg.sender == admin);
        _;
    }

    function mint(bytes32 color) external payable returns (uint256) {
        require(saleOpen);
        require(msg.value == mintPrice);
        require(totalMinted < maxSupply);
        totalMinted = totalMinted + 1;
        uint256 tokenId = totalMinted;
        ownerOf[tokenId] = msg.sender;
        balanceOf[msg.sender] = balanceOf[msg.sender] + 1;
        pixelColor[tokenId] = color;
        emit Minted(msg.sender, tokenId, color);
        return tokenId;
    }

    function transfer(address to, uint256 tokenId) external {
        require(to != address(0));
        require(ownerOf[tokenId] == msg.sender);
        ownerOf[tokenId] = to;
        balanceOf[msg.sender] = balanceOf[msg.sender] - 1;
        balanceOf[to] = balanceOf[to] + 1;
        emit Transfer(msg.sender, to, tokenId);
    }

    function setSaleOpen(bool open) external onlyAdmin {
        saleOpen = open;
    }

    function withdrawProceeds() external onlyAdmin {
        admin.transfer(address(this).balance);
    }
}

contract PixelMintProxy is PixelStorage {
    event Upgraded(address indexed implementation);
    event AdminChanged(address indexed previousAdmin, address indexed newAdmin);

    modifier onlyAdmin() {
        require(msg.sender == admin);
        _;
    }

    constructor(address _implementation, uint256 _price, uint256 _maxSupply) public {
        admin = msg.sender;
        implementation = _implementation;
        mintPrice = _price;
        maxSupply = _maxSupply;
    }

    function changeAdmin(address newAdmin) external onlyAdmin {
        require(newAdmin != address(0));
        emit AdminChanged(admin, newAdmin);
        admin = newAdmin;
    }

    function upgradeTo(address newImplementation) external onlyAdmin {
        require(newImplementation != address(0));
        require(newImplementation != implementation);
        implementation = newImplementation;
        emit Upgraded(newImplementation);
    }

    function () external payable {
        address impl = implementation;
        require(impl != address(0));
        bool ok = impl.delegatecall(msg.data);
        assembly {
            let size := returndatasize
            let ptr := mload(0x40)
            returndatacopy(ptr, 0, size)
            switch ok
            case 0 { revert(ptr, size) }
            default { return(ptr, size) }
        }
    }
}
