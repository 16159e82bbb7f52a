"""Config files: discovery, validation, warnings, errors, and merging with flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contractml.config import (
    CONFIG_KEYS,
    ScanSettings,
    find_config,
    load_config,
    merge,
    parse_table,
)
from contractml.errors import ConfigError
from contractml.rules import CATEGORIES

FULL = """
format = "sarif"
output = "out/report.sarif"
fail-on = "high"
min-severity = "medium"
min-confidence = 0.4
include = ["src/**/*.sol"]
exclude = ["src/mocks/**"]
categories = ["reentrancy", "arithmetic"]
exit-zero = true
baseline = ".contractml-baseline.json"
warn-unused-ignores = true
jobs = 4
offline = true
solc = "/usr/bin/solc"
solc-version = "0.8.26"
remappings = ["@oz/=lib/openzeppelin-contracts/"]
include-tests = true
max-file-size = 500000
timeout = 30
analysis-memory = 4096
model = "models/custom"
evidence = "network"
sort = "anomaly"

[severity]
time-manipulation = "medium"
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_contractml_toml_every_key(tmp_path: Path) -> None:
    write(tmp_path / ".git" / "HEAD", "")
    config = write(tmp_path / "contractml.toml", FULL)
    values, warnings = load_config(tmp_path)
    assert warnings == []
    settings = merge(values, {})
    assert settings == ScanSettings(
        format="sarif", output=tmp_path / "out/report.sarif", fail_on="high",
        min_severity="medium", min_confidence=0.4, include=("src/**/*.sol",),
        exclude=("src/mocks/**",), categories=("reentrancy", "arithmetic"), exit_zero=True,
        baseline=tmp_path / ".contractml-baseline.json", warn_unused_ignores=True, jobs=4,
        offline=True, solc=Path("/usr/bin/solc"), solc_version="0.8.26",
        remappings=("@oz/=lib/openzeppelin-contracts/",), include_tests=True,
        max_file_size=500000, timeout=30.0, analysis_memory=4096,
        model=tmp_path / "models/custom",
        severity={"time-manipulation": "medium"}, evidence="network", sort="anomaly",
        config_file=config)
    assert isinstance(settings.timeout, float)
    assert set(CONFIG_KEYS) == {line.split(" =")[0] for line in FULL.strip().splitlines()
                                if " = " in line and not line.startswith("time-")} | {
        "severity"}


def test_pyproject_table_and_precedence(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.contractml]\n'
                                       'fail-on = "low"\njobs = 3\n')
    values, _ = load_config(tmp_path)
    assert values["fail_on"] == "low" and values["jobs"] == 3
    assert values["config_file"] == tmp_path / "pyproject.toml"
    write(tmp_path / "contractml.toml", 'fail-on = "none"\n')
    values, _ = load_config(tmp_path)
    assert values["fail_on"] == "none" and "jobs" not in values


def test_search_walks_up_to_the_git_root(tmp_path: Path) -> None:
    outer = write(tmp_path / "contractml.toml", 'jobs = 9\n')
    repo = tmp_path / "repo"
    write(repo / "pyproject.toml", '[project]\nname = "no contractml table"\n')
    sub = repo / "contracts" / "core"
    sub.mkdir(parents=True)
    assert find_config(sub) == outer  # no .git: up to the filesystem root
    (repo / ".git").mkdir()
    assert find_config(sub) is None  # stops at the git root
    inner = write(repo / "pyproject.toml", '[tool.contractml]\njobs = 5\n')
    assert find_config(sub) == inner
    assert find_config(sub / "missing.sol") == inner
    assert load_config(sub)[0]["jobs"] == 5


def test_explicit_file(tmp_path: Path) -> None:
    config = write(tmp_path / "ci" / "scan.toml", 'format = "json"\nbaseline = "b.json"\n')
    values, _ = load_config(tmp_path / "elsewhere", config)
    assert values["format"] == "json" and values["baseline"] == tmp_path / "ci" / "b.json"
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path, tmp_path / "nope.toml")


