// SPDX-License-Identifier: MIT
pragma solidity ^0.6.0;

/// @title Throne
/// @notice King-of-the-hill game. Anyone can become king by paying more than
///         the current king; the previous king gets his payment back and the
///         house keeps a small fee on every claim.
contract Throne {
    address payable public king;
    uint256 public kingBid;
    address payable public house;
    uint256 public houseFees;
    uint256 public claims;
    uint256 public constant FEE_PERCENT = 2;
    mapping(address => uint256) public timesCrowned;

    event NewKing(address indexed king, uint256 bid, uint256 claimNumber);
    event FeesWithdrawn(uint256 amount);

    modifier onlyHouse() {
        require(msg.sender == house, "not house");
        _;
    }

    constructor() public {
        house = msg.sender;
    }

    function claimThrone() external payable {
        uint256 fee = msg.value * FEE_PERCENT / 100;
        uint256 bid = msg.value - fee;
        require(bid > kingBid, "bid too low");
        if (king != address(0)) {
            require(king.send(kingBid), "refund failed");
        }
        king = msg.sender;
        kingBid = bid;
        houseFees += fee;
        claims += 1;
        timesCrowned[msg.sender] += 1;
        emit NewKing(msg.sender, bid, claims);
    }

    function minimumPayment() external view returns (uint256) {
        return (kingBid + 1) * 100 / (100 - FEE_PERCENT) + 1;
    }

    function withdrawFees() external onlyHouse {
        uint256 amount = houseFees;
        require(amount > 0, "no fees");
        houseFees = 0;
        house.transfer(amount);
        emit FeesWithdrawn(amount);
    }
}
