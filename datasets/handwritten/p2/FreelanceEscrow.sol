// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0);
        return a / b;
    }
}

contract FreelanceEscrow {
    using SafeMath for uint256;

    enum Status { Open, Submitted, Disputed, Closed }

    struct Job {
        address client;
        address freelancer;
        uint256 amount;
        uint256 submittedAt;
        bytes32 deliveryHash;
        Status status;
    }

    uint256 public constant FEE_BPS = 250;
    uint256 public constant BPS = 10000;
    uint256 public constant REVIEW_WINDOW = 7 days;

    address public arbiter;
    address public platform;
    uint256 public jobCount;
    mapping(uint256 => Job) public jobs;
    mapping(address => uint256) public credits;

    event JobPosted(uint256 indexed jobId, address indexed client, address indexed freelancer, uint256 amount);
    event WorkSubmitted(uint256 indexed jobId, bytes32 deliveryHash);
    event JobSettled(uint256 indexed jobId, uint256 toFreelancer, uint256 toClient, uint256 fee);
    event DisputeRaised(uint256 indexed jobId, address indexed by);
    event Withdrawn(address indexed account, uint256 amount);

    modifier onlyArbiter() {
        require(msg.sender == arbiter, "not arbiter");
        _;
    }

    constructor(address _arbiter, address _platform) {
        require(_arbiter != address(0) && _platform != address(0), "zero address");
        arbiter = _arbiter;
        platform = _platform;
    }

    function postJob(address freelancer) external payable returns (uint256 jobId) {
        require(freelancer != address(0) && freelancer != msg.sender, "bad freelancer");
        require(msg.value > 0, "no budget");
        jobId = jobCount;
        jobCount = jobCount.add(1);
        jobs[jobId] = Job(msg.sender, freelancer, msg.value, 0, bytes32(0), Status.Open);
        emit JobPosted(jobId, msg.sender, freelancer, msg.value);
    }

    function submitWork(uint256 jobId, bytes32 deliveryHash) external {
        Job storage job = jobs[jobId];
        require(msg.sender == job.freelancer, "not freelancer");
        require(job.status == Status.Open, "not open");
        job.status = Status.Submitted;
        job.submittedAt = block.timestamp;
        job.deliveryHash = deliveryHash;
        emit WorkSubmitted(jobId, deliveryHash);
    }

    function approve(uint256 jobId) external {
        Job storage job = jobs[jobId];
        require(msg.sender == job.client, "not client");
        require(job.status == Status.Submitted, "nothing to approve");
        _settle(jobId, job, BPS);
    }

    function releaseAfterReview(uint256 jobId) external {
        Job storage job = jobs[jobId];
        require(msg.sender == job.freelancer, "not freelancer");
        require(job.status == Status.Submitted, "not submitted");
        require(block.timestamp >= job.submittedAt.add(REVIEW_WINDOW), "review pending");
        _settle(jobId, job, BPS);
    }

    function cancel(uint256 jobId) external {
        Job storage job = jobs[jobId];
        require(msg.sender == job.client, "not client");
        require(job.status == Status.Open, "work started");
        _settle(jobId, job, 0);
    }

    function raiseDispute(uint256 jobId) external {
        Job storage job = jobs[jobId];
        require(msg.sender == job.client || msg.sender == job.freelancer, "not a party");
        require(job.status == Status.Submitted, "cannot dispute");
        job.status = Status.Disputed;
        emit DisputeRaised(jobId, msg.sender);
    }

    function resolve(uint256 jobId, uint256 freelancerShareBps) external onlyArbiter {
        Job storage job = jobs[jobId];
        require(job.status == Status.Disputed, "not disputed");
        require(freelancerShareBps <= BPS, "share too high");
        _settle(jobId, job, freelancerShareBps);
    }

    function withdraw() external {
        uint256 amount = credits[msg.sender];
        require(amount > 0, "nothing owed");
        credits[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "payment failed");
        emit Withdrawn(msg.sender, amount);
    }

    function _settle(uint256 jobId, Job storage job, uint256 freelancerShareBps) internal {
        job.status = Status.Closed;
        uint256 gross = job.amount.mul(freelancerShareBps).div(BPS);
        uint256 fee = gross.mul(FEE_BPS).div(BPS);
        uint256 toFreelancer = gross.sub(fee);
        uint256 toClient = job.amount.sub(gross);
        credits[job.freelancer] = credits[job.freelancer].add(toFreelancer);
        credits[job.client] = credits[job.client].add(toClient);
        credits[platform] = credits[platform].add(fee);
        emit JobSettled(jobId, toFreelancer, toClient, fee);
    }
}
