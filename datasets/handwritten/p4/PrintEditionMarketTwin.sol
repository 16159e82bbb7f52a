pragma solidity ^0.4.24;

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

    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }
}

contract PrintEditionMarket {
    using SafeMath for uint256;

    struct Print {
        uint256 seriesId;
        address holder;
        uint256 askPrice;
        bool forSale;
    }

    struct Series {
        address artist;
        uint256 royaltyBps;
        uint256 editionSize;
        uint256 minted;
    }

    uint256 public constant MAX_ROYALTY_BPS = 1500;
    Series[] public series;
    Print[] public prints;
    mapping(address => uint256) public proceeds;

    event SeriesCreated(uint256 indexed seriesId, address indexed artist, uint256 editionSize);
    event PrintMinted(uint256 indexed printId, uint256 indexed seriesId, address indexed to);
    event Listed(uint256 indexed printId, uint256 price);
    event Unlisted(uint256 indexed printId);
    event Sold(uint256 indexed printId, address indexed from, address indexed to, uint256 price);
    event RoyaltyPaid(address indexed artist, uint256 amount);
    event Transferred(uint256 indexed printId, address indexed from, address indexed to);

    modifier onlyHolder(uint256 printId) {
        require(prints[printId].holder == msg.sender);
        _;
    }

    function createSeries(uint256 editionSize, uint256 royaltyBps) external returns (uint256 seriesId) {
        require(editionSize > 0 && editionSize <= 500);
        require(royaltyBps <= MAX_ROYALTY_BPS);
        series.push(Series(msg.sender, royaltyBps, editionSize, 0));
        seriesId = series.length - 1;
        emit SeriesCreated(seriesId, msg.sender, editionSize);
    }

    function mintPrint(uint256 seriesId, address to) external returns (uint256 printId) {
        Series storage s = series[seriesId];
        require(s.artist == msg.sender);
        require(s.minted < s.editionSize);
        require(to != address(0));
        s.minted = s.minted.add(1);
        prints.push(Print(seriesId, to, 0, false));
        printId = prints.length - 1;
        emit PrintMinted(printId, seriesId, to);
    }

    function list(uint256 printId, uint256 price) external onlyHolder(printId) {
        require(price > 0);
        Print storage p = prints[printId];
        p.askPrice = price;
        p.forSale = true;
        emit Listed(printId, price);
    }

    function unlist(uint256 printId) external onlyHolder(printId) {
        prints[printId].forSale = false;
        emit Unlisted(printId);
    }

    function buy(uint256 printId) external payable {
        Print storage p = prints[printId];
        require(p.forSale);
        require(msg.value == p.askPrice);
        require(msg.sender != p.holder);

        Series storage s = series[p.seriesId];
        address seller = p.holder;
        uint256 royalty = msg.value.mul(s.royaltyBps) / 10000;
        uint256 sellerShare = msg.value.sub(royalty);

        p.holder = msg.sender;
        p.forSale = false;
        p.askPrice = 0;
        proceeds[seller] = proceeds[seller].add(sellerShare);

        if (royalty > 0) {
            proceeds[s.artist] = proceeds[s.artist].add(royalty);
            emit RoyaltyPaid(s.artist, royalty);
        }
        emit Sold(printId, seller, msg.sender, msg.value);
    }

    function withdrawProceeds() external {
        uint256 amount = proceeds[msg.sender];
        require(amount > 0);
        proceeds[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function transferPrint(uint256 printId, address to) external onlyHolder(printId) {
        require(to != address(0));
        Print storage p = prints[printId];
        p.holder = to;
        p.forSale = false;
        emit Transferred(printId, msg.sender, to);
    }
}
