pragma solidity ^0.5.0;

/// @title RewardToken
/// @notice Pausable ERC-20 style token used for community rewards. Holders
///         can send the same amount to many recipients in one batch.
contract RewardToken {
    string public constant name = "Reward Token";
    string public constant symbol = "RWD";
    uint8 public constant decimals = 18;

    uint256 public totalSupply;
    address public owner;
    bool public paused;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed holder, address indexed spender, uint256 value);
    event PauseChanged(bool paused);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    modifier whenNotPaused() {
        require(!paused, "paused");
        _;
    }

    constructor(uint256 supply) public {
        owner = msg.sender;
        totalSupply = supply;
        balanceOf[msg.sender] = supply;
        emit Transfer(address(0), msg.sender, supply);
    }

    function transfer(address to, uint256 value) external whenNotPaused returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external whenNotPaused returns (bool) {
        allowance[from][msg.sender] = _sub(allowance[from][msg.sender], value);
        _move(from, to, value);
        return true;
    }

    function batchTransfer(address[] calldata receivers, uint256 value) external whenNotPaused returns (bool) {
        uint256 count = receivers.length;
        uint256 amount = count * value;
        require(count > 0 && count <= 20, "bad batch size");
        require(value > 0 && balanceOf[msg.sender] >= amount, "insufficient balance");
        balanceOf[msg.sender] = _sub(balanceOf[msg.sender], amount);
        for (uint256 i = 0; i < count; i++) {
            balanceOf[receivers[i]] = _add(balanceOf[receivers[i]], value);
            emit Transfer(msg.sender, receivers[i], value);
        }
        return true;
    }

    function setPaused(bool value) external onlyOwner {
        paused = value;
        emit PauseChanged(value);
    }

    function _move(address from, address to, uint256 value) internal {
        require(to != address(0), "zero recipient");
        balanceOf[from] = _sub(balanceOf[from], value);
        balanceOf[to] = _add(balanceOf[to], value);
        emit Transfer(from, to, value);
    }

    function _add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "addition overflow");
        return c;
    }

    function _sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "subtraction underflow");
        return a - b;
    }
}
