// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IERC20 {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract ZapAggregator {
    struct Step {
        address adapter;
        bytes data;
    }

    address public owner;
    address public feeRecipient;
    uint256 public feeBps = 10;
    bool private entered;

    event Zapped(address indexed user, address indexed tokenIn, address indexed tokenOut, uint256 amountIn, uint256 amountOut);
    event Rescued(address indexed token, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    modifier lock() {
        require(!entered, "locked");
        entered = true;
        _;
        entered = false;
    }

    constructor(address _feeRecipient) {
        owner = msg.sender;
        feeRecipient = _feeRecipient;
    }

    function rescue(IERC20 token, uint256 amount) external onlyOwner {
        require(token.transfer(owner, amount), "rescue failed");
        emit Rescued(address(token), amount);
    }

    function zap(IERC20 tokenIn, IERC20 tokenOut, uint256 amountIn, uint256 minOut, Step[] calldata steps) external lock returns (uint256 amountOut) {
        require(steps.length > 0 && steps.length <= 5, "steps");
        require(tokenIn.transferFrom(msg.sender, address(this), amountIn), "pull failed");
        uint256 fee = (amountIn * feeBps) / 10_000;
        if (fee > 0) {
            require(tokenIn.transfer(feeRecipient, fee), "fee failed");
        }
        uint256 before = tokenOut.balanceOf(address(this));
        for (uint256 i = 0; i < steps.length; i++) {
            _runStep(steps[i]);
        }
        amountOut = tokenOut.balanceOf(address(this)) - before;
        require(amountOut >= minOut, "slippage");
        require(tokenOut.transfer(msg.sender, amountOut), "push failed");
        emit Zapped(msg.sender, address(tokenIn), address(tokenOut), amountIn, amountOut);
    }

    function _runStep(Step calldata step) internal {
        require(step.adapter.code.length > 0, "not a contract");
        (bool ok, bytes memory ret) = step.adapter.delegatecall(step.data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
    }

    function setFee(uint256 bps) external onlyOwner {
        require(bps <= 50, "fee");
        feeBps = bps;
    }

    function setOwner(address next) external onlyOwner {
        require(next != address(0), "zero");
        owner = next;
    }
}
