"""The `contractml corpus` command: flags -> a `CorpusRequest` -> `run_corpus`."""

from __future__ import annotations

from pathlib import Path

import click

from contractml.config import MAX_ANALYSIS_MEMORY, MIN_ANALYSIS_MEMORY


@click.command("corpus")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The JSON-lines file: one line per unit, appended as units finish.")
@click.option("--workers", type=click.IntRange(1, 4096), default=None,
              help="Worker processes, one CPU each (default: every CPU of this machine, "
                   "or of the cluster with --ray-address).")
@click.option("--ray-address", metavar="ADDR", default=None,
              help="Join this Ray cluster (e.g. 10.0.0.1:6379 or 'auto') instead of "
                   "starting a local one.")
@click.option("--timeout", type=click.FloatRange(1.0), default=120.0, show_default=True,
              metavar="SECONDS", help="Time limit per file for compiling and for analysis.")
@click.option("--analysis-memory", type=click.IntRange(MIN_ANALYSIS_MEMORY, MAX_ANALYSIS_MEMORY),
              default=2048, show_default=True, metavar="MIB",
              help="Memory cap of each Slither process, in MiB.")
@click.option("--evidence", type=click.Choice(["all", "network", "rules"]), default="all",
              show_default=True, help="Which evidence may report a finding.")
@click.option("--model", type=click.Path(path_type=Path), default=None,
              help="Model directory (default: the model shipped with contractml).")
@click.option("--max-file-size", type=click.IntRange(1), default=10_000_000,
              show_default=True, metavar="BYTES", help="Files larger than this fail as "
                                                       "skipped.")
@click.option("--solc-version", metavar="X.Y.Z", default=None,
              help="Compile every unit with this solc version.")
@click.option("--offline", is_flag=True, help="Never download a compiler.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Cache folder on every worker (default: $CONTRACTML_CACHE_DIR or "
                   "~/.cache/contractml).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
def corpus_cmd(paths: tuple[str, ...], output: Path, workers: int | None,
               ray_address: str | None, timeout: float, analysis_memory: int,
               evidence: str, model: Path | None, max_file_size: int,
               solc_version: str | None, offline: bool, cache_dir: Path | None,
               no_cache: bool) -> None:
    """Scan a corpus of independent units on Ray, one JSON line per unit in OUTPUT.

    PATHS are folders of contracts (every .sol file a unit), folders of projects (each
    Foundry or Hardhat root a unit), or text files listing such paths. Rerunning the
    same command skips the units already in OUTPUT. Exit 0 when every unit has its line
    (failures included), 2 for usage errors, 130 when interrupted.
    """
    from contractml.compile.backends import default_cache_dir
    from contractml.corpus.run import CorpusRequest, run_corpus
    from contractml.corpus.worker import CorpusSettings

    settings = CorpusSettings(
        model=model.absolute() if model else None,
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()).absolute(),
        timeout=timeout, analysis_memory=analysis_memory * 2 ** 20,
        max_file_size=max_file_size, solc_version=solc_version, offline=offline,
        evidence=evidence)
    code = run_corpus(CorpusRequest(paths=paths, output=output, workers=workers,
                                    ray_address=ray_address, settings=settings))
    raise click.exceptions.Exit(code)
