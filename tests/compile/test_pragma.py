"""Tests for contractml.compile.pragma and contractml.compile.versions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from contractml.compile.pragma import (
    Constraint,
    PragmaError,
    choose_version,
    constraints_for,
    find_version_pragmas,
    satisfies_all,
)
from contractml.compile.versions import (
    ALL_SOLC_VERSIONS,
    SOLCJS_VERSIONS,
    STANDARD_JSON_MIN,
    Version,
    npm_tag,
)

V = Version.parse


def matching(text: str, pool: tuple[Version, ...] = ALL_SOLC_VERSIONS) -> list[str]:
    constraint = Constraint.parse(text)
    return [str(v) for v in pool if constraint.satisfied_by(v)]


def span(lo: str, hi: str) -> list[str]:
    """Known releases ``lo <= v <= hi``, as strings."""
    return [str(v) for v in ALL_SOLC_VERSIONS if V(lo) <= v <= V(hi)]


# --------------------------------------------------------------------------- versions


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.8.26", Version(0, 8, 26)),
        ("v0.8.26", Version(0, 8, 26)),
        ("0.8.26+commit.8a97fa7a", Version(0, 8, 26)),
        ("0.4.26+commit.4563c3fc.Linux.g++", Version(0, 4, 26)),
        ("0.8.7-fixed", Version(0, 8, 7)),
        (" 0.5.17\n", Version(0, 5, 17)),
        ("10.20.30", Version(10, 20, 30)),
    ],
)
def test_version_parse(text: str, expected: Version) -> None:
    assert Version.parse(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "0.8", "0.8.x", "^0.8.0", "0.8.0.1", "0.08.0", "0.8.0-nightly.2021.1.1", "abc", "V0.8.0"],
)
def test_version_parse_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        Version.parse(text)


def test_version_str_and_order() -> None:
    assert str(Version(0, 8, 26)) == "0.8.26"
    assert Version(0, 4, 26) < Version(0, 5, 0) < Version(0, 5, 10) < Version(1, 0, 0)
    assert sorted([V("0.8.10"), V("0.8.9"), V("0.4.26")]) == [V("0.4.26"), V("0.8.9"), V("0.8.10")]


def test_solcjs_versions() -> None:
    assert list(SOLCJS_VERSIONS) == sorted(set(SOLCJS_VERSIONS))
    assert SOLCJS_VERSIONS[0] == V("0.4.0")
    assert SOLCJS_VERSIONS[-1] == V("0.8.37")
    assert V("0.4.12") not in SOLCJS_VERSIONS
    assert V("0.4.11") in SOLCJS_VERSIONS and V("0.4.13") in SOLCJS_VERSIONS
    per_minor = {m: sum(1 for v in SOLCJS_VERSIONS if v.minor == m) for m in range(4, 9)}
    assert per_minor == {4: 26, 5: 18, 6: 13, 7: 7, 8: 38}
    assert len(SOLCJS_VERSIONS) == 102


def test_all_solc_versions() -> None:
    assert set(ALL_SOLC_VERSIONS) == set(SOLCJS_VERSIONS) | {V("0.4.12")}
    assert list(ALL_SOLC_VERSIONS) == sorted(ALL_SOLC_VERSIONS)
    assert STANDARD_JSON_MIN == Version(0, 4, 11)


@pytest.mark.parametrize(
    ("version", "tag"),
    [
        ("0.8.7", "0.8.7-fixed"),
        ("0.8.14", "0.8.14-fixed"),
        ("0.8.23", "0.8.23-fixed"),
        ("0.8.8", "0.8.8"),
        ("0.4.26", "0.4.26"),
        ("0.8.37", "0.8.37"),
    ],
)
def test_npm_tag(version: str, tag: str) -> None:
    assert npm_tag(V(version)) == tag


# --------------------------------------------------------------------------- finding


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("pragma solidity ^0.8.0;\ncontract A {}", ["^0.8.0"]),
        ("pragma solidity >=0.4.22 <0.6.0;", [">=0.4.22 <0.6.0"]),
        ("pragma   solidity\n  >=0.4.22\n\t<0.6.0\n;", [">=0.4.22 <0.6.0"]),
        ("pragma solidity 0.4.9;pragma solidity ^0.4.0;", ["0.4.9", "^0.4.0"]),
        ("contract A {}", []),
        ("", []),
        ("pragma experimental ABIEncoderV2;\npragma abicoder v2;", []),
        ("pragma experimental ABIEncoderV2;\npragma solidity ^0.6.0;", ["^0.6.0"]),
        # comments
        ("// pragma solidity ^0.5.0;\npragma solidity ^0.8.0;", ["^0.8.0"]),
        ("/* pragma solidity ^0.5.0; */ pragma solidity ^0.8.0;", ["^0.8.0"]),
        ("/*\n * pragma solidity ^0.5.0;\n */\npragma solidity ^0.8.0;", ["^0.8.0"]),
        ("/// pragma solidity ^0.5.0;\n", []),
        ("/** pragma solidity ^0.5.0; */", []),
        ("pragma solidity ^0.8.0; // pragma solidity ^0.5.0;", ["^0.8.0"]),
        ("pragma/**/solidity ^0.8.0;", ["^0.8.0"]),
        ("pragma solidity /* at least */ >=0.8.0 // and\n <0.9.0;", [">=0.8.0 <0.9.0"]),
        ("/* unterminated pragma solidity ^0.5.0;", []),
        # strings
        ('string s = "pragma solidity ^0.5.0;";\npragma solidity ^0.8.0;', ["^0.8.0"]),
        ("string s = 'pragma solidity ^0.5.0;';", []),
        ('string s = "\\" pragma solidity ^0.5.0;";', []),
        ('string s = "// not a comment"; pragma solidity ^0.8.0;', ["^0.8.0"]),
        ('string s = "/*"; pragma solidity ^0.8.0; string t = "*/";', ["^0.8.0"]),
        ("// it's\npragma solidity ^0.8.0;", ["^0.8.0"]),
        # identifiers that merely contain the words
        ("uint mypragma; pragma_solidity; pragma soliditys ^0.1.0;", []),
        ("pragma solidity ^0.8.0", []),  # no ';'
        # line endings and BOM
        ("\ufeffpragma solidity ^0.8.0;", ["^0.8.0"]),
        ("// header\r\npragma solidity\r\n  ^0.7.0;\r\ncontract A {}\r\n", ["^0.7.0"]),
        ("// pragma solidity ^0.5.0;\rpragma solidity ^0.6.0;", ["^0.6.0"]),
    ],
)
def test_find_version_pragmas(source: str, expected: list[str]) -> None:
    assert find_version_pragmas(source) == expected


def test_constraints_for() -> None:
    source = "pragma solidity >=0.4.0;\n// pragma solidity 0.1.0;\npragma solidity <0.4.5;\n"
    constraints = constraints_for(source)
    assert [c.text for c in constraints] == [">=0.4.0", "<0.4.5"]
    assert [str(v) for v in ALL_SOLC_VERSIONS if satisfies_all(constraints, v)] == span(
        "0.4.0", "0.4.4"
    )
    assert constraints_for("contract A {}") == []
    with pytest.raises(PragmaError):
        constraints_for("pragma solidity ^0.8.0 foo;")


def test_whitespace_beside_a_dot_inside_a_version_is_read_as_solc_reads_it() -> None:
    # deployed contracts carry `^ 0.4 .9`: solc reads `0.4` and `.9` as one version
    spaced = constraints_for("pragma solidity ^ 0.4 .9;\ncontract A {}")
    plain = constraints_for("pragma solidity ^0.4.9;")
    assert [str(v) for v in ALL_SOLC_VERSIONS if satisfies_all(spaced, v)] == [
        str(v) for v in ALL_SOLC_VERSIONS if satisfies_all(plain, v)]
    # two versions side by side stay two comparators
    both = constraints_for("pragma solidity >=0.4.22 <0.6.0;")
    assert str(Version(0, 5, 17)) in [str(v) for v in ALL_SOLC_VERSIONS
                                      if satisfies_all(both, v)]


# --------------------------------------------------------------------------- matching


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("^0.4.2", ">=0.4.2 <0.5.0"),
        ("^1.2.3", ">=1.2.3 <2.0.0"),
        ("^0.0.3", ">=0.0.3 <0.0.4"),
        ("^0.0", ">=0.0.0 <0.1.0"),
        ("^0", ">=0.0.0 <1.0.0"),
        ("^0.4", ">=0.4.0 <0.5.0"),
        ("^0.4.x", ">=0.4.0 <0.5.0"),
        ("~0.4.2", ">=0.4.2 <0.5.0"),
        ("~0.4", ">=0.4.0 <0.5.0"),
        ("~1", ">=1.0.0 <2.0.0"),
        ("~1.2.3", ">=1.2.3 <1.3.0"),
        ("0.4.9", "=0.4.9"),
        ("=0.4.9", "=0.4.9"),
        ("= 0.4.9", "=0.4.9"),
        ("v0.4.9", "=0.4.9"),
        ("=v0.4.9", "=0.4.9"),
        ("0.4", ">=0.4.0 <0.5.0"),
        ("0.4.x", ">=0.4.0 <0.5.0"),
        ("0.4.X", ">=0.4.0 <0.5.0"),
        ("0.4.*", ">=0.4.0 <0.5.0"),
        ("0.x", ">=0.0.0 <1.0.0"),
        ("0.x.3", ">=0.0.0 <1.0.0"),
        ("*", ">=0.0.0"),
        ("x", ">=0.0.0"),
        (">0.4", ">=0.5.0"),
        (">0.4.1", ">0.4.1"),
        (">=0.4", ">=0.4.0"),
        ("<0.4", "<0.4.0"),
        ("<=0.4", "<0.5.0"),
        ("<=0.4.1", "<=0.4.1"),
        ("<*", "<0.0.0"),
        (">*", "<0.0.0"),
        (">=0.4.22 <0.6.0", ">=0.4.22 <0.6.0"),
        (">=0.4.22<0.6.0", ">=0.4.22 <0.6.0"),
        (">= 0.4.22 < 0.6.0", ">=0.4.22 <0.6.0"),
        ("0.4.0 - 0.5.0", ">=0.4.0 <=0.5.0"),
        ("0.4 - 0.5", ">=0.4.0 <0.6.0"),
        ("0.4.3-0.5.1", ">=0.4.3 <=0.5.1"),
        ("* - 0.5.1", ">=0.0.0 <=0.5.1"),
        ("^0.4.0 || ^0.5.0", ">=0.4.0 <0.5.0 || >=0.5.0 <0.6.0"),
        ("0.4.24||0.5.0 - 0.5.2", "=0.4.24 || >=0.5.0 <=0.5.2"),
    ],
)
def test_normalized(text: str, normalized: str) -> None:
    assert Constraint.parse(text).normalized() == normalized


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("^0.4.24", span("0.4.24", "0.4.26")),
        ("^0.8.20", span("0.8.20", "0.8.37")),
        ("~0.5.16", ["0.5.16", "0.5.17"]),
        ("~0.7", span("0.7.0", "0.7.6")),
        ("0.4.9", ["0.4.9"]),
        ("=0.6.12", ["0.6.12"]),
        ("0.7", span("0.7.0", "0.7.6")),
        ("0.7.x", span("0.7.0", "0.7.6")),
        ("0.7.*", span("0.7.0", "0.7.6")),
        (">=0.4.22 <0.6.0", span("0.4.22", "0.5.17")),
        (">0.6.10 <=0.7.1", ["0.6.11", "0.6.12", "0.7.0", "0.7.1"]),
        (">0.6 <0.8", span("0.7.0", "0.7.6")),
        ("0.4.11 - 0.4.13", ["0.4.11", "0.4.12", "0.4.13"]),
        ("0.6 - 0.7", span("0.6.0", "0.7.6")),
        ("0.5.17 || 0.7.6 || ^0.8.36", ["0.5.17", "0.7.6", "0.8.36", "0.8.37"]),
        ("*", [str(v) for v in ALL_SOLC_VERSIONS]),
        (">=0.9.0", []),
        ("<0.4.0", []),
        ("^0.8.0 <0.8.0", []),
    ],
)
def test_matching(text: str, expected: list[str]) -> None:
    assert matching(text) == expected


def test_str_keeps_text() -> None:
    assert str(Constraint.parse("  ^0.8.0 ")) == "^0.8.0"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "foo",
        "^",
        ">=",
        "^^0.8.0",
        ">= <0.8.0",
        "0.8.0.1",
        "0.8.0-rc.1",
        "0.8.0+build",
        "^0.8.0 ||",
        "|| ^0.8.0",
        "^0.8.0 | ^0.7.0",
        "0.4.0 - 0.5.0 - 0.6.0",
        ">=0.4.0 - 0.5.0",
        "0.4.0 -",
        "- 0.4.0",
        "0.4.0 - 0.5.0 <0.4.5",
        "~>0.4.0",
        "0.8.0;",
        "solidity ^0.8.0",
    ],
)
def test_parse_rejects(text: str) -> None:
    with pytest.raises(PragmaError) as info:
        Constraint.parse(text)
    assert "constraint" in str(info.value)


def test_pragma_error_is_value_error() -> None:
    assert issubclass(PragmaError, ValueError)


# --------------------------------------------------------------------------- choosing


def choose(text: str, preferred: tuple[Version, ...] = ()) -> Version | None:
    return choose_version(constraints_for(text), SOLCJS_VERSIONS, preferred)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("pragma solidity ^0.4.0;", "0.4.26"),
        ("pragma solidity >=0.4.22 <0.6.0;", "0.5.17"),
        ("pragma solidity ^0.8.20;", "0.8.37"),
        ("pragma solidity 0.4.9;", "0.4.9"),
        ("pragma solidity ~0.6.2;", "0.6.12"),
        ("pragma solidity >=0.5.0 <0.7.0; pragma solidity ^0.5.5;", "0.5.17"),
        ("pragma solidity ^0.4.24 || ^0.5.0;", "0.5.17"),
        ("pragma solidity 0.4.11 - 0.4.13;", "0.4.13"),
        ("contract A {}", "0.8.37"),
    ],
)
def test_choose_version(source: str, expected: str) -> None:
    assert choose(source) == V(expected)


def test_choose_version_impossible() -> None:
    assert choose("pragma solidity >=0.9.0;") is None
    assert choose("pragma solidity ^0.8.0; pragma solidity ^0.7.0;") is None
    # 0.4.12 is a native release only
    assert choose("pragma solidity 0.4.12;") is None
    assert choose_version(constraints_for("pragma solidity 0.4.12;"), ALL_SOLC_VERSIONS) == V(
        "0.4.12"
    )


def test_choose_version_prefers_installed() -> None:
    installed = (V("0.8.20"), V("0.5.17"), V("0.8.10"))
    assert choose("pragma solidity ^0.8.0;", installed) == V("0.8.20")
    assert choose("pragma solidity ^0.5.0;", installed) == V("0.5.17")
    # nothing installed fits: the highest candidate
    assert choose("pragma solidity ^0.6.0;", installed) == V("0.6.12")
    assert choose("pragma solidity >=0.9.0;", installed) is None
    # no pragma: highest installed, else highest candidate
    assert choose("contract A {}", installed) == V("0.8.20")
    assert choose_version([], [], ()) is None
    assert choose_version([], [V("0.4.1"), V("0.4.3"), V("0.4.2")]) == V("0.4.3")


# --------------------------------------------------------------------------- properties

versions = st.builds(
    Version,
    st.integers(0, 3),
    st.integers(0, 12),
    st.integers(0, 12),
)
constraint_chars = st.text(alphabet=" \t\n0123456789.xX*v^~<>=|-abc;+", max_size=40)


@given(st.one_of(st.text(max_size=60), constraint_chars))
def test_parse_only_raises_pragma_error(text: str) -> None:
    try:
        constraint = Constraint.parse(text)
    except PragmaError:
        return
    constraint.satisfied_by(Version(0, 8, 0))
    assert isinstance(constraint.normalized(), str)


@given(st.text(max_size=200))
def test_find_version_pragmas_total(source: str) -> None:
    assert isinstance(find_version_pragmas(source), list)


@given(versions, versions, versions)
def test_range_matches_interval(a: Version, b: Version, v: Version) -> None:
    assert Constraint.parse(f">={a} <{b}").satisfied_by(v) == (a <= v < b)
    assert Constraint.parse(f"{a} - {b}").satisfied_by(v) == (a <= v <= b)
    assert Constraint.parse(f">{a} <={b}").satisfied_by(v) == (a < v <= b)
    assert Constraint.parse(f"{a} || {b}").satisfied_by(v) == (v in (a, b))


def caret_upper(a: Version) -> Version:
    if a.major:
        return Version(a.major + 1, 0, 0)
    if a.minor:
        return Version(0, a.minor + 1, 0)
    return Version(0, 0, a.patch + 1)


@given(versions, versions)
def test_caret_and_tilde_agree_with_ranges(a: Version, v: Version) -> None:
    caret = Constraint.parse(f"^{a}")
    tilde = Constraint.parse(f"~{a}")
    assert caret.satisfied_by(v) == Constraint.parse(f">={a} <{caret_upper(a)}").satisfied_by(v)
    assert caret.satisfied_by(v) == (a <= v < caret_upper(a))
    tilde_upper = Version(a.major, a.minor + 1, 0)
    assert tilde.satisfied_by(v) == Constraint.parse(f">={a} <{tilde_upper}").satisfied_by(v)
    assert tilde.satisfied_by(v) == (a <= v < tilde_upper)


@given(versions, versions)
def test_partial_versions(a: Version, v: Version) -> None:
    minor_range = a.major == v.major and a.minor == v.minor
    assert Constraint.parse(f"{a.major}.{a.minor}").satisfied_by(v) == minor_range
    assert Constraint.parse(f"{a.major}.{a.minor}.x").satisfied_by(v) == minor_range
    assert Constraint.parse(f"{a.major}.*").satisfied_by(v) == (a.major == v.major)
    assert Constraint.parse(f"={a}").satisfied_by(v) == (a == v)


def test_leading_zeros_read_as_numbers() -> None:
    """solc accepts `pragma solidity ^0.5.00;` (a SolidiFI contract has it)."""
    assert Constraint.parse("^0.5.00").satisfied_by(Version(0, 5, 17))
    assert not Constraint.parse("^0.5.00").satisfied_by(Version(0, 6, 0))
