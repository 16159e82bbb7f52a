"""Injection into real functions: every operator's pair differs from its host only by
inserted lines and from its twin only where the fix is, labels sit on inserted lines,
every variant compiles with solc 0.4, 0.5 and 0.8 (on a written host and on real hosts
of the SmartBugs wild sample), the labels reach the function graphs, and the package
list never names a reserved or development-corpus package."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
import torch

from contractml.compile.driver import CompileOptions
from contractml.compile.project import discover
from contractml.compile.versions import Version
from contractml.pipeline import build
from datasets import mutants, packages, realhosts
from datasets.build import graphs_for
from datasets.corpora import shared_datasets
from datasets.hostscan import scan
from datasets.inject import OPERATORS, Syntax, apply, apply_all, sites
from datasets.labels import CATEGORIES, LabelledFile

VERSIONS = (Version(0, 4, 26), Version(0, 5, 17), Version(0, 8, 19))


def host_text(version: Version) -> str:
    """A ledger with every kind of name the operators read and nine plain functions."""
    constructor = "" if version.minor >= 7 else " public"
    functions = "\n".join(
        f"""    function {name}(address who, uint256 amount, uint256 limit) public {{
        {body}
    }}
""" for name, body in (
            ("join", "members.push(who);"), ("deposit", "credit[who] = amount;"),
            ("setFee", "fee = amount;"), ("approve", "allowed[msg.sender][who] = amount;"),
            ("hand", "owner = who;"), ("bump", "fee = limit;"), ("clear", "delete credit[who];"),
            ("mark", "allowed[who][msg.sender] = limit;"), ("drop", "members.length;")))
    return f"""pragma solidity ^{version};

contract Ledger {{
    address owner;
    uint256 fee;
    mapping(address => uint256) credit;
    mapping(address => mapping(address => uint256)) allowed;
    address[] members;

    constructor(){constructor} {{
        owner = msg.sender;
    }}

{functions}}}
"""


def _compile(version: Version, sources: dict[str, str], root: Path) -> dict[str, str]:
    failed, _seconds = realhosts.compile_check(version, root, sources, "")
    return failed


def _check_pair(host: str, vulnerable: str, safe: str, labels: tuple[int, ...],
                inserted: tuple[int, ...]) -> None:
    v, s, h = vulnerable.split("\n"), safe.split("\n"), host.split("\n")
    assert len(v) == len(s) == len(h) + len(inserted)
    changed = {i for i in range(1, len(v) + 1) if v[i - 1] != s[i - 1]}
    assert changed and changed <= set(inserted)
    assert set(labels) <= set(inserted) and labels
    assert all(v[i - 1].strip() for i in labels)
    kept = [line for i, line in enumerate(v, 1) if i not in inserted]
    assert kept == h == [line for i, line in enumerate(s, 1) if i not in inserted]


def test_every_category_has_four_forms_one_across_a_function_boundary() -> None:
    forms = Counter(op.category for op in OPERATORS)
    crossing = Counter(op.category for op in OPERATORS if op.crosses)
    assert set(forms) == set(CATEGORIES)
    assert min(forms.values()) >= 4 and set(crossing) == set(CATEGORIES)
    assert len({op.name for op in OPERATORS}) == len(OPERATORS)


@pytest.mark.parametrize("version", VERSIONS, ids=str)
def test_each_operator_pair_differs_only_in_its_lines_and_compiles(version: Version,
                                                                   tmp_path: Path) -> None:
    text = host_text(version)
    model = scan(text)
    candidates = list(sites(model))
    assert len(candidates) == 9
    syntax = Syntax(version)
    sources = {"host.sol": text}
    for op in OPERATORS:
        site = next(s for s in candidates if all(getattr(s, n) for n in op.needs))
        injected = apply(op, site, syntax)
        (injection,) = injected.injections
        _check_pair(text, injected.vulnerable, injected.safe, injection.labels,
                    injection.inserted)
        host_names = model.identifiers
        new_names = set(scan(injected.vulnerable).identifiers) - host_names
        # every new name is made of host names (or is a keyword or builtin)
        assert all(n in _SOLIDITY or _from_host(n, host_names) for n in new_names), \
            (op.name, new_names)
        sources[f"{op.name}.v.sol"] = injected.vulnerable
        sources[f"{op.name}.s.sol"] = injected.safe
    assert _compile(version, sources, tmp_path) == {}
    broken = {"broken.sol": text.replace("fee = amount;", "fee = missing;")}
    assert set(_compile(version, broken, tmp_path)) == {"broken.sol"}


def test_edits_go_between_top_level_statements_and_every_place_compiles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from datasets import inject
    from datasets.inject import BY_NAME, insertion_point, insertion_points

    text = """pragma solidity ^0.8.19;

