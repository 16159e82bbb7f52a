"""The `contractml scan` command: settings -> scan -> fingerprints, suppressions,
baseline, changed lines, filters -> a report in one format -> an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import click

from contractml.errors import ConfigError, ContractmlError, ExitCode
from contractml.findings import ScanResult, severity_rank


def _cli_values(fmt: str | None, output: str | None, flags: dict[str, Any]) -> dict[str, Any]:
    """Flags as settings values; None (or empty) where the user gave nothing."""
    values: dict[str, Any] = {"format": fmt, "output": None if output == "-" else output}
    for key, value in flags.items():
        values[key] = list(value) if isinstance(value, tuple) else value
    if values.get("categories"):
        values["categories"] = [c.strip() for c in values["categories"].split(",") if c.strip()]
    return values


def _progress(wanted: bool | None, verbose: int, fmt: str
              ) -> tuple[Callable[[str], None] | None, Any]:
    """A spinner with the current stage on a terminal; nothing in CI or for machine
    formats (unless --progress)."""
    if wanted is None:
        wanted = (fmt == "text" and sys.stderr.isatty() and not os.environ.get("CI"))
    if not wanted:
        if verbose:
            return (lambda msg: click.echo(f"contractml: {msg}", err=True)), None
        return None, None
    from rich.console import Console

    status = Console(stderr=True).status("contractml: scanning")
    status.start()
    return (lambda msg: status.update(f"contractml: {msg}")), status


def run_scan(paths: Sequence[str], fmt: str | None, output: str | None,
             flags: dict[str, Any]) -> int:
    from contractml.compile.backends import default_cache_dir
    from contractml.compile.driver import CompileOptions
    from contractml.config import ScanSettings, load_config, merge
    from contractml.scan import ScanOptions, scan

    verbose = int(flags.pop("verbose", 0) or 0)
    config_file = flags.pop("config_file", None)
    no_cache = bool(flags.pop("no_cache", False))
    cache_dir = flags.pop("cache_dir", None)
    show_progress = flags.pop("progress", None)
    cli_values = _cli_values(fmt, output, flags)
    start = Path(paths[0]) if paths else Path(".")
    config_values, warnings = load_config(start if start.is_dir() else start.parent,
                                          config_file)
    for warning in warnings:
        click.echo(f"contractml: warning: {warning}", err=True)
    settings: ScanSettings = merge(config_values, cli_values)
    fmt = settings.format or "text"

    options = ScanOptions(
        paths=tuple(paths) or (".",), include_tests=bool(settings.include_tests),
        remappings=tuple(settings.remappings or ()), include=tuple(settings.include or ()),
        exclude=tuple(settings.exclude or ()), max_file_size=settings.max_file_size,
        compile=CompileOptions(
            solc=str(settings.solc) if settings.solc else None,
            solc_version=settings.solc_version,
            offline=bool(settings.offline),
            cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
            jobs=settings.jobs, timeout=settings.timeout,
            analysis_memory=settings.analysis_memory * 2 ** 20),
        model=Path(settings.model) if settings.model else None,
        severity=dict(settings.severity or {}), evidence=settings.evidence or "all")
    progress, status = _progress(show_progress, verbose, fmt)
    try:
        result = scan(options, progress=progress)
    finally:
        if status is not None:
            status.stop()
    postprocess(result, settings)
    output_path = str(settings.output) if settings.output else None
    _write(render(result, fmt, settings, output_is_terminal=_to_terminal(output_path),
                  verbose=verbose), output_path)
    if fmt != "text" or output_path:
        # the text report prints notices itself; machine formats keep stdout clean
        for notice in result.notices:
            click.echo(f"contractml: {notice}", err=True)
    return exit_code(result, settings)


def fingerprint_and_suppress(result: ScanResult, notices: list[str]) -> list[Any]:
    """Give every finding its fingerprint and apply the in-source suppression comments
    (problems with them go to `notices`); the suppressions that matched nothing."""
    from contractml import baseline, suppressions
    from contractml.compile.sourcetext import read_source

    root = Path(result.root)
    baseline.assign_fingerprints(result.findings)
    sources: dict[str, str] = {}
    for rel in {f.file for f in result.findings}:
        try:
            sources[rel] = read_source(root / rel)
        except OSError:
            continue
    return suppressions.apply(result.findings, sources, notices)


def postprocess(result: ScanResult, settings: Any) -> None:
    """Fingerprints, suppressions, baseline, changed lines and filters, in that order."""
    from contractml import baseline

    root = Path(result.root)
    unused = fingerprint_and_suppress(result, result.notices)
    if settings.warn_unused_ignores:
        for item in unused:
            result.notices.append(f"warning: {item.message()}")
    if settings.write_baseline:
        baseline.write_baseline(Path(settings.write_baseline), result.active)
        result.notices.append(f"wrote {len(result.active)} fingerprint(s) to "
                              f"{settings.write_baseline}")
    if settings.baseline:
        known = baseline.load_baseline(Path(settings.baseline))
        new, known_count = baseline.filter_new(result.findings, known)
        result.findings[:] = new
        if known_count:
            result.notices.append(f"{known_count} finding(s) in the baseline left out")
    if settings.diff_base:
        from contractml.gitdiff import changed_lines, filter_to_diff

        kept, dropped = filter_to_diff(result.findings, changed_lines(root, settings.diff_base))
        result.findings[:] = kept
        result.notices.append(f"--diff-base {settings.diff_base}: {dropped} finding(s) "
                              "on unchanged lines left out")
    categories = settings.categories
    if categories:
        from contractml.rules import RULES

        unknown = [c for c in categories if c not in RULES]
        if unknown:
            raise ConfigError(f"unknown categories: {', '.join(unknown)} "
                              "(see `contractml rules`)")
    floor = severity_rank(settings.min_severity) if settings.min_severity else 0
    result.findings[:] = [
        f for f in result.findings
        if (not categories or f.category in categories)
        and severity_rank(f.severity) >= floor
        and f.confidence >= (settings.min_confidence or 0.0)]


def exit_code(result: ScanResult, settings: Any) -> int:
    if not result.files_scanned and result.failures:
        return int(ExitCode.USAGE)
    if settings.exit_zero or settings.fail_on == "none":
        return int(ExitCode.OK)
    bar = severity_rank(settings.fail_on or "medium")
    if any(severity_rank(f.severity) >= bar for f in result.active):
        return int(ExitCode.FINDINGS)
    return int(ExitCode.OK)


def render(result: ScanResult, fmt: str, settings: Any,
           output_is_terminal: bool = False, verbose: int = 0) -> str:
    """The report, with the options each format takes from the settings; the text
    format lists each finding's statements and their sources with `-v`."""
    from contractml import reporters
    from contractml.rules import effective_rules

    options: dict[str, Any] = {
        "json": {"sort": settings.sort},
        "sarif": {"rules": effective_rules(settings.severity)},
        "markdown": {"fail_on": settings.fail_on, "sort": settings.sort},
        "text": {"color": output_is_terminal, "show_evidence": verbose > 0,
                 "sort": settings.sort}}.get(fmt, {})
    return reporters.render(result, fmt, **options)


def _to_terminal(output: str | None) -> bool:
    return (output in (None, "-")) and sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def _write(report: str, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.write(report)
        sys.stdout.flush()
        return
    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report, encoding="utf-8")
    except OSError as exc:
        raise ContractmlError(f"cannot write {output}: {exc.strerror}") from None
