"""contractml: finds risky code in Solidity smart contracts."""

__version__ = "0.1.0"
