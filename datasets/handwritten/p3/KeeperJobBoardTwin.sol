// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "SafeMath: add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "SafeMath: sub");
        return a - b;
    }
}

contract KeeperRegistry {
    address public admin;
    mapping(address => bool) public isKeeper;

    event KeeperAdded(address indexed keeper);
    event KeeperRemoved(address indexed keeper);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    constructor() {
        admin = msg.sender;
    }

    function addKeeper(address keeper) external onlyAdmin {
        require(keeper != address(0), "zero keeper");
        isKeeper[keeper] = true;
        emit KeeperAdded(keeper);
    }

    function removeKeeper(address keeper) external onlyAdmin {
        isKeeper[keeper] = false;
        emit KeeperRemoved(keeper);
    }
}

contract KeeperJobBoard is KeeperRegistry {
    using SafeMath for uint256;

    enum Status { None, Open, Done, Cancelled }

    struct Job {
        address poster;
        address keeper;
        uint256 fee;
        uint256 premium;
        uint256 postedAt;
        uint256 postedBlock;
        uint256 deadline;
        uint256 doneAt;
        uint256 doneBlock;
        bytes32 resultHash;
        Status status;
    }

    uint256 public constant FAST_RESPONSE_BLOCKS = 2;
    uint256 public jobCount;
    mapping(uint256 => Job) public jobs;
    mapping(address => uint256) public balances;

    event JobPosted(uint256 indexed id, address indexed poster, address indexed keeper, uint256 fee, uint256 premium);
    event JobDone(uint256 indexed id, bytes32 resultHash, uint256 payout);
    event JobCancelled(uint256 indexed id);
    event Withdrawal(address indexed account, uint256 amount);

    function postJob(address keeper, uint256 premium) external payable returns (uint256 id) {
        require(isKeeper[keeper], "unknown keeper");
        require(msg.value > premium, "fee missing");
        id = ++jobCount;
        Job storage job = jobs[id];
        job.poster = msg.sender;
        job.keeper = keeper;
        job.premium = premium;
        job.fee = msg.value.sub(premium);
        job.postedAt = block.timestamp;
        job.postedBlock = block.number;
        job.deadline = block.timestamp.add(1 days);
        job.status = Status.Open;
        emit JobPosted(id, msg.sender, keeper, job.fee, premium);
    }

    function submitResult(uint256 id, bytes32 resultHash) external {
        Job storage job = jobs[id];
        require(job.status == Status.Open, "not open");
        require(msg.sender == job.keeper, "not assigned");
        require(block.timestamp <= job.deadline, "too late");
        job.doneAt = block.timestamp;
        job.doneBlock = block.number;
        job.resultHash = resultHash;
        job.status = Status.Done;
        uint256 payout = _settle(job);
        emit JobDone(id, resultHash, payout);
    }

    function cancelExpired(uint256 id) external {
        Job storage job = jobs[id];
        require(job.status == Status.Open, "not open");
        require(msg.sender == job.poster, "not poster");
        require(block.timestamp > job.deadline, "still running");
        job.status = Status.Cancelled;
        balances[job.poster] = balances[job.poster].add(job.fee.add(job.premium));
        emit JobCancelled(id);
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0, "nothing owed");
        balances[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "transfer failed");
        emit Withdrawal(msg.sender, amount);
    }

    function _settle(Job storage job) internal returns (uint256 payout) {
        payout = job.fee;
        uint256 refund = job.premium;
        if (job.doneBlock.sub(job.postedBlock) <= FAST_RESPONSE_BLOCKS) {
            payout = payout.add(job.premium);
            refund = 0;
        }
        balances[job.keeper] = balances[job.keeper].add(payout);
        if (refund > 0) {
            balances[job.poster] = balances[job.poster].add(refund);
        }
    }
}
