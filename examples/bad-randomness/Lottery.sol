// SPDX-License-Identifier: MIT
pragma solidity ^0.8.4;

/// @title Lottery
/// @notice Fixed-size lottery. Players buy tickets until the draw is sold
///         out, then anyone can trigger the draw. The winner's prize is
///         credited and withdrawn separately; the operator keeps a fee.
contract Lottery {
    error WrongPrice(uint256 sent, uint256 expected);
    error SoldOut();
    error NotSoldOut();
    error NothingToWithdraw();

    uint256 public immutable ticketPrice;
    uint256 public immutable ticketsPerDraw;
    uint256 public constant FEE_PERCENT = 3;

    address public operator;
    address[] public players;
    uint256 public drawId;
    mapping(uint256 => address) public winners;
    mapping(address => uint256) public prizes;

    event TicketBought(uint256 indexed drawId, address indexed player);
    event WinnerDrawn(uint256 indexed drawId, address indexed winner, uint256 prize);

    constructor(uint256 price, uint256 tickets) {
        require(tickets > 1, "need at least two tickets");
        operator = msg.sender;
        ticketPrice = price;
        ticketsPerDraw = tickets;
    }

    function enter() external payable {
        if (msg.value != ticketPrice) revert WrongPrice(msg.value, ticketPrice);
        if (players.length >= ticketsPerDraw) revert SoldOut();
        players.push(msg.sender);
        emit TicketBought(drawId, msg.sender);
    }

    function draw() external {
        if (players.length < ticketsPerDraw) revert NotSoldOut();
        uint256 index = uint256(keccak256(abi.encodePacked(blockhash(block.number - 1), block.coinbase, players.length))) % players.length;
        address winner = players[index];
        uint256 total = ticketPrice * players.length;
        uint256 fee = (total * FEE_PERCENT) / 100;
        prizes[winner] += total - fee;
        prizes[operator] += fee;
        winners[drawId] = winner;
        emit WinnerDrawn(drawId, winner, total - fee);
        delete players;
        drawId += 1;
    }

    function withdraw() external {
        uint256 amount = prizes[msg.sender];
        if (amount == 0) revert NothingToWithdraw();
        prizes[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "transfer failed");
    }

    function playerCount() external view returns (uint256) {
        return players.length;
    }
}
