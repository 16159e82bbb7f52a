pragma solidity ^0.5.0;

contract PodcastSponsorship {
    struct Episode {
        string topic;
        uint256 offersClose;
        address sponsor;
        uint256 offer;
        bool booked;
    }

    address payable public host;
    uint256 public constant RAISE_PERCENT = 10;
    uint256 public hostEarnings;
    uint256 public floorOffer;

    Episode[] public episodes;
    mapping(address => uint256) public refundable;

    event EpisodeAnnounced(uint256 indexed episodeId, string topic, uint256 offersClose);
    event OfferMade(uint256 indexed episodeId, address indexed sponsor, uint256 amount);
    event OfferReleased(uint256 indexed episodeId, address indexed sponsor, uint256 amount);
    event EpisodeBooked(uint256 indexed episodeId, address indexed sponsor, uint256 amount);
    event Withdrawn(address indexed account, uint256 amount);

    modifier onlyHost() {
        require(msg.sender == host, "host only");
        _;
    }

    constructor(uint256 _floorOffer) public {
        require(_floorOffer > 0, "zero floor");
        host = msg.sender;
        floorOffer = _floorOffer;
    }

    function announce(string calldata _topic, uint256 _days) external onlyHost returns (uint256) {
        require(_days >= 1 && _days <= 21, "bad window");
        uint256 closes = now + _days * 1 days;
        episodes.push(Episode(_topic, closes, address(0), 0, false));
        emit EpisodeAnnounced(episodes.length - 1, _topic, closes);
        return episodes.length - 1;
    }

    function requiredOffer(uint256 _episodeId) public view returns (uint256) {
        Episode storage ep = episodes[_episodeId];
        if (ep.sponsor == address(0)) {
            return floorOffer;
        }
        return ep.offer + (ep.offer * RAISE_PERCENT) / 100;
    }

    function makeOffer(uint256 _episodeId) external payable {
        Episode storage ep = episodes[_episodeId];
        require(now < ep.offersClose, "offers closed");
        require(msg.value >= requiredOffer(_episodeId), "offer too low");
        address previous = ep.sponsor;
        uint256 previousOffer = ep.offer;
        ep.sponsor = msg.sender;
        ep.offer = msg.value;
        if (previous != address(0)) {
            refundable[previous] += previousOffer;
            emit OfferReleased(_episodeId, previous, previousOffer);
        }
        emit OfferMade(_episodeId, msg.sender, msg.value);
    }

    function book(uint256 _episodeId) external onlyHost {
        Episode storage ep = episodes[_episodeId];
        require(now >= ep.offersClose, "offers still open");
        require(!ep.booked, "already booked");
        ep.booked = true;
        hostEarnings += ep.offer;
        emit EpisodeBooked(_episodeId, ep.sponsor, ep.offer);
    }

    function withdrawRefund() external {
        uint256 amount = refundable[msg.sender];
        require(amount > 0, "nothing to withdraw");
        refundable[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function withdrawEarnings() external onlyHost {
        uint256 amount = hostEarnings;
        require(amount > 0, "nothing earned");
        hostEarnings = 0;
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function episodeCount() external view returns (uint256) {
        return episodes.length;
    }
}
