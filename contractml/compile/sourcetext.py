"""Reading Solidity source text and blanking its comments.

`read_source` is the one place that turns a file's bytes into the text that is compiled
and later mapped back to lines, so every layer sees the same text.
"""

from __future__ import annotations

import hashlib
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


def strip_comments(source: str) -> str:
    """The source with every comment replaced by spaces (newlines kept), strings intact."""
    out: list[str] = []
    i = 0
    n = len(source)
    while i < n:
        ch = source[i]
        nxt = source[i + 1] if i + 1 < n else ""
        if ch == "/" and nxt == "/":
            end = source.find("\n", i)
            end = n if end == -1 else end
            out.append(" " * (end - i))
            i = end
        elif ch == "/" and nxt == "*":
            end = source.find("*/", i + 2)
            end = n if end == -1 else end + 2
            out.append("".join(c if c in "\r\n" else " " for c in source[i:end]))
            i = end
        elif ch in "\"'":
            j = i + 1
            while j < n and source[j] != ch and source[j] != "\n":
                j += 2 if source[j] == "\\" else 1
            j = min(j + 1, n)
            out.append(source[i:j])
            i = j
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def mask_strings(code: str) -> str:
    """`code` (comments already blanked) with the inside of every string literal replaced
    by `_`, so keyword searches skip strings; lengths and positions are unchanged."""
    out: list[str] = []
    i = 0
    n = len(code)
    while i < n:
        ch = code[i]
        if ch in "\"'":
            j = i + 1
            while j < n and code[j] != ch and code[j] != "\n":
                j += 2 if code[j] == "\\" else 1
            j = min(j, n)
            out.append(ch + "_" * (j - i - 1))
            i = j
            if i < n and code[i] == ch:
                out.append(ch)
                i += 1
        else:
            out.append(ch)
            i += 1
    return "".join(out)[:n]
