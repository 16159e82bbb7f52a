// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

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

abstract contract PricedCatalog {
    address payable public operator;
    uint256 public weiPerCredit;

    event RateChanged(uint256 previousRate, uint256 newRate);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor(uint256 initialRate) internal {
        require(initialRate > 0, "zero rate");
        operator = msg.sender;
        weiPerCredit = initialRate;
    }

    function setRate(uint256 newRate) external onlyOperator {
        require(newRate > 0, "zero rate");
        emit RateChanged(weiPerCredit, newRate);
        weiPerCredit = newRate;
    }

    function quote(uint256 paid) public view returns (uint256) {
        return paid / weiPerCredit;
    }
}

contract CloudCreditStore is PricedCatalog {
    using SafeMath for uint256;

    struct Workspace {
        uint256 credits;
        uint256 consumed;
        bool registered;
    }

    uint256 public constant MIN_PURCHASE = 0.01 ether;

    mapping(address => Workspace) public workspaces;
    mapping(address => bool) public meters;
    uint256 public totalCreditsSold;

    event WorkspaceRegistered(address indexed account);
    event CreditsPurchased(address indexed account, uint256 paid, uint256 credits);
    event CreditsConsumed(address indexed account, address indexed meter, uint256 credits);
    event MeterUpdated(address indexed meter, bool enabled);
    event RevenueWithdrawn(uint256 amount);

    constructor(uint256 initialRate) public PricedCatalog(initialRate) {}

    function register() external {
        Workspace storage ws = workspaces[msg.sender];
        require(!ws.registered, "already registered");
        ws.registered = true;
        emit WorkspaceRegistered(msg.sender);
    }

    function setMeter(address meter, bool enabled) external onlyOperator {
        meters[meter] = enabled;
        emit MeterUpdated(meter, enabled);
    }

    function buyCredits(uint256 minCredits) external payable {
        Workspace storage ws = workspaces[msg.sender];
        require(ws.registered, "register first");
        require(msg.value >= MIN_PURCHASE, "purchase too small");
        uint256 credits = quote(msg.value);
        require(credits > 0, "nothing to buy");
        require(credits >= minCredits, "rate changed");
        ws.credits = ws.credits.add(credits);
        totalCreditsSold = totalCreditsSold.add(credits);
        emit CreditsPurchased(msg.sender, msg.value, credits);
    }

    function consume(address account, uint256 credits) external {
        require(meters[msg.sender], "unknown meter");
        Workspace storage ws = workspaces[account];
        ws.credits = ws.credits.sub(credits);
        ws.consumed = ws.consumed.add(credits);
        emit CreditsConsumed(account, msg.sender, credits);
    }

    function withdrawRevenue(uint256 amount) external onlyOperator {
        require(amount <= address(this).balance, "insufficient balance");
        (bool ok, ) = operator.call{value: amount}("");
        require(ok, "transfer failed");
        emit RevenueWithdrawn(amount);
    }

    function creditsOf(address account) external view returns (uint256) {
        return workspaces[account].credits;
    }
}
