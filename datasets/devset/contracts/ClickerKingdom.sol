// SPDX-License-Identifier: MIT
pragma solidity ^0.6.12;

contract ClickerKingdom {
    struct Realm {
        uint256 farms;
        uint256 harvestedAt;
        uint256 combo;
        uint256 grain;
        bool founded;
    }

    uint256 public constant COMBO_WINDOW = 20;
    uint256 public constant MAX_COMBO = 10;

    address payable public founder;
    uint256 public constant FARM_PRICE = 0.001 ether;
    uint256 public constant GRAIN_PER_FARM = 5;
    uint256 public constant WEI_PER_GRAIN = 1e10;
    uint256 public treasury;

    mapping(address => Realm) public realms;

    event RealmFounded(address indexed ruler);
    event FarmsBought(address indexed ruler, uint256 count);
    event Harvested(address indexed ruler, uint256 grain, uint256 combo);
    event GrainSold(address indexed ruler, uint256 grain, uint256 paid);

    modifier onlyFounder() {
        require(msg.sender == founder, "founder only");
        _;
    }

    modifier hasRealm() {
        require(realms[msg.sender].founded, "no realm");
        _;
    }

    constructor() public {
        founder = msg.sender;
    }

    function foundRealm() external {
        require(!realms[msg.sender].founded, "exists");
        realms[msg.sender] = Realm(1, block.timestamp, 0, 0, true);
        emit RealmFounded(msg.sender);
    }

    function buyFarms(uint256 count) external payable hasRealm {
        require(count > 0 && count <= 100, "count");
        require(msg.value == FARM_PRICE * count, "price");
        realms[msg.sender].farms += count;
        treasury += msg.value;
        emit FarmsBought(msg.sender, count);
    }

    function harvest() external hasRealm {
        Realm storage r = realms[msg.sender];
        require(block.timestamp > r.harvestedAt, "same second");
        _updateCombo(r);
        uint256 grain = r.farms * GRAIN_PER_FARM * (1 + r.combo);
        r.grain += grain;
        r.harvestedAt = block.timestamp;
        emit Harvested(msg.sender, grain, r.combo);
    }

    function _updateCombo(Realm storage r) internal {
        if (block.timestamp - r.harvestedAt <= COMBO_WINDOW) {
            if (r.combo < MAX_COMBO) {
                r.combo += 1;
            }
        } else {
            r.combo = 0;
        }
    }

    function sellGrain(uint256 amount) external hasRealm {
        Realm storage r = realms[msg.sender];
        require(amount > 0 && amount <= r.grain, "grain");
        uint256 payment = amount * WEI_PER_GRAIN;
        require(payment <= treasury, "treasury low");
        r.grain -= amount;
        treasury -= payment;
        msg.sender.transfer(payment);
        emit GrainSold(msg.sender, amount, payment);
    }

    function fundTreasury() external payable onlyFounder {
        treasury += msg.value;
    }
}
