pragma solidity 0.5.17;

contract FleetLeasing {
    struct Vehicle {
        string plate;
        uint256 dailyRate;
        address payable lessee;
        uint256 leasedUntil;
        uint256 deposit;
        bool active;
    }

    address payable public manager;
    uint256 public earnings;
    uint256 public vehicleCount;

    mapping(uint256 => Vehicle) public vehicles;
    mapping(address => uint256) public refundable;

    event VehicleAdded(uint256 indexed id, string plate, uint256 dailyRate);
    event Leased(uint256 indexed id, address indexed lessee, uint256 leasedUntil);
    event Returned(uint256 indexed id, address indexed lessee, uint256 damage);
    event EarningsWithdrawn(address indexed to, uint256 amount);

    modifier onlyManager() {
        require(tx.origin == manager, "manager only");
        _;
    }

    constructor() public {
        manager = msg.sender;
    }

    function addVehicle(string calldata plate, uint256 dailyRate) external onlyManager returns (uint256 id) {
        require(dailyRate > 0, "rate");
        id = ++vehicleCount;
        vehicles[id] = Vehicle(plate, dailyRate, address(0), 0, 0, true);
        emit VehicleAdded(id, plate, dailyRate);
    }

    function lease(uint256 id, uint256 numDays) external payable {
        Vehicle storage v = vehicles[id];
        require(v.active && v.lessee == address(0), "unavailable");
        require(numDays > 0 && numDays <= 90, "days");
        uint256 rent = v.dailyRate * numDays;
        uint256 deposit = v.dailyRate * 3;
        require(msg.value == rent + deposit, "amount");
        v.lessee = msg.sender;
        v.leasedUntil = now + numDays * 1 days;
        v.deposit = deposit;
        earnings += rent;
        emit Leased(id, msg.sender, v.leasedUntil);
    }

    function checkIn(uint256 id, uint256 damage) external onlyManager {
        Vehicle storage v = vehicles[id];
        require(v.lessee != address(0), "not leased");
        uint256 charged = damage > v.deposit ? v.deposit : damage;
        earnings += charged;
        refundable[v.lessee] += v.deposit - charged;
        emit Returned(id, v.lessee, charged);
        v.lessee = address(0);
        v.deposit = 0;
        v.leasedUntil = 0;
    }

    function claimRefund() external {
        uint256 amount = refundable[msg.sender];
        require(amount > 0, "nothing");
        refundable[msg.sender] = 0;
        msg.sender.transfer(amount);
    }

    function retire(uint256 id) external onlyManager {
        require(vehicles[id].lessee == address(0), "leased");
        vehicles[id].active = false;
    }

    function withdrawEarnings(address payable to, uint256 amount) external onlyManager {
        require(amount <= earnings, "too much");
        earnings -= amount;
        to.transfer(amount);
        emit EarningsWithdrawn(to, amount);
    }
}