def test_no_config_file(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    assert load_config(tmp_path) == ({}, [])
    assert merge({}, {}) == ScanSettings()


def test_unknown_keys_warn(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.contractml]\nfial-on = "high"\nfoo = 1\n')
    values, warnings = load_config(tmp_path)
    assert "fail_on" not in values
    assert len(warnings) == 2
    assert "unknown key [tool.contractml] 'fial-on'" in warnings[0]
    assert "did you mean 'fail-on'" in warnings[0]
    assert str(tmp_path / "pyproject.toml") in warnings[0]


@pytest.mark.parametrize("text,key", [
    ('jobs = "4"', "jobs"),
    ("jobs = 0", "jobs"),
    ("jobs = true", "jobs"),
    ('fail-on = "critical"', "fail-on"),
    ("min-confidence = 1.5", "min-confidence"),
    ('categories = ["reentrancy", "overflow"]', "categories"),
    ('exit-zero = "yes"', "exit-zero"),
    ("include = [1, 2]", "include"),
    ('remappings = ["no-equals"]', "remappings"),
    ('solc-version = "0.8"', "solc-version"),
    ("max-file-size = -1", "max-file-size"),
    ("timeout = 0", "timeout"),
    ('timeout = nan', "timeout"),
    ("analysis-memory = 64", "analysis-memory"),
    ("analysis-memory = 1.5", "analysis-memory"),
    ('model = ""', "model"),
    ('severity = "high"', "severity"),
    ('severity = { reentrancy = "critical" }', "severity"),
    ('severity = { nope = "high" }', "severity"),
    ('evidence = "everything"', "evidence"),
])
def test_bad_values_name_file_and_key(tmp_path: Path, text: str, key: str) -> None:
    config = write(tmp_path / "contractml.toml", text + "\n")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path, config)
    assert str(config) in caught.value.message
    assert f"key '{key}'" in caught.value.message


def test_bad_toml_names_file_and_line(tmp_path: Path) -> None:
    config = write(tmp_path / "contractml.toml", 'jobs = 2\nformat = "json\n')
    with pytest.raises(ConfigError, match=r"contractml\.toml: invalid TOML: .*line 2"):
        load_config(tmp_path)
    write(tmp_path / "contractml.toml", "").write_bytes(b"jobs = 2\n\xff\xfe")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(tmp_path, config)


def test_tool_contractml_must_be_a_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool]\ncontractml = 3\n')
    with pytest.raises(ConfigError, match="must be a table"):
        load_config(tmp_path)


def test_merge_cli_overrides_config(tmp_path: Path) -> None:
    config = {"fail_on": "low", "jobs": 4, "include": ("a/**",), "exit_zero": True}
    cli = {"fail-on": "high", "jobs": None, "include": (), "exit_zero": None,
           "categories": ("reentrancy,arithmetic", "reentrancy"), "output": "-",
           "min_confidence": 0.5, "diff_base": "main", "write_baseline": "b.json"}
    settings = merge(config, cli)
    assert settings.fail_on == "high"
    assert settings.jobs == 4 and settings.include == ("a/**",) and settings.exit_zero
    assert settings.categories == ("reentrancy", "arithmetic")
    assert settings.output is None
    assert settings.diff_base == "main" and settings.write_baseline == Path("b.json")
    with pytest.raises(ConfigError, match="--fail-on"):
        merge({}, {"fail_on": "bad"})
    with pytest.raises(ConfigError, match="--remap"):
        merge({}, {"remappings": ["x"]})
    with pytest.raises(ConfigError, match="unknown setting"):
        merge({}, {"nonsense": 1})
    assert ScanSettings().categories == CATEGORIES


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=8)
_keys = st.sampled_from(sorted(CONFIG_KEYS)) | st.text(max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(_keys, _values, max_size=6))
def test_fuzz_parse_table_only_raises_config_error(table: dict) -> None:
    try:
        values, warnings = parse_table(table, "contractml.toml", Path("/base"))
    except ConfigError as exc:
        assert exc.message.startswith("contractml.toml: key '")
        return
    merge(values, {})  # whatever validates builds settings


_toml_lines = st.lists(
    st.sampled_from(sorted(CONFIG_KEYS)).flatmap(
        lambda key: st.sampled_from([
            f'{key} = "x"', f"{key} = 1", f"{key} = -3", f"{key} = 0.5", f"{key} = true",
            f'{key} = ["a", "b=c"]', f"{key} = {{ reentrancy = \"high\" }}", f"{key} = [",
            f'{key} = "{CATEGORIES[0]}"', f'{key} = "high"', f'{key} = "0.8.1"'])
    ) | st.text(max_size=30), max_size=6)


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_toml_lines, st.booleans())
def test_fuzz_load_config_only_raises_config_error(tmp_path: Path, lines: list[str],
                                                   pyproject: bool) -> None:
    body = "\n".join(lines) + "\n"
    name = "pyproject.toml" if pyproject else "contractml.toml"
    text = "[tool.contractml]\n" + body if pyproject else body
    path = tmp_path / name
    try:
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
    except UnicodeEncodeError:
        return
    try:
        values, _ = load_config(tmp_path, path)
        merge(values, {})
    except ConfigError:
        pass
