// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;
pragma abicoder v2;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }
}

contract RouterAdmin {
    address public admin;
    address public pendingAdmin;

    event AdminTransferred(address indexed previous, address indexed next);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    constructor() {
        admin = msg.sender;
    }

    function proposeAdmin(address next) external onlyAdmin {
        pendingAdmin = next;
    }

    function acceptAdmin() external {
        require(msg.sender == pendingAdmin, "not proposed");
        emit AdminTransferred(admin, pendingAdmin);
        admin = pendingAdmin;
        pendingAdmin = address(0);
    }
}

contract BasketRouter is RouterAdmin {
    using SafeMath for uint256;

    struct Step {
        address adapter;
        bytes data;
    }

    uint256 public constant MAX_STEPS = 8;

    mapping(address => bool) public listedAdapters;
    mapping(address => mapping(address => uint256)) public ledger;

    event AdapterListed(address indexed adapter, bool listed);
    event Deposited(address indexed user, address indexed token, uint256 amount);
    event Withdrawn(address indexed user, address indexed token, uint256 amount);
    event StepDone(address indexed user, uint256 index, address adapter);
    event BatchDone(address indexed user, uint256 steps);

    modifier boundedBatch(uint256 count) {
        require(count > 0 && count <= MAX_STEPS, "bad batch size");
        _;
    }

    function listAdapter(address adapter, bool listed) external onlyAdmin {
        listedAdapters[adapter] = listed;
        emit AdapterListed(adapter, listed);
    }

    function deposit(address token, uint256 amount) external {
        require(amount > 0, "zero amount");
        ledger[msg.sender][token] = ledger[msg.sender][token].add(amount);
        require(IERC20(token).transferFrom(msg.sender, address(this), amount), "pull failed");
        emit Deposited(msg.sender, token, amount);
    }

    function withdraw(address token, uint256 amount) external {
        ledger[msg.sender][token] = ledger[msg.sender][token].sub(amount);
        require(IERC20(token).transfer(msg.sender, amount), "push failed");
        emit Withdrawn(msg.sender, token, amount);
    }

    function runBatch(Step[] calldata steps) external boundedBatch(steps.length) {
        for (uint256 i = 0; i < steps.length; i++) {
            Step calldata step = steps[i];
            require(step.adapter != address(0), "missing adapter");
            (bool ok, ) = step.adapter.delegatecall(step.data);
            require(ok, "step reverted");
            emit StepDone(msg.sender, i, step.adapter);
        }
        emit BatchDone(msg.sender, steps.length);
    }

    function balanceOf(address user, address token) external view returns (uint256) {
        return ledger[user][token];
    }
}
