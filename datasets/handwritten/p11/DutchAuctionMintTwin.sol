// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

abstract contract DecliningPrice {
    uint256 public immutable startPrice;
    uint256 public immutable floorPrice;
    uint256 public immutable dropPerStep;
    uint256 public constant STEP = 1 hours;
    uint256 public auctionStart;

    constructor(uint256 startPrice_, uint256 floorPrice_, uint256 dropPerStep_) {
        require(startPrice_ > floorPrice_, "bad range");
        require(dropPerStep_ > 0, "bad step");
        startPrice = startPrice_;
        floorPrice = floorPrice_;
        dropPerStep = dropPerStep_;
    }

    function currentPrice() public view returns (uint256) {
        if (auctionStart == 0) {
            return startPrice;
        }
        uint256 steps = (block.timestamp - auctionStart) / STEP;
        uint256 maxSteps = (startPrice - floorPrice) / dropPerStep;
        if (steps >= maxSteps) {
            return floorPrice;
        }
        return startPrice - steps * dropPerStep;
    }
}

contract DutchAuctionMint is DecliningPrice {
    string public name;
    string public symbol;
    address public owner;
    uint256 public immutable maxSupply;
    uint256 public constant MAX_PER_WALLET = 3;
    uint256 public totalMinted;

    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public mintedBy;
    mapping(uint256 => address) public getApproved;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed holder, address indexed spender, uint256 indexed tokenId);
    event AuctionStarted(uint256 at, uint256 startPrice);
    event Minted(address indexed buyer, uint256 quantity, uint256 pricePaidEach);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor(
        string memory name_,
        string memory symbol_,
        uint256 maxSupply_,
        uint256 startPrice_,
        uint256 floorPrice_,
        uint256 dropPerStep_
    ) DecliningPrice(startPrice_, floorPrice_, dropPerStep_) {
        name = name_;
        symbol = symbol_;
        maxSupply = maxSupply_;
        owner = msg.sender;
    }

    function startAuction() external onlyOwner {
        require(auctionStart == 0, "started");
        auctionStart = block.timestamp;
        emit AuctionStarted(block.timestamp, startPrice);
    }

    function mint(uint256 quantity) external payable {
        require(auctionStart != 0, "not started");
        require(quantity > 0, "zero");
        require(mintedBy[msg.sender] + quantity <= MAX_PER_WALLET, "wallet cap");
        require(totalMinted + quantity <= maxSupply, "sold out");

        uint256 priceEach = currentPrice();
        uint256 cost = priceEach * quantity;
        require(msg.value >= cost, "underpaid");

        mintedBy[msg.sender] += quantity;
        for (uint256 i = 0; i < quantity; i++) {
            uint256 tokenId = totalMinted + 1;
            totalMinted = tokenId;
            ownerOf[tokenId] = msg.sender;
            emit Transfer(address(0), msg.sender, tokenId);
        }
        balanceOf[msg.sender] += quantity;
        emit Minted(msg.sender, quantity, priceEach);

        if (msg.value > cost) {
            (bool ok, ) = payable(msg.sender).call{value: msg.value - cost}("");
            require(ok, "refund failed");
        }
    }

    function approve(address spender, uint256 tokenId) external {
        require(ownerOf[tokenId] == msg.sender, "not holder");
        getApproved[tokenId] = spender;
        emit Approval(msg.sender, spender, tokenId);
    }

    function transferFrom(address from, address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == from, "wrong from");
        require(to != address(0), "zero to");
        require(msg.sender == from || msg.sender == getApproved[tokenId], "not allowed");
        delete getApproved[tokenId];
        ownerOf[tokenId] = to;
        balanceOf[from] -= 1;
        balanceOf[to] += 1;
        emit Transfer(from, to, tokenId);
    }

    function withdraw(address payable to) external onlyOwner {
        uint256 amount = address(this).balance;
        require(amount > 0, "empty");
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
