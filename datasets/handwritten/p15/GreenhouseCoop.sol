pragma solidity 0.4.24;

contract GreenhouseCoop {
    struct Member {
        uint256 joinedAt;
        uint256 paidUntil;
        uint256 plots;
        bool active;
    }

    address public manager;
    address public treasurer;
    uint256 public annualDue;
    uint256 public plotPrice;
    uint256 public totalPlots;
    uint256 public plotsTaken;
    bool public seasonOpen;

    mapping(address => Member) public members;
    uint256 public memberCount;

    event Configured(address indexed manager, uint256 annualDue, uint256 plotPrice);
    event MemberJoined(address indexed member, uint256 plots);
    event DuesPaid(address indexed member, uint256 paidUntil);
    event PlotReleased(address indexed member);
    event SupplyPurchase(address indexed supplier, uint256 amount, string item);
    event SeasonToggled(bool open);
    event TreasurerChanged(address indexed treasurer);

    modifier onlyManager() {
        require(msg.sender == manager, "manager only");
        _;
    }

    modifier onlyTreasurer() {
        require(msg.sender == treasurer, "treasurer only");
        _;
    }

    modifier whenOpen() {
        require(seasonOpen, "season closed");
        _;
    }

    function join(uint256 plots) public payable whenOpen {
        Member storage m = members[msg.sender];
        require(!m.active, "already a member");
        require(plots > 0 && plots <= 4, "1 to 4 plots");
        require(plotsTaken + plots <= totalPlots, "no plots left");
        require(msg.value == annualDue + plotPrice * plots, "wrong payment");

        m.joinedAt = now;
        m.paidUntil = now + 365 days;
        m.plots = plots;
        m.active = true;
        plotsTaken += plots;
        memberCount += 1;

        emit MemberJoined(msg.sender, plots);
    }

    function payDues() public payable {
        Member storage m = members[msg.sender];
        require(m.active, "not a member");
        require(msg.value == annualDue, "wrong amount");
        if (m.paidUntil < now) {
            m.paidUntil = now + 365 days;
        } else {
            m.paidUntil = m.paidUntil + 365 days;
        }
        emit DuesPaid(msg.sender, m.paidUntil);
    }

    function leave() public {
        Member storage m = members[msg.sender];
        require(m.active, "not a member");
        plotsTaken -= m.plots;
        memberCount -= 1;
        m.plots = 0;
        m.active = false;
        emit PlotReleased(msg.sender);
    }

    function setup(uint256 _annualDue, uint256 _plotPrice, uint256 _totalPlots) public {
        manager = msg.sender;
        annualDue = _annualDue;
        plotPrice = _plotPrice;
        totalPlots = _totalPlots;
        seasonOpen = true;
        emit Configured(msg.sender, _annualDue, _plotPrice);
    }

    function setTreasurer(address _treasurer) public onlyManager {
        require(_treasurer != address(0), "zero address");
        treasurer = _treasurer;
        emit TreasurerChanged(_treasurer);
    }

    function toggleSeason() public onlyManager {
        seasonOpen = !seasonOpen;
        emit SeasonToggled(seasonOpen);
    }

    function expireMember(address who) public onlyManager {
        Member storage m = members[who];
        require(m.active, "not a member");
        require(m.paidUntil + 30 days < now, "still in good standing");
        plotsTaken -= m.plots;
        memberCount -= 1;
        m.plots = 0;
        m.active = false;
        emit PlotReleased(who);
    }

    function buySupplies(address supplier, uint256 amount, string item) public onlyTreasurer {
        require(supplier != address(0), "zero address");
        require(amount <= address(this).balance, "insufficient funds");
        supplier.transfer(amount);
        emit SupplyPurchase(supplier, amount, item);
    }

    function isInGoodStanding(address who) public view returns (bool) {
        Member storage m = members[who];
        return m.active && m.paidUntil >= now;
    }
}
