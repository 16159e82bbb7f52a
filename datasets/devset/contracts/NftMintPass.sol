// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract NftMintPass {
    string public name = "Genesis Mint Pass";
    string public symbol = "GMP";
    address public owner;
    uint256 public price = 0.08 ether;
    uint256 public maxSupply = 5000;
    uint256 public totalSupply;
    bool public saleOpen;

    mapping(uint256 => address) private _owners;
    mapping(address => uint256) private _balances;
    mapping(uint256 => address) public getApproved;

    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId);
    event SaleToggled(bool open);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function ownerOf(uint256 tokenId) public view returns (address holder) {
        holder = _owners[tokenId];
        require(holder != address(0), "nonexistent");
    }

    function balanceOf(address holder) external view returns (uint256) {
        return _balances[holder];
    }

    function mint(uint256 quantity) external payable {
        require(saleOpen, "sale closed");
        require(quantity > 0 && quantity <= 5, "bad quantity");
        require(msg.value == price * quantity, "wrong payment");
        for (uint256 i = 0; i < quantity; i++) {
            _mint(msg.sender);
        }
    }

    function teamMint(address to, uint256 quantity) external {
        require(quantity <= 50, "batch too large");
        for (uint256 i = 0; i < quantity; i++) {
            _mint(to);
        }
    }

    function approve(address to, uint256 tokenId) external {
        require(ownerOf(tokenId) == msg.sender, "not holder");
        getApproved[tokenId] = to;
        emit Approval(msg.sender, to, tokenId);
    }

    function transferFrom(address from, address to, uint256 tokenId) external {
        require(ownerOf(tokenId) == from, "wrong from");
        require(msg.sender == from || getApproved[tokenId] == msg.sender, "not allowed");
        require(to != address(0), "zero to");
        delete getApproved[tokenId];
        _balances[from] -= 1;
        _balances[to] += 1;
        _owners[tokenId] = to;
        emit Transfer(from, to, tokenId);
    }

    function setSaleOpen(bool open) external onlyOwner {
        saleOpen = open;
        emit SaleToggled(open);
    }

    function withdraw() external onlyOwner {
        payable(owner).transfer(address(this).balance);
    }

    function _mint(address to) internal {
        require(totalSupply < maxSupply, "max supply");
        totalSupply += 1;
        uint256 tokenId = totalSupply;
        _owners[tokenId] = to;
        _balances[to] += 1;
        emit Transfer(address(0), to, tokenId);
    }
}
