pragma solidity 0.4.25;

contract ArcadeTokenCounter {
    struct Cabinet {
        string title;
        uint256 tokensPerPlay;
        uint256 plays;
        bool enabled;
    }

    address public owner;
    uint256 public tokenPrice;
    uint256 public spentTokens;
    uint256 public revenueWithdrawn;
    mapping(address => uint256) public tokenBalance;
    mapping(address => uint256) public highScore;
    Cabinet[] public cabinets;

    event CabinetInstalled(uint256 indexed cabinetId, string title, uint256 tokensPerPlay);
    event CabinetSwitched(uint256 indexed cabinetId, bool enabled);
    event TokensBought(address indexed player, uint256 count, uint256 paid);
    event GameStarted(address indexed player, uint256 indexed cabinetId);
    event ScoreSubmitted(address indexed player, uint256 indexed cabinetId, uint256 score);
    event TokensCashedOut(address indexed player, uint256 count, uint256 refund);
    event RevenueWithdrawn(address indexed to, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    constructor(uint256 _tokenPrice) public {
        require(_tokenPrice > 0);
        owner = msg.sender;
        tokenPrice = _tokenPrice;
    }

    function installCabinet(string title, uint256 tokensPerPlay) external onlyOwner {
        require(tokensPerPlay > 0 && tokensPerPlay <= 10);
        cabinets.push(Cabinet(title, tokensPerPlay, 0, true));
        emit CabinetInstalled(cabinets.length - 1, title, tokensPerPlay);
    }

    function switchCabinet(uint256 cabinetId, bool enabled) external onlyOwner {
        require(cabinetId < cabinets.length);
        cabinets[cabinetId].enabled = enabled;
        emit CabinetSwitched(cabinetId, enabled);
    }

    function buyTokens(uint256 count) external payable {
        require(count > 0);
        uint256 cost = count * tokenPrice;
        require(cost / count == tokenPrice);
        require(msg.value == cost);
        tokenBalance[msg.sender] += count;
        emit TokensBought(msg.sender, count, cost);
    }

    function play(uint256 cabinetId) external {
        require(cabinetId < cabinets.length);
        Cabinet storage cabinet = cabinets[cabinetId];
        require(cabinet.enabled);
        require(tokenBalance[msg.sender] >= cabinet.tokensPerPlay);
        tokenBalance[msg.sender] -= cabinet.tokensPerPlay;
        spentTokens += cabinet.tokensPerPlay;
        cabinet.plays += 1;
        emit GameStarted(msg.sender, cabinetId);
    }

    function recordHighScore(address player, uint256 cabinetId, uint256 score) external onlyOwner {
        require(cabinetId < cabinets.length);
        if (score > highScore[player]) {
            highScore[player] = score;
        }
        emit ScoreSubmitted(player, cabinetId, score);
    }

    function cashOut(uint256 count) external {
        require(count > 0);
        require(tokenBalance[msg.sender] >= count);
        tokenBalance[msg.sender] -= count;
        uint256 refund = count * tokenPrice;
        emit TokensCashedOut(msg.sender, count, refund);
        msg.sender.transfer(refund);
    }

    function withdrawRevenue(uint256 amount) external onlyOwner {
        uint256 earned = spentTokens * tokenPrice;
        require(amount <= earned - revenueWithdrawn);
        revenueWithdrawn += amount;
        emit RevenueWithdrawn(owner, amount);
        owner.transfer(amount);
    }

    function cabinetCount() external view returns (uint256) {
        return cabinets.length;
    }
}
