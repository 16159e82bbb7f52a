pragma solidity ^0.5.0;

contract ToolRentalDepot {
    struct Tool {
        string name;
        uint256 dailyRate;
        uint256 deposit;
        bool listed;
        bool rentedOut;
    }

    struct Rental {
        uint256 toolId;
        uint256 deposit;
        uint256 dueAt;
        bool open;
    }

    address payable public manager;
    uint256 public toolCount;
    uint256 public earnings;

    mapping(uint256 => Tool) public tools;
    mapping(address => Rental) public rentals;
    mapping(address => uint256) public credit;

    event ToolListed(uint256 indexed toolId, string name, uint256 dailyRate, uint256 deposit);
    event ToolRented(address indexed renter, uint256 indexed toolId, uint256 dueAt);
    event ToolReturned(address indexed renter, uint256 indexed toolId, uint256 lateFee, uint256 refund);
    event CreditWithdrawn(address indexed renter, uint256 amount);

    modifier onlyManager() {
        require(msg.sender == manager, "manager only");
        _;
    }

    constructor() public {
        manager = msg.sender;
    }

    function listTool(string calldata name, uint256 dailyRate, uint256 deposit) external onlyManager {
        require(dailyRate > 0 && deposit > 0, "bad terms");
        toolCount += 1;
        tools[toolCount] = Tool(name, dailyRate, deposit, true, false);
        emit ToolListed(toolCount, name, dailyRate, deposit);
    }

    function delist(uint256 toolId) external onlyManager {
        require(!tools[toolId].rentedOut, "tool is out");
        tools[toolId].listed = false;
    }

    function rent(uint256 toolId, uint256 numDays) external payable {
        Tool storage t = tools[toolId];
        require(t.listed && !t.rentedOut, "unavailable");
        require(!rentals[msg.sender].open, "one rental at a time");
        require(numDays >= 1 && numDays <= 30, "1 to 30 days");
        uint256 fee = t.dailyRate * numDays;
        require(msg.value == fee + t.deposit, "wrong payment");

        t.rentedOut = true;
        earnings += fee;
        rentals[msg.sender] = Rental(toolId, t.deposit, now + numDays * 1 days, true);
        emit ToolRented(msg.sender, toolId, now + numDays * 1 days);
    }

    function returnTool() external {
        Rental storage r = rentals[msg.sender];
        require(r.open, "nothing rented");
        Tool storage t = tools[r.toolId];

        uint256 lateFee = 0;
        if (now > r.dueAt) {
            uint256 daysLate = (now - r.dueAt) / 1 days;
            lateFee = daysLate * t.dailyRate * 2;
        }
        uint256 refund = r.deposit - lateFee;

        r.open = false;
        t.rentedOut = false;
        earnings += lateFee;
        credit[msg.sender] += refund;
        emit ToolReturned(msg.sender, r.toolId, lateFee, refund);
    }

    function withdrawCredit() external {
        uint256 amount = credit[msg.sender];
        require(amount > 0, "no credit");
        credit[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit CreditWithdrawn(msg.sender, amount);
    }

    function withdrawEarnings(uint256 amount) external onlyManager {
        require(amount <= earnings, "exceeds earnings");
        earnings -= amount;
        manager.transfer(amount);
    }
}
