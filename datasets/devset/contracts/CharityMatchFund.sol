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
}

contract CharityMatchFund {
    using SafeMath for uint256;

    struct Charity {
        string name;
        address payable wallet;
        uint256 raised;
        uint256 matched;
        uint256 owed;
        bool approved;
    }

    address public owner;
    uint256 public matchPool;
    uint256 public matchCapPerDonation = 1 ether;
    uint256 public charityCount;

    mapping(uint256 => Charity) public charities;
    mapping(address => uint256) public donatedBy;

    event CharityApproved(uint256 indexed id, string name, address wallet);
    event CharityRemoved(uint256 indexed id);
    event MatchPoolFunded(address indexed sponsor, uint256 amount);
    event Donated(uint256 indexed id, address indexed donor, uint256 amount, uint256 matched);
    event Paid(uint256 indexed id, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function approveCharity(string calldata name, address payable wallet) external onlyOwner returns (uint256 id) {
        require(wallet != address(0), "wallet");
        id = ++charityCount;
        charities[id] = Charity(name, wallet, 0, 0, 0, true);
        emit CharityApproved(id, name, wallet);
    }

    function removeCharity(uint256 id) external onlyOwner {
        charities[id].approved = false;
        emit CharityRemoved(id);
    }

    function fundMatchPool() external payable {
        require(msg.value > 0, "zero");
        matchPool = matchPool.add(msg.value);
        emit MatchPoolFunded(msg.sender, msg.value);
    }

    function donate(uint256 id) external payable {
        Charity storage c = charities[id];
        require(c.approved, "not approved");
        require(msg.value > 0, "zero");
        uint256 matched = msg.value;
        if (matched > matchCapPerDonation) {
            matched = matchCapPerDonation;
        }
        if (matched > matchPool) {
            matched = matchPool;
        }
        matchPool = matchPool.sub(matched);
        c.raised = c.raised.add(msg.value);
        c.matched = c.matched.add(matched);
        c.owed = c.owed.add(msg.value).add(matched);
        donatedBy[msg.sender] = donatedBy[msg.sender].add(msg.value);
        emit Donated(id, msg.sender, msg.value, matched);
    }

    function payOut(uint256 id) external {
        Charity storage c = charities[id];
        require(msg.sender == c.wallet || msg.sender == owner, "not allowed");
        uint256 amount = c.owed;
        require(amount > 0, "nothing owed");
        c.owed = 0;
        (bool ok, ) = c.wallet.call.value(amount)("");
        require(ok, "payout failed");
        emit Paid(id, amount);
    }

    function setMatchCap(uint256 cap) external onlyOwner {
        require(cap > 0, "cap");
        matchCapPerDonation = cap;
    }
}
