// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

contract FamilyAllowance {
    struct Kid {
        string nickname;
        uint256 allowance;
        uint256 spent;
        bool enrolled;
    }

    address public parent;
    uint256 public familyBalance;

    mapping(address => Kid) public kids;
    mapping(address => bool) public approvedShops;

    event KidEnrolled(address indexed kid, string nickname);
    event AllowanceSet(address indexed kid, uint256 amount);
    event Purchase(address indexed kid, address indexed shop, uint256 amount);
    event ShopApproved(address indexed shop, bool approved);

    modifier onlyParent() {
        require(msg.sender == parent, "parent only");
        _;
    }

    constructor() payable {
        parent = msg.sender;
        familyBalance = msg.value;
    }

    receive() external payable {
        familyBalance += msg.value;
    }

    function enroll(address kid, string calldata nickname) external onlyParent {
        require(!kids[kid].enrolled, "already enrolled");
        kids[kid] = Kid(nickname, 0, 0, true);
        emit KidEnrolled(kid, nickname);
    }

    function setAllowance(address kid, uint256 amount) external onlyParent {
        require(kids[kid].enrolled, "unknown kid");
        kids[kid].allowance = amount;
        emit AllowanceSet(kid, amount);
    }

    function approveShop(address shop, bool approved) external onlyParent {
        approvedShops[shop] = approved;
        emit ShopApproved(shop, approved);
    }

    function spend(address payable shop, uint256 amount) external {
        Kid storage k = kids[msg.sender];
        require(k.enrolled, "not enrolled");
        require(approvedShops[shop], "shop not approved");
        require(amount <= k.allowance, "over allowance");
        require(amount <= familyBalance, "family broke");
        k.allowance -= amount;
        k.spent += amount;
        familyBalance -= amount;
        (bool ok, ) = shop.call{value: amount}("");
        require(ok, "payment failed");
        emit Purchase(msg.sender, shop, amount);
    }

    function parentWithdraw(uint256 amount) external onlyParent {
        require(amount <= familyBalance, "too much");
        familyBalance -= amount;
        (bool ok, ) = payable(parent).call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function remaining(address kid) external view returns (uint256) {
        return kids[kid].allowance;
    }
}
