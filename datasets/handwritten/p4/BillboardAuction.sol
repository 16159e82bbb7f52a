pragma solidity 0.4.24;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0);
        return a / b;
    }
}

contract BillboardAuction {
    using SafeMath for uint256;

    struct Slot {
        address advertiser;
        uint256 bid;
        uint256 deposit;
        string imageUrl;
        string linkUrl;
        uint256 since;
    }

    address public owner;
    Slot public current;
    uint256 public minIncrementPct;
    uint256 public feePct;
    uint256 public collectedFees;
    uint256 public totalSlotsSold;

    event SlotTaken(address indexed advertiser, uint256 bid, string imageUrl);
    event ContentUpdated(address indexed advertiser, string imageUrl, string linkUrl);
    event AdvertiserRefunded(address indexed advertiser, uint256 amount);
    event FeesWithdrawn(address indexed to, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    modifier onlyAdvertiser() {
        require(msg.sender == current.advertiser);
        _;
    }

    constructor(uint256 _minIncrementPct, uint256 _feePct) public {
        require(_minIncrementPct > 0 && _minIncrementPct <= 100);
        require(_feePct <= 20);
        owner = msg.sender;
        minIncrementPct = _minIncrementPct;
        feePct = _feePct;
    }

    function minimumNextBid() public view returns (uint256) {
        if (current.bid == 0) {
            return 0.01 ether;
        }
        return current.bid.add(current.bid.mul(minIncrementPct).div(100));
    }

    function takeSlot(string imageUrl, string linkUrl) external payable {
        require(msg.value >= minimumNextBid());
        require(msg.sender != current.advertiser);
        require(bytes(imageUrl).length > 0 && bytes(imageUrl).length <= 256);

        address previous = current.advertiser;
        uint256 previousDeposit = current.deposit;

        uint256 fee = msg.value.mul(feePct).div(100);
        collectedFees = collectedFees.add(fee);

        current.advertiser = msg.sender;
        current.bid = msg.value;
        current.deposit = msg.value.sub(fee);
        current.imageUrl = imageUrl;
        current.linkUrl = linkUrl;
        current.since = now;
        totalSlotsSold = totalSlotsSold.add(1);

        if (previous != address(0)) {
            _returnDeposit(previous, previousDeposit);
        }
        emit SlotTaken(msg.sender, msg.value, imageUrl);
    }

    function updateContent(string imageUrl, string linkUrl) external onlyAdvertiser {
        require(bytes(imageUrl).length > 0 && bytes(imageUrl).length <= 256);
        current.imageUrl = imageUrl;
        current.linkUrl = linkUrl;
        emit ContentUpdated(msg.sender, imageUrl, linkUrl);
    }

    function withdrawFees() external onlyOwner {
        uint256 amount = collectedFees;
        require(amount > 0);
        collectedFees = 0;
        owner.transfer(amount);
        emit FeesWithdrawn(owner, amount);
    }

    function _returnDeposit(address advertiser, uint256 amount) internal {
        advertiser.transfer(amount);
        emit AdvertiserRefunded(advertiser, amount);
    }
}
