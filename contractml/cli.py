"""contractml's command line. `main(argv) -> int` is what tests call.

Exit codes (see README): 0 success; 1 findings at or above --fail-on (scan);
2 usage/config error or nothing could be compiled; 3 some files failed (compile).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from contractml import __version__
from contractml.config import MAX_ANALYSIS_MEMORY, MIN_ANALYSIS_MEMORY
from contractml.errors import ContractmlError, ExitCode


def _configure_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, stream=sys.stderr,
                        format="contractml: %(levelname)s: %(message)s")


_compiler_options = [
    click.option("--solc", "solc", metavar="PATH",
                 help="Use this solc binary for every file."),
    click.option("--solc-version", metavar="X.Y.Z",
                 help="Compile every file with this solc version."),
    click.option("--offline", is_flag=True, default=None,
                 help="Never download a compiler; use only those already installed."),
    click.option("--remap", "remappings", multiple=True, metavar="PREFIX=TARGET",
                 help="Extra import remapping (repeatable)."),
    click.option("--include-tests", is_flag=True, default=None,
                 help="Also analyse test/ and script/ folders of Foundry/Hardhat roots."),
    click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                 help="Cache folder (default: $CONTRACTML_CACHE_DIR or "
                      "~/.cache/contractml)."),
    click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
    click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
                 help="Compiler and analysis processes run at once (default: 2)."),
    click.option("-v", "--verbose", count=True, help="More log output on stderr."),
]


def compiler_options(func):  # type: ignore[no-untyped-def]
    for option in reversed(_compiler_options):
        func = option(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="contractml")
def cli() -> None:
    """contractml: find risky code in Solidity smart contracts."""


@cli.command("compile")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@compiler_options
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
def compile_cmd(paths: tuple[str, ...], solc: str | None, solc_version: str | None,
                offline: bool, remappings: tuple[str, ...], include_tests: bool,
                cache_dir: Path | None, no_cache: bool, jobs: int, verbose: int,
                fmt: str) -> None:
    """Compile PATHS and parse them with Slither; report, per file, the compiler chosen,
    the time taken and the contracts, functions and CFG nodes found, or why it failed.

    PATHS are .sol files or folders (Foundry and Hardhat roots are recognised);
    default: the current folder. Exit 0 when every file went through, 3 when some
    failed, 2 when none did.
    """
    _configure_logging(verbose)
    from contractml.compile.backends import default_cache_dir
    from contractml.compile.driver import CompileOptions
    from contractml.compile.project import discover
    from contractml.pipeline import build
    from contractml.reporting_compile import render_json, render_text

    project = discover(paths or ["."], keep_tests=bool(include_tests),
                       extra_remappings=remappings)
    if not project.targets:
        raise ContractmlError(f"no .sol files found under {', '.join(paths or ['.'])}")
    options = CompileOptions(solc=solc, solc_version=solc_version, offline=bool(offline),
                             cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
                             jobs=jobs or 2)
    progress = (lambda msg: click.echo(f"contractml: {msg}", err=True)) if verbose else None
    result = build(project, options, progress=progress)
    for notice in result.project.notices:
        click.echo(f"contractml: {notice}", err=True)
    if fmt == "json":
        click.echo(json.dumps(render_json(result), indent=2))
    else:
        render_text(result, sys.stdout)
    ok = sum(1 for f in result.files if f.ok)
    if ok == 0:
        raise click.exceptions.Exit(ExitCode.USAGE)
    raise click.exceptions.Exit(ExitCode.OK if ok == len(result.files) else ExitCode.PARTIAL)


_FORMATS = ("text", "json", "sarif", "markdown")
_SEVERITY_CHOICES = ("low", "medium", "high")


@cli.command("scan")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@compiler_options
@click.option("--format", "fmt", type=click.Choice(_FORMATS), default=None,
              help="Output format (default: text).")
@click.option("-o", "--output", metavar="FILE", default=None,
              help="Write the report to FILE ('-' is stdout, the default).")
@click.option("--fail-on", type=click.Choice(("none", *_SEVERITY_CHOICES)), default=None,
              help="Exit 1 when a finding at or above this severity remains "
                   "(default: medium).")
@click.option("--exit-zero", is_flag=True, default=None,
              help="Exit 0 even when findings remain (errors still exit 2).")
@click.option("--min-severity", type=click.Choice(_SEVERITY_CHOICES), default=None,
              help="Report only findings at or above this severity.")
@click.option("--min-confidence", type=click.FloatRange(0.0, 1.0), default=None,
              help="Report only findings with at least this confidence.")
@click.option("--include", multiple=True, metavar="GLOB",
              help="Scan only files matching GLOB (root-relative; repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB",
              help="Skip files matching GLOB (root-relative; repeatable).")
@click.option("--categories", metavar="CAT[,CAT]", default=None,
              help="Report only these categories (see `contractml rules`).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Configuration file (default: contractml.toml or "
                                 "[tool.contractml] in pyproject.toml, searched upwards).")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Leave out findings whose fingerprints are in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Write every current finding's fingerprint to FILE.")
@click.option("--diff-base", metavar="GIT_REF", default=None,
              help="Report only findings on lines changed since GIT_REF.")
@click.option("--warn-unused-ignores", is_flag=True, default=None,
              help="Warn about suppression comments that suppress nothing.")
@click.option("--model", type=click.Path(path_type=Path), default=None,
              help="Model directory (default: the model shipped with contractml).")
@click.option("--max-file-size", type=click.IntRange(1), default=None, metavar="BYTES",
              help="Skip (and report) files larger than this (default: 10000000).")
@click.option("--timeout", type=click.FloatRange(1.0), default=None, metavar="SECONDS",
              help="Time limit per file for compiling and for analysis (default: 120).")
@click.option("--analysis-memory", type=click.IntRange(MIN_ANALYSIS_MEMORY, MAX_ANALYSIS_MEMORY),
              default=None, metavar="MIB",
              help="Memory cap of each Slither process, in MiB (default: 2048); a file "
                   "over it is reported, not analysed.")
@click.option("--evidence", type=click.Choice(("all", "network", "rules")), default=None,
              help="Which evidence reports: all (default), the network alone, or the "
                   "category definitions and Slither's detector rules alone.")
@click.option("--sort", type=click.Choice(("location", "anomaly")), default=None,
              help="List findings by location (default) or by anomaly: the finding's "
                   "function least like deployed code first (text, JSON, Markdown).")
@click.option("--progress/--no-progress", default=None,
              help="Progress on stderr (default: only on a terminal with text output).")
def scan_cmd(paths: tuple[str, ...], fmt: str | None, output: str | None, **flags: Any
             ) -> None:
    """Scan PATHS (files, folders, Foundry/Hardhat roots; default: the current folder)
    and report findings.

    Exit 0 when nothing at or above --fail-on remains, 1 when something does, 2 for usage
    or configuration errors or when no file could be compiled.
    """
    from contractml.scan_command import run_scan

    _configure_logging(int(flags.get("verbose") or 0))
    code = run_scan(paths, fmt, output, flags)
    raise click.exceptions.Exit(code)


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]),
              default="text", show_default=True)
def rules_cmd(fmt: str) -> None:
    """List every finding category with its rule id, SWC ids, severity and description."""
    from contractml import rules

    text = {"text": rules.rules_text, "json": rules.rules_json,
            "markdown": lambda: rules.rules_markdown()}[fmt]()
    click.echo(text, nl=not text.endswith("\n"))


@cli.command("explain")
@click.argument("location", metavar="FILE:LINE")
@compiler_options
@click.option("--category", default=None, help="Colour by this category's score "
              "(default: each statement's best category).")
@click.option("--model", type=click.Path(path_type=Path), default=None,
              help="Model directory (default: the model shipped with contractml).")
@click.option("-o", "--output", metavar="FILE", default=None,
              help="Write the HTML page here (default: FILE-LINE.html in the current "
                   "folder; '-' is stdout).")
def explain_cmd(location: str, category: str | None, model: Path | None,
                output: str | None, solc: str | None, solc_version: str | None,
                offline: bool, remappings: tuple[str, ...], include_tests: bool,
                cache_dir: Path | None, no_cache: bool, jobs: int, verbose: int) -> None:
    """Draw the graph of the function around FILE:LINE, nodes coloured by the model's
    scores, beside its source, as a self-contained HTML page (inline SVG)."""
    _configure_logging(verbose)
    from contractml.compile.backends import default_cache_dir
    from contractml.compile.driver import CompileOptions
    from contractml.scan import ScanOptions, explain

    file, sep, line_text = location.rpartition(":")
    if not sep or not line_text.isdigit() or not file:
        raise ContractmlError(f"expected FILE:LINE, got {location!r}")
    options = ScanOptions(
        remappings=remappings, model=model,
        compile=CompileOptions(solc=solc, solc_version=solc_version, offline=bool(offline),
                               cache_dir=None if no_cache else
                               (cache_dir or default_cache_dir()), jobs=jobs or 2))
    page = explain(file, int(line_text), options, category)
    if output == "-":
        click.echo(page, nl=False)
        return
    target = Path(output or f"{Path(file).stem}-{line_text}.html")
    try:
        target.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ContractmlError(f"cannot write {target}: {exc.strerror}") from None
    click.echo(f"contractml: wrote {target}", err=True)


def _add_corpus() -> None:
    from contractml.corpus.command import corpus_cmd

    cli.add_command(corpus_cmd)


_add_corpus()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return its exit code instead of exiting."""
    try:
        # Without standalone mode click returns (not raises) the code of `Exit`.
        code = cli.main(args=list(argv) if argv is not None else None,
                        prog_name="contractml", standalone_mode=False)
        return int(code) if isinstance(code, int) else int(ExitCode.OK)
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("contractml: aborted", err=True)
        return int(ExitCode.USAGE)
    except click.ClickException as exc:
        exc.show()
        return int(ExitCode.USAGE)
    except ContractmlError as exc:
        click.echo(f"contractml: error: {exc.message}", err=True)
        return int(exc.exit_code)
    except Exception as exc:  # a bug of ours: one line, the traceback only with -v
        logging.getLogger(__name__).debug("internal error", exc_info=True)
        click.echo(f"contractml: internal error: {type(exc).__name__}: {exc} (please "
                   "report it; -vv shows the traceback)", err=True)
        return int(ExitCode.USAGE)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
