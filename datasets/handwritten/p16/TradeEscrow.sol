pragma solidity 0.4.25;

contract ResolverHost {
    event ResolutionRun(uint256 indexed dealId, address indexed module);

    function _consultModule(address module, uint256 dealId) internal {
        require(module != address(0), "no module");
        bool ok = module.delegatecall(abi.encodeWithSignature("resolve(uint256)", dealId));
        require(ok, "resolution failed");
        emit ResolutionRun(dealId, module);
    }
}

contract TradeEscrow is ResolverHost {
    enum Status { None, Funded, Disputed, Released, Resolved }

    struct Deal {
        address buyer;
        address seller;
        uint256 amount;
        address resolver;
        uint64 openedAt;
        Status status;
    }

    address public operator;
    uint256 public dealCount;
    mapping(uint256 => Deal) public deals;
    mapping(address => uint256) public credits;
    mapping(address => bool) public approvedResolvers;

    event DealOpened(uint256 indexed dealId, address indexed buyer, address indexed seller, uint256 amount);
    event DealReleased(uint256 indexed dealId);
    event DealDisputed(uint256 indexed dealId, address by);
    event ResolverApproval(address indexed resolver, bool approved);
    event Withdrawal(address indexed account, uint256 amount);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    modifier onlyParty(uint256 dealId) {
        Deal storage d = deals[dealId];
        require(msg.sender == d.buyer || msg.sender == d.seller, "not a party");
        _;
    }

    constructor() public {
        operator = msg.sender;
    }

    function setResolverApproval(address resolver, bool approved) external onlyOperator {
        approvedResolvers[resolver] = approved;
        emit ResolverApproval(resolver, approved);
    }

    function openDeal(address seller, address resolver) external payable returns (uint256) {
        require(msg.value > 0, "empty deal");
        require(seller != address(0) && seller != msg.sender, "bad seller");
        require(resolver != address(0), "no resolver");
        dealCount += 1;
        deals[dealCount] = Deal(msg.sender, seller, msg.value, resolver, uint64(now), Status.Funded);
        emit DealOpened(dealCount, msg.sender, seller, msg.value);
        return dealCount;
    }

    function release(uint256 dealId) external {
        Deal storage d = deals[dealId];
        require(msg.sender == d.buyer, "buyer only");
        require(d.status == Status.Funded, "not funded");
        d.status = Status.Released;
        credits[d.seller] += d.amount;
        emit DealReleased(dealId);
    }

    function dispute(uint256 dealId) external onlyParty(dealId) {
        Deal storage d = deals[dealId];
        require(d.status == Status.Funded, "not funded");
        d.status = Status.Disputed;
        emit DealDisputed(dealId, msg.sender);
    }

    function resolveDispute(uint256 dealId) external onlyParty(dealId) {
        Deal storage d = deals[dealId];
        require(d.status == Status.Disputed, "not disputed");
        d.status = Status.Resolved;
        _consultModule(d.resolver, dealId);
    }

    function withdraw() external {
        uint256 amount = credits[msg.sender];
        require(amount > 0, "nothing to withdraw");
        credits[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit Withdrawal(msg.sender, amount);
    }

    function setOperator(address newOperator) external onlyOperator {
        require(newOperator != address(0), "zero operator");
        operator = newOperator;
    }
}
