pragma solidity 0.5.17;

contract GiftCardStore {
    struct Card {
        address buyer;
        address holder;
        uint256 value;
        uint256 expiresAt;
        bool redeemed;
    }

    address payable public merchant;
    uint256 public cardCount;
    uint256 public outstanding;
    uint256 public validity = 365 days;

    mapping(uint256 => Card) public cards;
    mapping(address => uint256) public cardsBought;

    event CardIssued(uint256 indexed id, address indexed buyer, address indexed holder, uint256 value);
    event CardGifted(uint256 indexed id, address indexed from, address indexed to);
    event CardRedeemed(uint256 indexed id, address indexed recipient, uint256 value);
    event CardExpired(uint256 indexed id, uint256 value);

    modifier onlyMerchant() {
        require(msg.sender == merchant, "merchant only");
        _;
    }

    constructor() public {
        merchant = msg.sender;
    }

    function issue(address holder) external payable returns (uint256 id) {
        require(msg.value >= 0.005 ether, "too small");
        require(holder != address(0), "zero holder");
        cardCount += 1;
        id = cardCount;
        cards[id] = Card(msg.sender, holder, msg.value, now + validity, false);
        cardsBought[msg.sender] += 1;
        outstanding += msg.value;
        emit CardIssued(id, msg.sender, holder, msg.value);
    }

    function gift(uint256 id, address to) external {
        Card storage card = cards[id];
        require(card.holder == msg.sender, "not holder");
        require(!card.redeemed, "already used");
        require(to != address(0), "zero recipient");
        card.holder = to;
        emit CardGifted(id, msg.sender, to);
    }

    function redeem(uint256 id, address payable recipient) external {
        Card storage card = cards[id];
        require(card.holder == msg.sender, "not holder");
        require(!card.redeemed, "already used");
        require(now <= card.expiresAt, "expired");
        card.redeemed = true;
        outstanding -= card.value;
        recipient.call.value(card.value)("");
        emit CardRedeemed(id, recipient, card.value);
    }

    function sweepExpired(uint256 id) external onlyMerchant {
        Card storage card = cards[id];
        require(card.value > 0 && !card.redeemed, "not sweepable");
        require(now > card.expiresAt, "still valid");
        card.redeemed = true;
        outstanding -= card.value;
        merchant.transfer(card.value);
        emit CardExpired(id, card.value);
    }

    function setValidity(uint256 period) external onlyMerchant {
        require(period >= 30 days, "too short");
        validity = period;
    }

    function balanceOf(uint256 id) external view returns (uint256) {
        Card storage card = cards[id];
        if (card.redeemed || now > card.expiresAt) {
            return 0;
        }
        return card.value;
    }
}
