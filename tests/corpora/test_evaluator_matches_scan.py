"""The evaluator reports on SmartBugs curated exactly what `contractml scan` reports.

docs/benchmarks/detection.md says its findings "come from `contractml.localize` exactly
as `contractml scan` makes them"; this holds the evaluator to it, file by file and line
by line, with the shipped model. (Until session 17 the evaluator read every file's
function ids from one index over the whole corpus and moved findings between files that
declare the same function.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contractml.compile.driver import CompileOptions
from datasets import evaluation as ev
from datasets.corpora import CorpusMissing, smartbugs_curated

pytestmark = pytest.mark.slow


def test_the_evaluator_reports_what_the_scan_reports(tmp_path: Path) -> None:
    from contractml.model.handle import ModelHandle
    from contractml.scan import ScanOptions, scan

    try:
        root = smartbugs_curated()
    except CorpusMissing as exc:
        pytest.fail(str(exc))
    scorer = ModelHandle()
    corpus = ev.smartbugs_corpus()
    assert not corpus.failures
    found = ev.predictions(corpus, ev.regions(corpus, ev.model_scores(scorer, corpus.graphs),
                                              ev.thresholds_of(scorer)))
    prefix = ev.smartbugs_id("dataset/")
    evaluated = {(file_id.removeprefix(prefix), p.category, p.start_line, p.end_line)
                 for file_id, predictions in found.items() for p in predictions}

    result = scan(ScanOptions(paths=(str(root / "dataset"),),
                              compile=CompileOptions(cache_dir=tmp_path / "cache")),
                  scorer=scorer)
    assert not result.failures
    scanned = {(f.file, f.category, f.start_line, f.end_line) for f in result.active}
    assert len(scanned) > 200
    assert scanned == evaluated
