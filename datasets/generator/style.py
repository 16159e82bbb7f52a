"""Syntax of one Solidity compiler line (0.4 to 0.8) for the generator's templates.

A `Style` is fixed per generated pair: both twins are written with the same choices
(`uint` or `uint256`, `now` or `block.timestamp` where both exist, constructor form, ...).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

STYLES: tuple[str, ...] = ("0.4", "0.5", "0.6", "0.7", "0.8")

_PRAGMAS: dict[str, tuple[str, ...]] = {
    "0.4": ("^0.4.24", "^0.4.24", "^0.4.25", ">=0.4.24 <0.5.0"),
    "0.5": ("^0.5.0", "^0.5.0", "^0.5.12", ">=0.5.0 <0.6.0"),
    # `call{value: ...}` needs 0.6.2
    "0.6": ("^0.6.2", "^0.6.2", "^0.6.12", ">=0.6.2 <0.7.0"),
    "0.7": ("^0.7.0", "^0.7.0", "^0.7.6", ">=0.7.0 <0.8.0"),
    "0.8": ("^0.8.0", "^0.8.0", "^0.8.4", ">=0.8.0 <0.9.0"),
}

_LICENSES = ("MIT", "UNLICENSED", "GPL-3.0", "Apache-2.0")


@dataclass(frozen=True)
class Style:
    line: str  # "0.4" ... "0.8"
    uint: str  # "uint" | "uint256"
    use_now: bool  # `now` instead of `block.timestamp` (0.4-0.6 only)
    old_ctor: bool  # 0.4 only: constructor named like the contract
    messages: bool  # require(..., "reason") or bare require(...)
    pragma_range: str
    license: str | None  # SPDX line (0.6+), None for none
    prevrandao: bool  # 0.8 only: block.prevrandao (then pragma >= 0.8.18)

    @staticmethod
    def draw(line: str, rng: random.Random) -> Style:
        minor = int(line.split(".")[1])
        prevrandao = minor == 8 and rng.random() < 0.4
        pragma = rng.choice(_PRAGMAS[line])
        if prevrandao:
            pragma = rng.choice(("^0.8.18", ">=0.8.18 <0.9.0"))
        return Style(
            line=line,
            uint=rng.choice(("uint", "uint256")),
            use_now=minor <= 6 and rng.random() < 0.5,
            old_ctor=minor == 4 and rng.random() < 0.35,
            messages=rng.random() < 0.6,
            pragma_range=pragma,
            license=rng.choice(_LICENSES) if minor >= 6 and rng.random() < 0.8 else None,
            prevrandao=prevrandao,
        )

    # ---- compiler line ---------------------------------------------------------------

    @property
    def minor(self) -> int:
        return int(self.line.split(".")[1])

    def header(self) -> list[str]:
        out = []
        if self.license:
            out.append(f"// SPDX-License-Identifier: {self.license}")
        out.append(f"pragma solidity {self.pragma_range};")
        return out

    # ---- types -----------------------------------------------------------------------

    @property
    def u(self) -> str:
        return self.uint

    @property
    def pay(self) -> str:
        """Type of an address that receives ether."""
        return "address" if self.minor <= 4 else "address payable"

    @property
    def mem(self) -> str:
        """Data location for a reference-type parameter or local (with leading space)."""
        return "" if self.minor <= 4 else " memory"

    def bytes_param(self, name: str) -> str:
        return f"bytes{self.mem} {name}"

    def string_param(self, name: str) -> str:
        return f"string{self.mem} {name}"

    @property
    def uint_max(self) -> str:
        return f"type({self.uint}).max" if self.minor >= 8 else f"{self.uint}(-1)"

    # ---- environment -----------------------------------------------------------------

    @property
    def now(self) -> str:
        return "now" if self.use_now and self.minor <= 6 else "block.timestamp"

    @property
    def sender(self) -> str:
        """msg.sender where ether is sent to it."""
        return "payable(msg.sender)" if self.minor >= 8 else "msg.sender"

    def to_pay(self, expr: str) -> str:
        """An `address` expression made payable."""
        if self.minor <= 4:
            return expr
        if self.minor == 5:
            return f"address(uint160({expr}))"
        return f"payable({expr})"

    @property
    def owner_init(self) -> str:
        """Right side assigning msg.sender to an `address payable` state variable."""
        return self.sender

    @property
    def difficulty(self) -> str:
        return "block.prevrandao" if self.prevrandao else "block.difficulty"

    @property
    def this_balance(self) -> str:
        return "address(this).balance"

    # ---- statements ------------------------------------------------------------------

    def req(self, cond: str, reason: str) -> str:
        if self.messages:
            return f'require({cond}, "{reason}");'
        return f"require({cond});"

    def value_call(self, target: str, amount: str, data: str = '""') -> str:
        """A low-level call expression sending `amount` wei to `target`."""
        if self.minor <= 4:
            return f"{target}.call.value({amount})({'' if data == chr(34) * 2 else data})"
        if self.minor == 5:
            return f"{target}.call.value({amount})({data})"
        return f"{target}.call{{value: {amount}}}({data})"

    def call_ok(self, ok: str, target: str, amount: str, data: str = '""') -> str:
        """`ok` assigned the success flag of a value call (one statement)."""
        call = self.value_call(target, amount, data)
        if self.minor <= 4:
            return f"bool {ok} = {call};"
        return f"(bool {ok}, ) = {call};"

    def delegate_ok(self, ok: str, target: str, data: str) -> str:
        if self.minor <= 4:
            return f"bool {ok} = {target}.delegatecall({data});"
        return f"(bool {ok}, ) = {target}.delegatecall({data});"

    def emit(self, event: str, *args: str) -> str:
        return f"emit {event}({', '.join(args)});"

    def keccak(self, *args: str) -> str:
        return f"keccak256(abi.encodePacked({', '.join(args)}))"

    # ---- declarations ----------------------------------------------------------------

    def ctor(self, contract: str, params: str = "", modifiers: str = "") -> str:
        mods = f" {modifiers}" if modifiers else ""
        if self.minor <= 4 and self.old_ctor:
            return f"function {contract}({params}) public{mods} {{"
        if self.minor >= 7:
            return f"constructor({params}){mods} {{"
        return f"constructor({params}) public{mods} {{"

    def receive(self) -> str:
        """Header of the plain-ether entry point."""
        if self.minor <= 4:
            return "function() public payable {"
        if self.minor == 5:
            return "function() external payable {"
        return "receive() external payable {"

    def fallback(self) -> str:
        """Header of the fallback that forwards calls (proxies)."""
        if self.minor <= 4:
            return "function() public payable {"
        if self.minor == 5:
            return "function() external payable {"
        return "fallback() external payable {"
