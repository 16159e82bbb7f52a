pragma solidity 0.5.17;

contract Managed {
    address payable public treasurer;
    mapping(address => bool) public managers;

    event ManagerSet(address indexed account, bool enabled);
    event TreasurerChanged(address indexed previous, address indexed next);

    modifier onlyTreasurer() {
        require(msg.sender == treasurer, "treasurer only");
        _;
    }

    modifier onlyManager() {
        require(managers[msg.sender], "manager only");
        _;
    }

    constructor() public {
        treasurer = msg.sender;
        managers[msg.sender] = true;
    }

    function setManager(address account, bool enabled) external onlyTreasurer {
        require(account != address(0), "zero");
        managers[account] = enabled;
        emit ManagerSet(account, enabled);
    }

    function changeTreasurer(address payable next) external onlyTreasurer {
        require(next != address(0), "zero");
        emit TreasurerChanged(treasurer, next);
        treasurer = next;
    }
}

contract CorporateExpenseCard is Managed {
    struct Card {
        uint256 remaining;
        uint256 spentTotal;
        uint256 purchases;
        bool frozen;
    }

    mapping(address => Card) public cards;
    mapping(address => bool) public approvedMerchants;
    uint256 public totalSpent;

    event Funded(address indexed from, uint256 amount);
    event LimitSet(address indexed employee, uint256 amount);
    event CardFrozen(address indexed employee, bool frozen);
    event MerchantApproved(address indexed merchant, bool approved);
    event Spent(address indexed employee, address indexed merchant, uint256 amount, string memo);
    event Defunded(uint256 amount);

    function () external payable {
        emit Funded(msg.sender, msg.value);
    }

    function approveMerchant(address merchant, bool approved) external onlyManager {
        require(merchant != address(0), "zero");
        approvedMerchants[merchant] = approved;
        emit MerchantApproved(merchant, approved);
    }

    function setSpendingLimit(address employee, uint256 amount) external onlyManager {
        require(employee != address(0), "zero");
        Card storage card = cards[employee];
        card.remaining = amount;
        emit LimitSet(employee, amount);
    }

    function freezeCard(address employee, bool frozen) external onlyManager {
        cards[employee].frozen = frozen;
        emit CardFrozen(employee, frozen);
    }

    function spend(address payable merchant, uint256 amount, string calldata memo) external {
        Card storage card = cards[msg.sender];
        require(!card.frozen, "card frozen");
        require(approvedMerchants[merchant], "merchant not approved");
        require(amount > 0 && amount <= card.remaining, "over limit");
        require(amount <= address(this).balance, "treasury empty");
        card.remaining -= amount;
        card.spentTotal += amount;
        card.purchases += 1;
        totalSpent += amount;
        merchant.transfer(amount);
        emit Spent(msg.sender, merchant, amount, memo);
    }

    function remainingOf(address employee) external view returns (uint256) {
        return cards[employee].remaining;
    }

    function defund(uint256 amount) external onlyTreasurer {
        require(amount > 0 && amount <= address(this).balance, "amount");
        treasurer.transfer(amount);
        emit Defunded(amount);
    }
}
