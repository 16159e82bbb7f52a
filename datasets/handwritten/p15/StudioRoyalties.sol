pragma solidity 0.4.25;

contract StudioRoyalties {
    struct Track {
        string title;
        address artist;
        uint256 artistPercent;
        uint256 totalEarned;
        bool listed;
    }

    address public studio;
    uint256 public studioBalance;
    uint256 public trackCount;

    mapping(uint256 => Track) public tracks;
    mapping(address => uint256) public artistBalance;
    mapping(address => uint256) public artistLifetime;

    event TrackRegistered(uint256 indexed trackId, string title, address indexed artist, uint256 artistPercent);
    event RoyaltyReceived(uint256 indexed trackId, address indexed payer, uint256 amount);
    event ArtistPaid(address indexed artist, uint256 amount);
    event StudioWithdrawal(address indexed to, uint256 amount);
    event ArtistAddressChanged(uint256 indexed trackId, address indexed newArtist);

    modifier onlyStudio() {
        require(tx.origin == studio, "studio only");
        _;
    }

    modifier trackExists(uint256 trackId) {
        require(tracks[trackId].listed, "unknown track");
        _;
    }

    constructor() public {
        studio = msg.sender;
    }

    function registerTrack(string title, address artist, uint256 artistPercent) public onlyStudio returns (uint256) {
        require(artist != address(0), "zero address");
        require(artistPercent >= 10 && artistPercent <= 90, "split out of range");
        trackCount += 1;
        Track storage t = tracks[trackCount];
        t.title = title;
        t.artist = artist;
        t.artistPercent = artistPercent;
        t.listed = true;
        emit TrackRegistered(trackCount, title, artist, artistPercent);
        return trackCount;
    }

    function payRoyalty(uint256 trackId) public payable trackExists(trackId) {
        require(msg.value > 0, "empty payment");
        Track storage t = tracks[trackId];
        uint256 artistPart = msg.value * t.artistPercent / 100;
        t.totalEarned += msg.value;
        artistBalance[t.artist] += artistPart;
        artistLifetime[t.artist] += artistPart;
        studioBalance += msg.value - artistPart;
        emit RoyaltyReceived(trackId, msg.sender, msg.value);
    }

    function withdrawArtistBalance() public {
        uint256 amount = artistBalance[msg.sender];
        require(amount > 0, "nothing owed");
        artistBalance[msg.sender] = 0;
        msg.sender.transfer(amount);
        emit ArtistPaid(msg.sender, amount);
    }

    function changeArtistAddress(uint256 trackId, address newArtist) public trackExists(trackId) {
        Track storage t = tracks[trackId];
        require(msg.sender == t.artist, "artist only");
        require(newArtist != address(0), "zero address");
        t.artist = newArtist;
        emit ArtistAddressChanged(trackId, newArtist);
    }

    function withdrawStudioShare(address to, uint256 amount) public onlyStudio {
        require(to != address(0), "zero address");
        require(amount <= studioBalance, "exceeds studio share");
        studioBalance -= amount;
        to.transfer(amount);
        emit StudioWithdrawal(to, amount);
    }

    function delistTrack(uint256 trackId) public onlyStudio trackExists(trackId) {
        tracks[trackId].listed = false;
    }

    function handOverStudio(address newStudio) public onlyStudio {
        require(newStudio != address(0), "zero address");
        studio = newStudio;
    }

    function earningsOf(uint256 trackId) public view returns (uint256 total, uint256 artistShare) {
        Track storage t = tracks[trackId];
        total = t.totalEarned;
        artistShare = total * t.artistPercent / 100;
    }
}
