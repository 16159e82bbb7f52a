pragma solidity ^0.5.0;

interface IShipmentOracle {
    function isLost(bytes32 shipmentId) external view returns (bool);
}

contract CargoInsurancePool {
    struct Policy {
        address payable holder;
        bytes32 shipmentId;
        uint256 cover;
        uint256 premium;
        uint256 expiresAt;
        bool claimed;
    }

    uint256 public constant BPS = 10000;
    uint256 public constant COVER_PERIOD = 90 days;

    address public owner;
    IShipmentOracle public oracle;
    uint256 public rateBps;
    uint256 public premiumsCollected;
    uint256 public nextPolicyId;

    mapping(uint256 => Policy) public policies;
    mapping(bytes32 => bool) public shipmentInsured;

    event Capitalised(address indexed from, uint256 amount);
    event PolicyIssued(uint256 indexed policyId, address indexed holder, bytes32 shipmentId, uint256 cover, uint256 premium);
    event ClaimPaid(uint256 indexed policyId, address indexed holder, uint256 payout);
    event OracleChanged(address indexed oracle);
    event SurplusWithdrawn(address indexed to, uint256 amount);

    modifier onlyOwner() {
        require(msg.sender == owner, "not owner");
        _;
    }

    constructor(IShipmentOracle _oracle, uint256 _rateBps) public payable {
        require(address(_oracle) != address(0), "oracle required");
        require(_rateBps > 0 && _rateBps <= 2000, "rate out of range");
        owner = msg.sender;
        oracle = _oracle;
        rateBps = _rateBps;
    }

    function capitalise() external payable {
        require(msg.value > 0, "nothing sent");
        emit Capitalised(msg.sender, msg.value);
    }

    function premiumFor(uint256 cover) public view returns (uint256) {
        return cover * rateBps / BPS;
    }

    function buyPolicy(bytes32 shipmentId, uint256 cover) external payable returns (uint256 policyId) {
        require(!shipmentInsured[shipmentId], "already insured");
        require(cover > 0, "no cover");
        uint256 premium = premiumFor(cover);
        require(premium > 0 && msg.value == premium, "wrong premium");

        policyId = nextPolicyId;
        nextPolicyId = policyId + 1;
        shipmentInsured[shipmentId] = true;
        premiumsCollected += msg.value;
        policies[policyId] = Policy(msg.sender, shipmentId, cover, premium, now + COVER_PERIOD, false);
        emit PolicyIssued(policyId, msg.sender, shipmentId, cover, premium);
    }

    function claim(uint256 policyId) external {
        Policy storage p = policies[policyId];
        require(p.holder == msg.sender, "not holder");
        require(!p.claimed, "already claimed");
        require(now <= p.expiresAt, "policy expired");
        require(oracle.isLost(p.shipmentId), "shipment not lost");

        p.claimed = true;
        uint256 payout = p.cover;
        if (payout > address(this).balance) {
            payout = address(this).balance;
        }
        p.holder.transfer(payout);
        emit ClaimPaid(policyId, msg.sender, payout);
    }

    function setOracle(IShipmentOracle _oracle) external onlyOwner {
        require(address(_oracle) != address(0), "oracle required");
        oracle = _oracle;
        emit OracleChanged(address(_oracle));
    }

    function withdrawSurplus(address payable to, uint256 amount) external onlyOwner {
        require(to != address(0), "bad recipient");
        require(amount <= address(this).balance, "insufficient funds");
        to.transfer(amount);
        emit SurplusWithdrawn(to, amount);
    }
}
