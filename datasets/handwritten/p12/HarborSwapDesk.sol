// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

library SwapMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256 c) {
        if (a == 0) {
            return 0;
        }
        c = a * b;
        require(c / a == b, "mul");
    }

    function add(uint256 a, uint256 b) internal pure returns (uint256 c) {
        c = a + b;
        require(c >= a, "add");
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }

    function getAmountOut(uint256 amountIn, uint256 reserveIn, uint256 reserveOut) internal pure returns (uint256) {
        require(reserveIn > 0 && reserveOut > 0, "no liquidity");
        uint256 amountInWithFee = mul(amountIn, 997);
        uint256 numerator = mul(amountInWithFee, reserveOut);
        uint256 denominator = add(mul(reserveIn, 1000), amountInWithFee);
        return numerator / denominator;
    }
}

contract HarborSwapDesk {
    using SwapMath for uint256;

    IERC20 public immutable token;
    address public operator;
    uint256 public reserveEth;
    uint256 public reserveToken;

    event LiquidityAdded(uint256 ethAmount, uint256 tokenAmount);
    event LiquidityRemoved(uint256 ethAmount, uint256 tokenAmount);
    event Swapped(address indexed trader, bool ethIn, uint256 amountIn, uint256 amountOut);

    modifier onlyOperator() {
        require(msg.sender == operator, "operator only");
        _;
    }

    constructor(IERC20 _token) {
        token = _token;
        operator = msg.sender;
    }

    function addLiquidity(uint256 tokenAmount) external payable onlyOperator {
        require(token.transferFrom(msg.sender, address(this), tokenAmount), "token pull failed");
        reserveEth = reserveEth.add(msg.value);
        reserveToken = reserveToken.add(tokenAmount);
        emit LiquidityAdded(msg.value, tokenAmount);
    }

    function removeLiquidity(uint256 ethAmount, uint256 tokenAmount) external onlyOperator {
        reserveEth = reserveEth.sub(ethAmount);
        reserveToken = reserveToken.sub(tokenAmount);
        emit LiquidityRemoved(ethAmount, tokenAmount);
        require(token.transfer(msg.sender, tokenAmount), "token send failed");
        (bool ok, ) = msg.sender.call{value: ethAmount}("");
        require(ok, "eth send failed");
    }

    function swapEthForToken() external payable returns (uint256) {
        require(msg.value > 0, "no input");
        return _swap(true, msg.value);
    }

    function swapTokenForEth(uint256 amountIn) external returns (uint256) {
        require(amountIn > 0, "no input");
        require(token.transferFrom(msg.sender, address(this), amountIn), "token pull failed");
        return _swap(false, amountIn);
    }

    function quote(bool ethIn, uint256 amountIn) external view returns (uint256) {
        if (ethIn) {
            return amountIn.getAmountOut(reserveEth, reserveToken);
        }
        return amountIn.getAmountOut(reserveToken, reserveEth);
    }

    function _swap(bool ethIn, uint256 amountIn) internal returns (uint256 amountOut) {
        uint256 reserveIn = ethIn ? reserveEth : reserveToken;
        uint256 reserveOut = ethIn ? reserveToken : reserveEth;
        amountOut = amountIn.getAmountOut(reserveIn, reserveOut);
        require(amountOut > 0 && amountOut < reserveOut, "bad output");
        if (ethIn) {
            reserveEth = reserveEth.add(amountIn);
            reserveToken = reserveToken.sub(amountOut);
        } else {
            reserveToken = reserveToken.add(amountIn);
            reserveEth = reserveEth.sub(amountOut);
        }
        emit Swapped(msg.sender, ethIn, amountIn, amountOut);
        if (ethIn) {
            require(token.transfer(msg.sender, amountOut), "token send failed");
        } else {
            (bool ok, ) = msg.sender.call{value: amountOut}("");
            require(ok, "eth send failed");
        }
    }
}
