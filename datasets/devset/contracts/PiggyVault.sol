pragma solidity 0.4.24;

contract PiggyVault {
    address public owner;
    uint256 public goal;
    uint256 public createdAt;
    uint256 public depositCount;
    bool public broken;

    mapping(address => uint256) public contributedBy;

    event Deposit(address indexed from, uint256 amount);
    event GoalChanged(uint256 goal);
    event Broken(address indexed to, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function Piggyvault(uint256 _goal) public {
        owner = msg.sender;
        goal = _goal;
        createdAt = now;
    }

    function () public payable {
        deposit();
    }

    function deposit() public payable {
        require(!broken);
        require(msg.value > 0);
        contributedBy[msg.sender] += msg.value;
        depositCount += 1;
        emit Deposit(msg.sender, msg.value);
    }

    function setGoal(uint256 _goal) public onlyOwner {
        require(!broken);
        goal = _goal;
        emit GoalChanged(_goal);
    }

    function progress() public view returns (uint256) {
        if (goal == 0) {
            return 100;
        }
        return address(this).balance * 100 / goal;
    }

    function breakVault() public onlyOwner {
        require(!broken);
        require(address(this).balance >= goal);
        broken = true;
        uint256 amount = address(this).balance;
        owner.transfer(amount);
        emit Broken(owner, amount);
    }
}
