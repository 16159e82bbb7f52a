"""Deeply nested input: run a function with a large stack and a high recursion limit.

solc accepts expressions nested up to its parser limit (about 237 parentheses) and
left-associative chains (`a + b + c + ...`) of any length; its JSON output and Slither's
expression trees are then as deep as the source. Python walks them recursively (the json
module, Slither's parser, `str()` of an expression), and the default limit of 1,000
frames is too low for them. `call_deep` runs such work in a thread with a large stack
and a raised limit; a `RecursionError` can still come back for absurd input, and the
callers turn it into a clear per-file failure.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

#: Frames allowed inside `call_deep` (about 5 frames per nesting level of an expression).
DEEP_RECURSION_LIMIT = 50_000
#: Stack of the thread `call_deep` runs in (reserved address space; only the pages used
#: count towards memory).
STACK_BYTES = 512 * 1024 * 1024

_LOCK = threading.Lock()
_active = 0
_saved_limit = 0


def _enter() -> None:
    global _active, _saved_limit
    with _LOCK:
        if _active == 0:
            _saved_limit = sys.getrecursionlimit()
            sys.setrecursionlimit(max(_saved_limit, DEEP_RECURSION_LIMIT))
        _active += 1


def _leave() -> None:
    global _active
    with _LOCK:
        _active -= 1
        if _active == 0:
            sys.setrecursionlimit(_saved_limit)


def call_deep(function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """`function(*args, **kwargs)`, run in a thread with a large stack and recursion
    limit; its result is returned and its exception raised here."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc

    _enter()
    try:
        with _LOCK:
            previous = threading.stack_size()
            try:
                threading.stack_size(STACK_BYTES)
            except (ValueError, RuntimeError):  # platform refuses: keep the default
                pass
            try:
                thread: threading.Thread | None = threading.Thread(
                    target=target, name="contractml-deep", daemon=True)
                thread.start()  # type: ignore[union-attr]
            except RuntimeError:  # no thread can be started: run here, default stack
                thread = None
            finally:
                threading.stack_size(previous)
        if thread is None:
            target()
        else:
            thread.join()
    finally:
        _leave()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]
