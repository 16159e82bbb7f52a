"""Mutants: defects injected by one small source edit into real functions of audited npm
packages (training and validation only).

The generator and SolidiFI place every defect in project-written or snippet code; here
the surroundings are real. Each package is fetched from npm at a pinned version into the
user cache (`npm pack`), its Solidity files are compiled with contractml's own pipeline,
and the records decide where an operator applies:

- access-control: an owner check removed from a public function that writes state,
  sends value, self-destructs or delegatecalls (a modifier whose body reads
  `msg.sender`, or a one-line `require` on `msg.sender`); the privileged statements are
  labelled (unsafe-delegatecall when one of them is a delegatecall);
- arithmetic: a library `add`/`sub`/`mul` call made the bare operator before 0.8, or an
  assignment with checked arithmetic wrapped in `unchecked` from 0.8 (the statement);
- unchecked-call: `require(x.send(v))` made a bare send, the `require` of a low-level
  call's result removed, or `transfer` made `send` (the call);
- reentrancy: a state write moved from before a value-sending call to after it (the call
  and the write).

Edits keep every other line where it was (a removed line becomes blank), so a mutant's
labels are lines of its own text. The mutated function of a mutant is a positive graph,
the same function of the unmutated file its negative twin; other functions are left out.
OpenZeppelin is never a source (it is the clean-code benchmark), nor are vendored copies
(`vendor`, `dependencies` and `openzeppelin` folders, and files whose text says they come
from OpenZeppelin).

An opt-in source (`python -m datasets.build --mutants`), not in the shipped model's data:
rounds 22-23 of docs/benchmarks/devset-notes.md. Its defaults there are the access-control
and unsafe-delegatecall mutants with every function of every package file as a negative;
the arithmetic operators made the network flag bare arithmetic everywhere, and
unchecked-call, reentrancy and unsafe-delegatecall have fewer than `MIN_PER_CATEGORY`
mutants in these packages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from contractml.compile.backends import default_cache_dir
from contractml.records import FileRecord, FunctionRecord, NodeRecord
from datasets.corpora import CorpusMissing
from datasets.labels import LabelledFile
from datasets.packages import TRAINING_PACKAGES, check_package_list, is_reserved

#: (key, npm spec, folders inside the package): the training packages of
#: `datasets.packages`, none reserved for evaluation and none in the development corpus
PACKAGES: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (p.key, p.spec, p.folders) for p in TRAINING_PACKAGES)
_EXTRA_SKIP: dict[str, tuple[str, ...]] = {p.key: p.skip for p in TRAINING_PACKAGES}
_SKIP_PARTS = ("mock", "test", "interface", "example", "dependencies", "vendor")
#: at most this many mutants of one operator in one function
PER_FUNCTION = 2
#: a category with fewer mutants is left out: with `corpus_balance` 1.0 a handful of
#: positives would carry a third of the category's whole positive weight
MIN_PER_CATEGORY = 50


def package_tree(name: str, spec: str, folders: tuple[str, ...], out: Path) -> Path:
    """`out/<name>/` holding the package's Solidity folders (fetched once, without the
    package's npm dependencies). A reserved evaluation package is refused."""
    if is_reserved(spec.rsplit("@", 1)[0]):
        raise ValueError(f"{spec} is reserved for evaluation and is never fetched")
    tree = out / name
    if (tree / ".complete").is_file():
        return tree
    npm = shutil.which("npm")
    if npm is None:
        raise CorpusMissing(f"npm is needed to fetch {spec}")
    cache = default_cache_dir() / "corpora" / "npm-packs"
    cache.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([npm, "pack", "--silent", "--pack-destination", str(cache), spec],
                          capture_output=True, timeout=600, check=False,
                          stdin=subprocess.DEVNULL)
    if proc.returncode != 0:
        raise CorpusMissing(f"npm pack {spec} failed: "
                            + proc.stderr.decode(errors="replace")[-300:])
    archive = cache / proc.stdout.decode().strip().splitlines()[-1]
    if tree.exists():
        shutil.rmtree(tree)
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            inner = member.name.removeprefix("package/")
            folder = next((f for f in folders if inner.startswith(f + "/")), None)
            if folder is None or not member.isfile() or not inner.endswith(".sol") \
                    or ".." in Path(inner).parts:
                continue
            target = tree / Path(folder).name / inner[len(folder) + 1:]
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = tar.extractfile(member)
            assert handle is not None
            target.write_bytes(handle.read())
    (tree / ".complete").write_text(spec)
    return tree


