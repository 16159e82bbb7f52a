"""time-manipulation: the timestamp used at a granularity a block producer can move."""

from __future__ import annotations

from contractml.analysis.context import FileFacts
from contractml.analysis.races import ORDER
from contractml.definitions.base import Definition
from contractml.records import FunctionRecord, NodeRecord


def _short_window(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    return any(ir.op == "Binary" for ir in node.irs) \
        and node.id in facts.of(function).short_time_windows


SHORT_TIMESTAMP_WINDOW = Definition(
    id="time-manipulation.short-timestamp-window", category="time-manipulation",
    kind="include",
    summary="A comparison of a timestamp-derived value with a window of at most 15 "
            "minutes (`block.timestamp <= lastMove + 60`), or such a value divided or "
            "taken modulo by one (`now % 15 == 0`).",
    explanation="compares or divides block.timestamp at a scale of seconds (a window of "
                "at most 15 minutes), which a block producer can move",
    precision=0.9787,
    measured_on="training split: 367 of 374 statements labelled (Laplace 367/375); "
                "validation 70 of 70",
    matches=_short_window)


def _timed_race(facts: FileFacts, function: FunctionRecord, node: NodeRecord) -> bool:
    # the file-wide analysis runs only for a statement with a ranking comparison
    return any(ir.op == "Binary" and ir.attrs.get("operator") in ORDER for ir in node.irs) \
        and node.id in facts.timed_races(function)


TIMED_RACE = Definition(
    id="time-manipulation.timed-race", category="time-manipulation", kind="include",
    summary="A comparison of two durations measured with `block.timestamp` (a `-` with "
            "a timestamp among its operands, kept in locals or storage, also returned "
            "by a helper) that decides control flow, in a function a caller can run "
            "that stores the sender: a race ranked by seconds of the chain clock "
            "(`reaction = now - goAt; if (reaction < best) leader = msg.sender;`).",
    explanation="ranks callers by durations measured with block.timestamp, which a block "
                "producer can move by seconds",
    precision=0.75,
    measured_on="development set: 3 of 3 statements labelled (Laplace 3/4); names none "
                "in the training or validation split, none in the 156 deployed contracts "
                "of the wild sample that subtract timestamps",
    matches=_timed_race)
