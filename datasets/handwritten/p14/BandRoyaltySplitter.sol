pragma solidity 0.4.25;

contract BandRoyaltySplitter {
    struct Payee {
        address wallet;
        uint256 shares;
    }

    uint256 public constant MAX_PAYEES = 12;

    address public manager;
    Payee[] public payees;
    uint256 public totalShares;
    uint256 public totalOwed;
    mapping(address => uint256) public owed;
    mapping(address => bool) public isPayee;

    event PayeeAdded(address indexed wallet, uint256 shares);
    event PayeeRemoved(address indexed wallet);
    event RoyaltyReceived(address indexed from, uint256 amount);
    event RoyaltyPaid(address indexed wallet, uint256 amount);
    event PaymentDeferred(address indexed wallet, uint256 amount);
    event DeferredClaimed(address indexed wallet, uint256 amount);

    modifier onlyManager() {
        require(msg.sender == manager, "manager only");
        _;
    }

    constructor() public {
        manager = msg.sender;
    }

    function () external payable {
        emit RoyaltyReceived(msg.sender, msg.value);
    }

    function addPayee(address _wallet, uint256 _shares) external onlyManager {
        require(_wallet != address(0), "zero address");
        require(!isPayee[_wallet], "already a payee");
        require(payees.length < MAX_PAYEES, "too many payees");
        require(_shares > 0 && _shares <= 10000, "bad shares");
        payees.push(Payee(_wallet, _shares));
        isPayee[_wallet] = true;
        totalShares += _shares;
        emit PayeeAdded(_wallet, _shares);
    }

    function removePayee(uint256 _index) external onlyManager {
        require(_index < payees.length, "bad index");
        Payee memory leaving = payees[_index];
        totalShares -= leaving.shares;
        isPayee[leaving.wallet] = false;
        payees[_index] = payees[payees.length - 1];
        payees.length--;
        emit PayeeRemoved(leaving.wallet);
    }

    function distributable() public view returns (uint256) {
        return address(this).balance - totalOwed;
    }

    function distribute() external {
        require(totalShares > 0, "no payees");
        uint256 pool = distributable();
        require(pool > 0, "nothing to distribute");
        for (uint256 i = 0; i < payees.length; i++) {
            Payee storage p = payees[i];
            uint256 amount = pool * p.shares / totalShares;
            if (amount == 0) {
                continue;
            }
            if (p.wallet.send(amount)) {
                emit RoyaltyPaid(p.wallet, amount);
            } else {
                owed[p.wallet] += amount;
                totalOwed += amount;
                emit PaymentDeferred(p.wallet, amount);
            }
        }
    }

    function claimDeferred() external {
        uint256 amount = owed[msg.sender];
        require(amount > 0, "nothing owed");
        owed[msg.sender] = 0;
        totalOwed -= amount;
        msg.sender.transfer(amount);
        emit DeferredClaimed(msg.sender, amount);
    }

    function payeeCount() external view returns (uint256) {
        return payees.length;
    }
}
