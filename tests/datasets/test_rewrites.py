"""Rewrites of injected pairs keep the labels on the code that carries them, keep the
twins aligned, and compile (0.4, 0.5 and 0.8 hosts; the compiler-line rewrite on the next
line)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from contractml.compile.versions import Version
from datasets import realhosts
from datasets.hostscan import scan
from datasets.inject import OPERATORS, Syntax, apply_all, sites
from datasets.labels import CATEGORIES
from datasets.rewrites import REWRITES, candidates, rewrite_pair

NEXT_LINE = {4: Version(0, 5, 17), 5: Version(0, 6, 12), 6: Version(0, 7, 6)}


def host_text(version: Version) -> str:
    constructor = "" if version.minor >= 7 else " public"
    return f"""pragma solidity ^{version};

contract Vault {{
    struct Slot {{
        uint256 amount;
        address holder;
    }}
    address owner;
    uint256 fee;
    mapping(address => uint256) credit;
    mapping(address => mapping(address => uint256)) allowed;
    mapping(address => Slot) slots;
    address[] members;

    constructor(){constructor} {{
        owner = msg.sender;
    }}

    function settle(address who, uint256 amount, uint256 limit) public {{
        require(msg.sender == owner);
        credit[who] = credit[who] + amount;
        uint256 total = amount * limit;
        fee = total;
        slots[who].amount = amount;
        for (uint256 i = 0; i < members.length; i++) {{
            credit[members[i]] = 0;
        }}
    }}

    function join(address who, uint256 amount, uint256 limit) public {{
        members.push(who);
    }}

    function deposit(address who, uint256 amount, uint256 limit) public {{
        credit[who] = amount;
    }}

    function setFee(address who, uint256 amount, uint256 limit) public {{
        fee = amount;
    }}

    function bump(address who, uint256 amount, uint256 limit) public {{
        fee = limit;
    }}

    function hand(address who, uint256 amount, uint256 limit) public {{
        owner = who;
    }}
}}
"""


def _pair(version: Version) -> tuple[str, str, frozenset[int]]:
    """The host with four operators injected (one crossing into a helper, one loop)."""
    text = host_text(version)
    by_name = {s.function.name: s for s in sites(scan(text))}
    wanted = (("dos-loop", "join"), ("ar-helper-add", "deposit"), ("ac-owner-write", "hand"),
              ("ar-sub", "setFee"), ("tm-helper", "bump"))
    ops = {op.name: op for op in OPERATORS}
    injected = apply_all([(ops[o], by_name[f]) for o, f in wanted], Syntax(version))
    return injected.vulnerable, injected.safe, frozenset(injected.labels)


@pytest.mark.parametrize("version", (Version(0, 4, 26), Version(0, 5, 17), Version(0, 8, 19)),
                         ids=str)
def test_rewrites_keep_labels_and_compile(version: Version, tmp_path: Path) -> None:
    vulnerable, safe, labels = _pair(version)
    old_lines = vulnerable.split("\n")
    old_changed = sum(a != b for a, b in zip(old_lines, safe.split("\n"), strict=True))
    made = defaultdict(list)
    for line in range(1, vulnerable.count("\n") + 1):
        for name in REWRITES:
            pair = rewrite_pair(name, vulnerable, safe, labels, line)
            if pair is not None:
                made[name].append(pair)
    expected = set(REWRITES) - ({"compiler-line"} if version.minor >= 7 else set())
    assert set(made) == expected
    same_line, next_line = {}, {}
    for name, pairs in made.items():
        for k, pair in enumerate(pairs):
            v, s = pair.vulnerable.split("\n"), pair.safe.split("\n")
            assert len(v) == len(s)
            assert len(pair.labels) >= 1 and all(v[i - 1].strip() for i in pair.labels)
            new_labelled = " ".join(v[i - 1] for i in pair.labels)
            if name in ("reorder", "for-to-while", "check-to-modifier", "compiler-line",
                        "storage-pointer", "extract-helper"):
                # the labelled statements' names all stay on labelled lines
                for i in labels:
                    names = set(re.findall(r"[A-Za-z_]\w*", old_lines[i - 1])) - {"for"}
                    assert names <= set(re.findall(r"[A-Za-z_]\w*", new_labelled)), \
                        (name, old_lines[i - 1])
            # the twins still differ only where the fix is
            changed = [i for i in range(len(v)) if v[i] != s[i]]
            assert 1 <= len(changed) <= old_changed
            target = next_line if name == "compiler-line" else same_line
            target[f"{name}.{k}.v.sol"] = pair.vulnerable
            target[f"{name}.{k}.s.sol"] = pair.safe
    failed, _ = realhosts.compile_check(version, tmp_path, same_line, "")
    assert failed == {}
    if next_line:
        failed, _ = realhosts.compile_check(NEXT_LINE[version.minor], tmp_path, next_line, "")
        # the injected 0.4 spelling (`.call.value(x)()`, `block.blockhash`) may not move;
        # what does not compile is dropped, so only count: some must
        assert len(failed) < len(next_line) or version.minor == 4


def test_candidates_stay_near_labels() -> None:
    vulnerable, safe, labels = _pair(Version(0, 8, 19))
    lines = {line for name, line in candidates(vulnerable, safe, labels)
             if name != "compiler-line"}
    assert all(min(abs(line - label) for label in labels) <= 3 for line in lines)
    assert CATEGORIES  # the taxonomy is loaded


@pytest.mark.parametrize("version", (Version(0, 4, 26), Version(0, 8, 19)), ids=str)
def test_check_to_modifier_goes_before_returns(version: Version, tmp_path: Path) -> None:
    """solc 0.4 accepts a modifier only before `returns (...)`: the rewrite puts it there,
    and the label follows the check into the modifier."""
    text = (f"pragma solidity ^{version};\n"
            "contract Till {\n"
            "    address owner;\n"
            "    uint256 total;\n"
            "    function take(uint256 amount) public returns (bool done) {\n"
            "        require(msg.sender == owner);\n"
            "        total = amount;\n"
            "        return true;\n"
            "    }\n"
            "}\n")
    pair = rewrite_pair("check-to-modifier", text, text, frozenset({6}), 6)
    assert pair is not None
    header = pair.vulnerable.split("\n")[4]
    assert re.search(r"public\s+_?\w*Guard\w*\(\)\s+returns \(bool done\) \{", header), header
    assert any("require(msg.sender == owner);" in pair.vulnerable.split("\n")[i - 1]
               for i in pair.labels)
    failed, _ = realhosts.compile_check(version, tmp_path, {"t.sol": pair.vulnerable}, "")
    assert failed == {}
