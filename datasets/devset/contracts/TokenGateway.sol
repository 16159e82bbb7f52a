pragma solidity 0.5.17;

interface IERC20 {
    function transfer(address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
}

contract TokenGateway {
    struct Route {
        address handler;
        address registeredBy;
        uint256 deposits;
        bool paused;
    }

    address public guardian;
    uint256 public depositCount;

    mapping(address => Route) public routes;
    mapping(address => mapping(address => uint256)) public credited;

    event RouteRegistered(address indexed token, address indexed handler, address indexed by);
    event RoutePaused(address indexed token, bool paused);
    event Deposited(address indexed token, address indexed account, uint256 amount, bytes32 destination);
    event Released(address indexed token, address indexed account, uint256 amount);

    modifier onlyGuardian() {
        require(msg.sender == guardian, "guardian only");
        _;
    }

    modifier routed(address token) {
        Route storage r = routes[token];
        require(r.handler != address(0) && !r.paused, "no route");
        _;
    }

    constructor() public {
        guardian = msg.sender;
    }

    function registerRoute(address token, address handler) external {
        require(routes[token].handler == address(0), "route exists");
        require(handler != address(0), "handler");
        routes[token] = Route(handler, msg.sender, 0, false);
        emit RouteRegistered(token, handler, msg.sender);
    }

    function pauseRoute(address token, bool paused) external onlyGuardian {
        routes[token].paused = paused;
        emit RoutePaused(token, paused);
    }

    function deposit(address token, uint256 amount, bytes32 destination) external routed(token) {
        Route storage r = routes[token];
        (bool ok, ) = r.handler.delegatecall(abi.encodeWithSignature("pull(address,address,uint256)", token, msg.sender, amount));
        require(ok, "pull failed");
        r.deposits += 1;
        depositCount += 1;
        credited[token][msg.sender] += amount;
        emit Deposited(token, msg.sender, amount, destination);
    }

    function release(address token, address account, uint256 amount) external onlyGuardian {
        require(credited[token][account] >= amount, "credited");
        credited[token][account] -= amount;
        require(IERC20(token).transfer(account, amount), "transfer failed");
        emit Released(token, account, amount);
    }

    function lockedBalance(address token) external view returns (uint256) {
        return IERC20(token).balanceOf(address(this));
    }

    function setGuardian(address next) external onlyGuardian {
        require(next != address(0), "zero");
        guardian = next;
    }
}
