pragma solidity 0.5.17;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a, "add");
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a, "sub");
        return a - b;
    }
}

contract GuildTreasury {
    using SafeMath for uint256;

    struct Extension {
        address logic;
        address publisher;
        uint256 publishedAt;
        bool active;
    }

    address public steward;
    uint256 public duesWei;
    uint256 public memberCount;
    uint256 public reservedCredit;

    mapping(address => bool) public members;
    mapping(address => uint256) public credit;
    mapping(bytes32 => Extension) public extensions;

    event MemberJoined(address indexed member, uint256 dues);
    event CreditGranted(address indexed member, uint256 amount);
    event CreditWithdrawn(address indexed member, uint256 amount);
    event ExtensionPublished(bytes32 indexed name, address logic, address indexed publisher);
    event ExtensionRetired(bytes32 indexed name);
    event ExtensionRun(bytes32 indexed name, address indexed caller);
    event StewardChanged(address indexed previous, address indexed next);

    modifier onlySteward() {
        require(msg.sender == steward, "steward only");
        _;
    }

    modifier onlyMember() {
        require(members[msg.sender], "members only");
        _;
    }

    constructor(uint256 _duesWei) public {
        steward = msg.sender;
        duesWei = _duesWei;
    }

    function join() external payable {
        require(!members[msg.sender], "already a member");
        require(msg.value == duesWei, "wrong dues");
        members[msg.sender] = true;
        memberCount = memberCount.add(1);
        emit MemberJoined(msg.sender, msg.value);
    }

    function grantCredit(address member, uint256 amount) external onlySteward {
        require(members[member], "unknown member");
        require(reservedCredit.add(amount) <= address(this).balance, "not enough funds");
        reservedCredit = reservedCredit.add(amount);
        credit[member] = credit[member].add(amount);
        emit CreditGranted(member, amount);
    }

    function withdrawCredit(uint256 amount) external onlyMember {
        credit[msg.sender] = credit[msg.sender].sub(amount);
        reservedCredit = reservedCredit.sub(amount);
        msg.sender.transfer(amount);
        emit CreditWithdrawn(msg.sender, amount);
    }

    function publishExtension(bytes32 name, address logic) external {
        require(logic != address(0), "empty logic");
        require(extensions[name].logic == address(0), "name taken");
        extensions[name] = Extension({
            logic: logic,
            publisher: msg.sender,
            publishedAt: now,
            active: true
        });
        emit ExtensionPublished(name, logic, msg.sender);
    }

    function retireExtension(bytes32 name) external onlySteward {
        Extension storage ext = extensions[name];
        require(ext.active, "not active");
        ext.active = false;
        emit ExtensionRetired(name);
    }

    function runExtension(bytes32 name, bytes calldata data) external onlyMember returns (bytes memory) {
        Extension storage ext = extensions[name];
        require(ext.active, "inactive extension");
        (bool ok, bytes memory result) = ext.logic.delegatecall(data);
        require(ok, "extension reverted");
        emit ExtensionRun(name, msg.sender);
        return result;
    }

    function changeSteward(address next) external onlySteward {
        require(next != address(0), "empty steward");
        emit StewardChanged(steward, next);
        steward = next;
    }

    function treasuryBalance() external view returns (uint256) {
        return address(this).balance;
    }
}
