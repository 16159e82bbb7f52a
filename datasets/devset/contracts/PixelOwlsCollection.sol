// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract PixelOwlsCollection {
    uint256 public constant MAX_SUPPLY = 3000;
    uint256 public constant LEGENDARY_ARTWORKS = 30;
    uint256 public constant PRICE = 0.03 ether;

    address public immutable creator;
    uint256 public immutable mintEndsAt;
    uint256 public totalMinted;
    uint256 public revealOffset;
    bool public revealed;
    string public baseUri;

    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;
    mapping(uint256 => address) public getApproved;
    mapping(address => mapping(address => bool)) public isApprovedForAll;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
    event ApprovalForAll(address indexed owner, address indexed operator, bool approved);
    event Revealed(uint256 offset);

    error SoldOut();
    error NotRevealed();

    modifier onlyCreator() {
        require(msg.sender == creator, "creator only");
        _;
    }

    constructor(string memory uri) {
        creator = msg.sender;
        baseUri = uri;
        mintEndsAt = block.timestamp + 21 days;
    }

    function mint(uint256 quantity) external payable {
        require(block.timestamp < mintEndsAt, "mint over");
        require(quantity > 0 && quantity <= 5, "quantity");
        if (totalMinted + quantity > MAX_SUPPLY) revert SoldOut();
        require(msg.value == quantity * PRICE, "price");
        for (uint256 i = 0; i < quantity; i++) {
            uint256 tokenId = totalMinted++;
            ownerOf[tokenId] = msg.sender;
            emit Transfer(address(0), msg.sender, tokenId);
        }
        balanceOf[msg.sender] += quantity;
    }

    function reveal() external {
        require(!revealed, "revealed");
        require(totalMinted == MAX_SUPPLY || block.timestamp >= mintEndsAt, "mint running");
        revealOffset = uint256(keccak256(abi.encodePacked(block.prevrandao, block.timestamp, msg.sender))) % MAX_SUPPLY;
        revealed = true;
        emit Revealed(revealOffset);
    }

    function artworkOf(uint256 tokenId) public view returns (uint256) {
        if (!revealed) revert NotRevealed();
        require(tokenId < totalMinted, "no token");
        return (tokenId + revealOffset) % MAX_SUPPLY;
    }

    function isLegendary(uint256 tokenId) external view returns (bool) {
        return artworkOf(tokenId) < LEGENDARY_ARTWORKS;
    }

    function approve(address spender, uint256 tokenId) external {
        address holder = ownerOf[tokenId];
        require(msg.sender == holder || isApprovedForAll[holder][msg.sender], "not allowed");
        getApproved[tokenId] = spender;
        emit Approval(holder, spender, tokenId);
    }

    function setApprovalForAll(address operator, bool approved) external {
        isApprovedForAll[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    function transferFrom(address from, address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == from && to != address(0), "transfer");
        require(msg.sender == from || getApproved[tokenId] == msg.sender || isApprovedForAll[from][msg.sender], "not allowed");
        delete getApproved[tokenId];
        balanceOf[from] -= 1;
        balanceOf[to] += 1;
        ownerOf[tokenId] = to;
        emit Transfer(from, to, tokenId);
    }

    function withdraw() external onlyCreator {
        (bool ok, ) = payable(creator).call{value: address(this).balance}("");
        require(ok, "withdraw failed");
    }
}
