// SPDX-License-Identifier: MIT
pragma solidity 0.6.12;

interface IPriceConsumer {
    function onPrice(bytes32 pair, uint256 price, uint256 updatedAt) external;
}

contract PriceOracleHub {
    struct Feed {
        uint256 price;
        uint256 updatedAt;
        uint256 round;
        address lastReporter;
        uint256 maxDeviationBps;
    }

    address public owner;
    uint256 public reporterCount;

    mapping(bytes32 => Feed) public feeds;
    mapping(address => bool) public isReporter;
    mapping(bytes32 => address[]) internal subscribers;

    event ReporterAdded(address indexed reporter);
    event ReporterRemoved(address indexed reporter);
    event FeedCreated(bytes32 indexed pair, uint256 maxDeviationBps);
    event PriceUpdated(bytes32 indexed pair, uint256 price, uint256 round, address indexed reporter);

    modifier onlyOwner() {
        require(msg.sender == owner, "owner only");
        _;
    }

    modifier onlyReporter() {
        require(isReporter[msg.sender], "reporter only");
        _;
    }

    constructor() public {
        owner = msg.sender;
    }

    function addReporter(address reporter) external {
        require(reporter != address(0) && !isReporter[reporter], "reporter");
        isReporter[reporter] = true;
        reporterCount += 1;
        emit ReporterAdded(reporter);
    }

    function removeReporter(address reporter) external onlyOwner {
        require(isReporter[reporter], "unknown");
        isReporter[reporter] = false;
        reporterCount -= 1;
        emit ReporterRemoved(reporter);
    }

    function createFeed(bytes32 pair, uint256 initialPrice, uint256 maxDeviationBps) external onlyOwner {
        require(feeds[pair].round == 0, "exists");
        require(maxDeviationBps > 0 && maxDeviationBps <= 5000, "deviation");
        feeds[pair] = Feed(initialPrice, block.timestamp, 1, msg.sender, maxDeviationBps);
        emit FeedCreated(pair, maxDeviationBps);
    }

    function subscribe(bytes32 pair, address consumer) external onlyOwner {
        require(subscribers[pair].length < 10, "full");
        subscribers[pair].push(consumer);
    }

    function report(bytes32 pair, uint256 price) external onlyReporter {
        Feed storage f = feeds[pair];
        require(f.round > 0, "no feed");
        require(price > 0, "zero price");
        uint256 diff = price > f.price ? price - f.price : f.price - price;
        require(diff * 10000 <= f.price * f.maxDeviationBps, "deviation too large");
        f.price = price;
        f.updatedAt = block.timestamp;
        f.round += 1;
        f.lastReporter = msg.sender;
        emit PriceUpdated(pair, price, f.round, msg.sender);
        _push(pair, f);
    }

    function _push(bytes32 pair, Feed storage f) internal {
        address[] storage subs = subscribers[pair];
        for (uint256 i = 0; i < subs.length; i++) {
            try IPriceConsumer(subs[i]).onPrice(pair, f.price, f.updatedAt) {
            } catch {
            }
        }
    }

    function latest(bytes32 pair) external view returns (uint256 price, uint256 updatedAt) {
        Feed storage f = feeds[pair];
        require(f.round > 0, "no feed");
        return (f.price, f.updatedAt);
    }
}
