// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

library CatchTable {
    struct Species {
        string name;
        uint32 minGrams;
        uint32 maxGrams;
    }

    function speciesFor(uint256 roll) internal pure returns (uint8) {
        if (roll < 6000) return 0;
        if (roll < 8500) return 1;
        if (roll < 9700) return 2;
        return 3;
    }

    function weigh(Species storage s, uint256 roll) internal view returns (uint256) {
        return uint256(s.minGrams) + (roll % (uint256(s.maxGrams) - s.minGrams + 1));
    }
}

contract FishingDerby {
    using CatchTable for CatchTable.Species;

    address public warden;
    uint256 public castFee = 0.002 ether;
    uint256 public derbyEnds;
    uint256 public prizePool;
    uint256 public recordGrams;
    address public recordHolder;

    CatchTable.Species[4] public species;
    mapping(address => uint256) public casts;
    mapping(address => uint256) public bestCatch;
    mapping(address => uint256) public owed;

    event Cast(address indexed angler, uint8 species, uint256 grams);
    event NewRecord(address indexed angler, uint256 grams);
    event PrizePaid(address indexed angler, uint256 amount);

    modifier onlyWarden() {
        require(msg.sender == warden, "warden only");
        _;
    }

    constructor(uint256 days_) public {
        warden = msg.sender;
        derbyEnds = block.timestamp + days_ * 1 days;
        species[0] = CatchTable.Species("Perch", 100, 900);
        species[1] = CatchTable.Species("Trout", 500, 4000);
        species[2] = CatchTable.Species("Pike", 2000, 12000);
        species[3] = CatchTable.Species("Sturgeon", 10000, 60000);
    }

    function cast() external payable {
        require(block.timestamp < derbyEnds, "derby over");
        require(msg.value == castFee, "fee");
        prizePool += msg.value;
        uint256 seed = uint256(keccak256(abi.encodePacked(blockhash(block.number - 1), msg.sender, casts[msg.sender])));
        casts[msg.sender] += 1;
        uint8 kind = CatchTable.speciesFor(seed % 10000);
        uint256 grams = species[kind].weigh(seed >> 32);
        if (grams > bestCatch[msg.sender]) {
            bestCatch[msg.sender] = grams;
        }
        if (grams > recordGrams) {
            recordGrams = grams;
            recordHolder = msg.sender;
            emit NewRecord(msg.sender, grams);
        }
        emit Cast(msg.sender, kind, grams);
    }

    function settle() external {
        require(block.timestamp >= derbyEnds, "derby running");
        require(recordHolder != address(0) && prizePool > 0, "no prize");
        uint256 amount = prizePool * 90 / 100;
        owed[recordHolder] += amount;
        owed[warden] += prizePool - amount;
        prizePool = 0;
        emit PrizePaid(recordHolder, amount);
    }

    function withdraw() external {
        uint256 amount = owed[msg.sender];
        require(amount > 0, "nothing owed");
        owed[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function setCastFee(uint256 fee) external onlyWarden {
        require(fee > 0, "fee");
        castFee = fee;
    }
}
