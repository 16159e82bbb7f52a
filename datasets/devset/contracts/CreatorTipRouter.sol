// SPDX-License-Identifier: MIT
pragma solidity ^0.8.17;

contract CreatorTipRouter {
    struct Creator {
        string handle;
        uint256 earned;
        uint256 withdrawn;
        bool listed;
    }

    address public owner;
    uint16 public feeBps = 250;
    uint256 public fees;

    mapping(address => Creator) public creators;

    event CreatorListed(address indexed creator, string handle);
    event Tipped(address indexed fan, address indexed creator, uint256 amount);
    event Withdrawn(address indexed creator, uint256 amount);

    error NotListed(address creator);
    error LengthMismatch();
    error WrongValue(uint256 expected, uint256 sent);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function list(string calldata handle) external {
        require(bytes(handle).length >= 3 && bytes(handle).length <= 32, "handle");
        require(!creators[msg.sender].listed, "listed");
        creators[msg.sender] = Creator(handle, 0, 0, true);
        emit CreatorListed(msg.sender, handle);
    }

    function rename(string calldata handle) external {
        require(creators[msg.sender].listed, "not listed");
        require(bytes(handle).length >= 3 && bytes(handle).length <= 32, "handle");
        creators[msg.sender].handle = handle;
    }

    function tip(address creator) external payable {
        _credit(creator, msg.value);
    }

    function tipMany(address[] calldata to, uint256[] calldata amounts) external payable {
        if (to.length != amounts.length) revert LengthMismatch();
        uint256 total;
        for (uint256 i = 0; i < amounts.length; ) {
            unchecked {
                total += amounts[i];
                ++i;
            }
        }
        if (total != msg.value) revert WrongValue(total, msg.value);
        for (uint256 i = 0; i < to.length; i++) {
            _credit(to[i], amounts[i]);
        }
    }

    function _credit(address creator, uint256 amount) internal {
        Creator storage c = creators[creator];
        if (!c.listed) revert NotListed(creator);
        c.earned += amount;
        emit Tipped(msg.sender, creator, amount);
    }

    function withdraw(uint256 amount) external {
        Creator storage c = creators[msg.sender];
        require(amount > 0 && amount <= c.earned - c.withdrawn, "amount");
        c.withdrawn += amount;
        uint256 fee = (amount * feeBps) / 10_000;
        fees += fee;
        (bool ok, ) = payable(msg.sender).call{value: amount - fee}("");
        require(ok, "withdraw failed");
        emit Withdrawn(msg.sender, amount - fee);
    }

    function available(address creator) external view returns (uint256) {
        Creator storage c = creators[creator];
        return c.earned - c.withdrawn;
    }

    function setFee(uint16 bps) external onlyOwner {
        require(bps <= 1_000, "fee");
        feeBps = bps;
    }

    function collectFees() external onlyOwner {
        uint256 amount = fees;
        fees = 0;
        (bool ok, ) = payable(owner).call{value: amount}("");
        require(ok, "collect failed");
    }
}
