// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

contract LimitOrderBook {
    struct Bid {
        address maker;
        uint256 price;
        uint256 amount;
    }

    IERC20 public immutable asset;
    address public admin;
    uint256 public minAmount = 1;

    Bid[] public bids;
    mapping(address => uint256) public ethCredit;

    event BidPlaced(address indexed maker, uint256 price, uint256 amount, uint256 index);
    event BidFilled(address indexed maker, address indexed taker, uint256 price, uint256 amount);
    event BidCancelled(address indexed maker, uint256 index);

    constructor(IERC20 _asset) {
        asset = _asset;
        admin = msg.sender;
    }

    function placeBid(uint256 price, uint256 amount) external payable {
        require(price > 0 && amount >= minAmount, "bid");
        require(msg.value == price * amount, "escrow");
        uint256 index = _insertionPoint(price);
        bids.push(Bid(address(0), 0, 0));
        for (uint256 j = bids.length - 1; j > index; j--) {
            bids[j] = bids[j - 1];
        }
        bids[index] = Bid(msg.sender, price, amount);
        emit BidPlaced(msg.sender, price, amount, index);
    }

    function _insertionPoint(uint256 price) internal view returns (uint256 i) {
        for (i = 0; i < bids.length; i++) {
            if (bids[i].price < price) {
                return i;
            }
        }
    }

    function sellToBest(uint256 amount, uint256 minPrice) external {
        require(bids.length > 0, "no bids");
        Bid storage best = bids[0];
        require(best.price >= minPrice, "price too low");
        require(amount > 0 && amount <= best.amount, "amount");
        best.amount -= amount;
        address maker = best.maker;
        uint256 price = best.price;
        if (best.amount == 0) {
            _removeAt(0);
        }
        require(asset.transferFrom(msg.sender, maker, amount), "asset transfer");
        ethCredit[msg.sender] += price * amount;
        emit BidFilled(maker, msg.sender, price, amount);
    }

    function cancel(uint256 index) external {
        require(index < bids.length && bids[index].maker == msg.sender, "not yours");
        Bid memory b = bids[index];
        _removeAt(index);
        ethCredit[msg.sender] += b.price * b.amount;
        emit BidCancelled(msg.sender, index);
    }

    function _removeAt(uint256 index) internal {
        for (uint256 j = index; j + 1 < bids.length; j++) {
            bids[j] = bids[j + 1];
        }
        bids.pop();
    }

    function withdraw() external {
        uint256 amount = ethCredit[msg.sender];
        require(amount > 0, "nothing");
        ethCredit[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function setMinAmount(uint256 amount) external {
        require(msg.sender == admin, "admin only");
        require(amount > 0, "zero");
        minAmount = amount;
    }

    function bidCount() external view returns (uint256) {
        return bids.length;
    }
}
