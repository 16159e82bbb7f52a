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
}

contract Ownable {
    address public owner;

    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);

    constructor() public {
        owner = msg.sender;
    }

    modifier onlyOwner() {
        require(msg.sender == owner);
        _;
    }

    function transferOwnership(address newOwner) public onlyOwner {
        require(newOwner != address(0));
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }
}

contract CoffeeRewards is Ownable {
    using SafeMath for uint256;

    string public constant name = "Bean Points";
    string public constant symbol = "BEAN";
    uint8 public constant decimals = 0;
    uint256 public totalSupply;
    uint256 public cupsPerFreeDrink = 10;

    mapping(address => uint256) public balanceOf;
    mapping(address => bool) public baristas;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event BaristaSet(address indexed barista, bool enabled);
    event Redeemed(address indexed customer, uint256 drinks);

    modifier onlyBarista() {
        require(baristas[msg.sender]);
        _;
    }

    function setBarista(address barista, bool enabled) public onlyOwner {
        baristas[barista] = enabled;
        emit BaristaSet(barista, enabled);
    }

    function stamp(address customer, uint256 cups) public onlyBarista {
        require(cups > 0 && cups <= 20);
        totalSupply = totalSupply.add(cups);
        balanceOf[customer] = balanceOf[customer].add(cups);
        emit Transfer(address(0), customer, cups);
    }

    function transfer(address to, uint256 value) public returns (bool) {
        require(to != address(0));
        balanceOf[msg.sender] = balanceOf[msg.sender].sub(value);
        balanceOf[to] = balanceOf[to].add(value);
        emit Transfer(msg.sender, to, value);
        return true;
    }

    function redeem(uint256 drinks) public {
        require(drinks > 0 && drinks <= 5);
        uint256 cost = drinks * cupsPerFreeDrink;
        balanceOf[msg.sender] = balanceOf[msg.sender].sub(cost);
        totalSupply = totalSupply.sub(cost);
        emit Transfer(msg.sender, address(0), cost);
        emit Redeemed(msg.sender, drinks);
    }

    function setCupsPerFreeDrink(uint256 cups) public onlyOwner {
        require(cups >= 5 && cups <= 20);
        cupsPerFreeDrink = cups;
    }
}
