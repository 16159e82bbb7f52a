"""JSON files in the cache: written atomically (temp file + rename), optionally gzipped."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Any


def write_json(path: Path, payload: Any, *, compressed: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    if compressed:
        # one `dumps` (C encoder) and one write: `json.dump` to a stream encodes in Python
        text = json.dumps(payload, separators=(",", ":"))
        with gzip.open(tmp, "wt", encoding="utf-8", compresslevel=1) as handle:
            handle.write(text)
    else:
        tmp.write_text(json.dumps(payload), encoding="utf-8")
    tmp.replace(path)


def read_json(path: Path, *, compressed: bool) -> Any:
    """Raises OSError, ValueError or EOFError on a missing or damaged file."""
    if compressed:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return json.load(handle)
    return json.loads(path.read_text(encoding="utf-8"))
