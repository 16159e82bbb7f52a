// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

contract Owned {
    address public owner;

    event OwnerChanged(address indexed previousOwner, address indexed newOwner);

    constructor() {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    function changeOwner(address newOwner) external onlyOwner {
        require(newOwner != address(0), "zero owner");
        emit OwnerChanged(owner, newOwner);
        owner = newOwner;
    }
}

contract CommunityMarketMaker is Owned {
    IERC20 public immutable tokenA;
    IERC20 public immutable tokenB;
    uint256 public constant FEE_BPS = 30;

    uint256 public reserveA;
    uint256 public reserveB;
    uint256 public swapCount;
    bool private locked;

    event LiquidityAdded(uint256 amountA, uint256 amountB);
    event LiquidityRemoved(uint256 amountA, uint256 amountB);
    event Swapped(address indexed trader, address indexed tokenIn, uint256 amountIn, uint256 amountOut);

    modifier exclusive() {
        require(!locked, "locked");
        locked = true;
        _;
        locked = false;
    }

    constructor(IERC20 a, IERC20 b) {
        require(address(a) != address(0) && address(b) != address(0), "token");
        require(address(a) != address(b), "same token");
        tokenA = a;
        tokenB = b;
    }

    function addLiquidity(uint256 amountA, uint256 amountB) external onlyOwner exclusive {
        require(amountA > 0 && amountB > 0, "amounts");
        reserveA += amountA;
        reserveB += amountB;
        require(tokenA.transferFrom(msg.sender, address(this), amountA), "pull A");
        require(tokenB.transferFrom(msg.sender, address(this), amountB), "pull B");
        emit LiquidityAdded(amountA, amountB);
    }

    function removeLiquidity(uint256 amountA, uint256 amountB) external onlyOwner exclusive {
        require(amountA <= reserveA && amountB <= reserveB, "exceeds reserves");
        reserveA -= amountA;
        reserveB -= amountB;
        require(tokenA.transfer(msg.sender, amountA), "push A");
        require(tokenB.transfer(msg.sender, amountB), "push B");
        emit LiquidityRemoved(amountA, amountB);
    }

    function getAmountOut(uint256 amountIn, uint256 reserveIn, uint256 reserveOut) public pure returns (uint256) {
        require(amountIn > 0, "zero input");
        require(reserveIn > 0 && reserveOut > 0, "no liquidity");
        uint256 inWithFee = amountIn * (10000 - FEE_BPS);
        return (inWithFee * reserveOut) / (reserveIn * 10000 + inWithFee);
    }

    function quote(bool aToB, uint256 amountIn) external view returns (uint256) {
        return aToB ? getAmountOut(amountIn, reserveA, reserveB) : getAmountOut(amountIn, reserveB, reserveA);
    }

    function swapAForB(uint256 amountIn) external exclusive returns (uint256) {
        return _swap(true, amountIn);
    }

    function swapBForA(uint256 amountIn) external exclusive returns (uint256) {
        return _swap(false, amountIn);
    }

    function _swap(bool aToB, uint256 amountIn) internal returns (uint256 amountOut) {
        (uint256 rIn, uint256 rOut) = aToB ? (reserveA, reserveB) : (reserveB, reserveA);
        amountOut = getAmountOut(amountIn, rIn, rOut);
        require(amountOut > 0 && amountOut < rOut, "insufficient liquidity");
        if (aToB) {
            reserveA = rIn + amountIn;
            reserveB = rOut - amountOut;
        } else {
            reserveB = rIn + amountIn;
            reserveA = rOut - amountOut;
        }
        swapCount += 1;
        (IERC20 tokenIn, IERC20 tokenOut) = aToB ? (tokenA, tokenB) : (tokenB, tokenA);
        require(tokenIn.transferFrom(msg.sender, address(this), amountIn), "pull failed");
        require(tokenOut.transfer(msg.sender, amountOut), "push failed");
        emit Swapped(msg.sender, address(tokenIn), amountIn, amountOut);
    }
}
