// SPDX-License-Identifier: MIT
pragma solidity 0.7.6;

interface ICertificateReceiver {
    function onCertificate(uint256 certificateId, uint256 courseId, address student) external returns (bytes4);
}

contract CourseAcademy {
    struct Course {
        address instructor;
        uint256 fee;
        uint32 seats;
        uint32 enrolled;
        bool open;
    }

    struct Enrollment {
        bool enrolled;
        bool completed;
        uint256 certificateId;
    }

    address public owner;
    uint256 public courseCount;
    uint256 public certificateCount;
    uint256 public platformFees;

    mapping(uint256 => Course) public courses;
    mapping(uint256 => mapping(address => Enrollment)) public enrollments;
    mapping(address => uint256) public earnings;
    mapping(uint256 => address) public certificateHolder;

    event CourseCreated(uint256 indexed courseId, address indexed instructor, uint256 fee, uint32 seats);
    event Enrolled(uint256 indexed courseId, address indexed student);
    event Completed(uint256 indexed courseId, address indexed student);
    event CertificateIssued(uint256 indexed certificateId, uint256 indexed courseId, address indexed holder);
    event Paid(address indexed to, uint256 amount);

    modifier onlyInstructor(uint256 courseId) {
        require(courses[courseId].instructor == msg.sender, "not instructor");
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    function createCourse(uint256 fee, uint32 seats) external returns (uint256 courseId) {
        require(seats > 0, "no seats");
        courseId = ++courseCount;
        courses[courseId] = Course(msg.sender, fee, seats, 0, true);
        emit CourseCreated(courseId, msg.sender, fee, seats);
    }

    function closeCourse(uint256 courseId) external onlyInstructor(courseId) {
        courses[courseId].open = false;
    }

    function enroll(uint256 courseId) external payable {
        Course storage c = courses[courseId];
        require(c.open, "closed");
        require(c.enrolled < c.seats, "full");
        require(msg.value == c.fee, "wrong fee");
        Enrollment storage e = enrollments[courseId][msg.sender];
        require(!e.enrolled, "already enrolled");
        e.enrolled = true;
        c.enrolled += 1;
        uint256 cut = msg.value / 20;
        platformFees += cut;
        earnings[c.instructor] += msg.value - cut;
        emit Enrolled(courseId, msg.sender);
    }

    function markCompleted(uint256 courseId, address student) external onlyInstructor(courseId) {
        Enrollment storage e = enrollments[courseId][student];
        require(e.enrolled && !e.completed, "not eligible");
        e.completed = true;
        emit Completed(courseId, student);
    }

    function claimCertificate(uint256 courseId, address receiver) external returns (uint256 certificateId) {
        Enrollment storage e = enrollments[courseId][msg.sender];
        require(e.completed, "not completed");
        require(e.certificateId == 0, "already claimed");
        address holder = receiver == address(0) ? msg.sender : receiver;
        certificateId = ++certificateCount;
        e.certificateId = certificateId;
        certificateHolder[certificateId] = holder;
        emit CertificateIssued(certificateId, courseId, holder);
        if (_hasCode(holder)) {
            (bool ok, bytes memory ret) = holder.call(
                abi.encodeWithSelector(ICertificateReceiver.onCertificate.selector, certificateId, courseId, msg.sender)
            );
            require(ok && ret.length == 32, "receiver rejected");
            require(abi.decode(ret, (bytes4)) == ICertificateReceiver.onCertificate.selector, "receiver rejected");
        }
    }

    function withdrawEarnings() external {
        uint256 amount = earnings[msg.sender];
        require(amount > 0, "nothing owed");
        earnings[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok, "payment failed");
        emit Paid(msg.sender, amount);
    }

    function withdrawPlatformFees(address payable to) external {
        require(msg.sender == owner, "owner only");
        uint256 amount = platformFees;
        platformFees = 0;
        to.transfer(amount);
        emit Paid(to, amount);
    }

    function _hasCode(address account) internal view returns (bool) {
        uint256 size;
        assembly {
            size := extcodesize(account)
        }
        return size > 0;
    }
}
