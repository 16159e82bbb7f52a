"""Deterministic bug-injection generator of labelled Solidity training pairs.

`generate(seed)` yields pairs of contracts, the vulnerable twin first and its safe twin
second. Both twins come from one template skeleton (token, vault, auction, ...) written for
one compiler line (0.4 ... 0.8) with the same randomly drawn identifiers, extras and member
order; they differ only in the lines of the injected defect's fix. The vulnerable twin's
`labelled_lines` are the lines of the statement(s) that are the defect.

Layout: `style` (per-compiler syntax), `names` (neutral vocabulary, forbidden words),
`assemble` (line DSL, twin rendering, diff), `common` (shared pieces), `templates`
(skeletons), `categories` (bug forms per taxonomy category), `verify` (compile check).
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

from datasets.generator.assemble import Builder, changed_lines
from datasets.generator.categories import CATEGORIES, FORMS, Form, forms_for
from datasets.generator.names import Namer, forbidden_in, identifiers
from datasets.generator.style import STYLES, Style
from datasets.generator.templates import CAPS, TEMPLATES, finish

__all__ = ["CATEGORIES", "FORMS", "INSTANCES", "STYLES", "TEMPLATES", "GeneratedContract",
           "GenerationError", "combinations", "generate"]

#: Random instances generated for every supported (template, style, category).
INSTANCES = 4


@dataclass(frozen=True)
class GeneratedContract:
    id: str  # stable, e.g. "g-000123-vault-reentrancy-vulnerable"
    template: str  # template id; splits group by it
    style: str  # compiler line, "0.4" ... "0.8"
    category: str  # taxonomy id of the injected bug
    variant: str  # "vulnerable" | "safe"
    pair: str  # shared by a vulnerable contract and its safe twin
    source: str  # full Solidity file text
    labelled_lines: tuple[int, ...]  # 1-based lines of the defect; () for "safe"
    changed_lines: tuple[int, ...]  # 1-based lines of this file that differ from its twin
    form: str = ""  # which way of writing the defect (e.g. "drain", "origin")


def combinations() -> list[tuple[str, str, str, tuple[Form, ...]]]:
    """Every supported (template, style, category) with the forms that fit it."""
    out = []
    for template in TEMPLATES:
        for style in STYLES:
            minor = int(style.split(".")[1])
            for category in CATEGORIES:
                forms = forms_for(category, CAPS[template], minor)
                if forms:
                    out.append((template, style, category, tuple(forms)))
    return out


class GenerationError(RuntimeError):
    """A template or form produced a pair that breaks the generator's invariants."""


def _build(seed_text: str, template: str, style: str, form: Form) -> Builder:
    rng = random.Random(seed_text)
    b = Builder(style=Style.draw(style, rng), rng=rng, namer=Namer(rng))
    TEMPLATES[template](b)
    assert b.caps == set(CAPS[template]), (template, b.caps)
    form.build(b)
    finish(b)
    return b


def _check(pair: str, vuln: GeneratedContract, safe: GeneratedContract) -> None:
    v_lines, s_lines = vuln.source.split("\n"), safe.source.split("\n")
    problems = []
    if not vuln.labelled_lines:
        problems.append("no labelled line")
    if not vuln.changed_lines and not safe.changed_lines:
        problems.append("twins are identical")
    if len(vuln.changed_lines) > 8 or len(safe.changed_lines) > 8:
        problems.append("fix touches too many lines")
    for line in vuln.labelled_lines:
        text = v_lines[line - 1].strip()
        if not text or text.startswith("//") or text in ("{", "}"):
            problems.append(f"label on non-code line {line}")
    keep_v = [t for i, t in enumerate(v_lines, 1) if i not in vuln.changed_lines]
    keep_s = [t for i, t in enumerate(s_lines, 1) if i not in safe.changed_lines]
    if keep_v != keep_s:
        problems.append("twins differ outside changed_lines")
    bad = forbidden_in(identifiers(vuln.source) | identifiers(safe.source))
    if bad:
        problems.append(f"forbidden identifiers {bad}")
    if problems:
        raise GenerationError(f"{pair}: {'; '.join(problems)}")


def _pair(seed: int, number: int, template: str, style: str, category: str, form: Form,
          instance: int, seen: set[str]) -> tuple[GeneratedContract, GeneratedContract]:
    for attempt in range(20):
        b = _build(f"{seed}|{template}|{style}|{category}|{form.name}|{instance}|{attempt}",
                   template, style, form)
        v, s = b.render("vulnerable"), b.render("safe")
        digest = hashlib.sha256("\n".join(v.lines).encode()).hexdigest()
        if digest not in seen:
            seen.add(digest)
            break
    else:  # pragma: no cover
        raise GenerationError(f"no distinct instance for {template}/{style}/{category}")
    pair = f"g-{number:06d}-{template}-{category}"
    v_changed, s_changed = changed_lines(v.lines, s.lines)
    common = dict(template=template, style=style, category=category, pair=pair,
                  form=form.name)
    vuln = GeneratedContract(
        id=f"{pair}-vulnerable", variant="vulnerable", source="\n".join(v.lines) + "\n",
        labelled_lines=tuple(sorted(set(v.labels))),
        changed_lines=v_changed, **common)
    safe = GeneratedContract(
        id=f"{pair}-safe", variant="safe", source="\n".join(s.lines) + "\n",
        labelled_lines=(), changed_lines=s_changed, **common)
    _check(pair, vuln, safe)
    return vuln, safe


def generate(seed: int = 0, count: int | None = None) -> Iterator[GeneratedContract]:
    """Yield contracts in pairs (vulnerable, then its safe twin), deterministically.

    With `count=None`, every supported (template, style, category) combination is produced
    `INSTANCES` times. The sequence runs in rounds (one instance of every combination per
    round, in a seeded order), so a prefix covers the combinations evenly; `count` stops it
    after that many contracts, rounded up to a whole pair.
    """
    combos = combinations()
    seen: set[str] = set()
    produced = 0
    number = 0
    for instance in range(INSTANCES):
        order = list(combos)
        random.Random(f"{seed}|order|{instance}").shuffle(order)
        for template, style, category, forms in order:
            if count is not None and produced >= count:
                return
            # cycle through the forms over styles and instances, so every form of a
            # (template, category) is used about equally often
            # (forms made for the template's own features count twice)
            cycle = [f for f in forms if f.needs] * 2 + [f for f in forms if not f.needs]
            rot = random.Random(f"{seed}|{template}|{category}").randrange(len(cycle))
            form = cycle[(rot + STYLES.index(style) * INSTANCES + instance) % len(cycle)]
            vuln, safe = _pair(seed, number, template, style, category, form, instance, seen)
            number += 1
            produced += 2
            yield vuln
            yield safe

