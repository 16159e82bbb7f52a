"""Reading Solidity source text and blanking its comments.

`read_source` is the one place that turns a file's bytes into the text that is compiled
and later mapped back to lines, so every layer sees the same text.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_BOM = b"\xef\xbb\xbf"


def decode_source(data: bytes) -> str:
    """UTF-8 text of a source file, without a leading BOM; undecodable bytes become
    U+FFFD (line numbers are unaffected)."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    return data.decode("utf-8", errors="replace")


def read_source(path: Path) -> str:
    return decode_source(path.read_bytes())


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Comments and string literals, in the order a scanner meets them. A string literal
# cannot span lines (unless a newline is escaped), so an unterminated one ends at the line end.
_SKIP_RE = re.compile(
    r"""
      (?P<line>//[^\r\n]*)
    | (?P<block>/\*.*?(?:\*/|\Z))
    | (?P<dq>"(?:\\.|[^"\\\r\n])*"?)
    | (?P<sq>'(?:\\.|[^'\\\r\n])*'?)
    """,
    re.VERBOSE | re.DOTALL,
)


def scrub(source: str, *, strings: bool = False) -> str:
    """`source` with every comment blanked to spaces (newlines kept) and, with `strings`,
    the inside of every string literal replaced by `_`. Lengths and positions do not
    change, so a match in the scrubbed text can be read back from the original."""

    def replace(match: re.Match[str]) -> str:
        text = match.group()
        if match.lastgroup in ("line", "block"):
            return "".join(c if c in "\r\n" else " " for c in text)
        if not strings or len(text) < 2:
            return text
        closed = text[-1] == text[0]
        return text[0] + "_" * (len(text) - 1 - closed) + (text[-1] if closed else "")

    return _SKIP_RE.sub(replace, source)


def strip_comments(source: str) -> str:
    """The source with every comment replaced by spaces (newlines kept), strings intact."""
    return scrub(source)
