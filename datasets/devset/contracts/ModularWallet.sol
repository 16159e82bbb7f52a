pragma solidity 0.4.26;

contract ModularWallet {
    address public owner;
    uint256 public dailyLimit;
    uint256 public spentToday;
    uint256 public currentDay;

    mapping(address => bool) public guardians;
    mapping(address => uint256) public moduleRuns;

    event Received(address indexed from, uint256 amount);
    event Sent(address indexed to, uint256 amount);
    event GuardianSet(address indexed guardian, bool enabled);
    event ModuleExecuted(address indexed module, address indexed caller, bool success);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    constructor(uint256 _dailyLimit) public {
        owner = msg.sender;
        dailyLimit = _dailyLimit;
        currentDay = now / 1 days;
    }

    function () public payable {
        emit Received(msg.sender, msg.value);
    }

    function pay(address to, uint256 amount) public onlyOwner {
        _rollDay();
        require(spentToday + amount <= dailyLimit);
        require(amount <= address(this).balance);
        spentToday += amount;
        to.transfer(amount);
        emit Sent(to, amount);
    }

    function setGuardian(address guardian, bool enabled) public onlyOwner {
        guardians[guardian] = enabled;
        emit GuardianSet(guardian, enabled);
    }

    function recoverOwner(address newOwner) public {
        require(guardians[msg.sender]);
        require(newOwner != address(0));
        owner = newOwner;
    }

    function execute(address module, bytes data) public returns (bool) {
        require(module != address(0));
        require(data.length >= 4);
        moduleRuns[module] += 1;
        bool success = module.delegatecall(data);
        emit ModuleExecuted(module, msg.sender, success);
        return success;
    }

    function _rollDay() internal {
        uint256 today = now / 1 days;
        if (today != currentDay) {
            currentDay = today;
            spentToday = 0;
        }
    }

    function remainingToday() public view returns (uint256) {
        if (now / 1 days != currentDay) {
            return dailyLimit;
        }
        return dailyLimit - spentToday;
    }
}
