// SPDX-License-Identifier: MIT
pragma solidity ^0.7.0;

/// @title LastBuyerJackpot
/// @notice Ticket game. Every ticket adds to the pot and makes the buyer the
///         current leader; once a full minute passes without a new ticket,
///         the leader can claim the pot and a new round starts.
contract LastBuyerJackpot {
    uint256 public constant TICKET_PRICE = 0.1 ether;
    uint256 public constant QUIET_PERIOD = 1 minutes;
    uint256 public constant HOUSE_CUT_PERCENT = 5;

    address payable public house;
    address payable public leader;
    uint256 public lastPurchaseAt;
    uint256 public pot;
    uint256 public houseBalance;
    uint256 public round;
    mapping(uint256 => mapping(address => uint256)) public ticketsOf;

    event TicketBought(uint256 indexed round, address indexed buyer, uint256 pot);
    event JackpotClaimed(uint256 indexed round, address indexed winner, uint256 amount);
    event HouseWithdrawal(uint256 amount);

    modifier onlyHouse() {
        require(msg.sender == house, "not house");
        _;
    }

    constructor() {
        house = msg.sender;
        round = 1;
    }

    function buyTicket() external payable {
        require(msg.value == TICKET_PRICE, "wrong price");
        require(leader == address(0) || !roundOver(), "round over, claim first");
        uint256 cut = (msg.value * HOUSE_CUT_PERCENT) / 100;
        houseBalance += cut;
        pot += msg.value - cut;
        leader = msg.sender;
        lastPurchaseAt = block.timestamp;
        ticketsOf[round][msg.sender] += 1;
        emit TicketBought(round, msg.sender, pot);
    }

    function roundOver() public view returns (bool) {
        return block.timestamp >= lastPurchaseAt + QUIET_PERIOD;
    }

    function claim() external {
        require(msg.sender == leader, "not the leader");
        require(roundOver(), "round still running");
        uint256 prize = pot;
        pot = 0;
        leader = address(0);
        round += 1;
        msg.sender.transfer(prize);
        emit JackpotClaimed(round - 1, msg.sender, prize);
    }

    function withdrawHouse() external onlyHouse {
        uint256 amount = houseBalance;
        require(amount > 0, "nothing to withdraw");
        houseBalance = 0;
        house.transfer(amount);
        emit HouseWithdrawal(amount);
    }
}
