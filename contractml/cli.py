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

import click

from contractml import __version__
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
    click.option("--offline", is_flag=True,
                 help="Never download a compiler; use only those already installed."),
    click.option("--remap", "remappings", multiple=True, metavar="PREFIX=TARGET",
                 help="Extra import remapping (repeatable)."),
    click.option("--include-tests", is_flag=True,
                 help="Also analyse test/ and script/ folders of Foundry/Hardhat roots."),
    click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path),
                 help="Cache folder (default: $CONTRACTML_CACHE_DIR or "
                      "~/.cache/contractml)."),
    click.option("--no-cache", is_flag=True, help="Neither read nor write the cache."),
    click.option("--jobs", "-j", type=click.IntRange(1, 64), default=2, show_default=True,
                 help="Compiler processes run at once."),
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

    project = discover(paths or ["."], keep_tests=include_tests,
                       extra_remappings=remappings)
    if not project.targets:
        raise ContractmlError(f"no .sol files found under {', '.join(paths or ['.'])}")
    options = CompileOptions(solc=solc, solc_version=solc_version, offline=offline,
                             cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
                             jobs=jobs)
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
