pragma solidity ^0.5.0;

contract CoverPoolProxy {
    bytes32 private constant IMPLEMENTATION_SLOT = keccak256("coverpool.proxy.implementation");
    bytes32 private constant ADMIN_SLOT = keccak256("coverpool.proxy.admin");
    bytes32 private constant PENDING_SLOT = keccak256("coverpool.proxy.pending");
    bytes32 private constant READY_AT_SLOT = keccak256("coverpool.proxy.readyAt");

    uint256 public constant UPGRADE_DELAY = 2 days;

    event UpgradeProposed(address indexed implementation, uint256 readyAt);
    event UpgradeCancelled(address indexed implementation);
    event Upgraded(address indexed implementation);
    event AdminChanged(address indexed previousAdmin, address indexed newAdmin);

    modifier onlyAdmin() {
        require(msg.sender == _load(ADMIN_SLOT), "admin only");
        _;
    }

    constructor(address initialImplementation) public {
        require(_isContract(initialImplementation), "not a contract");
        _store(ADMIN_SLOT, msg.sender);
        _store(IMPLEMENTATION_SLOT, initialImplementation);
    }

    function proxyAdmin() external view returns (address) {
        return _load(ADMIN_SLOT);
    }

    function proxyImplementation() external view returns (address) {
        return _load(IMPLEMENTATION_SLOT);
    }

    function pendingUpgrade() external view returns (address implementation, uint256 readyAt) {
        implementation = _load(PENDING_SLOT);
        bytes32 slot = READY_AT_SLOT;
        assembly {
            readyAt := sload(slot)
        }
    }

    function proposeUpgrade(address newImplementation) external onlyAdmin {
        require(_isContract(newImplementation), "not a contract");
        uint256 readyAt = now + UPGRADE_DELAY;
        bytes32 slot = READY_AT_SLOT;
        _store(PENDING_SLOT, newImplementation);
        assembly {
            sstore(slot, readyAt)
        }
        emit UpgradeProposed(newImplementation, readyAt);
    }

    function cancelUpgrade() external onlyAdmin {
        address pending = _load(PENDING_SLOT);
        require(pending != address(0), "nothing pending");
        _store(PENDING_SLOT, address(0));
        emit UpgradeCancelled(pending);
    }

    function executeUpgrade() external onlyAdmin {
        address pending = _load(PENDING_SLOT);
        require(pending != address(0), "nothing pending");
        uint256 readyAt;
        bytes32 slot = READY_AT_SLOT;
        assembly {
            readyAt := sload(slot)
        }
        require(now >= readyAt, "delay not over");
        _store(IMPLEMENTATION_SLOT, pending);
        _store(PENDING_SLOT, address(0));
        emit Upgraded(pending);
    }

    function changeAdmin(address newAdmin) external onlyAdmin {
        require(newAdmin != address(0), "zero admin");
        emit AdminChanged(_load(ADMIN_SLOT), newAdmin);
        _store(ADMIN_SLOT, newAdmin);
    }

    function () external payable {
        address impl = _load(IMPLEMENTATION_SLOT);
        (bool ok, bytes memory ret) = impl.delegatecall(msg.data);
        if (!ok) {
            assembly {
                revert(add(ret, 0x20), mload(ret))
            }
        }
        assembly {
            return(add(ret, 0x20), mload(ret))
        }
    }

    function _load(bytes32 slot) internal view returns (address value) {
        assembly {
            value := sload(slot)
        }
    }

    function _store(bytes32 slot, address value) internal {
        assembly {
            sstore(slot, value)
        }
    }

    function _isContract(address account) internal view returns (bool) {
        uint256 size;
        assembly {
            size := extcodesize(account)
        }
        return size > 0;
    }
}
