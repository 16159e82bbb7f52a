pragma solidity 0.5.17;

interface IRoyaltyReceiver {
    function onRoyalty(uint256 songId, uint256 amount) external payable;
}

contract ArtistRoyalties {
    struct Song {
        string title;
        address label;
        address[] holders;
        uint16[] sharesBps;
        uint256 streams;
    }

    address public platform;
    uint256 public pricePerStream = 0.0001 ether;
    uint256 public songCount;

    mapping(uint256 => Song) internal songs;
    mapping(uint256 => mapping(address => uint256)) public owed;

    event SongRegistered(uint256 indexed songId, string title, address indexed label);
    event StreamsPaid(uint256 indexed songId, uint256 streams, uint256 amount);
    event RoyaltyCollected(uint256 indexed songId, address indexed holder, uint256 amount);

    modifier onlyPlatform() {
        require(msg.sender == platform, "platform only");
        _;
    }

    constructor() public {
        platform = msg.sender;
    }

    function register(string calldata title, address[] calldata holders, uint16[] calldata sharesBps) external returns (uint256 songId) {
        require(holders.length == sharesBps.length && holders.length > 0 && holders.length <= 8, "splits");
        uint256 sum = 0;
        for (uint256 i = 0; i < sharesBps.length; i++) {
            sum += sharesBps[i];
        }
        require(sum == 10000, "must total 100%");
        songId = ++songCount;
        Song storage s = songs[songId];
        s.title = title;
        s.label = msg.sender;
        s.holders = holders;
        s.sharesBps = sharesBps;
        emit SongRegistered(songId, title, msg.sender);
    }

    function payStreams(uint256 songId, uint256 streams) external payable onlyPlatform {
        Song storage s = songs[songId];
        require(s.label != address(0), "unknown song");
        require(msg.value == streams * pricePerStream, "amount");
        s.streams += streams;
        for (uint256 i = 0; i < s.holders.length; i++) {
            owed[songId][s.holders[i]] += msg.value * s.sharesBps[i] / 10000;
        }
        emit StreamsPaid(songId, streams, msg.value);
    }

    function collect(uint256 songId) external {
        uint256 amount = owed[songId][msg.sender];
        require(amount > 0, "nothing owed");
        if (_isContract(msg.sender)) {
            IRoyaltyReceiver(msg.sender).onRoyalty.value(amount)(songId, amount);
        } else {
            msg.sender.transfer(amount);
        }
        owed[songId][msg.sender] = 0;
        emit RoyaltyCollected(songId, msg.sender, amount);
    }

    function _isContract(address account) internal view returns (bool) {
        uint256 size;
        assembly {
            size := extcodesize(account)
        }
        return size > 0;
    }

    function splitsOf(uint256 songId) external view returns (address[] memory, uint16[] memory) {
        Song storage s = songs[songId];
        return (s.holders, s.sharesBps);
    }

    function setPricePerStream(uint256 price) external onlyPlatform {
        pricePerStream = price;
    }
}
