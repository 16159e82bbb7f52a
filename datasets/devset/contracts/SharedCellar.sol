// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract SharedCellar {
    struct Vintage {
        string label;
        uint256 cases;
        uint256 pricePerCase;
        bool released;
    }

    address public vintner;
    uint256 public totalShares;
    uint256 public sharePrice = 0.1 ether;
    uint256 public salesIncome;
    uint256 public vintageCount;

    mapping(address => uint256) public holdings;
    mapping(uint256 => Vintage) public vintages;

    event SharesBought(address indexed member, uint256 shares);
    event SharesRedeemed(address indexed member, uint256 shares, uint256 payout);
    event VintageAdded(uint256 indexed id, string label, uint256 cases);
    event CasesSold(uint256 indexed id, address indexed buyer, uint256 cases);

    modifier onlyVintner() {
        require(msg.sender == vintner, "vintner only");
        _;
    }

    constructor() {
        vintner = msg.sender;
    }

    function buyShares(uint256 shares) external payable {
        require(shares > 0 && shares <= 1000, "shares");
        require(msg.value == shares * sharePrice, "price");
        holdings[msg.sender] += shares;
        totalShares += shares;
        emit SharesBought(msg.sender, shares);
    }

    function addVintage(string calldata label, uint256 cases, uint256 pricePerCase) external onlyVintner {
        vintageCount += 1;
        vintages[vintageCount] = Vintage(label, cases, pricePerCase, false);
        emit VintageAdded(vintageCount, label, cases);
    }

    function release(uint256 id) external onlyVintner {
        vintages[id].released = true;
    }

    function buyCases(uint256 id, uint256 count) external payable {
        Vintage storage v = vintages[id];
        require(v.released && count > 0 && count <= v.cases, "unavailable");
        require(msg.value == count * v.pricePerCase, "price");
        v.cases -= count;
        salesIncome += msg.value;
        emit CasesSold(id, msg.sender, count);
    }

    function valuePerShare() public view returns (uint256) {
        if (totalShares == 0) {
            return 0;
        }
        return address(this).balance / totalShares;
    }

    function redeem(uint256 shares) external {
        require(shares > 0 && holdings[msg.sender] >= shares, "shares");
        uint256 payout = shares * valuePerShare();
        (bool ok, ) = msg.sender.call{value: payout}("");
        require(ok, "payout failed");
        holdings[msg.sender] -= shares;
        totalShares -= shares;
        emit SharesRedeemed(msg.sender, shares, payout);
    }

    function transferShares(address to, uint256 shares) external {
        require(to != address(0) && holdings[msg.sender] >= shares, "shares");
        holdings[msg.sender] -= shares;
        holdings[to] += shares;
    }
}
