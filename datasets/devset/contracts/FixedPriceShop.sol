// SPDX-License-Identifier: MIT
pragma solidity ^0.6.12;

contract FixedPriceShop {
    struct Listing {
        string title;
        uint256 weiPerUnit;
        uint256 stock;
        uint256 sold;
        bool active;
    }

    address payable public shopkeeper;
    uint256 public listingCount;

    mapping(uint256 => Listing) public listings;
    mapping(uint256 => mapping(address => uint256)) public unitsOwned;

    event Listed(uint256 indexed id, string title, uint256 weiPerUnit, uint256 stock);
    event Repriced(uint256 indexed id, uint256 weiPerUnit);
    event Bought(uint256 indexed id, address indexed buyer, uint256 units, uint256 paid);
    event Restocked(uint256 indexed id, uint256 stock);

    modifier onlyShopkeeper() {
        require(msg.sender == shopkeeper, "shopkeeper only");
        _;
    }

    constructor() public {
        shopkeeper = msg.sender;
    }

    function list(string calldata title, uint256 weiPerUnit, uint256 stock) external onlyShopkeeper returns (uint256) {
        require(weiPerUnit > 0, "free items not supported");
        listingCount += 1;
        listings[listingCount] = Listing(title, weiPerUnit, stock, 0, true);
        emit Listed(listingCount, title, weiPerUnit, stock);
        return listingCount;
    }

    function reprice(uint256 id, uint256 weiPerUnit) external onlyShopkeeper {
        require(weiPerUnit > 0, "zero price");
        listings[id].weiPerUnit = weiPerUnit;
        emit Repriced(id, weiPerUnit);
    }

    function restock(uint256 id, uint256 extra) external onlyShopkeeper {
        Listing storage l = listings[id];
        require(l.stock + extra >= l.stock, "bad restock");
        l.stock += extra;
        emit Restocked(id, l.stock);
    }

    function buy(uint256 id) external payable {
        Listing storage l = listings[id];
        require(l.active, "inactive");
        require(msg.value > 0, "no payment");
        uint256 units = msg.value / l.weiPerUnit;
        require(units > 0, "payment below unit price");
        require(l.sold + units <= l.stock, "not enough stock");
        l.sold += units;
        unitsOwned[id][msg.sender] += units;
        emit Bought(id, msg.sender, units, msg.value);
    }

    function setActive(uint256 id, bool active) external onlyShopkeeper {
        listings[id].active = active;
    }

    function withdraw() external onlyShopkeeper {
        (bool ok, ) = shopkeeper.call{value: address(this).balance}("");
        require(ok, "withdraw failed");
    }
}
