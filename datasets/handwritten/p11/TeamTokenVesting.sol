pragma solidity ^0.4.24;

library SafeMath {
    function mul(uint256 a, uint256 b) internal pure returns (uint256) {
        if (a == 0) {
            return 0;
        }
        uint256 c = a * b;
        require(c / a == b);
        return c;
    }

    function div(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b > 0);
        return a / b;
    }

    function sub(uint256 a, uint256 b) internal pure returns (uint256) {
        require(b <= a);
        return a - b;
    }

    function add(uint256 a, uint256 b) internal pure returns (uint256) {
        uint256 c = a + b;
        require(c >= a);
        return c;
    }
}

interface ERC20Basic {
    function transfer(address to, uint256 value) external returns (bool);
    function balanceOf(address who) external view returns (uint256);
}

contract TeamTokenVesting {
    using SafeMath for uint256;

    struct Grant {
        uint256 total;
        uint256 released;
        uint256 start;
        uint16 cliffMonths;
        uint16 durationMonths;
        bool revoked;
    }

    uint256 public constant MONTH = 30 days;

    ERC20Basic public token;
    address public board;
    uint256 public committed;
    mapping(address => Grant) public grants;

    event GrantCreated(address indexed member, uint256 total, uint256 start, uint16 cliffMonths, uint16 durationMonths);
    event TokensReleased(address indexed member, uint256 amount, uint256 releasedAt);
    event GrantRevoked(address indexed member, uint256 returned);

    modifier onlyBoard() {
        require(msg.sender == board);
        _;
    }

    constructor(ERC20Basic _token) public {
        token = _token;
        board = msg.sender;
    }

    function createGrant(address member, uint256 total, uint16 cliffMonths, uint16 durationMonths) external onlyBoard {
        require(member != address(0));
        require(grants[member].total == 0);
        require(total > 0);
        require(durationMonths >= 6 && durationMonths <= 60);
        require(cliffMonths <= durationMonths);
        require(token.balanceOf(address(this)) >= committed.add(total));

        committed = committed.add(total);
        grants[member] = Grant(total, 0, now, cliffMonths, durationMonths, false);
        emit GrantCreated(member, total, now, cliffMonths, durationMonths);
    }

    function release() external {
        Grant storage g = grants[msg.sender];
        require(g.total > 0 && !g.revoked);

        uint256 amount = _vested(g).sub(g.released);
        require(amount > 0);

        g.released = g.released.add(amount);
        committed = committed.sub(amount);
        require(token.transfer(msg.sender, amount));
        emit TokensReleased(msg.sender, amount, now);
    }

    function revoke(address member) external onlyBoard {
        Grant storage g = grants[member];
        require(g.total > 0 && !g.revoked);

        uint256 vestedNow = _vested(g);
        uint256 unvested = g.total.sub(vestedNow);
        g.revoked = true;
        g.total = vestedNow;
        committed = committed.sub(unvested);

        uint256 owed = vestedNow.sub(g.released);
        g.released = vestedNow;
        committed = committed.sub(owed);
        if (owed > 0) {
            require(token.transfer(member, owed));
        }
        emit GrantRevoked(member, unvested);
    }

    function releasable(address member) external view returns (uint256) {
        Grant storage g = grants[member];
        if (g.total == 0 || g.revoked) {
            return 0;
        }
        return _vested(g).sub(g.released);
    }

    function _vested(Grant storage g) internal view returns (uint256) {
        uint256 monthsElapsed = now.sub(g.start).div(MONTH);
        if (monthsElapsed < g.cliffMonths) {
            return 0;
        }
        if (monthsElapsed >= g.durationMonths) {
            return g.total;
        }
        return g.total.mul(monthsElapsed).div(g.durationMonths);
    }
}
