"""The pre-commit hooks of `.pre-commit-hooks.yaml`, through the real `pre-commit` and
real `git commit`s in temporary repositories.

The temporary repositories use this checkout as a remote hook repository (`repo:` +
`rev:`), so pre-commit clones it, builds its own virtualenv and pip-installs contractml
there, exactly as a user's pre-commit does. Which revision:

- this checkout at `git rev-parse HEAD` when the files pre-commit installs
  (`SHIPPED`) have no uncommitted changes (CI): the committed code is what is tested;
- otherwise a snapshot of those files as they are in the working tree, committed into a
  git repository of its own in the cache folder (never into this checkout), so that work
  in progress is tested too.

pre-commit's store (PRE_COMMIT_HOME) is kept between runs in
`<contractml cache>/test-pre-commit/`: the first run builds the hook environment
(about 75 s: torch, Slither, torch_geometric are installed), later runs reuse it until
the revision changes. Compilers come from the usual contractml cache (the hooks run with
`--offline`, so nothing is downloaded).
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from contractml.compile.backends import default_cache_dir

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
#: What pre-commit needs from this checkout to install and run the hooks.
SHIPPED = (".pre-commit-hooks.yaml", "pyproject.toml", "README.md", "contractml")
#: A vulnerable example; its vulnerable line(s) are read from examples/README.md.
VULNERABLE_NAME = "bad-randomness/Lottery.sol"
VULNERABLE = EXAMPLES / VULNERABLE_NAME
CLEAN = """\
// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;

/// A contract with nothing risky in it: one pure function, no state, no calls.
contract Parity {
    function isEven(uint256 value) external pure returns (bool) {
        return value % 2 == 0;
    }
}
"""
HOOK_NAMES = ("contractml", "contractml (project)")


def listed_lines(name: str) -> list[int]:
    """The vulnerable line(s) examples/README.md gives for `name`."""
    for row in (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if len(cells) > 3 and cells[0] == f"`{name}`":
            return [int(n) for n in re.findall(r"\d+", cells[3])]
    raise AssertionError(f"{name} is not in examples/README.md")


def _reports_listed_line(text: str, path: str) -> bool:
    """Whether `text` holds `path:LINE:` for one of the example's listed lines."""
    return any(f"{path}:{line}:" in text for line in listed_lines(VULNERABLE_NAME))


def _git_env(pre_commit_home: Path, global_config: Path) -> dict[str, str]:
    """The environment for git and pre-commit: no inherited GIT_* variables (a test run
    from inside a git hook would otherwise act on the outer repository), no user or
    system git configuration, no colour."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=str(global_config),
               GIT_TERMINAL_PROMPT="0", PRE_COMMIT_HOME=str(pre_commit_home),
               PRE_COMMIT_COLOR="never", NO_COLOR="1", TERM="dumb")
    env.pop("PRE_COMMIT", None)
    return env


def _run(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 300
         ) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, check=False)


def _checked(args: list[str], cwd: Path, env: dict[str, str], timeout: float = 300) -> str:
    proc = _run(args, cwd, env, timeout)
    assert proc.returncode == 0, f"{' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


def _read_only_git(*args: str) -> str:
    """A read-only git command in this checkout (no optional index refresh)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env["GIT_OPTIONAL_LOCKS"] = "0"
    return subprocess.run(["git", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, check=True, timeout=60).stdout


def _snapshot(root: Path, env: dict[str, str]) -> str:
    """Commit the working-tree state of SHIPPED into the git repository at `root`
    (created on first use); the commit's id. Unchanged content: no new commit."""
    if not (root / ".git").is_dir():
        root.mkdir(parents=True, exist_ok=True)
        _checked(["git", "init", "-q"], root, env)
        _checked(["git", "config", "user.name", "contractml tests"], root, env)
        _checked(["git", "config", "user.email", "tests@contractml.invalid"], root, env)
    for entry in root.iterdir():
        if entry.name != ".git":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    listed = _read_only_git("ls-files", "-z", "--cached", "--others", "--exclude-standard",
                            "--", *SHIPPED)
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():  # deleted but still tracked files are left out
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    _checked(["git", "add", "-A"], root, env)
    if _checked(["git", "status", "--porcelain"], root, env).strip():
        _checked(["git", "commit", "-q", "--no-verify", "-m", "working tree snapshot"],
                 root, env)
    return _checked(["git", "rev-parse", "HEAD"], root, env).strip()


class HookRepo:
    """Where the hooks come from (a git repository and a revision) and the environment
    that runs git and pre-commit with a shared, already installed pre-commit store."""

    def __init__(self, url: str, rev: str, env: dict[str, str]) -> None:
        self.url, self.rev, self.env = url, rev, env

    def config(self) -> str:
        hooks = "".join(f"      - id: {hook}\n        args: [--offline]\n"
                        for hook in ("contractml", "contractml-project"))
        return f"repos:\n  - repo: {self.url}\n    rev: {self.rev}\n    hooks:\n{hooks}"

    def new_repository(self, path: Path) -> Path:
        """An empty git repository at `path` with this config and the hook installed."""
        path.mkdir(parents=True)
        _checked(["git", "init", "-q"], path, self.env)
        _checked(["git", "config", "user.name", "Test User"], path, self.env)
        _checked(["git", "config", "user.email", "test@example.invalid"], path, self.env)
        (path / ".pre-commit-config.yaml").write_text(self.config(), encoding="utf-8")
        _checked([sys.executable, "-m", "pre_commit", "install"], path, self.env)
        _checked(["git", "add", ".pre-commit-config.yaml"], path, self.env)
        return path

    def commit(self, repo: Path, *paths: str, no_verify: bool = False
               ) -> subprocess.CompletedProcess[str]:
        _checked(["git", "add", "--", *paths], repo, self.env)
        args = ["git", "commit", "-m", "change"] + (["--no-verify"] if no_verify else [])
        return _run(args, repo, self.env)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HookRepo]:
    cache = default_cache_dir() / "test-pre-commit"
    cache.mkdir(parents=True, exist_ok=True)
    home = cache / "pre-commit"
    global_config = tmp_path_factory.mktemp("gitconfig") / "config"
    global_config.write_text("", encoding="utf-8")
    env = _git_env(home, global_config)
    with open(cache / "lock", "w", encoding="utf-8") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one test session at a time sets the store up
        if _read_only_git("status", "--porcelain", "--untracked-files=all", "--", *SHIPPED):
            url, rev = str(cache / "snapshot"), _snapshot(cache / "snapshot", env)
        else:
            url, rev = str(REPO), _read_only_git("rev-parse", "HEAD").strip()
        marker = cache / "pre-commit.rev"
        stamp = f"{url}@{rev}"
        if marker.is_file() and marker.read_text(encoding="utf-8") != stamp:
            shutil.rmtree(home, ignore_errors=True)  # one hook environment (~1 GB) at most
        repo = HookRepo(url, rev, env)
        setup = repo.new_repository(tmp_path_factory.mktemp("setup") / "repo")
        _checked([sys.executable, "-m", "pre_commit", "install-hooks"], setup, env,
                 timeout=1200)
        marker.write_text(stamp, encoding="utf-8")
        yield repo


