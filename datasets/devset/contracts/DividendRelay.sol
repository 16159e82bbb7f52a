pragma solidity 0.4.24;

contract DividendRelay {
    struct Holder {
        address wallet;
        uint256 units;
    }

    address public company;
    uint256 public unitPrice;
    uint256 public totalUnits;
    uint256 public maxUnits;
    uint256 public lastPayout;

    Holder[] public holders;
    mapping(address => uint256) public holderIndex;

    event UnitsBought(address indexed wallet, uint256 units);
    event DividendPaid(uint256 total, uint256 holders);
    event ProfitReceived(uint256 amount);

    modifier onlyCompany() {
        require(msg.sender == company);
        _;
    }

    constructor(uint256 _unitPrice, uint256 _maxUnits) public {
        company = msg.sender;
        unitPrice = _unitPrice;
        maxUnits = _maxUnits;
    }

    function buyUnits(uint256 units) public payable {
        require(units > 0 && units <= 1000);
        require(totalUnits + units <= maxUnits);
        require(msg.value == units * unitPrice);
        uint256 idx = holderIndex[msg.sender];
        if (idx == 0) {
            holders.push(Holder(msg.sender, units));
            holderIndex[msg.sender] = holders.length;
        } else {
            holders[idx - 1].units += units;
        }
        totalUnits += units;
        company.transfer(msg.value);
        emit UnitsBought(msg.sender, units);
    }

    function depositProfit() public payable onlyCompany {
        require(msg.value > 0);
        emit ProfitReceived(msg.value);
    }

    function payDividends() public {
        require(totalUnits > 0);
        require(now >= lastPayout + 7 days);
        uint256 pool = address(this).balance;
        require(pool > 0);
        lastPayout = now;
        for (uint256 i = 0; i < holders.length; i++) {
            uint256 share = pool * holders[i].units / totalUnits;
            holders[i].wallet.transfer(share);
        }
        emit DividendPaid(pool, holders.length);
    }

    function unitsOf(address wallet) public view returns (uint256) {
        uint256 idx = holderIndex[wallet];
        if (idx == 0) {
            return 0;
        }
        return holders[idx - 1].units;
    }

    function holderCount() public view returns (uint256) {
        return holders.length;
    }
}
