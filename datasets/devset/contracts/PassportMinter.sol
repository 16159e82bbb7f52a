// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

interface IERC721Receiver {
    function onERC721Received(address operator, address from, uint256 tokenId, bytes calldata data) external returns (bytes4);
}

contract PassportMinter {
    string public name = "Festival Passport";
    string public symbol = "PASS";

    uint256 public constant MAX_SUPPLY = 3000;
    uint256 public constant PER_WALLET = 2;
    uint256 public constant PRICE = 0.08 ether;

    address public organiser;
    uint256 public totalSupply;
    bool public saleOpen;

    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;
    mapping(address => uint256) public mintedBy;
    mapping(uint256 => address) public getApproved;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
    event SaleToggled(bool open);

    error NotOrganiser();
    error SaleClosed();
    error WalletLimit();
    error SoldOut();

    modifier onlyOrganiser() {
        if (msg.sender != organiser) revert NotOrganiser();
        _;
    }

    constructor() {
        organiser = msg.sender;
    }

    function toggleSale(bool open) external onlyOrganiser {
        saleOpen = open;
        emit SaleToggled(open);
    }

    function mint() external payable {
        if (!saleOpen) revert SaleClosed();
        if (mintedBy[msg.sender] >= PER_WALLET) revert WalletLimit();
        if (totalSupply >= MAX_SUPPLY) revert SoldOut();
        require(msg.value == PRICE, "price");
        uint256 tokenId = totalSupply + 1;
        _safeMint(msg.sender, tokenId);
        mintedBy[msg.sender] += 1;
    }

    function _safeMint(address to, uint256 tokenId) internal {
        ownerOf[tokenId] = to;
        balanceOf[to] += 1;
        totalSupply += 1;
        emit Transfer(address(0), to, tokenId);
        if (to.code.length > 0) {
            bytes4 reply = IERC721Receiver(to).onERC721Received(msg.sender, address(0), tokenId, "");
            require(reply == IERC721Receiver.onERC721Received.selector, "receiver rejected");
        }
    }

    function approve(address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == msg.sender, "not owner");
        getApproved[tokenId] = to;
        emit Approval(msg.sender, to, tokenId);
    }

    function transferFrom(address from, address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == from && to != address(0), "bad transfer");
        require(msg.sender == from || msg.sender == getApproved[tokenId], "not allowed");
        delete getApproved[tokenId];
        ownerOf[tokenId] = to;
        balanceOf[from] -= 1;
        balanceOf[to] += 1;
        emit Transfer(from, to, tokenId);
    }

    function withdraw() external onlyOrganiser {
        (bool ok, ) = payable(organiser).call{value: address(this).balance}("");
        require(ok, "withdraw failed");
    }
}
