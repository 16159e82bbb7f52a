pragma solidity 0.4.24;

contract SplitInvoice {
    struct Invoice {
        address issuer;
        address client;
        uint256 total;
        bool paid;
        bool cancelled;
        address[] payees;
        uint256[] amounts;
    }

    uint256 public invoiceCount;
    mapping(uint256 => Invoice) internal invoices;
    mapping(address => uint256) public earnings;

    event InvoiceCreated(uint256 indexed id, address indexed issuer, address indexed client, uint256 total);
    event InvoicePaid(uint256 indexed id, address indexed client);
    event InvoiceCancelled(uint256 indexed id);
    event Withdrawn(address indexed payee, uint256 amount);

    modifier onlyIssuer(uint256 id) {
        require(invoices[id].issuer == msg.sender);
        _;
    }

    function createInvoice(address client, address[] payees, uint256[] amounts) external returns (uint256 id) {
        require(client != address(0));
        require(payees.length == amounts.length && payees.length > 0 && payees.length <= 20);
        id = ++invoiceCount;
        Invoice storage inv = invoices[id];
        inv.issuer = msg.sender;
        inv.client = client;
        inv.total = _sum(amounts);
        for (uint256 i = 0; i < payees.length; i++) {
            inv.payees.push(payees[i]);
            inv.amounts.push(amounts[i]);
        }
        emit InvoiceCreated(id, msg.sender, client, inv.total);
    }

    function _sum(uint256[] amounts) internal pure returns (uint256 total) {
        for (uint256 i = 0; i < amounts.length; i++) {
            total += amounts[i];
        }
    }

    function pay(uint256 id) external payable {
        Invoice storage inv = invoices[id];
        require(inv.issuer != address(0) && !inv.paid && !inv.cancelled);
        require(msg.sender == inv.client);
        require(msg.value == inv.total);
        inv.paid = true;
        for (uint256 i = 0; i < inv.payees.length; i++) {
            earnings[inv.payees[i]] += inv.amounts[i];
        }
        emit InvoicePaid(id, msg.sender);
    }

    function cancel(uint256 id) external onlyIssuer(id) {
        Invoice storage inv = invoices[id];
        require(!inv.paid && !inv.cancelled);
        inv.cancelled = true;
        emit InvoiceCancelled(id);
    }

    function withdraw(uint256 amount) external {
        require(amount > 0 && earnings[msg.sender] >= amount);
        earnings[msg.sender] -= amount;
        msg.sender.transfer(amount);
        emit Withdrawn(msg.sender, amount);
    }

    function invoiceOf(uint256 id) external view returns (address issuer, address client, uint256 total, bool paid, uint256 payeeCount) {
        Invoice storage inv = invoices[id];
        return (inv.issuer, inv.client, inv.total, inv.paid, inv.payees.length);
    }

    function lineOf(uint256 id, uint256 index) external view returns (address payee, uint256 amount) {
        Invoice storage inv = invoices[id];
        return (inv.payees[index], inv.amounts[index]);
    }
}
