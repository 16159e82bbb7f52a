"""Case 8 of issue #8: fuzzing with hypothesis.

Already fuzzed elsewhere (not repeated here): the pragma constraint parser and matcher
(tests/compile/test_pragma.py), the suppression-comment parser
(tests/report/test_suppressions.py::test_fuzz_parser_and_apply_never_raise) and the
config loader (tests/report/test_config.py::test_fuzz_parse_table_only_raises_config_error,
::test_fuzz_load_config_only_raises_config_error).

Here: the text layer that turns a file's raw bytes into source (decoding, pragma and
import discovery) on arbitrary bytes, and whole scans of randomly mutated contracts (bit
flips, truncations, inserted bytes): never a traceback, always exit 0, 1 or 2.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contractml.compile.imports import find_imports
from contractml.compile.pragma import Constraint, PragmaError, find_version_pragmas
from contractml.compile.sourcetext import decode_source, scrub
from tests.reliability.conftest import VAULT, run_scan

SEED = VAULT.encode("utf-8")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400) | st.builds(lambda a, b: a + SEED[:80] + b,
                                           st.binary(max_size=40), st.binary(max_size=40)))
def test_source_text_layer_never_raises_on_raw_bytes(data: bytes) -> None:
    text = decode_source(data)
    assert len(scrub(text, strings=True)) == len(text)
    find_imports(text)
    for pragma in find_version_pragmas(text):
        try:
            Constraint.parse(pragma)
        except PragmaError:
            pass


_position = st.integers(min_value=0, max_value=len(SEED) - 1)
_mutation = st.one_of(
    st.tuples(st.just("flip"), _position, st.integers(0, 7)),
    st.tuples(st.just("truncate"), _position, st.just(0)),
    st.tuples(st.just("insert"), _position, st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("delete"), _position, st.integers(1, 40)),
)


def mutate(data: bytes, mutations: list[tuple]) -> bytes:
    out = bytearray(data)
    for kind, position, arg in mutations:
        position = min(position, max(len(out) - 1, 0))
        if not out:
            break
        if kind == "flip":
            out[position] ^= 1 << arg
        elif kind == "truncate":
            del out[position:]
        elif kind == "insert":
            out[position:position] = arg
        else:
            del out[position:position + arg]
    return bytes(out)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("mutants")


_counter = itertools.count()


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations=st.lists(_mutation, min_size=1, max_size=4))
def test_scans_of_mutated_contracts_never_crash(
        mutations: list[tuple], folder: Path, tiny_model: Path, cache: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = folder / f"m{next(_counter)}"
    target.mkdir()
    (target / "Mutant.sol").write_bytes(mutate(SEED, mutations))
    code, out, err = run_scan([str(target), "--format", "sarif"], model=tiny_model,
                              cache=cache, capsys=capsys)
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err and "internal error" not in err, err
    if code != 2:
        assert out.startswith("{")
