// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

contract GuildRoles {
    address public guildMaster;
    mapping(address => bool) public officers;

    event OfficerSet(address indexed account, bool enabled);
    event GuildMasterChanged(address indexed previous, address indexed next);

    modifier onlyGuildMaster() {
        require(msg.sender == guildMaster, "not guild master");
        _;
    }

    modifier onlyOfficer() {
        require(officers[msg.sender] || msg.sender == guildMaster, "not officer");
        _;
    }

    constructor() {
        guildMaster = msg.sender;
    }

    function setOfficer(address account, bool enabled) external onlyGuildMaster {
        officers[account] = enabled;
        emit OfficerSet(account, enabled);
    }

    function changeGuildMaster(address next) external onlyGuildMaster {
        require(next != address(0), "zero address");
        emit GuildMasterChanged(guildMaster, next);
        guildMaster = next;
    }
}

contract ArcadeGuildHall is GuildRoles {
    struct Membership {
        uint128 duesPaid;
        uint64 joinedAt;
        uint32 tier;
    }

    uint256 public constant DUES = 0.05 ether;
    uint256 public prizePool;
    mapping(address => Membership) public memberships;
    mapping(address => uint256) public prizes;
    mapping(bytes4 => address) public plugins;

    event Joined(address indexed member);
    event TierChanged(address indexed member, uint32 tier);
    event PrizeAwarded(address indexed winner, uint256 amount);
    event PrizeClaimed(address indexed winner, uint256 amount);
    event PluginRegistered(bytes4 indexed selector, address plugin, address by);
    event PluginRemoved(bytes4 indexed selector);

    function join() external payable {
        require(msg.value == DUES, "wrong dues");
        Membership storage m = memberships[msg.sender];
        require(m.joinedAt == 0, "already a member");
        m.joinedAt = uint64(block.timestamp);
        m.duesPaid = uint128(msg.value);
        m.tier = 1;
        prizePool += msg.value;
        emit Joined(msg.sender);
    }

    function setTier(address member, uint32 tier) external onlyOfficer {
        require(memberships[member].joinedAt != 0, "not a member");
        require(tier >= 1 && tier <= 5, "bad tier");
        memberships[member].tier = tier;
        emit TierChanged(member, tier);
    }

    function awardPrize(address winner, uint256 amount) external onlyOfficer {
        require(memberships[winner].joinedAt != 0, "not a member");
        require(amount > 0 && amount <= prizePool, "pool too small");
        prizePool -= amount;
        prizes[winner] += amount;
        emit PrizeAwarded(winner, amount);
    }

    function claimPrize() external {
        uint256 amount = prizes[msg.sender];
        require(amount > 0, "nothing to claim");
        prizes[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "claim failed");
        emit PrizeClaimed(msg.sender, amount);
    }

    function registerPlugin(bytes4 selector, address plugin) external onlyGuildMaster {
        require(plugin != address(0), "zero plugin");
        require(plugins[selector] == address(0), "selector taken");
        plugins[selector] = plugin;
        emit PluginRegistered(selector, plugin, msg.sender);
    }

    function removePlugin(bytes4 selector) external onlyGuildMaster {
        require(plugins[selector] != address(0), "no plugin");
        delete plugins[selector];
        emit PluginRemoved(selector);
    }

    receive() external payable {
        prizePool += msg.value;
    }

    fallback() external payable {
        address plugin = plugins[msg.sig];
        require(plugin != address(0), "unknown action");
        _dispatch(plugin);
    }

    function _dispatch(address plugin) internal {
        (bool ok, bytes memory result) = plugin.delegatecall(msg.data);
        if (!ok) {
            assembly {
                revert(add(result, 32), mload(result))
            }
        }
        assembly {
            return(add(result, 32), mload(result))
        }
    }
}
