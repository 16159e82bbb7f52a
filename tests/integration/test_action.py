"""The composite GitHub Action (`action.yml`): a lint of the action and of the workflows
in README.md, and its Scan, Outputs and Apply fail-on steps run locally
with bash, as the runner would, on a copy of examples/.

Setup steps (setup-python, pip install) are not run: this checkout's `contractml` (the
one next to the test's Python) is put first on PATH instead.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
ACTION = REPO / "action.yml"
DOCS = REPO / "README.md"
SARIF_SCHEMA = Path("/work/shared/schemas/sarif-schema-2.1.0.json")
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+(\.\d+){0,2}\b")
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def load_action() -> dict[str, Any]:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def docs_workflows() -> list[tuple[str, dict[str, Any]]]:
    """Every ```yaml block of the docs that is a workflow (has `jobs`), with its text."""
    blocks = re.findall(r"```ya?ml\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.DOTALL)
    return [(text, data) for text in blocks
            if isinstance(data := yaml.safe_load(text), dict) and "jobs" in data]


def uses_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()
            if re.match(r"\s*(-\s+)?uses:", line)]


# --- lint ----------------------------------------------------------------------------


def test_action_is_composite_with_the_documented_interface() -> None:
    action = load_action()
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) == {"target", "fail-on", "sarif", "config", "min-severity",
                                     "python-version", "version"}
    assert set(action["outputs"]) == {"sarif", "findings", "high", "medium", "low"}
    defaults = {name: spec.get("default") for name, spec in action["inputs"].items()}
    assert defaults["target"] == "." and defaults["fail-on"] == "medium"
    assert defaults["sarif"] == "contractml.sarif" and defaults["python-version"] == "3.11"
    step_ids = {step.get("id") for step in action["runs"]["steps"]}
    for name, spec in action["outputs"].items():
        match = re.fullmatch(r"\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}", spec["value"])
        assert match and match.group(1) in step_ids, f"output {name}: {spec['value']}"


def test_every_uses_is_pinned_to_a_commit_sha() -> None:
    texts = [("action.yml", ACTION.read_text(encoding="utf-8"))]
    texts += [(f"{DOCS.name} workflow {i}", text)
              for i, (text, _) in enumerate(docs_workflows(), 1)]
    assert len(texts) >= 3, "README.md should hold the two workflows"
    seen = 0
    for where, text in texts:
        for line in uses_lines(text):
            ref = line.split("uses:", 1)[1].split("#", 1)[0].strip()
            assert PINNED.match(ref), f"{where}: not pinned to a 40-hex SHA: {line}"
            assert VERSION_COMMENT.search(line), f"{where}: no '# vX.Y.Z' comment: {line}"
            seen += 1
    assert seen >= 4


