pragma solidity ^0.4.24;

contract BottleCapPromo {
    struct Prize {
        uint256 amount;
        uint256 batch;
        address winner;
        bool claimed;
    }

    address public brand;
    uint256 public campaignEnds;
    uint256 public budget;
    uint256 public committed;
    uint256 public claimedCount;

    mapping(bytes32 => Prize) public prizes;
    mapping(uint256 => uint256) public capsInBatch;
    mapping(address => uint256) public winsBy;

    event BudgetAdded(uint256 amount);
    event CapsLoaded(uint256 indexed batch, uint256 count, uint256 amountEach);
    event PrizeClaimed(bytes32 indexed codeHash, address indexed winner, uint256 amount);

    modifier onlyBrand() {
        require(msg.sender == brand);
        _;
    }

    modifier campaignRunning() {
        require(now < campaignEnds);
        _;
    }

    constructor(uint256 weeksRunning) public {
        require(weeksRunning >= 1 && weeksRunning <= 26);
        brand = msg.sender;
        campaignEnds = now + weeksRunning * 1 weeks;
    }

    function addBudget() external payable onlyBrand {
        budget += msg.value;
        emit BudgetAdded(msg.value);
    }

    function loadCaps(uint256 batch, bytes32[] codeHashes, uint256 amountEach) external onlyBrand {
        require(codeHashes.length <= 200 && amountEach > 0);
        require(committed + codeHashes.length * amountEach <= budget);
        for (uint256 i = 0; i < codeHashes.length; i++) {
            require(prizes[codeHashes[i]].amount == 0);
            prizes[codeHashes[i]] = Prize(amountEach, batch, address(0), false);
        }
        committed += codeHashes.length * amountEach;
        capsInBatch[batch] += codeHashes.length;
        emit CapsLoaded(batch, codeHashes.length, amountEach);
    }

    function redeem(string code) external campaignRunning {
        bytes32 codeHash = keccak256(abi.encodePacked(code));
        Prize storage p = prizes[codeHash];
        require(p.amount > 0 && !p.claimed);
        p.claimed = true;
        p.winner = msg.sender;
        claimedCount += 1;
        winsBy[msg.sender] += 1;
        msg.sender.transfer(p.amount);
        emit PrizeClaimed(codeHash, msg.sender, p.amount);
    }

    function closeCampaign() external onlyBrand {
        require(now >= campaignEnds);
        uint256 remaining = address(this).balance;
        budget = 0;
        committed = 0;
        brand.transfer(remaining);
    }
}
