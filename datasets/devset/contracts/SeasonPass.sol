pragma solidity 0.4.25;

contract SeasonPass {
    struct Pass {
        uint256 matchesLeft;
        uint256 purchasedAt;
        bool vip;
    }

    address public club;
    string public season;
    uint256 public pricePerMatch;
    uint256 public vipSurcharge;
    uint256 public matchesInSeason;
    uint256 public revenue;

    mapping(address => Pass) public passes;
    mapping(uint256 => mapping(address => bool)) public attended;

    event PassBought(address indexed fan, uint256 matches, bool vip, uint256 paid);
    event CheckedIn(address indexed fan, uint256 indexed matchId);
    event PriceUpdated(uint256 pricePerMatch, uint256 vipSurcharge);

    modifier onlyClub() {
        require(msg.sender == club);
        _;
    }

    constructor(string _season, uint256 _pricePerMatch, uint256 _matches) public {
        club = msg.sender;
        season = _season;
        pricePerMatch = _pricePerMatch;
        vipSurcharge = _pricePerMatch / 2;
        matchesInSeason = _matches;
    }

    function buyPass(uint256 matches, bool vip) public payable {
        require(matches > 0);
        uint256 unit = vip ? pricePerMatch + vipSurcharge : pricePerMatch;
        uint256 cost = unit * matches;
        require(msg.value == cost);
        Pass storage p = passes[msg.sender];
        p.matchesLeft += matches;
        p.purchasedAt = now;
        if (vip) {
            p.vip = true;
        }
        revenue += msg.value;
        emit PassBought(msg.sender, matches, vip, msg.value);
    }

    function checkIn(address fan, uint256 matchId) public onlyClub {
        require(matchId < matchesInSeason);
        require(!attended[matchId][fan]);
        Pass storage p = passes[fan];
        require(p.matchesLeft > 0);
        p.matchesLeft -= 1;
        attended[matchId][fan] = true;
        emit CheckedIn(fan, matchId);
    }

    function updatePrices(uint256 _pricePerMatch, uint256 _vipSurcharge) public onlyClub {
        pricePerMatch = _pricePerMatch;
        vipSurcharge = _vipSurcharge;
        emit PriceUpdated(_pricePerMatch, _vipSurcharge);
    }

    function collect() public onlyClub {
        uint256 amount = address(this).balance;
        club.transfer(amount);
    }

    function remaining(address fan) public view returns (uint256) {
        return passes[fan].matchesLeft;
    }
}
