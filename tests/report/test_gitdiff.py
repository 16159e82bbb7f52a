"""--diff-base: changed lines in a real temporary git repository."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from contractml.errors import ConfigError
from contractml.gitdiff import changed_lines, filter_to_diff, in_diff, parse_diff
from tests.report.sample import finding

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")

BANK = "".join(f"line {i}\n" for i in range(1, 11))


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "user.email", "test@example.org")
    git(repo, "config", "commit.gpgsign", "false")
    (repo / "contracts").mkdir()
    (repo / "contracts" / "Bank.sol").write_text(BANK)
    (repo / "contracts" / "Old name.sol").write_text("a\nb\nc\n")
    (repo / "contracts" / "Gone.sol").write_text("x\n")
    (repo / "README.md").write_text("readme\n")
    (repo / ".gitignore").write_text("ignored.sol\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    return repo


def test_changed_untracked_staged_deleted(repo: Path) -> None:
    lines = BANK.splitlines(keepends=True)
    lines[2] = "line 3 modified\n"
    lines.insert(6, "inserted\n")  # new line 7
    del lines[9]  # old line 9 (now index 9 after the insert)
    (repo / "contracts" / "Bank.sol").write_text("".join(lines))
    (repo / "contracts" / "Tré sor.sol").write_text("one\ntwo\nthree")
    (repo / "contracts" / "Staged.sol").write_text("s1\ns2\n")
    git(repo, "add", "contracts/Staged.sol")
    (repo / "contracts" / "Gone.sol").unlink()
    (repo / "ignored.sol").write_text("ignored\n")
    changed = changed_lines(repo, "HEAD")
    assert changed["contracts/Bank.sol"] == {3, 7, 9, 10}  # modified, added, around a deletion
    assert changed["contracts/Tré sor.sol"] == {1, 2, 3}
    assert changed["contracts/Staged.sol"] == {1, 2}
    assert "contracts/Gone.sol" not in changed
    assert "ignored.sol" not in changed
    assert "contracts/Old name.sol" not in changed and "README.md" not in changed


def test_paths_are_relative_to_the_scan_root(repo: Path) -> None:
    (repo / "contracts" / "Bank.sol").write_text(BANK.replace("line 5", "five"))
    (repo / "README.md").write_text("changed\n")
    (repo / "contracts" / "lib").mkdir()
    (repo / "contracts" / "lib" / "New.sol").write_text("n1\n")
    (repo / "Outside.sol").write_text("o1\n")
    changed = changed_lines(repo / "contracts", "HEAD")
    assert changed == {"Bank.sol": {5}, "lib/New.sol": {1}}


def test_commits_since_a_ref_and_renames(repo: Path) -> None:
    git(repo, "mv", "contracts/Old name.sol", "contracts/New name.sol")
    (repo / "contracts" / "New name.sol").write_text("a\nB\nc\n")
    git(repo, "commit", "-q", "-am", "rename and edit")
    assert changed_lines(repo, "HEAD") == {}
    assert changed_lines(repo, "HEAD~1") == {"contracts/New name.sol": {2}}
    assert changed_lines(repo, "main~1") == changed_lines(repo, "HEAD~1")


def test_errors_are_config_errors(repo: Path, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown git ref 'no-such-branch'"):
        changed_lines(repo, "no-such-branch")
    with pytest.raises(ConfigError, match="not a git ref"):
        changed_lines(repo, "--output=/tmp/x")
    outside = tmp_path / "not-a-repo"
    outside.mkdir()
    with pytest.raises(ConfigError, match="not inside a git repository"):
        changed_lines(outside, "HEAD")


def test_git_missing(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-bin-here"))
    with pytest.raises(ConfigError, match="needs git"):
        changed_lines(repo, "HEAD")


def test_filtering_findings() -> None:
    changed = {"a.sol": {10, 11}}
    inside = finding("reentrancy", "high", 0.9, "a.sol", 9, "A", "f", "x\ny")  # 9-10
    before = finding("reentrancy", "high", 0.9, "a.sol", 7, "A", "f", "x\ny")  # 7-8
    other = finding("reentrancy", "high", 0.9, "b.sol", 10, "A", "f", "x")
    assert in_diff(inside, changed) and not in_diff(before, changed)
    assert not in_diff(other, changed)
    assert filter_to_diff(iter([inside, before, other]), changed) == ([inside], 2)


def test_parse_quoted_paths() -> None:
    diff = (b'diff --git "a/x\\ty.sol" "b/x\\ty.sol"\n'
            b'--- "a/x\\ty.sol"\n+++ "b/x\\ty.sol"\n@@ -1 +1,2 @@\n-a\n+b\n+c\n'
            b"+++ b/Tr\xc3\xa9.sol\n@@ -3,0 +4 @@\n+d\n"
            b'+++ "b/Tr\\303\\251s.sol"\n@@ -2 +2 @@\n-q\n+r\n')
    assert parse_diff(diff) == {"x\ty.sol": {1, 2}, "Tré.sol": {4}, "Trés.sol": {2}}
