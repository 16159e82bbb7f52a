// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

interface IERC20 {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract QuoteDesk {
    struct Quote {
        uint256 tokensPerEther;
        uint256 postedAt;
        uint256 maxEther;
        uint256 filledEther;
    }

    uint256 public constant QUOTE_LIFETIME = 20;

    IERC20 public immutable token;
    address public desk;
    mapping(address => bool) public quoters;
    uint256 public quoteId;
    mapping(uint256 => Quote) public quotes;

    event QuotePosted(uint256 indexed id, uint256 tokensPerEther, uint256 maxEther);
    event Filled(uint256 indexed id, address indexed taker, uint256 etherIn, uint256 tokensOut);
    event Pulled(uint256 indexed id);

    modifier onlyDesk() {
        require(msg.sender == desk, "desk only");
        _;
    }

    modifier onlyQuoter() {
        require(quoters[msg.sender], "quoter only");
        _;
    }

    constructor(IERC20 _token) {
        token = _token;
        desk = msg.sender;
        quoters[msg.sender] = true;
    }

    function setQuoter(address who, bool allowed) external onlyDesk {
        quoters[who] = allowed;
    }

    function postQuote(uint256 tokensPerEther, uint256 maxEther) external onlyQuoter returns (uint256 id) {
        require(tokensPerEther > 0 && maxEther > 0, "quote");
        id = ++quoteId;
        quotes[id] = Quote(tokensPerEther, block.timestamp, maxEther, 0);
        emit QuotePosted(id, tokensPerEther, maxEther);
    }

    function pullQuote() external onlyQuoter {
        quotes[quoteId].maxEther = quotes[quoteId].filledEther;
        emit Pulled(quoteId);
    }

    function take(uint256 id, uint256 minTokens) external payable returns (uint256 tokensOut) {
        require(id == quoteId, "superseded");
        Quote storage q = quotes[id];
        require(block.timestamp <= q.postedAt + QUOTE_LIFETIME, "quote expired");
        require(msg.value > 0 && q.filledEther + msg.value <= q.maxEther, "size");
        tokensOut = msg.value * q.tokensPerEther;
        require(tokensOut >= minTokens, "slippage");
        q.filledEther += msg.value;
        require(token.transfer(msg.sender, tokensOut), "token transfer failed");
        emit Filled(id, msg.sender, msg.value, tokensOut);
    }

    function inventory() external view returns (uint256) {
        return token.balanceOf(address(this));
    }

    function withdrawEther(uint256 amount) external onlyDesk {
        (bool ok, ) = payable(desk).call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function withdrawTokens(uint256 amount) external onlyDesk {
        require(token.transfer(desk, amount), "withdraw failed");
    }
}
