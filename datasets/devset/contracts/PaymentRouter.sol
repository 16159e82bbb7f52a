// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

interface IRailResolver {
    function railFor(bytes32 rail) external view returns (address);
}

interface IRail {
    function settle(address payee, uint256 amount, bytes32 invoiceRef) external;
}

contract PaymentRouter {
    struct Merchant {
        address payable payout;
        uint256 volume;
        bool listed;
    }

    address public admin;
    address public defaultResolver;
    uint256 public routerFeeBps = 15;
    uint256 public feeBalance;

    mapping(bytes32 => Merchant) public merchants;
    mapping(bytes32 => bool) public usedReferences;

    event MerchantListed(bytes32 indexed merchantId, address payout);
    event Paid(bytes32 indexed merchantId, address indexed payer, uint256 amount, bytes32 rail, bytes32 invoiceRef);
    event FeesWithdrawn(uint256 amount);

    modifier onlyAdmin() {
        require(msg.sender == admin, "admin only");
        _;
    }

    constructor(address resolver) {
        admin = msg.sender;
        defaultResolver = resolver;
    }

    function listMerchant(bytes32 merchantId, address payable payout) external onlyAdmin {
        require(payout != address(0), "payout");
        merchants[merchantId] = Merchant(payout, 0, true);
        emit MerchantListed(merchantId, payout);
    }

    function pay(bytes32 merchantId, bytes32 invoiceRef) external payable {
        _route(defaultResolver, merchantId, "native", invoiceRef);
    }

    function payVia(address resolver, bytes32 merchantId, bytes32 rail, bytes32 invoiceRef) external payable {
        _route(resolver, merchantId, rail, invoiceRef);
    }

    function _route(address resolver, bytes32 merchantId, bytes32 rail, bytes32 invoiceRef) internal {
        Merchant storage m = merchants[merchantId];
        require(m.listed, "unknown merchant");
        require(msg.value > 0 && !usedReferences[invoiceRef], "payment");
        usedReferences[invoiceRef] = true;
        uint256 fee = (msg.value * routerFeeBps) / 10_000;
        feeBalance += fee;
        m.volume += msg.value;
        address impl = IRailResolver(resolver).railFor(rail);
        require(impl != address(0), "no rail");
        (bool ok, ) = impl.delegatecall(abi.encodeWithSelector(IRail.settle.selector, m.payout, msg.value - fee, invoiceRef));
        require(ok, "settlement failed");
        emit Paid(merchantId, msg.sender, msg.value, rail, invoiceRef);
    }

    function setDefaultResolver(address resolver) external onlyAdmin {
        require(resolver != address(0), "zero");
        defaultResolver = resolver;
    }

    function withdrawFees() external onlyAdmin {
        uint256 amount = feeBalance;
        feeBalance = 0;
        (bool ok, ) = payable(admin).call{value: amount}("");
        require(ok, "withdraw failed");
        emit FeesWithdrawn(amount);
    }
}
