pragma solidity 0.5.17;

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

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) return 0;
        uint256 c = a * b;
        require(c / a == b, "mul");
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0, "div zero");
        return a / b;
    }
}

contract RoyaltySplitter {
    using SafeMath for uint256;

    uint256 public constant MAX_PAYEES = 16;

    address public label;
    bool public sharesLocked;
    uint256 public totalShares;
    uint256 public totalReleased;
    address[] public payees;

    mapping(address => uint256) public shares;
    mapping(address => uint256) public released;

    event PayeeAdded(address indexed account, uint256 shares);
    event SharesLocked(uint256 totalShares);
    event RoyaltyReceived(address indexed from, uint256 amount);
    event PaymentReleased(address indexed to, uint256 amount);
    event LabelTransferred(address indexed previousLabel, address indexed newLabel);

    modifier onlyLabel() {
        require(msg.sender == label, "label only");
        _;
    }

    constructor() public {
        label = msg.sender;
    }

    function () external payable {
        emit RoyaltyReceived(msg.sender, msg.value);
    }

    function addPayee(address account, uint256 accountShares) external onlyLabel {
        require(!sharesLocked, "locked");
        require(account != address(0), "zero account");
        require(accountShares > 0 && accountShares <= 10000, "bad shares");
        require(shares[account] == 0, "exists");
        require(payees.length < MAX_PAYEES, "too many");
        payees.push(account);
        shares[account] = accountShares;
        totalShares = totalShares.add(accountShares);
        emit PayeeAdded(account, accountShares);
    }

    function lockShares() external onlyLabel {
        require(!sharesLocked, "locked");
        require(totalShares > 0, "no payees");
        sharesLocked = true;
        emit SharesLocked(totalShares);
    }

    function transferLabel(address newLabel) external onlyLabel {
        require(newLabel != address(0), "zero label");
        emit LabelTransferred(label, newLabel);
        label = newLabel;
    }

    function pending(address account) public view returns (uint256) {
        if (totalShares == 0 || shares[account] == 0) {
            return 0;
        }
        uint256 totalReceived = address(this).balance.add(totalReleased);
        uint256 entitled = totalReceived.mul(shares[account]).div(totalShares);
        return entitled.sub(released[account]);
    }

    function release() external {
        require(sharesLocked, "not locked");
        uint256 payment = pending(msg.sender);
        require(payment > 0, "nothing due");
        released[msg.sender] = released[msg.sender].add(payment);
        totalReleased = totalReleased.add(payment);
        msg.sender.transfer(payment);
        emit PaymentReleased(msg.sender, payment);
    }

    function payeeCount() external view returns (uint256) {
        return payees.length;
    }
}
