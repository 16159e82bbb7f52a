// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

contract GenesisDutchMint {
    string public name = "Genesis Orbs";
    string public symbol = "ORB";
    uint256 public constant MAX_SUPPLY = 500;
    uint256 public constant MAX_PER_WALLET = 3;

    address public owner;
    uint256 public immutable startPrice;
    uint256 public immutable floorPrice;
    uint256 public immutable priceDrop;
    uint256 public auctionStart;
    uint256 public totalMinted;

    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public mintedBy;
    mapping(uint256 => address) public getApproved;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed holder, address indexed approved, uint256 indexed tokenId);
    event AuctionStarted(uint256 at);
    event Withdrawn(address indexed to, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor(uint256 _startPrice, uint256 _floorPrice, uint256 _priceDrop) {
        require(_floorPrice > 0 && _floorPrice <= _startPrice, "bad prices");
        owner = msg.sender;
        startPrice = _startPrice;
        floorPrice = _floorPrice;
        priceDrop = _priceDrop;
    }

    function startAuction() external onlyOwner {
        require(auctionStart == 0, "already started");
        auctionStart = block.timestamp;
        emit AuctionStarted(block.timestamp);
    }

    function currentPrice() external view returns (uint256) {
        require(auctionStart != 0, "not started");
        return _currentPrice();
    }

    function mint(uint256 quantity) external payable {
        require(auctionStart != 0, "not started");
        require(quantity > 0, "zero quantity");
        require(mintedBy[msg.sender] + quantity <= MAX_PER_WALLET, "wallet limit");
        require(totalMinted + quantity <= MAX_SUPPLY, "sold out");
        uint256 cost = _currentPrice() * quantity;
        require(msg.value >= cost, "underpaid");
        mintedBy[msg.sender] += quantity;
        for (uint256 i = 0; i < quantity; i++) {
            totalMinted += 1;
            _mint(msg.sender, totalMinted);
        }
        uint256 change = msg.value - cost;
        if (change > 0) {
            (bool ok, ) = msg.sender.call{value: change}("");
            require(ok, "change failed");
        }
    }

    function approve(address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == msg.sender, "not holder");
        getApproved[tokenId] = to;
        emit Approval(msg.sender, to, tokenId);
    }

    function transferFrom(address from, address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == from, "wrong from");
        require(to != address(0), "zero to");
        require(msg.sender == from || msg.sender == getApproved[tokenId], "not allowed");
        delete getApproved[tokenId];
        balanceOf[from] -= 1;
        balanceOf[to] += 1;
        ownerOf[tokenId] = to;
        emit Transfer(from, to, tokenId);
    }

    function withdraw() external onlyOwner {
        uint256 amount = address(this).balance;
        (bool ok, ) = payable(owner).call{value: amount}("");
        require(ok, "withdraw failed");
        emit Withdrawn(owner, amount);
    }

    function transferOwnership(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero owner");
        owner = newOwner;
    }

    function _currentPrice() internal view returns (uint256) {
        uint256 elapsed = (block.timestamp - auctionStart) / 1 days;
        uint256 drop = elapsed * priceDrop;
        if (drop >= startPrice - floorPrice) {
            return floorPrice;
        }
        return startPrice - drop;
    }

    function _mint(address to, uint256 tokenId) internal {
        ownerOf[tokenId] = to;
        balanceOf[to] += 1;
        emit Transfer(address(0), to, tokenId);
    }
}
