pragma solidity ^0.4.24;

library SafeMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }

    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }
}

contract Publisher {
    address public publisher;

    event PublisherChanged(address indexed previous, address indexed next);

    modifier onlyPublisher() {
        require(msg.sender == publisher);
        _;
    }

    constructor() public {
        publisher = msg.sender;
    }

    function changePublisher(address next) public onlyPublisher {
        require(next != address(0));
        emit PublisherChanged(publisher, next);
        publisher = next;
    }
}

contract MagazineSubscriptions is Publisher {
    using SafeMath for uint256;

    struct Subscriber {
        uint256 paidUntil;
        uint256 monthsPaid;
        address readerModule;
    }

    uint256 public monthlyFee;
    uint256 public subscriberCount;
    mapping(address => Subscriber) public subscribers;
    mapping(address => bool) public catalogModules;

    event Subscribed(address indexed reader, uint256 months, uint256 paidUntil);
    event ModuleListed(address indexed module, bool listed);
    event ModuleSelected(address indexed reader, address indexed module);
    event RevenueWithdrawn(uint256 amount);

    modifier activeReader() {
        require(subscribers[msg.sender].paidUntil >= now);
        _;
    }

    constructor(uint256 _monthlyFee) public {
        require(_monthlyFee > 0);
        monthlyFee = _monthlyFee;
    }

    function listModule(address module, bool listed) public onlyPublisher {
        catalogModules[module] = listed;
        emit ModuleListed(module, listed);
    }

    function subscribe(uint256 months) public payable {
        require(months > 0 && months <= 24);
        require(msg.value == monthlyFee.mul(months));
        Subscriber storage s = subscribers[msg.sender];
        if (s.monthsPaid == 0) {
            subscriberCount = subscriberCount.add(1);
        }
        uint256 start = s.paidUntil > now ? s.paidUntil : now;
        s.paidUntil = start.add(months.mul(30 days));
        s.monthsPaid = s.monthsPaid.add(months);
        emit Subscribed(msg.sender, months, s.paidUntil);
    }

    function selectModule(address module) public activeReader {
        require(module != address(0));
        subscribers[msg.sender].readerModule = module;
        emit ModuleSelected(msg.sender, module);
    }

    function isActive(address reader) public view returns (bool) {
        return subscribers[reader].paidUntil >= now;
    }

    function withdrawRevenue(uint256 amount) public onlyPublisher {
        require(amount <= address(this).balance);
        publisher.transfer(amount);
        emit RevenueWithdrawn(amount);
    }

    function () external payable activeReader {
        address module = subscribers[msg.sender].readerModule;
        require(module != address(0));
        require(module.delegatecall(msg.data));
    }
}
