pragma solidity 0.4.25;

contract BillboardSlot {
    struct Ad {
        address advertiser;
        string headline;
        string link;
        uint256 paid;
        uint256 since;
    }

    address public landlord;
    uint256 public minimumIncrement = 0.01 ether;
    uint256 public landlordShareBps = 1000;
    uint256 public landlordBalance;
    uint256 public changes;

    Ad public current;

    event AdChanged(address indexed advertiser, string headline, uint256 paid);
    event HeadlineEdited(address indexed advertiser, string headline);

    modifier onlyLandlord() {
        require(msg.sender == landlord);
        _;
    }

    constructor() public {
        landlord = msg.sender;
        current = Ad(msg.sender, "Your brand here", "", 0, now);
    }

    function takeOver(string headline, string link) public payable {
        require(bytes(headline).length > 0 && bytes(headline).length <= 80);
        require(msg.value >= current.paid + minimumIncrement);

        uint256 refund = current.paid * (10000 - landlordShareBps) / 10000;
        landlordBalance += current.paid - refund;
        if (refund > 0) {
            require(current.advertiser.send(refund));
        }

        current = Ad(msg.sender, headline, link, msg.value, now);
        changes += 1;
        emit AdChanged(msg.sender, headline, msg.value);
    }

    function editHeadline(string headline) public {
        require(msg.sender == current.advertiser);
        require(bytes(headline).length > 0 && bytes(headline).length <= 80);
        current.headline = headline;
        emit HeadlineEdited(msg.sender, headline);
    }

    function setIncrement(uint256 increment) public onlyLandlord {
        require(increment > 0);
        minimumIncrement = increment;
    }

    function withdrawShare() public onlyLandlord {
        uint256 amount = landlordBalance;
        landlordBalance = 0;
        landlord.transfer(amount);
    }

    function currentPrice() public view returns (uint256) {
        return current.paid + minimumIncrement;
    }
}
