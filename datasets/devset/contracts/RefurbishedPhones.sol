pragma solidity 0.5.17;

contract RefurbishedPhones {
    enum Status { Submitted, Graded, Paid, Returned }

    struct TradeIn {
        address payable seller;
        string model;
        uint8 grade;
        uint256 offer;
        uint256 submittedAt;
        Status status;
    }

    address public owner;
    mapping(address => bool) public inspectors;
    mapping(uint8 => uint256) public gradeMultiplier;
    mapping(string => uint256) public basePrice;

    TradeIn[] public tradeIns;
    uint256 public committed;

    event Submitted(uint256 indexed id, address indexed seller, string model);
    event Graded(uint256 indexed id, uint8 grade, uint256 offer);
    event OfferAccepted(uint256 indexed id, uint256 offer);
    event Returned(uint256 indexed id);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    modifier onlyInspector() {
        require(inspectors[msg.sender], "inspector only");
        _;
    }

    constructor() public {
        owner = msg.sender;
        gradeMultiplier[1] = 40;
        gradeMultiplier[2] = 70;
        gradeMultiplier[3] = 100;
    }

    function() external payable {}

    function setInspector(address who, bool allowed) external onlyOwner {
        inspectors[who] = allowed;
    }

    function setBasePrice(string calldata model, uint256 price) external onlyOwner {
        basePrice[model] = price;
    }

    function submit(string calldata model) external returns (uint256 id) {
        require(basePrice[model] > 0, "model not accepted");
        id = tradeIns.length;
        tradeIns.push(TradeIn(msg.sender, model, 0, 0, now, Status.Submitted));
        emit Submitted(id, msg.sender, model);
    }

    function grade(uint256 id, uint8 g) external onlyInspector {
        TradeIn storage t = tradeIns[id];
        require(t.status == Status.Submitted, "status");
        require(gradeMultiplier[g] > 0, "grade");
        t.grade = g;
        t.offer = basePrice[t.model] * gradeMultiplier[g] / 100;
        t.status = Status.Graded;
        committed += t.offer;
        emit Graded(id, g, t.offer);
    }

    function acceptOffer(uint256 id) external {
        TradeIn storage t = tradeIns[id];
        require(msg.sender == t.seller, "seller only");
        require(t.status == Status.Graded, "status");
        require(address(this).balance >= t.offer, "float short");
        t.status = Status.Paid;
        committed -= t.offer;
        t.seller.call.value(t.offer)("");
        emit OfferAccepted(id, t.offer);
    }

    function declineOffer(uint256 id) external {
        TradeIn storage t = tradeIns[id];
        require(msg.sender == t.seller, "seller only");
        require(t.status == Status.Graded, "status");
        t.status = Status.Returned;
        committed -= t.offer;
        emit Returned(id);
    }

    function withdrawFloat(uint256 amount) external onlyOwner {
        require(amount + committed <= address(this).balance, "committed");
        msg.sender.transfer(amount);
    }

    function tradeInCount() external view returns (uint256) {
        return tradeIns.length;
    }
}
