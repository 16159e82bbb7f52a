"""Output of `contractml compile`: one line per file, or JSON."""

from __future__ import annotations

from typing import Any, TextIO

from contractml.pipeline import BuildResult, FileReport

#: Version of the `contractml compile --format json` document.
COMPILE_JSON_VERSION = 1


def _relative(report: FileReport, result: BuildResult) -> str:
    try:
        return report.outcome.path.relative_to(result.project.root).as_posix()
    except ValueError:
        return report.outcome.path.as_posix()


def _seconds(report: FileReport) -> float:
    return report.outcome.seconds + report.frontend_seconds


def render_json(result: BuildResult) -> dict[str, Any]:
    files = []
    for report in result.files:
        entry: dict[str, Any] = {
            "file": _relative(report, result),
            "status": "ok" if report.ok else "failed",
            "compiler": report.outcome.compiler,
            "solc_version": str(report.outcome.version) if report.outcome.version else None,
            "compile_seconds": round(report.outcome.seconds, 4),
            "frontend_seconds": round(report.frontend_seconds, 4),
            "cached": report.outcome.cached and (report.frontend_cached or not report.ok),
            "warnings": [*report.outcome.warnings, *report.warnings],
        }
        if report.record is not None:
            entry.update(contracts=len(report.record.contracts),
                         functions=report.record.function_count,
                         cfg_nodes=report.record.node_count)
        else:
            entry.update(stage=report.stage, error=report.error)
        files.append(entry)
    return {
        "version": COMPILE_JSON_VERSION,
        "root": str(result.project.root),
        "framework": result.project.kind,
        "compile_seconds": round(result.compile_seconds, 3),
        "frontend_seconds": round(result.frontend_seconds, 3),
        "files": files,
        "summary": {"files": len(result.files),
                    "ok": sum(1 for f in result.files if f.ok),
                    "failed": sum(1 for f in result.files if not f.ok)},
    }


def render_text(result: BuildResult, out: TextIO) -> None:
    for report in result.files:
        name = _relative(report, result)
        compiler = report.outcome.compiler or "no compiler"
        cached = " cached" if report.outcome.cached else ""
        if report.record is not None:
            record = report.record
            out.write(f"ok      {name}  [{compiler}{cached}, {_seconds(report):.2f}s]  "
                      f"{len(record.contracts)} contracts, {record.function_count} functions, "
                      f"{record.node_count} CFG nodes\n")
        else:
            out.write(f"FAILED  {name}  [{compiler}]  {report.stage} failed:\n")
            for line in (report.error or "").strip().splitlines():
                out.write(f"        {line}\n")
        for warning in (*report.outcome.warnings, *report.warnings):
            out.write(f"        warning: {warning}\n")
    ok = sum(1 for f in result.files if f.ok)
    out.write(f"{ok} of {len(result.files)} files compiled and parsed "
              f"(compile {result.compile_seconds:.1f}s, front end "
              f"{result.frontend_seconds:.1f}s)\n")
