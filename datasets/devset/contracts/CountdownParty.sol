// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract CountdownParty {
    address public host;
    uint256 public immutable targetTime;
    uint256 public immutable closesAt;
    uint256 public ringFee;
    uint256 public pot;

    address public closest;
    uint256 public closestGap = type(uint256).max;
    bool public settled;

    mapping(address => bool) public hasRung;
    mapping(address => uint256) public ringTime;
    mapping(address => uint256) public payouts;

    event Rang(address indexed guest, uint256 at, uint256 gap);
    event NewLeader(address indexed guest, uint256 gap);
    event Settled(address indexed winner, uint256 prize);

    constructor(uint256 _targetTime, uint256 _ringFee) {
        require(_targetTime > block.timestamp + 1 hours, "target too soon");
        host = msg.sender;
        targetTime = _targetTime;
        closesAt = _targetTime + 10 minutes;
        ringFee = _ringFee;
    }

    function ring() external payable {
        require(block.timestamp < closesAt, "party over");
        require(!hasRung[msg.sender], "one ring each");
        require(msg.value == ringFee, "wrong fee");
        hasRung[msg.sender] = true;
        ringTime[msg.sender] = block.timestamp;
        pot += msg.value;

        uint256 gap = _gap(block.timestamp);
        emit Rang(msg.sender, block.timestamp, gap);
        if (gap < closestGap) {
            closestGap = gap;
            closest = msg.sender;
            emit NewLeader(msg.sender, gap);
        }
    }

    function _gap(uint256 at) internal view returns (uint256) {
        return at > targetTime ? at - targetTime : targetTime - at;
    }

    function settle() external {
        require(block.timestamp >= closesAt, "still ringing");
        require(!settled, "settled");
        settled = true;
        uint256 hostCut = pot / 20;
        payouts[host] += hostCut;
        payouts[closest] += pot - hostCut;
        emit Settled(closest, pot - hostCut);
    }

    function withdraw() external {
        uint256 amount = payouts[msg.sender];
        require(amount > 0, "nothing owed");
        payouts[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "withdraw failed");
    }
}
