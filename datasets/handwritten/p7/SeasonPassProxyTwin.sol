// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

abstract contract PassStorage {
    address public admin;
    address public logic;
    address public pendingLogic;
    uint256 public upgradeReadyAt;
    uint256 public seasonId;
    uint256 public seasonPrice;
    mapping(address => uint256) public passSeason;
    mapping(address => uint256) public xp;
}

contract SeasonPassLogic is PassStorage {
    event SeasonStarted(uint256 indexed season, uint256 price);
    event PassBought(address indexed player, uint256 indexed season);
    event XpAdded(address indexed player, uint256 amount, uint256 total);
    event Withdrawn(address indexed to, uint256 amount);

    modifier onlyAdmin() {
        require(msg.sender == admin, "not admin");
        _;
    }

    function startSeason(uint256 price) external onlyAdmin {
        require(price > 0, "free season");
        seasonId += 1;
        seasonPrice = price;
        emit SeasonStarted(seasonId, price);
    }

    function buyPass() external payable {
        require(seasonId > 0, "no season");
        require(passSeason[msg.sender] != seasonId, "already owned");
        require(msg.value == seasonPrice, "wrong price");
        passSeason[msg.sender] = seasonId;
        emit PassBought(msg.sender, seasonId);
    }

    function addXp(address player, uint256 amount) external onlyAdmin {
        require(passSeason[player] == seasonId, "no current pass");
        xp[player] += amount;
        emit XpAdded(player, amount, xp[player]);
    }

    function hasPass(address player) external view returns (bool) {
        return seasonId > 0 && passSeason[player] == seasonId;
    }

    function withdraw(address payable to) external onlyAdmin {
        uint256 amount = address(this).balance;
        (bool ok, ) = to.call{value: amount}("");
        require(ok, "withdraw failed");
        emit Withdrawn(to, amount);
    }
}

contract SeasonPassProxy is PassStorage {
    uint256 public constant UPGRADE_DELAY = 2 days;

    event UpgradeProposed(address indexed newLogic, uint256 readyAt);
    event UpgradeCancelled(address indexed newLogic);
    event Upgraded(address indexed newLogic);
    event AdminChanged(address indexed newAdmin);

    modifier onlyProxyAdmin() {
        require(msg.sender == admin, "not admin");
        _;
    }

    constructor(address initialLogic) {
        require(initialLogic.code.length > 0, "not a contract");
        admin = msg.sender;
        logic = initialLogic;
    }

    function changeAdmin(address newAdmin) external onlyProxyAdmin {
        require(newAdmin != address(0), "zero admin");
        admin = newAdmin;
        emit AdminChanged(newAdmin);
    }

    function proposeUpgrade(address newLogic) external onlyProxyAdmin {
        require(newLogic.code.length > 0, "not a contract");
        pendingLogic = newLogic;
        upgradeReadyAt = block.timestamp + UPGRADE_DELAY;
        emit UpgradeProposed(newLogic, upgradeReadyAt);
    }

    function cancelUpgrade() external onlyProxyAdmin {
        emit UpgradeCancelled(pendingLogic);
        pendingLogic = address(0);
        upgradeReadyAt = 0;
    }

    function applyUpgrade(address newLogic) external {
        require(pendingLogic != address(0), "nothing proposed");
        require(block.timestamp >= upgradeReadyAt, "timelock active");
        require(newLogic == pendingLogic, "not the proposed logic");
        logic = newLogic;
        pendingLogic = address(0);
        upgradeReadyAt = 0;
        emit Upgraded(newLogic);
    }

    fallback() external payable {
        _delegate(logic);
    }

    function _delegate(address target) internal {
        (bool ok, bytes memory ret) = target.delegatecall(msg.data);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        assembly {
            return(add(ret, 32), mload(ret))
        }
    }
}
