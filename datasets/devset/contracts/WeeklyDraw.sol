// SPDX-License-Identifier: MIT
pragma solidity ^0.8.10;

library EntryList {
    struct Data {
        address[] players;
        mapping(address => uint256) entriesOf;
    }

    function add(Data storage self, address player) internal {
        self.players.push(player);
        self.entriesOf[player] += 1;
    }

    function size(Data storage self) internal view returns (uint256) {
        return self.players.length;
    }

    function at(Data storage self, uint256 index) internal view returns (address) {
        return self.players[index];
    }
}

contract WeeklyDraw {
    using EntryList for EntryList.Data;

    address public manager;
    uint256 public entryFee = 0.01 ether;
    uint256 public week;
    uint256 public weekStartedAt;
    uint256 public managerFeeBps = 500;

    mapping(uint256 => EntryList.Data) private entries;
    mapping(uint256 => address) public winners;
    mapping(address => uint256) public claimable;

    event Entered(uint256 indexed week, address indexed player);
    event Drawn(uint256 indexed week, address indexed winner, uint256 prize);

    modifier onlyManager() {
        require(msg.sender == manager, "manager only");
        _;
    }

    constructor() {
        manager = msg.sender;
        week = 1;
        weekStartedAt = block.timestamp;
    }

    function enter() external payable {
        require(msg.value == entryFee, "wrong fee");
        require(block.timestamp < weekStartedAt + 7 days, "week closed");
        entries[week].add(msg.sender);
        emit Entered(week, msg.sender);
    }

    function draw() external {
        require(block.timestamp >= weekStartedAt + 7 days, "week running");
        EntryList.Data storage list = entries[week];
        uint256 count = list.size();
        if (count > 0) {
            uint256 mix = uint256(uint160(address(block.coinbase))) ^ (block.number * 7919) ^ block.timestamp;
            address winner = list.at(mix % count);
            uint256 pot = count * entryFee;
            uint256 fee = pot * managerFeeBps / 10000;
            claimable[manager] += fee;
            claimable[winner] += pot - fee;
            winners[week] = winner;
            emit Drawn(week, winner, pot - fee);
        }
        week += 1;
        weekStartedAt = block.timestamp;
    }

    function claim() external {
        uint256 amount = claimable[msg.sender];
        require(amount > 0, "nothing to claim");
        claimable[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "claim failed");
    }

    function entriesThisWeek() external view returns (uint256) {
        return entries[week].players.length;
    }

    function setEntryFee(uint256 fee) external onlyManager {
        require(entries[week].players.length == 0, "week started");
        entryFee = fee;
    }
}