def original_files(out: Path) -> list[LabelledFile]:
    check_package_list()
    files = []
    for name, spec, folders in PACKAGES:
        tree = package_tree(name, spec, folders, out)
        for path in sorted(tree.rglob("*.sol")):
            rel = path.relative_to(tree).as_posix()
            if any(mark in path.stem for mark in (".mutant", ".injected", ".twin")) \
                    or not usable_source(
                    rel, path.read_text(encoding="utf-8", errors="replace"),
                    _EXTRA_SKIP.get(name, ())):
                continue
            files.append(LabelledFile(
                id=f"mutants/{name}/{rel}", corpus="mutants", path=path, labels={},
                groups=(f"package:{name}",), meta={"package": name, "original": rel}))
    return files


def _path_words(rel: str) -> list[str]:
    """The words of a path, lower-cased: folder and file names split at separators and
    camel case and digits (`test/ERC20Mock.sol` -> test, erc, 20, mock, sol)."""
    return [w.lower() for w in re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+", rel)]


def usable_source(rel: str, text: str, skip: tuple[str, ...] = ()) -> bool:
    """Whether a package file (path inside the package, text) may be a source: not a mock,
    test, interface or example, not vendored, and not copied or adapted from OpenZeppelin
    (a line other than an import mentions it): OpenZeppelin is the clean-code benchmark.
    Path words are matched from their start (`mocks`, `testing`), so a word that only
    contains one (`Contest.sol`) does not count; `zeppelin` anywhere in the path does.
    `skip`: more path words of this package to leave out."""
    words = _path_words(rel)
    if "zeppelin" in rel.lower() or any(w.startswith(_SKIP_PARTS + skip) for w in words):
        return False
    return not any("zeppelin" in line.lower() and not line.lstrip().startswith("import")
                   for line in text.split("\n"))


@dataclass(frozen=True)
class Mutant:
    operator: str
    category: str
    function: str  # function id
    lines: tuple[str, ...]  # the whole mutated text, split into lines
    labelled: frozenset[int]


def _one_line(node: NodeRecord) -> bool:
    return node.span.start_line == node.span.end_line


def _ops(node: NodeRecord) -> set[str]:
    return {ir.op for ir in node.irs}


def _calls(node: NodeRecord, name: str) -> bool:
    return any(ir.op == "SolidityCall" and str(ir.attrs.get("function", "")).startswith(name)
               for ir in node.irs)


def _sends_value(node: NodeRecord) -> bool:
    return any(ir.op in ("Send", "Transfer", "LowLevelCall", "HighLevelCall")
               and bool(ir.attrs.get("value")) for ir in node.irs)


def _delegates(node: NodeRecord) -> bool:
    return any(ir.op == "LowLevelCall" and ir.attrs.get("function") == "delegatecall"
               for ir in node.irs)


def _privileged(node: NodeRecord) -> bool:
    return bool(node.state_written) or _sends_value(node) or _delegates(node) \
        or _calls(node, "selfdestruct") or _calls(node, "suicide")


def _reads_sender(node: NodeRecord) -> bool:
    return "env:msg.sender" in node.env_read


def _is_check(node: NodeRecord) -> bool:
    return _calls(node, "require") or _calls(node, "assert") or node.type == "IF"


def _owner_check(node: NodeRecord) -> bool:
    """A check on who the caller is (equality with a stored address, a role or
    membership lookup, an authorisation call), not a bound on a caller's balance."""
    if not (_is_check(node) and _reads_sender(node)):
        return False
    operators = {ir.attrs.get("operator") for ir in node.irs if ir.op == "Binary"}
    return not operators & {"<", ">", "<=", ">="}


def _header(lines: list[str], fn: FunctionRecord) -> tuple[int, int] | None:
    """(line index, column) of the function body's opening brace."""
    for i in range(fn.span.start_line - 1, min(fn.span.end_line, len(lines))):
        column = lines[i].find("{")
        if column >= 0:
            return i, column
    return None


def _matching(text: str, open_at: int) -> int:
    depth = 0
    for i in range(open_at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _receiver_start(text: str, end: int) -> int:
    """Start of the operand that ends just before `end` (identifiers, members, indexes,
    calls)."""
    i = end
    while i > 0:
        ch = text[i - 1]
        if ch.isalnum() or ch in "_.":
            i -= 1
        elif ch in ")]":
            depth, j = 0, i - 1
            pair = "(" if ch == ")" else "["
            while j >= 0:
                if text[j] == ch:
                    depth += 1
                elif text[j] == pair:
                    depth -= 1
                    if depth == 0:
                        break
                j -= 1
            if j < 0:
                return -1
            i = j
        else:
            break
    return i


_LIB_OP = re.compile(r"\.(add|sub|mul)\(")
_SYMBOL = {"add": "+", "sub": "-", "mul": "*"}
_ASSIGN = re.compile(r"^\s*[A-Za-z_][\w.\[\]]*\s*(\+=|-=|\*=|=)[^=]")


def mutate(record: FileRecord, text: str, minor: int,
           known: dict[str, FunctionRecord] | None = None) -> Iterator[Mutant]:
    """Every mutant of one compiled file (its own functions only). `known`: functions of
    other files of the package by id (inherited modifiers live there)."""
    lines = text.split("\n")
    functions = dict(known or {})
    functions.update({f.id: f for c in record.contracts for f in c.functions})
    for contract in record.contracts:
        for fn in contract.functions:
            if (fn.declared_in != contract.name or fn.span.file != record.file
                    or not fn.implemented or fn.kind != "function" or fn.view or fn.pure):
                continue
            for producer in (_access, _arithmetic, _unchecked, _reentrancy):
                yield from producer(fn, functions, lines, minor)


def _blank(lines: list[str], index: int) -> list[str]:
    out = list(lines)
    out[index] = ""
    return out


def _access(fn: FunctionRecord, functions: dict[str, FunctionRecord], lines: list[str],
            minor: int) -> Iterator[Mutant]:
    if fn.visibility not in ("public", "external"):
        return
    own = [n for n in fn.nodes if _privileged(n) and n.type != "ENTRY_POINT"]
    if not own:
        return
    labelled = frozenset(n.span.start_line for n in own)
    category = "unsafe-delegatecall" if any(_delegates(n) for n in own) else "access-control"
    guards = [functions[m] for m in fn.modifiers if m in functions
              and any(_owner_check(n) for n in functions[m].nodes)]
    checks = [n for n in fn.nodes if _owner_check(n)]
    if len(guards) + len(checks) != 1:
        return  # no owner check, or more than one: removing one would not open it
    if guards:
        head = _header(lines, fn)
        if head is None:
            return
        row, column = head
        first = fn.span.start_line - 1
        header = "\n".join(lines[first:row] + [lines[row][:column]])
        found = list(re.finditer(r"\b" + re.escape(guards[0].name) + r"\b", header))
        if len(found) != 1:
            return
        end = found[0].end()
        after = len(header) - len(header[end:].lstrip())
        if header[after:after + 1] == "(":
            close = _matching(header, after)
            if close < 0:
                return
            end = close + 1
        edited = header[:found[0].start()] + header[end:]
        out = list(lines)
        out[first:row + 1] = (edited + lines[row][column:]).split("\n")
        yield Mutant("access-modifier", category, fn.id, tuple(out), labelled)
    else:
        node = checks[0]
        if node.type == "IF" or not _one_line(node):
            return
        stripped = lines[node.span.start_line - 1].strip()
        if not (stripped.startswith(("require(", "assert(")) and stripped.endswith(");")):
            return
        yield Mutant("access-require", category, fn.id,
                     tuple(_blank(lines, node.span.start_line - 1)),
                     labelled - {node.span.start_line})


def _arithmetic(fn: FunctionRecord, functions: dict[str, FunctionRecord],
                lines: list[str], minor: int) -> Iterator[Mutant]:
    made = 0
    for node in fn.nodes:
        if made >= PER_FUNCTION or not _one_line(node) or node.type not in (
                "EXPRESSION", "NEW VARIABLE", "RETURN"):
            continue
        row = node.span.start_line - 1
        line = lines[row]
        if minor < 8:
            if "LibraryCall" not in _ops(node):
                continue
            for match in _LIB_OP.finditer(line):
                start = _receiver_start(line, match.start())
                close = _matching(line, match.end() - 1)
                if start < 0 or close < 0 or start == match.start():
                    continue
                receiver = line[start:match.start()]
                argument = line[match.end():close]
                if not argument.strip() or "," in argument:
                    continue
                new = (line[:start] + f"({receiver} {_SYMBOL[match.group(1)]} ({argument}))"
                       + line[close + 1:])
                out = list(lines)
                out[row] = new
                yield Mutant("arith-library", "arithmetic", fn.id, tuple(out),
                             frozenset({node.span.start_line}))
                made += 1
                break
        else:
            binary = [ir for ir in node.irs if ir.op == "Binary"
                      and ir.attrs.get("operator") in ("+", "-", "*")]
            if not node.checked or not binary or node.type != "EXPRESSION":
                continue
            if not _ASSIGN.match(line) or not line.rstrip().endswith(";") \
                    or line.count(";") != 1:
                continue
            indent = line[:len(line) - len(line.lstrip())]
            out = list(lines)
            out[row] = f"{indent}unchecked {{ {line.strip()} }}"
            yield Mutant("arith-unchecked", "arithmetic", fn.id, tuple(out),
                         frozenset({node.span.start_line}))
            made += 1


_REQUIRE_SEND = re.compile(r"^(\s*)require\((.*\.send\(.*\))\);\s*$")
_TRANSFER = re.compile(r"\.transfer\(")


def _unchecked(fn: FunctionRecord, functions: dict[str, FunctionRecord],
               lines: list[str], minor: int) -> Iterator[Mutant]:
    made = 0
    by_id = {n.id: n for n in fn.nodes}
    for node in fn.nodes:
        if made >= PER_FUNCTION or not _one_line(node):
            continue
        row = node.span.start_line - 1
        line = lines[row]
        ops = _ops(node)
        if "Send" in ops and (m := _REQUIRE_SEND.match(line)):
            out = list(lines)
            out[row] = f"{m.group(1)}{m.group(2)};"
            yield Mutant("unchecked-send", "unchecked-call", fn.id, tuple(out),
                         frozenset({node.span.start_line}))
            made += 1
        elif "Transfer" in ops and len(_TRANSFER.findall(line)) == 1 \
                and line.strip().endswith(");"):
            out = list(lines)
            out[row] = _TRANSFER.sub(".send(", line)
            yield Mutant("transfer-send", "unchecked-call", fn.id, tuple(out),
                         frozenset({node.span.start_line}))
            made += 1
        elif "LowLevelCall" in ops and not _delegates(node) and node.locals_written:
            results = set(node.locals_written)
            for son_id in node.sons:
                son = by_id.get(son_id)
                if son is None or not _one_line(son) or not _calls(son, "require") \
                        or not results & set(son.locals_read):
                    continue
                stripped = lines[son.span.start_line - 1].strip()
                if stripped.startswith("require(") and stripped.endswith(");"):
                    yield Mutant("unchecked-lowlevel", "unchecked-call", fn.id,
                                 tuple(_blank(lines, son.span.start_line - 1)),
                                 frozenset({node.span.start_line}))
                    made += 1
                break


def _reentrancy(fn: FunctionRecord, functions: dict[str, FunctionRecord],
                lines: list[str], minor: int) -> Iterator[Mutant]:
    if fn.visibility not in ("public", "external"):
        return
    simple = [n for n in fn.nodes if _one_line(n) and n.type in ("EXPRESSION", "NEW VARIABLE")]
    calls = [n for n in simple if _sends_value(n) or "LowLevelCall" in _ops(n)]
    writes = [n for n in simple if n.state_written and not ({"LowLevelCall", "HighLevelCall",
                                                            "Send", "Transfer"} & _ops(n))]
    made = 0
    for call in calls:
        for write in writes:
            if made >= PER_FUNCTION:
                return
            w, c = write.span.start_line - 1, call.span.start_line - 1
            if not w < c or c - w > 6:
                continue
            indent = lines[w][:len(lines[w]) - len(lines[w].lstrip())]
            between = lines[w + 1:c + 1]
            if any(("{" in x or "}" in x) for x in between) or any(
                    not x.strip().endswith(";") for x in between if x.strip()) \
                    or not lines[c].startswith(indent) or lines[c][len(indent)] == " ":
                continue
            if not lines[c].rstrip().endswith(";") or lines[w].count(";") != 1:
                continue
            out = list(lines)
            moved = out.pop(w)
            out.insert(c, moved)
            yield Mutant("reentrancy-order", "reentrancy", fn.id, tuple(out),
                         frozenset({c, c + 1}))
            made += 1


def write_mutants(originals: list[LabelledFile], compiled: Mapping[str, FileRecord | str],
                  categories: frozenset[str] | None = None, every_original: bool = True
                  ) -> tuple[list[LabelledFile], list[LabelledFile]]:
    """Write every mutant (of `categories`, default all) beside its original
    (`<stem>.mutant<k>.sol`). Returns the originals that have a mutant (their twins'
    functions kept in `meta["keep"]`) and the mutants (the mutated function kept). With
    `every_original` (the default), every package file comes back whole instead, all its
    functions negatives."""
    known: dict[str, dict[str, FunctionRecord]] = {}
    for f in originals:
        record = compiled.get(f.id)
        if isinstance(record, FileRecord):
            table = known.setdefault(f.meta["package"], {})
            for contract in record.contracts:
                for fn in contract.functions:
                    table.setdefault(fn.id, fn)
    found: list[tuple[LabelledFile, Mutant]] = []
    for f in originals:
        record = compiled.get(f.id)
        if not isinstance(record, FileRecord):
            continue
        text = f.path.read_text(encoding="utf-8")
        minor = int(record.solc_version.split(".")[1])
        found.extend((f, m) for m in mutate(record, text, minor, known[f.meta["package"]]))
    per_category = Counter(mutant.category for _f, mutant in found)
    twins: list[LabelledFile] = []
    made: list[LabelledFile] = []
    keep: dict[str, set[str]] = {}
    numbers: dict[str, int] = {}
    for f, mutant in found:
        if per_category[mutant.category] < MIN_PER_CATEGORY or (
                categories is not None and mutant.category not in categories):
            continue
        k = numbers[f.id] = numbers.get(f.id, -1) + 1
        path = f.path.with_name(f"{f.path.stem}.mutant{k}.sol")
        data = "\n".join(mutant.lines)
        if not path.is_file() or path.read_text(encoding="utf-8") != data:
            path.write_text(data, encoding="utf-8")
        keep.setdefault(f.id, set()).add(mutant.function)
        made.append(LabelledFile(
            id=f"{f.id[:-4]}.mutant{k}.sol", corpus="mutants", path=path,
            labels={mutant.category: mutant.labelled}, groups=f.groups,
            meta={**f.meta, "operator": mutant.operator, "keep": mutant.function}))
    if every_original:
        return list(originals), made
    for f in originals:
        if f.id in keep:
            twins.append(LabelledFile(id=f.id, corpus=f.corpus, path=f.path, labels={},
                                      groups=f.groups,
                                      meta={**f.meta, "keep": "\n".join(sorted(keep[f.id]))}))
    return twins, made