def test_every_input_is_used_and_never_interpolated_into_shell() -> None:
    action = load_action()
    steps = action["runs"]["steps"]
    used = set()
    for step in steps:
        for mapping in (step.get("with") or {}, step.get("env") or {}):
            for value in mapping.values():
                used.update(re.findall(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", str(value)))
        if "run" in step:
            assert step.get("shell") == "bash", step.get("name")
            assert "${{" not in step["run"], f"expression inside run: of {step.get('name')}"
    assert used == set(action["inputs"]), f"unused inputs: {set(action['inputs']) - used}"


def test_docs_workflows_use_least_privilege() -> None:
    workflows = docs_workflows()
    uploads = 0
    for _, workflow in workflows:
        top = workflow.get("permissions")
        assert top in ({}, {"contents": "read"}), f"top-level permissions: {top!r}"
        for name, job in workflow["jobs"].items():
            steps = job.get("steps", [])
            uses = [str(step.get("uses", "")) for step in steps]
            permissions = job.get("permissions") or {}
            writes = {key for key, value in permissions.items() if value == "write"}
            if any(u.startswith("github/codeql-action/upload-sarif@") for u in uses):
                uploads += 1
                assert permissions.get("security-events") == "write", name
                assert writes == {"security-events"}, f"{name}: {writes}"
                upload = next(s for s in steps if str(s.get("uses", "")).startswith(
                    "github/codeql-action/upload-sarif@"))
                assert upload.get("if") == "always()", name
            elif any("gh pr comment" in str(step.get("run", "")) for step in steps):
                assert writes == {"pull-requests"}, f"{name}: {writes}"
            else:
                assert not writes, f"{name}: {writes}"
            for step in steps:
                assert "${{" not in str(step.get("run", "")), f"{name}: expression in run:"
                assert "secrets." not in str(step), name
    assert uploads == 1


def test_action_outputs_helper_is_standard_library_only() -> None:
    """scripts/action_outputs.py runs in the action before anything else is guaranteed."""
    source = (REPO / "scripts" / "action_outputs.py").read_text(encoding="utf-8")
    imported = set(re.findall(r"^(?:from|import) ([\w.]+)", source, re.MULTILINE))
    assert {name.split(".")[0] for name in imported} <= set(sys.stdlib_module_names) | {
        "__future__"}


# --- the steps, run locally ------------------------------------------------------------


class LocalRunner:
    """Runs the action's `run:` steps with bash the way a runner does for a composite
    action: `${{ }}` expressions only in `env:` (inputs, github.action_path, earlier
    steps' outputs), GITHUB_OUTPUT per step, `bash --noprofile --norc -eo pipefail`."""

    def __init__(self, workspace: Path, inputs: dict[str, str], tmp: Path) -> None:
        action = load_action()
        self.steps = action["runs"]["steps"]
        self.inputs = {name: str(spec.get("default", "")) for name, spec in
                       action["inputs"].items()} | inputs
        self.workspace, self.tmp = workspace, tmp
        self.outputs: dict[str, dict[str, str]] = {}

    def _evaluate(self, value: str) -> str:
        def one(match: re.Match[str]) -> str:
            expr = match.group(1)
            if m := re.fullmatch(r"inputs\.([\w-]+)", expr):
                return self.inputs[m.group(1)]
            if expr == "github.action_path":
                return str(REPO)
            if m := re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr):
                return self.outputs.get(m.group(1), {}).get(m.group(2), "")
            raise AssertionError(f"unexpected expression in action.yml: {expr}")

        return EXPRESSION.sub(one, value)

    def run(self, name: str) -> subprocess.CompletedProcess[str]:
        step = next(s for s in self.steps if s.get("name") == name)
        key = step.get("id") or name
        script = self.tmp / f"{key}.sh"
        script.write_text(step["run"], encoding="utf-8")
        output_file = self.tmp / f"{key}.output"
        output_file.write_text("", encoding="utf-8")
        env = dict(os.environ)
        env.update({k: self._evaluate(str(v)) for k, v in (step.get("env") or {}).items()})
        env.update(GITHUB_OUTPUT=str(output_file), CI="true", GITHUB_ACTIONS="true",
                   PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail",
                               str(script)], cwd=self.workspace, env=env, text=True,
                              capture_output=True, timeout=900, stdin=subprocess.DEVNULL,
                              check=False)
        self.outputs[key] = parse_outputs(output_file.read_text(encoding="utf-8"))
        return proc

    def run_scan(self) -> tuple[subprocess.CompletedProcess[str], ...]:
        return tuple(self.run(name) for name in ("Scan", "Outputs", "Apply fail-on"))


def parse_outputs(text: str) -> dict[str, str]:
    """`$GITHUB_OUTPUT` lines: `name=value` and `name<<DELIM ... DELIM`."""
    values: dict[str, str] = {}
    lines = iter(text.splitlines())
    for line in lines:
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            body = []
            for item in lines:
                if item == delimiter:
                    break
                body.append(item)
            values[name] = "\n".join(body)
        elif "=" in line:
            name, value = line.split("=", 1)
            assert name not in values, f"{name} written twice"
            values[name] = value
    return values


