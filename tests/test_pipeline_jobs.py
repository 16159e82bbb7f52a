"""The front end in worker processes gives the same records as one process."""

from __future__ import annotations

import json
import re
from pathlib import Path

from contractml.compile.driver import CompileOptions, compile_project
from contractml.compile.project import discover
from contractml.pipeline import CHUNK_TARGETS, _chunks, _spread, build
from contractml.records import plain
from tests.conftest import write_sources

_TEMPLATE = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
contract C{n} {{
    mapping(address => uint256) public balances;
    function put() external payable {{ balances[msg.sender] += msg.value + {n}; }}
    function take(uint256 a) external {{
        require(balances[msg.sender] >= a);
        (bool ok, ) = msg.sender.call{{value: a}}("");
        require(ok);
        balances[msg.sender] -= a;
    }}
}}
"""


def _normalised(record: object) -> str:
    """A record's JSON with Slither's numbering of temporaries taken out (the numbers
    count the temporaries of everything parsed beside the file), and the object
    addresses some IR texts print."""
    text = json.dumps(plain(record), sort_keys=True)
    return re.sub(r" object at 0x[0-9a-f]+>", " object>",
                  re.sub(r"\b(TMP|REF|TUPLE)_\d+", r"\1", text))


def test_workers_match_serial(tmp_path: Path) -> None:
    count = CHUNK_TARGETS + 4  # two independent chunks
    root = write_sources(tmp_path / "p", {f"c{n}.sol": _TEMPLATE.format(n=n)
                                          for n in range(count)})
    project = discover([root])
    serial = build(project, CompileOptions(cache_dir=tmp_path / "a", jobs=1))
    parallel = build(project, CompileOptions(cache_dir=tmp_path / "b", jobs=2))
    assert [f.ok for f in parallel.files] == [True] * count
    assert [_normalised(f.record) for f in serial.files] == \
        [_normalised(f.record) for f in parallel.files]
    # the workers wrote the record cache: a warm run reads every file from it
    warm = build(project, CompileOptions(cache_dir=tmp_path / "b", jobs=2))
    assert all(f.frontend_cached for f in warm.files)
    assert [f.record for f in warm.files] == [f.record for f in parallel.files]


def test_files_that_import_each_other_keep_their_own_records(tmp_path: Path) -> None:
    """Two files with the same import closure must not share a cache entry."""
    root = write_sources(tmp_path / "p", {
        "A.sol": 'pragma solidity ^0.8.0;\nimport "./B.sol";\ncontract A { function a() '
                 'external pure returns (uint256) { return 1; } }\n',
        "B.sol": 'pragma solidity ^0.8.0;\nimport "./A.sol";\ncontract B { function b() '
                 'external pure returns (uint256) { return 2; } }\n'})
    project = discover([root])
    for _ in range(2):  # cold, then every record from the cache
        result = build(project, CompileOptions(cache_dir=tmp_path / "c", jobs=1))
        records = {f.outcome.unit_name: f.record for f in result.files}
        assert records["A.sol"] is not None and records["B.sol"] is not None
        assert records["A.sol"].file == "A.sol" and records["B.sol"].file == "B.sol"
        assert [c.name for c in records["A.sol"].contracts] == ["A"]
    assert all(f.frontend_cached for f in result.files)


def test_a_detector_set_runs_those_detectors_only(tmp_path: Path) -> None:
    """A model without detector features needs only its rules' detectors: those run,
    and they find on each statement what they find when every detector runs."""
    root = write_sources(tmp_path / "p", {"c0.sol": _TEMPLATE.format(n=0)})
    project = discover([root])
    every = build(project, CompileOptions(cache_dir=tmp_path / "a", jobs=1), detectors=True)
    wanted = frozenset({"reentrancy-eth", "reentrancy-no-eth", "unchecked-send"})
    some = build(project, CompileOptions(cache_dir=tmp_path / "a", jobs=1), detectors=wanted)
    assert not some.files[0].frontend_cached  # a different detector set is another entry

    def hits(result: object) -> dict[tuple[str, int], set[str]]:
        record = result.files[0].record  # type: ignore[attr-defined]
        return {(f.id, n.id): set(n.detectors) for c in record.contracts
                for f in c.functions for n in f.nodes}

    full, subset = hits(every), hits(some)
    assert any("reentrancy-eth" in d for d in full.values())  # the test can fail
    assert any(d - wanted for d in full.values())  # other detectors fired too
    assert subset == {key: d & wanted for key, d in full.items()}


def test_on_work_is_called_once_slither_has_room_and_never_on_a_warm_run(
        tmp_path: Path) -> None:
    """The caller's preparation starts once the analyses leave a process slot free
    (with one job, after them; with two jobs and one file, before compiling), so it
    never holds memory beside a full set."""
    root = write_sources(tmp_path / "p", {"c0.sol": _TEMPLATE.format(n=0)})
    project = discover([root])
    options = CompileOptions(cache_dir=tmp_path / "c", jobs=1)
    events: list[str] = []

    def progress(message: str) -> None:
        events.append(message.split()[0])

    build(project, options, progress=progress, on_work=lambda: events.append("work"))
    assert events.count("work") == 1
    assert events.index("compiling") < events.index("analysing") < events.index("work")
    events.clear()
    warm = build(project, options, progress=progress, on_work=lambda: events.append("work"))
    assert warm.files[0].frontend_cached and "work" not in events
    # the compile output is cached but not the record: Slither must run, so work is due
    for stale in (tmp_path / "c" / "frontend").rglob("*.json.gz"):
        stale.unlink()
    build(project, options, on_work=lambda: events.append("work"))
    assert events == ["work"]
    # with two jobs and one file a slot stays free throughout: work is due at once
    events.clear()
    build(project, CompileOptions(cache_dir=tmp_path / "two", jobs=2), progress=progress,
          on_work=lambda: events.append("work"))
    assert events.count("work") == 1 and events.index("work") < events.index("compiling")


_BASE = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
abstract contract Base {
    mapping(address => uint256) public balances;
    function put() external payable { balances[msg.sender] += msg.value; }
}
"""

