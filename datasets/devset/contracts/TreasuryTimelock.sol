// SPDX-License-Identifier: MIT
pragma solidity ^0.8.19;

contract TreasuryTimelock {
    struct Queued {
        address target;
        uint256 value;
        bytes data;
        uint64 eta;
        bool done;
    }

    uint256 public constant MIN_DELAY = 2 days;
    uint256 public constant GRACE = 14 days;

    address public admin;
    address public pendingAdmin;
    uint256 public delay;

    mapping(bytes32 => Queued) public queue;

    event NewPendingAdmin(address indexed pendingAdmin);
    event NewAdmin(address indexed admin);
    event Queue(bytes32 indexed id, address indexed target, uint256 value, uint64 eta);
    event Execute(bytes32 indexed id, address indexed target, uint256 value);
    event Cancel(bytes32 indexed id);

    error NotAdmin();
    error NotReady();
    error Stale();

    modifier onlyAdmin() {
        if (msg.sender != admin) revert NotAdmin();
        _;
    }

    constructor(address initialAdmin, uint256 initialDelay) {
        require(initialDelay >= MIN_DELAY && initialDelay <= 30 days, "delay");
        admin = initialAdmin;
        delay = initialDelay;
    }

    receive() external payable {}

    function setPendingAdmin(address next) external onlyAdmin {
        pendingAdmin = next;
        emit NewPendingAdmin(next);
    }

    function acceptAdmin() external {
        require(pendingAdmin != address(0), "no pending admin");
        admin = msg.sender;
        pendingAdmin = address(0);
        emit NewAdmin(msg.sender);
    }

    function queueTransaction(address target, uint256 value, bytes calldata data) external onlyAdmin returns (bytes32 id) {
        uint64 eta = uint64(block.timestamp + delay);
        id = keccak256(abi.encode(target, value, data, eta));
        require(queue[id].eta == 0, "queued");
        queue[id] = Queued(target, value, data, eta, false);
        emit Queue(id, target, value, eta);
    }

    function cancelTransaction(bytes32 id) external onlyAdmin {
        require(queue[id].eta != 0 && !queue[id].done, "not queued");
        delete queue[id];
        emit Cancel(id);
    }

    function executeTransaction(bytes32 id) external onlyAdmin returns (bytes memory result) {
        Queued storage q = queue[id];
        if (q.eta == 0 || block.timestamp < q.eta) revert NotReady();
        if (block.timestamp > q.eta + GRACE) revert Stale();
        require(!q.done, "done");
        q.done = true;
        (bool ok, bytes memory ret) = q.target.call{value: q.value}(q.data);
        require(ok, "call reverted");
        emit Execute(id, q.target, q.value);
        return ret;
    }

    function setDelay(uint256 next) external {
        require(msg.sender == address(this), "timelock only");
        require(next >= MIN_DELAY && next <= 30 days, "delay");
        delay = next;
    }
}
