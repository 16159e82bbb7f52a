// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

contract FreelanceEscrow {
    enum Status { Open, Accepted, Closed }

    struct Job {
        address client;
        address freelancer;
        uint256[] milestones;
        uint256 approvedCount;
        uint256 deadline;
        Status status;
    }

    uint256 public constant MAX_MILESTONES = 10;
    uint256 public constant MIN_DURATION = 7 days;

    Job[] private jobs;
    mapping(address => uint256) public balances;

    event JobPosted(uint256 indexed jobId, address indexed client, uint256 total, uint256 deadline);
    event JobAccepted(uint256 indexed jobId, address indexed freelancer);
    event MilestoneApproved(uint256 indexed jobId, uint256 index, uint256 amount);
    event JobClosed(uint256 indexed jobId, uint256 refunded);
    event Withdrawal(address indexed account, uint256 amount);

    modifier onlyClient(uint256 jobId) {
        require(jobId < jobs.length, "unknown job");
        require(msg.sender == jobs[jobId].client, "client only");
        _;
    }

    function postJob(address freelancer, uint256[] calldata milestones, uint256 duration) external payable returns (uint256) {
        require(freelancer != address(0) && freelancer != msg.sender, "bad freelancer");
        require(milestones.length > 0 && milestones.length <= MAX_MILESTONES, "bad milestones");
        require(duration >= MIN_DURATION, "too short");
        uint256 total;
        for (uint256 i = 0; i < milestones.length; i++) {
            require(milestones[i] > 0, "empty milestone");
            total += milestones[i];
        }
        require(msg.value == total, "wrong funding");
        Job storage job = jobs.push();
        job.client = msg.sender;
        job.freelancer = freelancer;
        job.milestones = milestones;
        job.deadline = block.timestamp + duration;
        job.status = Status.Open;
        emit JobPosted(jobs.length - 1, msg.sender, total, job.deadline);
        return jobs.length - 1;
    }

    function acceptJob(uint256 jobId) external {
        require(jobId < jobs.length, "unknown job");
        Job storage job = jobs[jobId];
        require(msg.sender == job.freelancer, "not assigned");
        require(job.status == Status.Open, "not open");
        job.status = Status.Accepted;
        emit JobAccepted(jobId, msg.sender);
    }

    function approveNext(uint256 jobId) external onlyClient(jobId) {
        Job storage job = jobs[jobId];
        require(job.status == Status.Accepted, "not in progress");
        uint256 index = job.approvedCount;
        require(index < job.milestones.length, "all approved");
        uint256 amount = job.milestones[index];
        job.approvedCount = index + 1;
        balances[job.freelancer] += amount;
        if (job.approvedCount == job.milestones.length) {
            job.status = Status.Closed;
        }
        emit MilestoneApproved(jobId, index, amount);
    }

    function closeJob(uint256 jobId) external onlyClient(jobId) {
        Job storage job = jobs[jobId];
        require(job.status != Status.Closed, "closed");
        if (job.status == Status.Accepted) {
            require(block.timestamp > job.deadline, "job still running");
        }
        uint256 refund;
        for (uint256 i = job.approvedCount; i < job.milestones.length; i++) {
            refund += job.milestones[i];
        }
        job.status = Status.Closed;
        balances[job.client] += refund;
        emit JobClosed(jobId, refund);
    }

    function withdraw() external {
        uint256 amount = balances[msg.sender];
        require(amount > 0, "nothing to withdraw");
        balances[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "transfer failed");
        emit Withdrawal(msg.sender, amount);
    }

    function jobInfo(uint256 jobId) external view returns (address, address, uint256, uint256, uint256, Status) {
        Job storage job = jobs[jobId];
        return (job.client, job.freelancer, job.milestones.length, job.approvedCount, job.deadline, job.status);
    }
}