_USER = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import "./Base.sol";
contract U{n} is Base {{
    function take(uint256 a) external {{
        require(balances[msg.sender] >= a + {n});
        (bool ok, ) = msg.sender.call{{value: a}}("");
        require(ok);
        balances[msg.sender] -= a;
    }}
}}
"""


def test_one_group_of_importing_files_is_shared_by_the_workers(tmp_path: Path) -> None:
    """Files that all import one file form one chunk; with two jobs it is cut in two so
    that both workers parse, and every file's record (Slither's hits included) is what a
    single parse of the whole group gives."""
    count = 6
    root = write_sources(tmp_path / "p", {"Base.sol": _BASE, **{
        f"U{n}.sol": _USER.format(n=n) for n in range(count)}})
    project = discover([root])
    run = compile_project(project, CompileOptions(cache_dir=tmp_path / "x", offline=True))
    (unit,) = run.units
    chunks = [(unit, chunk) for chunk in _chunks(unit, list(unit.targets))]
    assert len(chunks) == 1  # one group: without the cut, one worker parses it all
    pieces = [chunk for _, chunk in _spread(chunks, 2)]
    assert len(pieces) == 2 and sorted(sum(pieces, [])) == sorted(unit.targets)
    assert all(len(piece) >= 2 for piece in pieces)
    wanted = frozenset({"reentrancy-eth", "reentrancy-no-eth"})
    serial = build(project, CompileOptions(cache_dir=tmp_path / "a", jobs=1), detectors=wanted)
    parallel = build(project, CompileOptions(cache_dir=tmp_path / "b", jobs=2),
                     detectors=wanted)
    assert [f.ok for f in parallel.files] == [True] * (count + 1)
    assert any(n.detectors for f in parallel.files for c in f.record.contracts  # type: ignore[union-attr]
               for fn in c.functions for n in fn.nodes)  # the test can fail
    assert [_normalised(f.record) for f in serial.files] == \
        [_normalised(f.record) for f in parallel.files]


# A file whose state write Slither reports only when it sees the batch that calls it
# after sending ether: the hit depends on which other files are analysed with it.
_COUNTER = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
abstract contract Counter {
    mapping(address => uint256) internal nonces;
    uint256 internal total;
    function _bump(address a) internal {
        nonces[a] += 1;
        total += 1;
    }
}
"""
_BATCH = """// SPDX-License-Identifier: MIT
pragma solidity ^0.8.0;
import "./lib/Counter.sol";
contract Batch is Counter {
    function run(address[] calldata to) external payable {
        for (uint256 i = 0; i < to.length; i++) {
            _bump(to[i]);
            (bool ok, ) = to[i].call{value: 1}("");
            require(ok);
        }
    }
}
"""


