// SPDX-License-Identifier: MIT
pragma solidity 0.8.19;

library ShareMath {
    function proRata(uint256 amount, uint256 part, uint256 whole) internal pure returns (uint256) {
        if (whole == 0) {
            return 0;
        }
        return (amount * part) / whole;
    }
}

contract FarmCooperative {
    using ShareMath for uint256;

    struct Grower {
        uint256 deliveredKg;
        uint256 balance;
        bool active;
    }

    uint256 public constant MAX_GROWERS = 30;

    address public board;
    address[] public growers;
    mapping(address => Grower) public registry;
    uint256 public seasonKg;
    uint256 public unpaidTotal;
    uint256 public season = 1;

    event GrowerAdmitted(address indexed grower);
    event GrowerRetired(address indexed grower);
    event DeliveryRecorded(address indexed grower, uint256 kg);
    event SeasonClosed(uint256 indexed season, uint256 revenue, uint256 totalKg);
    event PaidOut(address indexed grower, uint256 amount);

    modifier onlyBoard() {
        require(msg.sender == board, "board only");
        _;
    }

    constructor() {
        board = msg.sender;
    }

    function admit(address _grower) external onlyBoard {
        require(_grower != address(0), "zero address");
        require(!registry[_grower].active, "already admitted");
        require(growers.length < MAX_GROWERS, "cooperative full");
        registry[_grower].active = true;
        growers.push(_grower);
        emit GrowerAdmitted(_grower);
    }

    function retire(uint256 _index) external onlyBoard {
        require(_index < growers.length, "bad index");
        address leaving = growers[_index];
        Grower storage g = registry[leaving];
        seasonKg -= g.deliveredKg;
        g.deliveredKg = 0;
        g.active = false;
        growers[_index] = growers[growers.length - 1];
        growers.pop();
        emit GrowerRetired(leaving);
    }

    function recordDelivery(address _grower, uint256 _kg) external onlyBoard {
        Grower storage g = registry[_grower];
        require(g.active, "unknown grower");
        g.deliveredKg += _kg;
        seasonKg += _kg;
        emit DeliveryRecorded(_grower, _kg);
    }

    function closeSeason() external payable onlyBoard {
        require(msg.value > 0, "no revenue");
        require(seasonKg > 0, "no deliveries");
        uint256 allocated;
        for (uint256 i = 0; i < growers.length; i++) {
            Grower storage g = registry[growers[i]];
            uint256 cut = msg.value.proRata(g.deliveredKg, seasonKg);
            g.balance += cut;
            g.deliveredKg = 0;
            allocated += cut;
        }
        unpaidTotal += allocated;
        emit SeasonClosed(season, msg.value, seasonKg);
        seasonKg = 0;
        season += 1;
    }

    function withdraw() external {
        Grower storage g = registry[msg.sender];
        uint256 amount = g.balance;
        require(amount > 0, "nothing due");
        g.balance = 0;
        unpaidTotal -= amount;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "payment failed");
        emit PaidOut(msg.sender, amount);
    }

    function sweepRemainder() external onlyBoard {
        uint256 spare = address(this).balance - unpaidTotal;
        require(spare > 0, "nothing spare");
        (bool ok, ) = payable(board).call{value: spare}("");
        require(ok, "sweep failed");
    }

    function growerCount() external view returns (uint256) {
        return growers.length;
    }
}
