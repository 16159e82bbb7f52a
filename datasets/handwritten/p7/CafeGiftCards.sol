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
}

contract CafeGiftCards {
    using SafeMath for uint256;

    struct Card {
        uint256 credit;
        uint256 issuedAt;
        uint256 visits;
        bool active;
    }

    address public owner;
    address public barista;
    uint256 public revenue;
    uint256 public constant MIN_TOP_UP = 0.01 ether;
    uint256 public constant CASH_OUT_DELAY = 1 days;
    mapping(address => Card) public cards;

    event CardTopUp(address indexed holder, uint256 amount);
    event CardCharged(address indexed holder, uint256 amount, string item);
    event CardCashedOut(address indexed holder, uint256 amount);
    event RevenueCollected(address indexed to, uint256 amount);
    event BaristaChanged(address indexed barista);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    modifier onlyStaff() {
        require(msg.sender == owner || msg.sender == barista);
        _;
    }

    modifier activeCard(address holder) {
        require(cards[holder].active);
        _;
    }

    constructor(address _barista) public {
        owner = msg.sender;
        barista = _barista;
    }

    function setBarista(address _barista) external onlyOwner {
        require(_barista != address(0));
        barista = _barista;
        emit BaristaChanged(_barista);
    }

    function topUp() external payable {
        require(msg.value >= MIN_TOP_UP);
        Card storage card = cards[msg.sender];
        if (!card.active) {
            card.active = true;
            card.issuedAt = now;
        }
        card.credit = card.credit.add(msg.value);
        emit CardTopUp(msg.sender, msg.value);
    }

    function charge(address holder, uint256 amount, string item) external onlyStaff activeCard(holder) {
        Card storage card = cards[holder];
        card.credit = card.credit.sub(amount);
        card.visits = card.visits.add(1);
        revenue = revenue.add(amount);
        emit CardCharged(holder, amount, item);
    }

    function cashOut() external activeCard(msg.sender) {
        Card storage card = cards[msg.sender];
        require(now >= card.issuedAt.add(CASH_OUT_DELAY));
        uint256 amount = card.credit;
        require(amount > 0);
        require(msg.sender.call.value(amount)());
        card.credit = 0;
        emit CardCashedOut(msg.sender, amount);
    }

    function creditOf(address holder) external view returns (uint256) {
        return cards[holder].credit;
    }

    function collectRevenue() external onlyOwner {
        uint256 amount = revenue;
        require(amount > 0);
        revenue = 0;
        owner.transfer(amount);
        emit RevenueCollected(owner, amount);
    }
}
