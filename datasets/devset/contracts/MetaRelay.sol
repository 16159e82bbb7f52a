// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

contract MetaRelay {
    struct Request {
        address from;
        address to;
        uint256 value;
        uint256 gas;
        uint256 nonce;
        bytes data;
    }

    address public admin;
    uint256 public relayFee = 0.0005 ether;

    mapping(address => uint256) public nonces;
    mapping(address => uint256) public deposits;
    mapping(address => uint256) public relayerEarnings;

    event Deposited(address indexed user, uint256 amount);
    event Relayed(address indexed from, address indexed relayer, uint256 nonce, bool success);
    event FeeChanged(uint256 fee);

    constructor() {
        admin = msg.sender;
    }

    function deposit() external payable {
        deposits[msg.sender] += msg.value;
        emit Deposited(msg.sender, msg.value);
    }

    function withdrawDeposit(uint256 amount) external {
        require(deposits[msg.sender] >= amount, "insufficient deposit");
        deposits[msg.sender] -= amount;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function digest(Request calldata req) public view returns (bytes32) {
        bytes32 inner = keccak256(
            abi.encode(address(this), block.chainid, req.from, req.to, req.value, req.gas, req.nonce, keccak256(req.data))
        );
        return keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", inner));
    }

    function relay(Request calldata req, uint8 v, bytes32 r, bytes32 s) external returns (bool success) {
        require(nonces[req.from] == req.nonce, "bad nonce");
        address signer = ecrecover(digest(req), v, r, s);
        require(signer != address(0) && signer == req.from, "bad signature");
        uint256 charge = req.value + relayFee;
        require(deposits[req.from] >= charge, "deposit too small");

        nonces[req.from] = req.nonce + 1;
        deposits[req.from] -= charge;
        relayerEarnings[msg.sender] += relayFee;

        (success, ) = req.to.call{value: req.value}(abi.encodePacked(req.data, req.from));
        if (!success) {
            deposits[req.from] += req.value;
        }
        emit Relayed(req.from, msg.sender, req.nonce, success);
    }

    function withdrawEarnings() external {
        uint256 amount = relayerEarnings[msg.sender];
        require(amount > 0, "no earnings");
        relayerEarnings[msg.sender] = 0;
        (bool ok, ) = payable(msg.sender).call{value: amount}("");
        require(ok, "withdraw failed");
    }

    function setRelayFee(uint256 fee) external {
        require(msg.sender == admin, "admin only");
        require(fee <= 0.01 ether, "fee too high");
        relayFee = fee;
        emit FeeChanged(fee);
    }
}
