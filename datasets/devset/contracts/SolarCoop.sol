// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

interface ICoopHook {
    function onPayout(uint256 kwh) external payable;
}

contract SolarCoop {
    struct Member {
        uint256 exportedKwh;
        uint256 surplusWei;
        bool active;
        bool hook;
    }

    address public board;
    address public meterReader;
    uint256 public pricePerKwh = 0.0004 ether;
    uint256 public totalOwed;
    uint256 public memberCount;

    mapping(address => Member) public members;

    event MemberAdded(address indexed member);
    event ExportRecorded(address indexed member, uint256 kwh, uint256 credit);
    event CashedOut(address indexed member, uint256 amount);
    event PriceChanged(uint256 pricePerKwh);

    modifier onlyBoard() {
        require(msg.sender == board, "board only");
        _;
    }

    modifier onlyMeterReader() {
        require(msg.sender == meterReader, "meter reader only");
        _;
    }

    constructor(address reader) {
        board = msg.sender;
        meterReader = reader;
    }

    receive() external payable {}

    function addMember(address account, bool wantsHook) external onlyBoard {
        require(!members[account].active, "member");
        members[account] = Member(0, 0, true, wantsHook);
        memberCount += 1;
        emit MemberAdded(account);
    }

    function setHook(bool wantsHook) external {
        require(members[msg.sender].active, "not a member");
        members[msg.sender].hook = wantsHook;
    }

    function recordExport(address account, uint256 kwh) external onlyMeterReader {
        Member storage m = members[account];
        require(m.active, "not a member");
        require(kwh > 0 && kwh <= 50_000, "reading");
        uint256 credit = kwh * pricePerKwh;
        m.exportedKwh += kwh;
        m.surplusWei += credit;
        totalOwed += credit;
        emit ExportRecorded(account, kwh, credit);
    }

    function cashOut() external {
        Member storage m = members[msg.sender];
        uint256 amount = m.surplusWei;
        require(amount > 0, "nothing owed");
        require(address(this).balance >= amount, "pool short");
        if (m.hook) {
            ICoopHook(msg.sender).onPayout{value: amount}(m.exportedKwh);
        } else {
            (bool ok, ) = payable(msg.sender).call{value: amount}("");
            require(ok, "payout failed");
        }
        m.surplusWei = 0;
        totalOwed -= amount;
        emit CashedOut(msg.sender, amount);
    }

    function setPrice(uint256 price) external onlyBoard {
        require(price > 0 && price <= 0.002 ether, "price");
        pricePerKwh = price;
        emit PriceChanged(price);
    }

    function setMeterReader(address reader) external onlyBoard {
        require(reader != address(0), "zero");
        meterReader = reader;
    }

    function removeMember(address account) external onlyBoard {
        require(members[account].surplusWei == 0, "owed");
        delete members[account];
        memberCount -= 1;
    }
}
