// SPDX-License-Identifier: MIT
pragma solidity ^0.8.4;

interface IMintable {
    function mint(address to, uint256 amount) external;
}

contract LaunchpadSale {
    struct Buyer {
        uint256 contributed;
        uint256 tokensOwed;
        bool claimed;
    }

    IMintable public immutable token;
    address public immutable project;
    uint256 public immutable saleStart;
    uint256 public immutable saleEnd;
    uint256 public immutable tokensPerEth;
    uint256 public immutable hardCap;

    uint256 public raised;
    bool public finalized;

    mapping(address => Buyer) public buyers;
    mapping(address => bool) public allowlisted;

    event Allowlisted(address indexed buyer);
    event Contributed(address indexed buyer, uint256 amount, uint256 tokens, uint256 bonusPct);
    event Claimed(address indexed buyer, uint256 tokens);
    event Finalized(uint256 raised);

    modifier onlyProject() {
        require(msg.sender == project, "project only");
        _;
    }

    constructor(IMintable _token, uint256 _saleStart, uint256 _tokensPerEth, uint256 _hardCap) {
        require(_saleStart > block.timestamp, "start");
        token = _token;
        project = msg.sender;
        saleStart = _saleStart;
        saleEnd = _saleStart + 3 days;
        tokensPerEth = _tokensPerEth;
        hardCap = _hardCap;
    }

    function allowlist(address[] calldata accounts) external onlyProject {
        for (uint256 i = 0; i < accounts.length; i++) {
            allowlisted[accounts[i]] = true;
            emit Allowlisted(accounts[i]);
        }
    }

    function contribute() external payable {
        require(allowlisted[msg.sender], "not allowlisted");
        require(block.timestamp >= saleStart && block.timestamp < saleEnd, "sale closed");
        require(msg.value > 0 && raised + msg.value <= hardCap, "cap");
        uint256 bonusPct = _bonusPct();
        uint256 tokens = (msg.value * tokensPerEth * (100 + bonusPct)) / 100;
        Buyer storage b = buyers[msg.sender];
        b.contributed += msg.value;
        b.tokensOwed += tokens;
        raised += msg.value;
        emit Contributed(msg.sender, msg.value, tokens, bonusPct);
    }

    function _bonusPct() internal view returns (uint256) {
        uint256 sinceOpen = block.timestamp - saleStart;
        if (sinceOpen < 60) {
            return 25;
        }
        if (sinceOpen < 1 days) {
            return 5;
        }
        return 0;
    }

    function finalize() external onlyProject {
        require(block.timestamp >= saleEnd || raised == hardCap, "running");
        require(!finalized, "done");
        finalized = true;
        (bool ok, ) = payable(project).call{value: address(this).balance}("");
        require(ok, "payout");
        emit Finalized(raised);
    }

    function claim() external {
        require(finalized, "not finalized");
        Buyer storage b = buyers[msg.sender];
        require(!b.claimed && b.tokensOwed > 0, "nothing");
        b.claimed = true;
        token.mint(msg.sender, b.tokensOwed);
        emit Claimed(msg.sender, b.tokensOwed);
    }
}
