// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

contract MunicipalTender {
    enum Phase { Commit, Reveal, Closed }

    struct Bid {
        bytes32 commitment;
        uint256 bond;
        uint256 revealedPrice;
        bool revealed;
    }

    address public immutable authority;
    string public project;
    uint256 public immutable budget;
    uint256 public immutable bondAmount;
    uint256 public immutable commitEnds;
    uint256 public immutable revealEnds;

    address public lowestBidder;
    uint256 public lowestPrice;
    bool public awarded;

    mapping(address => Bid) public bids;
    mapping(address => uint256) public withdrawable;

    event BidCommitted(address indexed supplier);
    event BidRevealed(address indexed supplier, uint256 price);
    event Awarded(address indexed supplier, uint256 price);
    event Withdrawal(address indexed account, uint256 amount);

    modifier onlyAuthority() {
        require(msg.sender == authority, "authority only");
        _;
    }

    constructor(string memory _project, uint256 _bondAmount) payable {
        require(msg.value > 0, "budget required");
        authority = msg.sender;
        project = _project;
        budget = msg.value;
        bondAmount = _bondAmount;
        commitEnds = block.timestamp + 5 days;
        revealEnds = block.timestamp + 7 days;
    }

    function phase() public view returns (Phase) {
        if (block.timestamp < commitEnds) {
            return Phase.Commit;
        }
        if (block.timestamp < revealEnds) {
            return Phase.Reveal;
        }
        return Phase.Closed;
    }

    function commit(bytes32 commitment) external payable {
        require(phase() == Phase.Commit, "commit closed");
        require(msg.value == bondAmount, "wrong bond");
        require(bids[msg.sender].commitment == bytes32(0), "already bid");
        require(commitment != bytes32(0), "empty commitment");
        bids[msg.sender] = Bid(commitment, msg.value, 0, false);
        emit BidCommitted(msg.sender);
    }

    function reveal(uint256 price, bytes32 salt) external {
        require(phase() == Phase.Reveal, "not revealing");
        Bid storage b = bids[msg.sender];
        require(b.commitment != bytes32(0), "no bid");
        require(!b.revealed, "already revealed");
        require(keccak256(abi.encodePacked(msg.sender, price, salt)) == b.commitment, "mismatch");
        b.revealed = true;
        b.revealedPrice = price;
        withdrawable[msg.sender] += b.bond;
        if (price > 0 && price <= budget && _beats(price, msg.sender)) {
            lowestBidder = msg.sender;
            lowestPrice = price;
        }
        emit BidRevealed(msg.sender, price);
    }

    function award() external onlyAuthority {
        require(phase() == Phase.Closed, "still open");
        require(!awarded, "already awarded");
        awarded = true;
        uint256 remainder = budget;
        if (lowestBidder != address(0)) {
            withdrawable[lowestBidder] += lowestPrice;
            remainder -= lowestPrice;
            emit Awarded(lowestBidder, lowestPrice);
        }
        withdrawable[authority] += remainder;
    }

    function withdraw() external {
        uint256 amount = withdrawable[msg.sender];
        require(amount > 0, "nothing to withdraw");
        withdrawable[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "transfer failed");
        emit Withdrawal(msg.sender, amount);
    }

    function _beats(uint256 price, address supplier) internal view returns (bool) {
        if (lowestBidder == address(0) || price < lowestPrice) {
            return true;
        }
        return price == lowestPrice && supplier < lowestBidder;
    }
}
