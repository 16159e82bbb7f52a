pragma solidity 0.5.17;

interface IERC20 {
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

contract TokenSwapDesk {
    IERC20 public token;
    address payable public desk;
    uint256 public ethReserve;
    uint256 public tokenReserve;
    uint256 public feeBps = 30;

    mapping(address => uint256) public volume;

    event LiquidityAdded(uint256 ethAmount, uint256 tokenAmount);
    event LiquidityRemoved(uint256 ethAmount, uint256 tokenAmount);
    event Swapped(address indexed trader, bool ethIn, uint256 amountIn, uint256 amountOut);

    modifier onlyDesk() {
        require(msg.sender == desk, "desk only");
        _;
    }

    constructor(IERC20 _token) public {
        token = _token;
        desk = msg.sender;
    }

    function addLiquidity(uint256 tokenAmount) external payable onlyDesk {
        require(token.transferFrom(msg.sender, address(this), tokenAmount), "token in");
        ethReserve += msg.value;
        tokenReserve += tokenAmount;
        emit LiquidityAdded(msg.value, tokenAmount);
    }

    function removeLiquidity(uint256 ethAmount, uint256 tokenAmount) external onlyDesk {
        require(ethAmount <= ethReserve && tokenAmount <= tokenReserve, "reserve");
        ethReserve -= ethAmount;
        tokenReserve -= tokenAmount;
        require(token.transfer(desk, tokenAmount), "token out");
        desk.transfer(ethAmount);
        emit LiquidityRemoved(ethAmount, tokenAmount);
    }

    function quote(uint256 amountIn, uint256 reserveIn, uint256 reserveOut) public view returns (uint256) {
        require(reserveIn > 0 && reserveOut > 0, "empty pool");
        uint256 inAfterFee = amountIn * (10000 - feeBps);
        return inAfterFee * reserveOut / (reserveIn * 10000 + inAfterFee);
    }

    function buyTokens() external payable {
        require(msg.value > 0, "zero");
        uint256 out = quote(msg.value, ethReserve, tokenReserve);
        require(out > 0 && out < tokenReserve, "output");
        ethReserve += msg.value;
        tokenReserve -= out;
        volume[msg.sender] += msg.value;
        require(token.transfer(msg.sender, out), "token out");
        emit Swapped(msg.sender, true, msg.value, out);
    }

    function sellTokens(uint256 amountIn) external {
        require(amountIn > 0, "zero");
        uint256 out = quote(amountIn, tokenReserve, ethReserve);
        require(out > 0 && out < ethReserve, "output");
        require(token.transferFrom(msg.sender, address(this), amountIn), "token in");
        tokenReserve += amountIn;
        ethReserve -= out;
        volume[msg.sender] += out;
        msg.sender.transfer(out);
        emit Swapped(msg.sender, false, amountIn, out);
    }

    function setFee(uint256 bps) external onlyDesk {
        require(bps <= 100, "fee");
        feeBps = bps;
    }
}
