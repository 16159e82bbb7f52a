"""In-source suppressions: comments that silence findings.

    // contractml-disable-next-line CATEGORY[,CATEGORY...] [-- reason]
    // contractml-disable-line [CATEGORY,...] [-- reason]
    // contractml-disable-start [CATEGORY,...] [-- reason]
    ...
    // contractml-disable-end [CATEGORY,...]

`/* ... */` comments work the same. A directive counts only inside a comment (never in a
string) and only as the first thing in it (after `//`, `/*` or `*`). Categories are
taxonomy ids separated by commas and/or spaces; none means every category. Text after
`--` is the justification.

Coverage, by the finding's start line:
- `disable-line`: the line the comment is on;
- `disable-next-line`: the next line that holds code, skipping blank lines and lines
  that hold only comments (so stacked directives all apply to the same statement);
- `disable-start` ... `disable-end`: every line from the start comment to the end
  comment. `disable-end` without categories closes every open block; with categories it
  closes the blocks that name any of them. A block never closed runs to the end of file.

Unknown categories and unmatched start/end comments are reported as errors on the
directive (`Directive.errors`, surfaced by `apply` as notices); they never raise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from contractml.compile.sourcetext import scrub
from contractml.findings import Finding
from contractml.rules import CATEGORIES

KINDS: tuple[str, ...] = ("next-line", "line", "start", "end")
_DIRECTIVE_RE = re.compile(r"contractml-disable-(next-line|line|start|end)(?![\w-])")
_PREFIX_RE = re.compile(r"[\s/*!]*")
_SPLIT_RE = re.compile(r"[,\s]+")


@dataclass
class Directive:
    kind: str  # next-line | line | start | end
    line: int  # 1-based line of the comment
    text: str  # "contractml-disable-next-line reentrancy -- reason"
    #: categories it names; None: every category (none were named)
    categories: frozenset[str] | None
    justification: str = ""
    #: lines it covers, inclusive (0, 0 when none: an `end`, or a next-line at EOF)
    first_line: int = 0
    last_line: int = 0
    errors: list[str] = field(default_factory=list)

    def covers(self, category: str, line: int) -> bool:
        if self.kind == "end" or not self.first_line <= line <= self.last_line:
            return False
        return self.categories is None or category in self.categories


@dataclass(frozen=True)
class Unused:
    """A directive that suppressed nothing (for --warn-unused-ignores)."""

    file: str
    line: int
    text: str

    def message(self) -> str:
        return f"{self.file}:{self.line}: unused suppression '{self.text}'"


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return starts


def _line_of(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if starts[mid] <= offset:
            low = mid
        else:
            high = mid - 1
    return low + 1


def parse(text: str) -> list[Directive]:
    """Every suppression directive in Solidity source `text`, in order, with the lines
    it covers resolved."""
    scrubbed = scrub(text)  # comments blanked to spaces, strings intact
    starts = _line_starts(text)
    code_lines = [i + 1 for i in range(len(starts))
                  if scrubbed[starts[i]:(starts[i + 1] if i + 1 < len(starts) else None)]
                  .strip()]
    directives: list[Directive] = []
    for match in _DIRECTIVE_RE.finditer(text):
        position = match.start()
        if scrubbed[position] != " ":
            continue  # in code or in a string, not in a comment
        line = _line_of(starts, position)
        line_start = starts[line - 1]
        prefix_end = position
        while prefix_end > line_start and scrubbed[prefix_end - 1] == " ":
            prefix_end -= 1
        if not _PREFIX_RE.fullmatch(text[prefix_end:position]):
            continue  # the keyword is not the first thing in the comment
        end = match.end()
        while end < len(text) and scrubbed[end] == " " and text[end] not in "\r\n":
            end += 1
        rest = text[match.end():end]
        if "*/" in rest:
            rest = rest[:rest.index("*/")]
        arguments, _, justification = rest.partition("--")
        kind = match.group(1)
        directive = Directive(kind=kind, line=line, text="", categories=None,
                              justification=justification.strip())
        names = [n for n in _SPLIT_RE.split(arguments.strip()) if n]
        if names:
            known = [n for n in names if n in CATEGORIES]
            for name in names:
                if name not in CATEGORIES:
                    directive.errors.append(f"unknown category {name!r}")
            directive.categories = frozenset(known)
        directive.text = " ".join(
            [match.group(0)] + ([",".join(names)] if names else [])
            + ([f"-- {directive.justification}"] if directive.justification else []))
        directives.append(directive)
    _resolve(directives, code_lines, len(starts))
    return directives


def _resolve(directives: list[Directive], code_lines: list[int], last_line: int) -> None:
    open_blocks: list[Directive] = []
    for directive in directives:
        if directive.kind == "line":
            directive.first_line = directive.last_line = directive.line
        elif directive.kind == "next-line":
            target = next((n for n in code_lines if n > directive.line), 0)
            directive.first_line = directive.last_line = target
            if not target:
                directive.errors.append("no code follows it")
        elif directive.kind == "start":
            directive.first_line = directive.line
            open_blocks.append(directive)
        else:
            closing = [b for b in open_blocks if directive.categories is None
                       or b.categories is None or b.categories & directive.categories]
            if not closing:
                directive.errors.append("no open contractml-disable-start to end")
            for block in closing:
                block.last_line = directive.line
                open_blocks.remove(block)
    for block in open_blocks:
        block.last_line = last_line
        block.errors.append("no matching contractml-disable-end; it runs to the end of "
                            "the file")


def apply(findings: Iterable[Finding], sources: Mapping[str, str],
          notices: list[str] | None = None) -> list[Unused]:
    """Mark each finding covered by a directive in its file (`sources`: relative path ->
    text) as suppressed, with `suppression` set to the directive's text. Returns the
    directives that suppressed nothing. Directive errors (unknown categories, unmatched
    blocks) are appended to `notices` as ``file:line: message`` lines."""
    parsed: dict[str, list[Directive]] = {}
    used: set[tuple[str, int]] = set()
    for name in sorted(sources):
        parsed[name] = parse(sources[name])
        if notices is not None:
            for directive in parsed[name]:
                for error in directive.errors:
                    notices.append(f"{name}:{directive.line}: {directive.text}: {error}")
    for finding in findings:
        directives = parsed.get(finding.file, ())
        for directive in directives:
            if directive.covers(finding.category, finding.start_line):
                used.add((finding.file, id(directive)))
                if not finding.suppressed:
                    finding.suppressed = True
                    finding.suppression = directive.text
    unused = []
    for name, directives in parsed.items():
        for directive in directives:
            if directive.kind != "end" and (name, id(directive)) not in used:
                unused.append(Unused(name, directive.line, directive.text))
    return unused
