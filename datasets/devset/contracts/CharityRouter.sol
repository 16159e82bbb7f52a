pragma solidity ^0.4.24;

contract CharityRouter {
    struct Charity {
        string name;
        address wallet;
        uint256 received;
        bool listed;
    }

    address public curator;
    uint256 public platformCut = 2;
    uint256 public platformBalance;

    mapping(bytes32 => Charity) public charities;
    bytes32[] public charityIds;
    mapping(address => uint256) public givenBy;

    event Listed(bytes32 indexed id, string name, address wallet);
    event Delisted(bytes32 indexed id);
    event WalletChanged(bytes32 indexed id, address wallet);
    event Donated(address indexed donor, bytes32 indexed id, uint256 amount);

    modifier onlyCurator() {
        require(msg.sender == curator);
        _;
    }

    modifier listedCharity(bytes32 id) {
        require(charities[id].listed);
        _;
    }

    constructor() public {
        curator = msg.sender;
    }

    function list(bytes32 id, string name, address wallet) external onlyCurator {
        require(!charities[id].listed && wallet != address(0));
        charities[id] = Charity(name, wallet, 0, true);
        charityIds.push(id);
        emit Listed(id, name, wallet);
    }

    function delist(bytes32 id) external onlyCurator listedCharity(id) {
        charities[id].listed = false;
        emit Delisted(id);
    }

    function changeWallet(bytes32 id, address wallet) external onlyCurator listedCharity(id) {
        require(wallet != address(0));
        charities[id].wallet = wallet;
        emit WalletChanged(id, wallet);
    }

    function donate(bytes32 id) external payable listedCharity(id) {
        require(msg.value > 0);
        Charity storage c = charities[id];
        uint256 cut = msg.value * platformCut / 100;
        uint256 share = msg.value - cut;
        platformBalance += cut;
        c.received += share;
        givenBy[msg.sender] += msg.value;
        c.wallet.call.value(share)();
        emit Donated(msg.sender, id, share);
    }

    function withdrawPlatform(address to) external onlyCurator {
        require(to != address(0));
        uint256 amount = platformBalance;
        platformBalance = 0;
        to.transfer(amount);
    }

    function charityCount() external view returns (uint256) {
        return charityIds.length;
    }
}
