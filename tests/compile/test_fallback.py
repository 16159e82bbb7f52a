"""An open-ended pragma that picks a compiler the code predates falls back to an older
release line the pragma also allows, says so, and is cached that way."""

from __future__ import annotations

from pathlib import Path

from contractml.compile.versions import Version
from tests.conftest import build_dir, write_sources

OPEN_ENDED = """\
pragma solidity >=0.5.11;
contract Clock {
    uint256 last;
    function tick() public { last = now; }
}
"""


def test_open_pragma_falls_back_to_an_older_line(tmp_path: Path) -> None:
    root = write_sources(tmp_path / "src", {"Clock.sol": OPEN_ENDED})
    first = build_dir(root, tmp_path / "cache").files[0]
    assert first.ok, first.error
    version = first.outcome.version
    assert version is not None and Version(0, 5, 11) <= version < Version(0, 7, 0)
    (warning,) = first.outcome.warnings
    assert "rejected this file" in warning and f"compiled with solc {version}" in warning
    assert "now" in warning  # solc's own reason
    again = build_dir(root, tmp_path / "cache").files[0]
    assert again.outcome.cached and again.outcome.version == version
    assert again.outcome.warnings == first.outcome.warnings


def test_a_pragma_without_room_reports_the_error(tmp_path: Path) -> None:
    root = write_sources(tmp_path / "src", {"Clock.sol": OPEN_ENDED.replace(
        ">=0.5.11", "^0.8.0")})
    report = build_dir(root, tmp_path / "cache").files[0]
    assert not report.ok and report.stage == "compile"
    assert report.error is not None and "now" in report.error