def example_lines() -> set[tuple[str, int]]:
    """(file, line) for every vulnerable line listed in examples/README.md's table."""
    listed = set()
    for row in (REPO / "examples" / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if len(cells) > 3 and re.fullmatch(r"`[\w/.-]+\.sol`", cells[0]):
            listed.update((cells[0].strip("`"), int(n)) for n in re.findall(r"\d+", cells[3]))
    assert listed, "no table in examples/README.md"
    return listed


def sarif_counts(sarif: dict[str, Any]) -> dict[str, int]:
    active = [r for r in sarif["runs"][0]["results"] if not r.get("suppressions")]
    counts = {level: sum(1 for r in active if r["properties"]["severity"] == level)
              for level in ("high", "medium", "low")}
    return {"findings": len(active), **counts}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A checkout-like workspace: a copy of examples/ and a config that keeps the scan
    offline (only compilers already installed are used)."""
    root = tmp_path_factory.mktemp("workspace")
    shutil.copytree(REPO / "examples", root / "examples",
                    ignore=shutil.ignore_patterns("*.md"))
    (root / "contractml.toml").write_text("offline = true\n", encoding="utf-8")
    return root


def _validate_sarif(sarif: dict[str, Any]) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"{SARIF_SCHEMA} not available")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(sarif)


def test_scan_step_on_examples_writes_sarif_outputs_and_fails_on_findings(
        workspace: Path, tmp_path: Path) -> None:
    runner = LocalRunner(workspace, {"target": "examples", "config": "contractml.toml"},
                         tmp_path)
    scan, outputs, verdict = runner.run_scan()
    assert scan.returncode == 0, scan.stdout + scan.stderr
    code = runner.outputs["scan"]["exit-code"]
    assert code in ("0", "1"), scan.stderr
    sarif_path = workspace / "contractml.sarif"
    assert sarif_path.is_file()
    sarif = json.loads(sarif_path.read_text(encoding="utf-8"))
    _validate_sarif(sarif)
    counts = sarif_counts(sarif)

    assert outputs.returncode == 0, outputs.stdout + outputs.stderr
    written = runner.outputs["outputs"]
    assert written == {"sarif": "contractml.sarif",
                       **{name: str(n) for name, n in counts.items()}}
    # examples/ holds one vulnerable spot per category: some are reported where
    # examples/README.md says they are, with URIs relative to the target.
    assert counts["findings"] > 0
    located = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"])
               for r in sarif["runs"][0]["results"]}
    assert {uri for uri, _ in located} <= {
        f.relative_to(workspace / "examples").as_posix()
        for f in (workspace / "examples").rglob("*.sol")}
    assert located & example_lines(), located
    failing = counts["high"] + counts["medium"] > 0
    assert code == ("1" if failing else "0")
    assert verdict.returncode == (1 if failing else 0), verdict.stdout
    assert f"{counts['findings']} finding(s)" in outputs.stdout


def test_inputs_fail_on_none_min_severity_and_sarif_path(workspace: Path,
                                                          tmp_path: Path) -> None:
    runner = LocalRunner(workspace, {"target": "examples", "config": "contractml.toml",
                                     "fail-on": "none", "min-severity": "high",
                                     "sarif": "reports/high only.sarif"}, tmp_path)
    scan, outputs, verdict = runner.run_scan()
    assert scan.returncode == 0 and runner.outputs["scan"]["exit-code"] == "0", scan.stderr
    assert verdict.returncode == 0
    sarif = json.loads((workspace / "reports" / "high only.sarif").read_text(encoding="utf-8"))
    _validate_sarif(sarif)
    counts = sarif_counts(sarif)
    assert counts["medium"] == counts["low"] == 0
    assert runner.outputs["outputs"] == {"sarif": "reports/high only.sarif",
                                         **{k: str(v) for k, v in counts.items()}}


def test_a_failed_scan_keeps_its_exit_code_and_inputs_stay_data(workspace: Path,
                                                                 tmp_path: Path) -> None:
    """A target that does not exist: exit code 2 is passed on, no counts are made up. The
    target's shell syntax is never run."""
    target = 'missing $(touch injected-1) `touch injected-2` "; touch injected-3; "'
    runner = LocalRunner(workspace, {"target": target, "sarif": "failed.sarif"}, tmp_path)
    scan, outputs, verdict = runner.run_scan()
    assert scan.returncode == 0
    assert runner.outputs["scan"]["exit-code"] == "2", scan.stderr
    assert "contractml: error:" in scan.stderr and "Traceback" not in scan.stderr
    assert outputs.returncode == 0
    assert runner.outputs["outputs"] == {"sarif": "failed.sarif"}
    assert verdict.returncode == 2
    assert not list(workspace.glob("injected-*")) and not list(tmp_path.glob("injected-*"))