def _status(output: str, hook: str) -> str:
    """The status pre-commit printed for `hook` (Passed, Failed, ...Skipped)."""
    match = re.search(rf"^{re.escape(hook)}\.+(.*?(?:Passed|Failed|Skipped))\s*$", output,
                      re.MULTILINE)
    assert match, f"no status line for {hook!r} in:\n{output}"
    return match.group(1)


def _section(output: str, hook: str) -> str:
    """What `hook` printed: the lines after its status line, up to the next hook's."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines)
                 if re.match(rf"{re.escape(hook)}\.+", line))
    end = next((i for i in range(start + 1, len(lines))
                if re.search(r"\.{3,}.*(Passed|Failed|Skipped)\s*$", lines[i])), len(lines))
    return "\n".join(lines[start + 1:end])


def _head(repo: Path, env: dict[str, str]) -> str | None:
    proc = _run(["git", "rev-parse", "--verify", "-q", "HEAD"], repo, env)
    return proc.stdout.strip() if proc.returncode == 0 else None


@pytest.mark.slow
def test_committing_a_vulnerable_contract_is_refused(hook_repo: HookRepo, tmp_path: Path
                                                     ) -> None:
    repo = hook_repo.new_repository(tmp_path / "repo")
    (repo / "contracts").mkdir()
    shutil.copy(VULNERABLE, repo / "contracts" / "Lottery.sol")
    proc = hook_repo.commit(repo, "contracts/Lottery.sol")
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert _status(output, "contractml") == "Failed"
    assert _status(output, "contractml (project)") == "Failed"
    # The staged-file hook scans contracts/ (the file's folder); the project hook `.`.
    assert _reports_listed_line(_section(output, "contractml"), "Lottery.sol")
    assert _reports_listed_line(_section(output, "contractml (project)"),
                                "contracts/Lottery.sol")
    assert "Traceback" not in output
    assert _head(repo, hook_repo.env) is None, "the commit was made"


@pytest.mark.slow
def test_a_clean_contract_commits(hook_repo: HookRepo, tmp_path: Path) -> None:
    repo = hook_repo.new_repository(tmp_path / "repo")
    (repo / "contracts").mkdir()
    (repo / "contracts" / "Parity.sol").write_text(CLEAN, encoding="utf-8")
    proc = hook_repo.commit(repo, "contracts/Parity.sol")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    for hook in HOOK_NAMES:
        assert _status(output, hook) == "Passed"
    assert _head(repo, hook_repo.env) is not None


@pytest.mark.slow
def test_a_repository_without_solidity_is_a_no_op(hook_repo: HookRepo, tmp_path: Path
                                                  ) -> None:
    repo = hook_repo.new_repository(tmp_path / "repo")
    (repo / "README.md").write_text("# no contracts here\n", encoding="utf-8")
    (repo / "notes.txt").write_text("pragma solidity ^0.8.0; // not a .sol file\n",
                                    encoding="utf-8")
    proc = hook_repo.commit(repo, "README.md", "notes.txt")
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    for hook in HOOK_NAMES:
        assert _status(output, hook) == "(no files to check)Skipped"
    assert _head(repo, hook_repo.env) is not None


@pytest.mark.slow
def test_staged_files_only_versus_whole_project(hook_repo: HookRepo, tmp_path: Path
                                                ) -> None:
    """With a vulnerable contract already committed, staging a clean one: `contractml`
    looks at the staged file only and passes; `contractml-project` scans everything."""
    repo = hook_repo.new_repository(tmp_path / "repo")
    (repo / "contracts").mkdir()
    shutil.copy(VULNERABLE, repo / "contracts" / "Lottery.sol")
    assert hook_repo.commit(repo, "contracts/Lottery.sol", no_verify=True).returncode == 0
    (repo / "contracts" / "Parity.sol").write_text(CLEAN, encoding="utf-8")
    proc = hook_repo.commit(repo, "contracts/Parity.sol")
    output = proc.stdout + proc.stderr
    assert proc.returncode != 0, output
    assert _status(output, "contractml") == "Passed"
    assert _status(output, "contractml (project)") == "Failed"
    assert _reports_listed_line(_section(output, "contractml (project)"),
                                "contracts/Lottery.sol")
    assert "Lottery.sol" not in _section(output, "contractml")
