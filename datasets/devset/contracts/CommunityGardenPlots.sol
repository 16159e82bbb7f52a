// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract CommunityGardenPlots {
    struct Plot {
        uint16 squareMetres;
        address gardener;
        uint64 leaseEnds;
        uint256 deposit;
    }

    uint256 public constant YEARLY_FEE_PER_SQM = 0.0004 ether;
    uint256 public constant DEPOSIT = 0.02 ether;

    address public immutable council;
    uint256 public plotCount;
    uint256 public feesHeld;

    mapping(uint256 => Plot) public plots;
    mapping(address => uint256) public plotOf;
    mapping(address => uint256) public refunds;

    event PlotAdded(uint256 indexed id, uint16 squareMetres);
    event Leased(uint256 indexed id, address indexed gardener, uint64 leaseEnds);
    event Renewed(uint256 indexed id, uint64 leaseEnds);
    event Vacated(uint256 indexed id, address indexed gardener, uint256 refund);

    error NotCouncil();
    error PlotTaken();
    error WrongPayment(uint256 expected);

    modifier onlyCouncil() {
        if (msg.sender != council) revert NotCouncil();
        _;
    }

    modifier onlyGardener(uint256 id) {
        require(plots[id].gardener == msg.sender, "not your plot");
        _;
    }

    constructor() {
        council = msg.sender;
    }

    function addPlot(uint16 squareMetres) external onlyCouncil returns (uint256 id) {
        require(squareMetres >= 4 && squareMetres <= 200, "size");
        id = ++plotCount;
        plots[id].squareMetres = squareMetres;
        emit PlotAdded(id, squareMetres);
    }

    function yearlyFee(uint256 id) public view returns (uint256) {
        return uint256(plots[id].squareMetres) * YEARLY_FEE_PER_SQM;
    }

    function lease(uint256 id) external payable {
        Plot storage p = plots[id];
        require(p.squareMetres > 0, "no plot");
        if (p.gardener != address(0)) revert PlotTaken();
        require(plotOf[msg.sender] == 0, "one plot each");
        uint256 expected = yearlyFee(id) + DEPOSIT;
        if (msg.value != expected) revert WrongPayment(expected);
        p.gardener = msg.sender;
        p.leaseEnds = uint64(block.timestamp + 365 days);
        p.deposit = DEPOSIT;
        plotOf[msg.sender] = id;
        feesHeld += msg.value - DEPOSIT;
        emit Leased(id, msg.sender, p.leaseEnds);
    }

    function renew(uint256 id) external payable onlyGardener(id) {
        Plot storage p = plots[id];
        uint256 expected = yearlyFee(id);
        if (msg.value != expected) revert WrongPayment(expected);
        require(block.timestamp + 60 days >= p.leaseEnds, "too early");
        p.leaseEnds += 365 days;
        feesHeld += msg.value;
        emit Renewed(id, p.leaseEnds);
    }

    function vacate(uint256 id) external onlyGardener(id) {
        _release(id);
    }

    function reclaimExpired(uint256 id) external onlyCouncil {
        Plot storage p = plots[id];
        require(p.gardener != address(0) && block.timestamp > p.leaseEnds + 30 days, "lease running");
        _release(id);
    }

    function _release(uint256 id) internal {
        Plot storage p = plots[id];
        address gardener = p.gardener;
        uint256 refund = p.deposit;
        p.gardener = address(0);
        p.leaseEnds = 0;
        p.deposit = 0;
        plotOf[gardener] = 0;
        refunds[gardener] += refund;
        emit Vacated(id, gardener, refund);
    }

    function withdrawRefund() external {
        uint256 amount = refunds[msg.sender];
        require(amount > 0, "nothing");
        refunds[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "refund failed");
    }

    function withdrawFees(address payable to) external onlyCouncil {
        uint256 amount = feesHeld;
        feesHeld = 0;
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
