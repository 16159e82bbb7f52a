// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract FanToken {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    uint256 public totalSupply;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(string memory _name, string memory _symbol) {
        name = _name;
        symbol = _symbol;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        allowance[from][msg.sender] -= value;
        _transfer(from, to, value);
        return true;
    }

    function _transfer(address from, address to, uint256 value) internal {
        require(to != address(0), "zero recipient");
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }

    function _mint(address to, uint256 value) internal {
        totalSupply += value;
        balanceOf[to] += value;
        emit Transfer(address(0), to, value);
    }
}

contract CreatorSupportPass is FanToken {
    uint256 public constant BASE_PRICE = 0.001 ether;
    uint256 public constant PRICE_STEP = 0.00002 ether;
    uint256 public constant BACKSTAGE_THRESHOLD = 500 ether;

    address public creator;
    bool public salesOpen;
    uint256 public raised;

    event PassesBought(address indexed fan, uint256 paid, uint256 amount, uint256 unitPrice);
    event SalesToggled(bool open);
    event ProceedsWithdrawn(address indexed to, uint256 amount);

    modifier onlyCreator() {
        require(msg.sender == creator, "creator only");
        _;
    }

    constructor(string memory _name, string memory _symbol) FanToken(_name, _symbol) {
        creator = msg.sender;
        salesOpen = true;
    }

    function currentPrice() public view returns (uint256) {
        return BASE_PRICE + (totalSupply / 1 ether) * PRICE_STEP;
    }

    function buy() external payable {
        require(salesOpen, "sales closed");
        require(msg.value > 0, "no payment");
        (uint256 amount, uint256 unitPrice) = _quote(msg.value);
        raised += msg.value;
        _mint(msg.sender, amount);
        emit PassesBought(msg.sender, msg.value, amount, unitPrice);
    }

    function _quote(uint256 value) internal view returns (uint256 amount, uint256 unitPrice) {
        unitPrice = currentPrice();
        amount = (value * 1 ether) / unitPrice;
        require(amount > 0, "payment too small");
    }

    function hasBackstageAccess(address fan) external view returns (bool) {
        return balanceOf[fan] >= BACKSTAGE_THRESHOLD;
    }

    function setSalesOpen(bool open) external onlyCreator {
        salesOpen = open;
        emit SalesToggled(open);
    }

    function withdrawProceeds(address payable to) external onlyCreator {
        uint256 amount = raised;
        require(amount > 0, "nothing raised");
        raised = 0;
        emit ProceedsWithdrawn(to, amount);
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "transfer failed");
    }
}
