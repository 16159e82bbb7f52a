pragma solidity 0.4.25;

library SafeMath {
    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }
}

contract CarbonCredits {
    using SafeMath for uint256;

    struct Project {
        string registryRef;
        address developer;
        uint256 issued;
        uint256 retired;
        bool active;
    }

    string public constant name = "Verified Carbon Tonne";
    string public constant symbol = "VCT";
    uint8 public constant decimals = 0;

    address public registrar;
    uint256 public totalSupply;
    uint256 public projectCount;

    mapping(address => uint256) public balanceOf;
    mapping(address => bool) public verifiers;
    mapping(uint256 => Project) public projects;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event ProjectAdded(uint256 indexed id, address indexed developer, string registryRef);
    event ProjectClosed(uint256 indexed id);
    event Issued(uint256 indexed projectId, address indexed to, uint256 tonnes);
    event Retired(address indexed holder, uint256 indexed projectId, uint256 tonnes);
    event VerifierSet(address indexed verifier, bool enabled);

    modifier onlyRegistrar() {
        require(msg.sender == registrar);
        _;
    }

    modifier onlyVerifier() {
        require(verifiers[msg.sender]);
        _;
    }

    modifier activeProject(uint256 id) {
        require(projects[id].active);
        _;
    }

    constructor() public {
        registrar = msg.sender;
    }

    function setVerifier(address who, bool enabled) external onlyRegistrar {
        verifiers[who] = enabled;
        emit VerifierSet(who, enabled);
    }

    function addProject(string registryRef, address developer) external onlyVerifier returns (uint256 id) {
        require(developer != address(0));
        id = ++projectCount;
        projects[id] = Project(registryRef, developer, 0, 0, true);
        emit ProjectAdded(id, developer, registryRef);
    }

    function closeProject(uint256 id) external onlyVerifier activeProject(id) {
        projects[id].active = false;
        emit ProjectClosed(id);
    }

    function issue(uint256 projectId, uint256 tonnes) external activeProject(projectId) {
        Project storage p = projects[projectId];
        p.issued = p.issued.add(tonnes);
        totalSupply = totalSupply.add(tonnes);
        balanceOf[p.developer] = balanceOf[p.developer].add(tonnes);
        emit Issued(projectId, p.developer, tonnes);
        emit Transfer(address(0), p.developer, tonnes);
    }

    function transfer(address to, uint256 value) external returns (bool) {
        require(to != address(0));
        balanceOf[msg.sender] = balanceOf[msg.sender].sub(value);
        balanceOf[to] = balanceOf[to].add(value);
        emit Transfer(msg.sender, to, value);
        return true;
    }

    function retire(uint256 projectId, uint256 tonnes) external {
        require(projectId > 0 && projectId <= projectCount);
        balanceOf[msg.sender] = balanceOf[msg.sender].sub(tonnes);
        totalSupply = totalSupply.sub(tonnes);
        projects[projectId].retired = projects[projectId].retired.add(tonnes);
        emit Retired(msg.sender, projectId, tonnes);
        emit Transfer(msg.sender, address(0), tonnes);
    }
}
