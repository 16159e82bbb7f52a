// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

contract TessellateEditions {
    struct Reservation {
        uint64 committedBlock;
        bool redeemed;
    }

    string public constant name = "Tessellate Editions";
    string public constant symbol = "TESS";
    uint256 public constant MINT_PRICE = 0.05 ether;
    uint256 public constant MAX_SUPPLY = 2000;
    uint256 public constant REVEAL_DELAY = 2;

    address public immutable studio;
    uint256 public totalMinted;
    uint256 public reservedCount;

    mapping(bytes32 => Reservation) public reservations;
    mapping(bytes32 => bool) public seedTaken;
    mapping(uint256 => address) public ownerOf;
    mapping(uint256 => bytes32) public seedOf;
    mapping(address => uint256) public balanceOf;

    event Reserved(bytes32 indexed commitment, address indexed payer);
    event Minted(uint256 indexed tokenId, address indexed to, bytes32 seed);
    event Transfer(address indexed from, address indexed to, uint256 indexed tokenId);
    event StudioWithdrawal(uint256 amount);

    modifier onlyStudio() {
        require(msg.sender == studio, "studio only");
        _;
    }

    constructor() {
        studio = msg.sender;
    }

    function reserve(bytes32 commitment) external payable {
        require(msg.value == MINT_PRICE, "wrong price");
        require(reservedCount < MAX_SUPPLY, "sold out");
        Reservation storage r = reservations[commitment];
        require(r.committedBlock == 0, "already reserved");
        r.committedBlock = uint64(block.number);
        reservedCount += 1;
        emit Reserved(commitment, msg.sender);
    }

    function reveal(bytes32 seed, bytes32 salt) external returns (uint256 tokenId) {
        require(seed != bytes32(0), "empty seed");
        Reservation storage r = reservations[keccak256(abi.encodePacked(msg.sender, seed, salt))];
        require(r.committedBlock != 0 && !r.redeemed, "no reservation");
        require(block.number >= r.committedBlock + REVEAL_DELAY, "too early");
        require(!seedTaken[seed], "seed already minted");
        r.redeemed = true;
        seedTaken[seed] = true;
        tokenId = _mint(msg.sender, seed);
    }

    function _mint(address to, bytes32 seed) internal returns (uint256 tokenId) {
        totalMinted += 1;
        tokenId = totalMinted;
        ownerOf[tokenId] = to;
        seedOf[tokenId] = seed;
        balanceOf[to] += 1;
        emit Transfer(address(0), to, tokenId);
        emit Minted(tokenId, to, seed);
    }

    function traitsOf(uint256 tokenId) external view returns (uint8 palette, uint8 symmetry, uint8 density) {
        require(ownerOf[tokenId] != address(0), "unknown token");
        uint256 s = uint256(seedOf[tokenId]);
        palette = uint8(s % 12);
        symmetry = uint8((s >> 8) % 6);
        density = uint8((s >> 16) % 100);
    }

    function transfer(address to, uint256 tokenId) external {
        require(ownerOf[tokenId] == msg.sender, "not owner");
        require(to != address(0), "zero address");
        ownerOf[tokenId] = to;
        balanceOf[msg.sender] -= 1;
        balanceOf[to] += 1;
        emit Transfer(msg.sender, to, tokenId);
    }

    function withdraw() external onlyStudio {
        uint256 amount = address(this).balance;
        require(amount > 0, "empty");
        (bool ok, ) = studio.call{value: amount}("");
        require(ok, "send failed");
        emit StudioWithdrawal(amount);
    }
}
