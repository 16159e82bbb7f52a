pragma solidity 0.5.17;

contract HousingBallot {
    struct Applicant {
        string household;
        uint8 bedroomsNeeded;
        bool registered;
        bool allocated;
    }

    address public housingOffice;
    uint256 public registrationCloses;
    uint256 public flatsAvailable;
    uint256 public applicationFee = 0.01 ether;
    uint256 public seed;
    bool public drawn;

    address[] public applicants;
    address[] public winners;
    mapping(address => Applicant) public applications;

    event Registered(address indexed applicant, string household);
    event Allocated(address indexed applicant, uint256 indexed flatNumber);
    event DrawCompleted(uint256 winners);

    modifier onlyOffice() {
        require(msg.sender == housingOffice, "office only");
        _;
    }

    constructor(uint256 flats, uint256 registrationDays) public {
        require(flats > 0 && flats <= 100 && registrationDays >= 7, "ballot terms");
        housingOffice = msg.sender;
        flatsAvailable = flats;
        registrationCloses = now + registrationDays * 1 days;
        seed = uint256(keccak256(abi.encodePacked(now, msg.sender)));
    }

    function register(string calldata household, uint8 bedrooms) external payable {
        require(now < registrationCloses, "registration closed");
        require(msg.value == applicationFee, "fee");
        require(!applications[msg.sender].registered, "registered");
        require(bedrooms >= 1 && bedrooms <= 4, "bedrooms");
        require(applicants.length < 2000, "ballot full");
        applications[msg.sender] = Applicant(household, bedrooms, true, false);
        applicants.push(msg.sender);
        emit Registered(msg.sender, household);
    }

    function draw() external {
        require(now >= registrationCloses && !drawn, "not yet");
        require(applications[msg.sender].registered || msg.sender == housingOffice, "applicants only");
        drawn = true;
        uint256 remaining = applicants.length;
        uint256 picks = flatsAvailable < remaining ? flatsAvailable : remaining;
        for (uint256 i = 0; i < picks; i++) {
            seed = uint256(keccak256(abi.encodePacked(seed, block.timestamp, block.difficulty, i)));
            uint256 j = seed % remaining;
            address chosen = applicants[j];
            applicants[j] = applicants[remaining - 1];
            applicants[remaining - 1] = chosen;
            remaining -= 1;
            applications[chosen].allocated = true;
            winners.push(chosen);
            emit Allocated(chosen, i + 1);
        }
        emit DrawCompleted(picks);
    }

    function winnerCount() external view returns (uint256) {
        return winners.length;
    }

    function withdrawFees(address payable to) external onlyOffice {
        require(drawn, "before draw");
        to.transfer(address(this).balance);
    }
}
