"""Run a command and tell where the machine's CPU time went while it ran: the whole
machine's busy CPU seconds (from /proc/stat) and, sampled every 0.5 s from /proc, the CPU
seconds of each kind of process (node's solc-js, Ray's workers and daemons, the driver).

    python3 scripts/cpu_by_process.py .venv/bin/python -m contractml corpus DIR -o OUT \
        --workers 1

Processes that start and end between two samples are missed by the per-kind lines (not
by the machine's total). Linux only.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter

TICK = os.sysconf("SC_CLK_TCK")


def _processes() -> dict[tuple[str, str], tuple[str, float]]:
    """(pid, start time) -> (command line, CPU seconds so far)."""
    out: dict[tuple[str, str], tuple[str, float]] = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat", encoding="utf-8") as handle:
                stat = handle.read()
            with open(f"/proc/{pid}/cmdline", encoding="utf-8", errors="replace") as handle:
                cmd = handle.read().replace("\0", " ")[:120]
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        out[(pid, fields[19])] = (cmd, (int(fields[11]) + int(fields[12])) / TICK)
    return out


def _busy() -> float:
    with open("/proc/stat", encoding="utf-8") as handle:
        values = list(map(int, handle.readline().split()[1:]))
    return (sum(values) - values[3] - values[4]) / TICK


def _kind(cmd: str) -> str:
    if "raylet" in cmd:
        return "Ray raylet"
    if "gcs_server" in cmd:
        return "Ray gcs_server"
    if cmd.startswith("node") or "/node " in cmd:
        return "node (solc-js)"
    if "ray::" in cmd or "default_worker" in cmd:
        return "Ray worker (contractml scanning)"
    if "contractml corpus" in cmd:
        return "contractml corpus (driver)"
    if "ray" in cmd:
        return "Ray, other"
    return cmd[:60] or "(no command line)"


def main() -> None:
    before = _processes()
    busy = _busy()
    started = time.time()
    proc = subprocess.Popen(sys.argv[1:])
    last: dict[tuple[str, str], tuple[str, float]] = {}
    while proc.poll() is None:
        last.update(_processes())
        time.sleep(0.5)
    wall = time.time() - started
    busy = _busy() - busy
    kinds: Counter[str] = Counter()
    for key, (cmd, cpu) in last.items():
        spent = cpu - before.get(key, ("", 0.0))[1]
        if spent > 0.05:
            kinds[_kind(cmd)] += spent
    print(f"wall {wall:.1f} s; machine busy {busy:.1f} CPU-s ({busy / wall:.2f} cores)")
    for kind, seconds in kinds.most_common(12):
        print(f"{seconds:8.1f}  {kind}")


if __name__ == "__main__":
    main()
