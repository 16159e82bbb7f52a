"""Leak-free splits: group by base contract, template and near-duplicate cluster.

Near duplicates are found on normalised source: comments dropped, identifiers, numbers
and strings replaced by placeholders, so renamed copies still match. Token 8-shingles,
MinHash (64 permutations, 16 bands of 4) for candidates, exact Jaccard >= 0.8 to join.
Items that share any group key or cluster are one component; components go whole to one
split. SmartBugs items are always "test", development-set items (corpus `devset`, passed
only as references) "development"; a training item in a component with either is
excluded, never trained on.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from contractml.compile.sourcetext import decode_source, strip_comments
from datasets.labels import LabelledFile

SHINGLE = 8
PERMUTATIONS = 64
BANDS = 16
THRESHOLD = 0.8
VALIDATION_SHARE = 0.2
#: corpora never trained on, and the split their items take
HELD_OUT: dict[str, str] = {"smartbugs": "test", "devset": "development"}
_PRIME = (1 << 31) - 1
_TOKEN = re.compile(r"""[A-Za-z_$][A-Za-z0-9_$]*|0x[0-9a-fA-F]+|\d[\d_]*(?:\.\d+)?(?:e\d+)?|
                        "(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|[^\sA-Za-z0-9_$]""", re.VERBOSE)
_KEYWORDS = frozenset("""
    pragma solidity import contract interface library abstract is function modifier event
    struct enum mapping returns return if else for while do break continue throw emit
    public private internal external pure view payable constant immutable memory storage
    calldata virtual override new delete try catch revert require assert using address
    bool string bytes uint int fixed ufixed true false this msg block tx now constructor
    fallback receive unchecked assembly let var anonymous indexed wei gwei ether seconds
    minutes hours days weeks years selfdestruct suicide keccak256 sha3 sha256 ecrecover
    blockhash gasleft call delegatecall staticcall send transfer value gas balance length
    push pop sender origin timestamp number difficulty prevrandao coinbase data sig
""".split())


def normalised_tokens(text: str) -> list[str]:
    out = []
    for token in _TOKEN.findall(strip_comments(text)):
        if token[0] in "\"'":
            out.append("STR")
        elif token[0].isdigit():
            out.append("NUM")
        elif token[0].isalpha() or token[0] in "_$":
            base = re.sub(r"\d+$", "", token)
            out.append(token if token in _KEYWORDS or base in ("uint", "int", "bytes")
                       else "ID")
        else:
            out.append(token)
    return out


def shingles(tokens: Sequence[str]) -> set[int]:
    if len(tokens) < SHINGLE:
        return {zlib.crc32(" ".join(tokens).encode())}
    return {zlib.crc32(" ".join(tokens[i:i + SHINGLE]).encode())
            for i in range(len(tokens) - SHINGLE + 1)}


def _permutations() -> list[tuple[int, int]]:
    out = []
    for i in range(PERMUTATIONS):
        digest = hashlib.sha256(f"contractml-minhash-{i}".encode()).digest()
        a = int.from_bytes(digest[:8], "big") % _PRIME or 1
        b = int.from_bytes(digest[8:16], "big") % _PRIME
        out.append((a, b))
    return out


def minhash(items: set[int], permutations: Sequence[tuple[int, int]]) -> tuple[int, ...]:
    values = np.fromiter(items, dtype=np.int64, count=len(items)) % _PRIME
    a = np.array([p[0] for p in permutations], dtype=np.int64)[:, None]
    b = np.array([p[1] for p in permutations], dtype=np.int64)[:, None]
    return tuple(int(v) for v in ((a * values[None, :] + b) % _PRIME).min(axis=1))


