pragma solidity ^0.6.12;

contract PluginWallet {
    struct Plugin {
        address implementation;
        address author;
        string label;
        uint256 uses;
    }

    address public owner;
    uint256 public pluginCount;
    uint256 public totalDeposits;

    mapping(uint256 => Plugin) public plugins;
    mapping(address => uint256) public balances;

    event Deposited(address indexed account, uint256 amount);
    event Withdrawn(address indexed account, uint256 amount);
    event PluginPublished(uint256 indexed id, address indexed implementation, string label);
    event PluginRun(uint256 indexed id, address indexed caller, bool success);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    receive() external payable {
        deposit();
    }

    function deposit() public payable {
        require(msg.value > 0, "no value");
        balances[msg.sender] += msg.value;
        totalDeposits += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function withdraw(uint256 amount) external {
        require(balances[msg.sender] >= amount, "insufficient");
        balances[msg.sender] -= amount;
        totalDeposits -= amount;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "transfer failed");
        emit Withdrawn(msg.sender, amount);
    }

    function publishPlugin(address implementation, string calldata label) external returns (uint256) {
        require(implementation != address(0), "zero implementation");
        pluginCount += 1;
        plugins[pluginCount] = Plugin(implementation, msg.sender, label, 0);
        emit PluginPublished(pluginCount, implementation, label);
        return pluginCount;
    }

    function runPlugin(uint256 id, bytes calldata payload) external returns (bytes memory) {
        Plugin storage p = plugins[id];
        require(p.implementation != address(0), "unknown plugin");
        require(balances[msg.sender] > 0, "depositors only");
        p.uses += 1;
        (bool success, bytes memory result) = p.implementation.delegatecall(payload);
        emit PluginRun(id, msg.sender, success);
        require(success, "plugin failed");
        return result;
    }

    function retirePlugin(uint256 id) external onlyOwner {
        delete plugins[id];
    }
}
