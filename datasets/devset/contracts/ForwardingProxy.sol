pragma solidity 0.4.25;

contract GuestbookLogic {
    struct Entry {
        address author;
        string message;
        uint256 tipped;
    }

    address public lastAuthor;
    uint256 public entryCount;
    mapping(uint256 => Entry) public entries;
    mapping(address => uint256) public tipsOwed;

    event Signed(uint256 indexed id, address indexed author);
    event Tipped(uint256 indexed id, address indexed from, uint256 amount);

    function sign(string message) external {
        require(bytes(message).length > 0 && bytes(message).length <= 280);
        entryCount += 1;
        entries[entryCount] = Entry(msg.sender, message, 0);
        lastAuthor = msg.sender;
        emit Signed(entryCount, msg.sender);
    }

    function tip(uint256 id) external payable {
        Entry storage e = entries[id];
        require(e.author != address(0) && msg.value > 0);
        e.tipped += msg.value;
        tipsOwed[e.author] += msg.value;
        emit Tipped(id, msg.sender, msg.value);
    }

    function withdrawTips() external {
        uint256 amount = tipsOwed[msg.sender];
        require(amount > 0);
        tipsOwed[msg.sender] = 0;
        msg.sender.transfer(amount);
    }
}

contract ForwardingProxy {
    address public admin;
    address public logic;
    uint256 public version;

    event Upgraded(address indexed logic, uint256 version);
    event AdminChanged(address indexed admin);

    modifier onlyAdmin() {
        require(msg.sender == admin);
        _;
    }

    constructor(address initialLogic) public {
        admin = msg.sender;
        logic = initialLogic;
        version = 1;
    }

    function upgrade(address nextLogic) external onlyAdmin {
        require(nextLogic != address(0) && nextLogic != logic);
        logic = nextLogic;
        version += 1;
        emit Upgraded(nextLogic, version);
    }

    function changeAdmin(address next) external onlyAdmin {
        require(next != address(0));
        admin = next;
        emit AdminChanged(next);
    }

    function () external payable {
        require(logic != address(0));
        require(logic.delegatecall(msg.data));
    }
}