def _hits(result: object, name: str) -> dict[int, tuple[str, ...]]:
    for report in result.files:  # type: ignore[attr-defined]
        if report.outcome.unit_name.endswith(name):
            assert report.record is not None
            return {n.span.start_line: n.detectors for c in report.record.contracts
                    for f in c.functions for n in f.nodes if n.detectors}
    raise AssertionError(name)


def test_a_file_cached_alone_is_analysed_again_beside_its_importers(tmp_path: Path) -> None:
    """A warm scan gives what a cold one gives. Slither reports the imported file's state
    write only when it sees the batch that calls it after sending ether; a record of the
    imported file cached from a scan of its folder alone lacks that hit, and the scan of
    the whole project reuses that record and adds the hit the batch's analysis lends
    it."""
    root = write_sources(tmp_path / "p", {"contracts/lib/Counter.sol": _COUNTER,
                                          "contracts/Batch.sol": _BATCH,
                                          "hardhat.config.js": "module.exports = {};\n"})
    cold = build(discover([root]), CompileOptions(cache_dir=tmp_path / "cold", jobs=1),
                 detectors=True)
    cold_hits = _hits(cold, "Counter.sol")
    assert any("reentrancy" in d for hits in cold_hits.values() for d in hits), cold_hits
    warm_cache = CompileOptions(cache_dir=tmp_path / "warm", jobs=1)
    alone = build(discover([root / "contracts" / "lib"]), warm_cache, detectors=True)
    assert [f.outcome.unit_name for f in alone.files] == ["contracts/lib/Counter.sol"]
    assert _hits(alone, "Counter.sol") != cold_hits  # no importer in view there
    warm = build(discover([root]), warm_cache, detectors=True)
    assert _hits(warm, "Counter.sol") == cold_hits


def test_a_record_whose_lent_hits_are_lost_is_analysed_again(tmp_path: Path) -> None:
    """A cached record counts only with the small file of the hits it lends beside it:
    with those files gone, the records are made again and the hits are the same."""
    root = write_sources(tmp_path / "p", {"contracts/lib/Counter.sol": _COUNTER,
                                          "contracts/Batch.sol": _BATCH,
                                          "hardhat.config.js": "module.exports = {};\n"})
    options = CompileOptions(cache_dir=tmp_path / "cache", jobs=1)
    first = build(discover([root]), options, detectors=True)
    lent = sorted((tmp_path / "cache").rglob("*.hits.json"))
    assert len(lent) == 2
    for path in lent:
        path.unlink()
    again = build(discover([root]), options, detectors=True)
    assert not any(f.frontend_cached for f in again.files)
    assert _hits(again, "Counter.sol") == _hits(first, "Counter.sol")
    warm = build(discover([root]), options, detectors=True)
    assert all(f.frontend_cached for f in warm.files)
    assert _hits(warm, "Counter.sol") == _hits(first, "Counter.sol")