def near_duplicate_clusters(texts: dict[str, str]) -> dict[str, str]:
    """item id -> cluster id (the smallest id in its cluster)."""
    ids = sorted(texts)
    sets = {i: shingles(normalised_tokens(texts[i])) for i in ids}
    permutations = _permutations()
    signatures = {i: minhash(sets[i], permutations) for i in ids}
    rows = PERMUTATIONS // BANDS
    buckets: dict[tuple[int, tuple[int, ...]], list[str]] = defaultdict(list)
    for i in ids:
        for band in range(BANDS):
            buckets[(band, signatures[i][band * rows:(band + 1) * rows])].append(i)
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        for j in range(1, len(members)):
            a, b = members[0], members[j]
            if (a, b) in checked or find(a) == find(b):
                continue
            checked.add((a, b))
            union = len(sets[a] | sets[b])
            if union and len(sets[a] & sets[b]) / union >= THRESHOLD:
                ra, rb = find(a), find(b)
                parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in ids}


@dataclass(frozen=True)
class Assignment:
    split: dict[str, str]  # item id -> "train" | "val" | "test" | "excluded"
    component: dict[str, str]  # item id -> component id
    cluster: dict[str, str]  # item id -> near-duplicate cluster id
    reasons: dict[str, str]  # item id -> why it was excluded


def assign_splits(files: Iterable[LabelledFile], texts: dict[str, str] | None = None,
                  validation_share: float = VALIDATION_SHARE) -> Assignment:
    files = list(files)
    if texts is None:
        texts = {f.id: decode_source(f.path.read_bytes()) for f in files}
    cluster = near_duplicate_clusters(texts)
    parent = {f.id: f.id for f in files}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    first_with: dict[str, str] = {}
    for f in files:
        for key in (*f.groups, f"cluster:{cluster[f.id]}"):
            if key in first_with:
                union(first_with[key], f.id)
            else:
                first_with[key] = f.id
    components: dict[str, list[LabelledFile]] = defaultdict(list)
    for f in files:
        components[find(f.id)].append(f)

    split: dict[str, str] = {}
    reasons: dict[str, str] = {}
    trainable: dict[str, list[list[LabelledFile]]] = defaultdict(list)
    for members in components.values():
        evaluation = [m for m in members if m.corpus in HELD_OUT]
        for m in members:
            if m.corpus in HELD_OUT:
                split[m.id] = HELD_OUT[m.corpus]
            elif evaluation:
                split[m.id] = "excluded"
                reasons[m.id] = f"near duplicate of held-out file {evaluation[0].id}"
        if not evaluation:
            trainable[members[0].corpus].append(members)
    for _corpus, groups in sorted(trainable.items()):
        for group, target in _choose_validation(groups, validation_share):
            for m in group:
                split[m.id] = target
    return Assignment(split=split, component={f.id: find(f.id) for f in files},
                      cluster=cluster, reasons=reasons)


def _choose_validation(groups: list[list[LabelledFile]], share: float
                       ) -> list[tuple[list[LabelledFile], str]]:
    """Whole components to validation: first one for each category that no chosen
    component covers yet (rarest first, so every category can be calibrated), then more
    in a stable hash order up to `share` of the items; the rest train."""
    total = sum(len(g) for g in groups)
    ordered = sorted(groups, key=lambda g: hashlib.sha256(
        min(m.id for m in g).encode()).hexdigest())
    categories = [{c for m in g for c in m.labels} for g in ordered]
    rarity: dict[str, int] = defaultdict(int)
    for found in categories:
        for c in found:
            rarity[c] += 1
    chosen: set[int] = set()
    covered: set[str] = set()
    size = 0
    for category in sorted(rarity, key=lambda c: (rarity[c], c)):
        if category in covered or rarity[category] < 2:
            continue  # a category in one component only must stay trainable
        index = next(i for i, found in enumerate(categories)
                     if category in found and i not in chosen)
        chosen.add(index)
        covered |= categories[index]
        size += len(ordered[index])
    for i, group in enumerate(ordered):
        if size >= share * total:
            break
        if i not in chosen and (size + len(group) <= share * total or not chosen):
            chosen.add(i)
            size += len(group)
    return [(g, "val" if i in chosen else "train") for i, g in enumerate(ordered)]