contract Vault {
    address owner;
    uint256 fee;
    mapping(address => uint256) credit;

    function settle(address who, uint256 amount) public {
        credit[who] += amount;
        if (amount > fee) {
            fee = amount;
        }
        else {
            fee = 0;
        }
        emit Settled(
            who, amount);
        if (amount == 0) {
            return;
        }
        credit[msg.sender] = 1;
        return;
    }

    function shadow(uint256 amount) public {
        credit[msg.sender] = amount;
        address owner = msg.sender;
        credit[owner] = 2;
    }

    event Settled(address who, uint256 amount);
}
"""
    lines = text.split("\n")
    model = scan(text)
    by_name = {s.function.name: s for s in sites(model)}
    settle = by_name["settle"]
    points = insertion_points(settle)
    line_of = {t.strip(): i + 1 for i, t in enumerate(lines)}
    # the body's `{`, then after each complete top-level statement: not inside the
    # if/else, not between `}` and `else`, not inside the two-line emit, not after return
    assert settle.function.open_line == 8
    assert points == [8, 9, 15, 17, 20, 21]
    # a local that shadows a state name ends the places where an edit may go
    shadow = by_name["shadow"]
    assert insertion_points(shadow) == [shadow.function.open_line,
                                        line_of["credit[msg.sender] = amount;"]]
    # the fixed choice spreads over the places; every place gives a compiling pair
    chosen = {insertion_point(op, settle) for op in OPERATORS if op.needs[0] != "array"}
    assert len(chosen) >= 3
    sources = {"host.sol": text}
    syntax = Syntax(Version(0, 8, 19))
    op = BY_NAME["uc-send"]
    for k, after in enumerate(points):
        monkeypatch.setattr(inject, "insertion_point", lambda _op, _site, at=after: at)
        injected = apply(op, settle, syntax)
        (injection,) = injected.injections
        assert min(injection.inserted) == after + 1
        _check_pair(text, injected.vulnerable, injected.safe, injection.labels,
                    injection.inserted)
        sources[f"at{k}.v.sol"], sources[f"at{k}.s.sol"] = injected.vulnerable, injected.safe
    assert _compile(Version(0, 8, 19), sources, tmp_path) == {}


def _from_host(name: str, host: frozenset[str]) -> bool:
    """Whether a name is one host name, or two joined, with underscores and a number
    around it."""
    core = name.strip("_").rstrip("0123456789").rstrip("_")
    return core in host or any(core[:i] in host and core[i:] in host
                               for i in range(1, len(core)))


_SOLIDITY = frozenset("""require bool call value delegatecall send transfer address payable
    uint256 uint160 now block timestamp number blockhash difficulty prevrandao keccak256 abi
    encodePacked encodeWithSignature bytes4 tx origin msg sender data this balance
    selfdestruct function internal view pure constant returns return if for length
    delete unchecked""".split())


def test_edits_in_several_functions_of_one_host_keep_their_own_labels(tmp_path: Path
                                                                     ) -> None:
    version = Version(0, 8, 19)
    text = host_text(version)
    candidates = list(sites(scan(text)))
    chosen = []
    for category in CATEGORIES:  # one form per category, each in its own function
        op = next(o for o in OPERATORS if o.category == category and o.crosses)
        site = next(s for s in candidates if all(getattr(s, n) for n in op.needs)
                    and s.function.name not in {c[1].function.name for c in chosen})
        chosen.append((op, site))
    injected = apply_all(chosen, Syntax(version))
    _check_pair(text, injected.vulnerable, injected.safe, injected.labels,
                injected.inserted)
    assert _compile(version, {"v.sol": injected.vulnerable, "s.sol": injected.safe},
                    tmp_path) == {}
    (tmp_path / "v.sol").write_text(injected.vulnerable)
    (tmp_path / "s.sol").write_text(injected.safe)
    result = build(discover([tmp_path / "v.sol", tmp_path / "s.sol"]),
                   CompileOptions(cache_dir=tmp_path / "cache"))
    records = {Path(r.outcome.path).name: r.record for r in result.files}
    assert all(records.values())
    keep = "\n".join(f"{i.contract}.{name}(" for i in injected.injections
                     for name in (i.function, i.helper) if name)
    labels: dict[str, frozenset[int]] = {}
    for i in injected.injections:
        labels[i.category] = labels.get(i.category, frozenset()) | frozenset(i.labels)
    vuln = LabelledFile("v", "realhosts", tmp_path / "v.sol", labels, (),
                        {"keep_prefix": keep})
    safe = LabelledFile("s", "realhosts", tmp_path / "s.sol", {}, (), {"keep_prefix": keep})
    vuln_graphs = graphs_for(vuln, records["v.sol"], detectors=False)
    safe_graphs = graphs_for(safe, records["s.sol"], detectors=False)
    assert len(vuln_graphs) == len(safe_graphs) == len(chosen) * 2  # functions + helpers
    for i in injected.injections:
        c = CATEGORIES.index(i.category)
        own = next(g for g in vuln_graphs
                   if g.functions[0].startswith(f"{i.contract}.{i.function}("))
        assert int(own.y_fn[0, c]) == 1, i.operator
    assert all(int(g.y_fn[0].sum()) == 0 for g in safe_graphs)


def _wild(minor: int, count: int) -> list[realhosts.Host]:
    root = shared_datasets() / "smartbugs-wild-sample" / "contracts"
    if not root.is_dir():
        pytest.skip("the SmartBugs wild sample is not at ../shared/datasets")
    from datasets.hostscan import compiler_version

    found = []
    for host in realhosts.wild_hosts():
        version = compiler_version(host.path.read_text(errors="replace"))
        if version is not None and version.minor == minor:
            found.append(host)
            if len(found) == count:
                break
    return found


@pytest.mark.parametrize("minor", (4, 5))
def test_real_wild_hosts_get_compiling_labelled_pairs(minor: int, tmp_path: Path) -> None:
    results = [realhosts.process(h, tmp_path) for h in _wild(minor, 3)]
    pairs = [p for r in results for p in r["pairs"]]
    assert len(pairs) >= 3
    for r in results:
        if not r["pairs"]:
            continue
        host = next(h for h in realhosts.wild_hosts() if h.id == r["host"]).path
        text = host.read_text(errors="replace")
        vulnerable, safe = Path(r["vulnerable"]).read_text(), Path(r["safe"]).read_text()
        inserted = tuple(sorted(i for p in r["pairs"] for i in p["inserted"]))
        labels = tuple(sorted(i for p in r["pairs"] for i in p["labels"]))
        _check_pair(text, vulnerable, safe, labels, inserted)
        assert r["solc"].startswith(f"0.{minor}.")
        assert _compile(Version.parse(r["solc"]), {"v.sol": vulnerable, "s.sol": safe},
                        tmp_path) == {}


def test_a_real_08_package_host_gets_compiling_labelled_pairs(tmp_path: Path) -> None:
    """A 0.8 file of a training package (@yield-protocol/utils-v2, fetched with npm pack
    into the cache), whose state names come from its bases in other files."""
    try:
        hosts = {h.id: h for h in realhosts.package_hosts(tmp_path)}
    except Exception as exc:  # npm unavailable and nothing cached
        pytest.skip(f"training packages not available: {exc}")
    host = hosts["pkg/yield-utils/src/token/ERC20Rewards.sol"]
    result = realhosts.process(host, tmp_path)
    assert result["solc"].startswith("0.8.") and "error" not in result
    assert len(result["pairs"]) >= 2 and any(p["crosses"] for p in result["pairs"])
    vulnerable, safe = Path(result["vulnerable"]).read_text(), Path(result["safe"]).read_text()
    inserted = tuple(sorted(i for p in result["pairs"] for i in p["inserted"]))
    labels = tuple(sorted(i for p in result["pairs"] for i in p["labels"]))
    _check_pair(host.path.read_text(), vulnerable, safe, labels, inserted)
    for path in (result["vulnerable"], result["safe"]):
        Path(path).unlink()  # the package tree in tmp_path is a test copy; keep it clean


def test_package_list_has_no_reserved_or_development_package() -> None:
    packages.check_package_list()
    for name, spec, _folders in mutants.PACKAGES:
        npm_name = spec.rsplit("@", 1)[0]
        assert not packages.is_reserved(npm_name), spec
        assert npm_name not in packages.DEVELOPMENT_CORPUS, spec
        assert name
    assert packages.is_reserved("@balancer-labs/v2-vault")
    for bad in ("@uniswap/v2-core", "@chainlink/contracts", "solmate", "@aragon/os",
                "@openzeppelin/contracts-upgradeable", "@safe-global/safe-contracts"):
        assert packages.is_reserved(bad)
    with pytest.raises(ValueError):
        packages.check_package_list(packages.TRAINING_PACKAGES + (
            packages.Package("x", "@aragon/os", "4.4.0", ("contracts",)),))
    with pytest.raises(ValueError):
        packages.check_package_list((packages.Package("oz", "@openzeppelin/contracts",
                                                      "5.7.0", ("contracts",)),))
    with pytest.raises(ValueError):
        mutants.package_tree("x", "@uniswap/v2-core@1.0.1", ("contracts",), Path("/nonexistent"))


def test_no_group_crosses_splits_and_held_out_near_duplicates_never_train() -> None:
    """Real-host pairs (groups host:, package:), a renamed copy of a development-set
    contract and one of a SmartBugs curated contract: every group and cluster lands in one
    split, and both copies are excluded."""
    root = shared_datasets() / "smartbugs-wild-sample" / "contracts"
    if not root.is_dir():
        pytest.skip("the SmartBugs wild sample is not at ../shared/datasets")
    from datasets import smartbugs
    from datasets.build import devset_files
    from datasets.splits import assign_splits

    files: list[LabelledFile] = []
    texts: dict[str, str] = {}
    for k, host in enumerate(realhosts.wild_hosts()[:40]):
        text = host.path.read_text(errors="replace")
        groups = (f"host:{host.id}",) + ((f"package:p{k % 3}",) if k < 9 else ())
        for variant, body, labels in (("v", text + "\n", {"reentrancy": frozenset({1})}),
                                      ("s", text, {})):
            item = LabelledFile(f"realhosts/{host.id}.{variant}", "realhosts", host.path,
                                labels, groups)
            files.append(item)
            texts[item.id] = body
    devset = devset_files()
    assert devset
    curated = smartbugs.load()[:5]
    for reference in devset + curated:
        texts[reference.id] = reference.path.read_text(errors="replace")
    copies = {"realhosts/devset-copy": devset[0], "realhosts/curated-copy": curated[0]}
    for copy_id, original in copies.items():
        texts[copy_id] = texts[original.id].replace("contract ", "contract Renamed")
        files.append(LabelledFile(copy_id, "realhosts", original.path,
                                  {"access-control": frozenset({1})}, (f"host:{copy_id}",)))
    assignment = assign_splits(files + devset + curated, texts)
    for copy_id in copies:
        assert assignment.split[copy_id] == "excluded", copy_id
    assert {assignment.split[f.id] for f in devset} == {"development"}
    assert {assignment.split[f.id] for f in curated} == {"test"}
    trained = [f for f in files if f.id not in copies]
    by_key: dict[str, set[str]] = {}
    for f in trained:
        for key in (*f.groups, f"cluster:{assignment.cluster[f.id]}"):
            by_key.setdefault(key, set()).add(assignment.split[f.id])
    assert all(len(splits) == 1 for splits in by_key.values())
    assert {assignment.split[f.id] for f in trained} == {"train", "val"}


def test_wild_twins_give_weak_negatives_only_where_nothing_flags_them(tmp_path: Path
                                                                      ) -> None:
    """The twin of a real wild host keeps its edited functions at full weight and its
    other functions as weak negatives, except those a definition or a mapped Slither
    detector flags, at most WEAK_NEGATIVES_PER_FILE (a fixed sample); the vulnerable file
    keeps only the edited functions."""
    from contractml.analysis.context import node_index
    from contractml.definitions import Definitions
    from datasets.build import WEAK_NEGATIVE_WEIGHT, WEAK_NEGATIVES_PER_FILE, _flagged

    (host,) = _wild(4, 1)
    (result,) = realhosts.run([host], tmp_path, progress=False)
    assert result["pairs"]
    (twin, vulnerable) = (f for f in sorted(realhosts.labelled_files(tmp_path),
                                            key=lambda f: f.meta["variant"]))
    assert twin.meta["weak_negatives"] == "yes" and "weak_negatives" not in vulnerable.meta
    built = build(discover([twin.path, vulnerable.path]),
                  CompileOptions(cache_dir=tmp_path / "cache", solc_version=result["solc"]))
    records = {Path(r.outcome.path).resolve(): r.record for r in built.files}
    twin_record, vuln_record = records[twin.path.resolve()], records[vulnerable.path.resolve()]
    assert twin_record is not None and vuln_record is not None
    weak = [g for g in graphs_for(twin, twin_record) if g.weight == WEAK_NEGATIVE_WEIGHT]
    full = [g for g in graphs_for(twin, twin_record) if g.weight == 1.0]
    prefixes = tuple(twin.meta["keep_prefix"].split("\n"))
    assert weak and full
    assert all(g.functions[0].startswith(prefixes) for g in full)
    assert not any(g.functions[0].startswith(prefixes) for g in weak)
    definitions = Definitions(node_index([twin_record]))
    by_id = {f.id: f for c in twin_record.contracts for f in c.functions}
    for g in weak:
        assert int(g.y_fn.sum()) == 0
        assert not _flagged(g, by_id[g.functions[0]], definitions, True)
    from contractml.graph.builder import function_graphs

    every = function_graphs([twin_record], with_detectors=True)
    flagged = [g for g in every if not g.functions[0].startswith(prefixes)
               and _flagged(g, by_id.get(g.functions[0]), definitions, True)]
    unflagged = len(every) - len(full) - len(flagged)
    assert unflagged > WEAK_NEGATIVES_PER_FILE  # this host has more than the cap
    assert len(weak) == WEAK_NEGATIVES_PER_FILE
    assert [g.functions for g in weak] == [g.functions for g in graphs_for(twin, twin_record)
                                           if g.weight == WEAK_NEGATIVE_WEIGHT]
    from datasets import store

    store.save(tmp_path / "store", weak[:1] + full[:1])
    assert [g.weight for g in store.load(tmp_path / "store")] == [WEAK_NEGATIVE_WEIGHT, 1.0]
    vuln_graphs = graphs_for(vulnerable, vuln_record)
    assert all(g.functions[0].startswith(prefixes) and "weight" not in g for g in vuln_graphs)
    assert sum(int(g.y_fn[0].sum()) > 0 for g in vuln_graphs) >= len(result["pairs"])
    import shutil

    moved = tmp_path / "moved"
    shutil.copytree(tmp_path, moved, ignore=shutil.ignore_patterns("cache", "store*", "moved"))
    shutil.rmtree(tmp_path / "hosts")  # the recorded paths no longer exist
    found = {f.id: f.path for f in realhosts.labelled_files(moved)}
    assert found == {f.id: moved / f.path.relative_to(tmp_path) for f in (vulnerable, twin)}
    assert all(path.is_file() for path in found.values())
    # every reader of the results (the adversarial rounds too) gets the moved files
    kept = [r for r in realhosts.load_results(moved).values() if r["pairs"]]
    assert kept and all(Path(r[key]).is_file() and Path(r[key]).is_relative_to(moved)
                        for r in kept for key in ("vulnerable", "safe"))


def test_definitions_teach_the_deployed_functions_they_name(tmp_path: Path) -> None:
    """A function of a wild twin that a taxonomy definition names is kept as a teacher
    graph: its targets are exactly the seed statements an `include` definition names and
    no exclusion rules out, its weight the lowest precision of those definitions, its
    source the host's; a function only a Slither detector flags stays out, and the
    store keeps which definitions taught a graph."""
    from contractml.analysis.context import node_index
    from contractml.definitions import BY_ID, Definitions
    from contractml.graph.builder import function_graphs
    from datasets import store
    from datasets.build import _flagged

    path = (shared_datasets() / "smartbugs-wild-sample" / "contracts"
            / "0x505766c3aef3ea43cf7e1bf9620e52607d45885e.sol")
    if not path.is_file():
        pytest.skip("the SmartBugs wild sample is not at ../shared/datasets")
    built = build(discover([path]), CompileOptions(cache_dir=tmp_path / "cache"),
                  detectors=True)
    (record,) = [f.record for f in built.files]
    assert record is not None
    twin = LabelledFile(id="realhosts/wild/teacher.twin.sol", corpus="realhosts", path=path,
                        labels={}, meta={"keep_prefix": "NoSuchContract.f(",
                                         "weak_negatives": "yes"})
    graphs = graphs_for(twin, record)
    taught = [g for g in graphs if "teacher" in g]
    assert taught, "the fallback's send in a loop over a stored list is named"
    definitions = Definitions(node_index([record]))
    by_id = {f.id: f for c in record.contracts for f in c.functions}
    for g in taught:
        function = by_id[g.functions[0]]
        fired = g.teacher.split(",")
        assert g.source_id == twin.id
        assert g.weight == min(BY_ID[d].precision for d in fired)  # type: ignore[type-var]
        rows = {int(g.node_id[i]): i for i in range(g.num_nodes)
                if bool(g.seed[i]) and int(g.fn_of_node[i]) == 0}
        expected = torch.zeros_like(g.y)
        for node in function.nodes:
            for c, category in enumerate(CATEGORIES):
                named = definitions.including(category, function, node)
                if named and not definitions.excluding(category, function, node):
                    expected[rows[node.id], c] = 1.0
        assert torch.equal(g.y, expected) and bool(g.y.any())
        assert torch.equal(g.y_fn[0], g.y[g.seed].amax(dim=0))
    every = function_graphs([record], with_detectors=True)
    only_detectors = [g for g in every
                      if _flagged(g, by_id.get(g.functions[0]), definitions, True)
                      and not any(definitions.including(c, by_id[g.functions[0]], n)
                                  for n in by_id[g.functions[0]].nodes for c in CATEGORIES)]
    kept = {tuple(g.functions) for g in graphs}
    assert only_detectors and not any(tuple(g.functions) in kept for g in only_detectors)
    store.save(tmp_path / "store", taught)
    assert [g.teacher for g in store.load(tmp_path / "store")] == [g.teacher for g in taught]


def test_committed_card_meets_the_real_host_targets_and_matches_the_engine() -> None:
    """`datasets/card.json` (written by `make datasets`) counts at least 20,000 injected
    vulnerable functions in at least 3,000 hosts, a safe twin for each, its per-source
    and per-category counts add up, it was built by the engine the code runs now, and
    its build kept teacher graphs."""
    card = json.loads((Path(__file__).resolve().parents[2] / "datasets" / "card.json")
                      .read_text(encoding="utf-8"))
    real = card["real_hosts"]
    assert real["hosts"] >= 3000 and real["vulnerable_functions"] >= 20_000
    assert real["safe_twins"] == real["vulnerable_functions"]
    assert sum(real["pairs_per_source"].values()) == real["vulnerable_functions"]
    assert sum(real["pairs_per_category"].values()) == real["vulnerable_functions"]
    assert sum(real["pairs_per_operator"].values()) == real["vulnerable_functions"]
    assert sum(real["hosts_with_pairs_per_source"].values()) == real["hosts"]
    assert set(real["pairs_per_category"]) == set(CATEGORIES)
    assert card["measurements"]["engine"] == realhosts.ENGINE
    # the build that wrote it keeps the definitions' teacher graphs of deployed code
    taught = card["teacher_functions_per_split_and_category"]
    assert set(taught) <= {"train", "val", "excluded"} and sum(taught["train"].values()) > 0
    assert set(taught["train"]) <= set(CATEGORIES)


def test_pair_files_of_package_hosts_are_found_after_the_folder_moved(tmp_path: Path) -> None:
    """A package host's pair lies under `packages/<key>/...`, not `hosts/`: the moved
    folder's copy is found by the recorded path's tail, whatever its first folder."""
    moved = tmp_path / "new" / "packages" / "ens" / "contracts" / "Deed.injected.sol"
    moved.parent.mkdir(parents=True)
    moved.write_text("// pair\n")
    recorded = tmp_path / "old" / "packages" / "ens" / "contracts" / "Deed.injected.sol"
    assert realhosts._located(tmp_path / "new", str(recorded)) == moved
    assert realhosts._located(tmp_path / "new", str(moved)) == moved
    missing = tmp_path / "old" / "packages" / "ens" / "Other.sol"
    assert realhosts._located(tmp_path / "new", str(missing)) == missing
