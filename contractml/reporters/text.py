"""Human-readable report: each finding as one header line (severity, category,
`file:line`, contract.function, confidence, and the anomaly where the model gives one),
its code excerpt, one sentence of why naming its sources, and the fix; with
`show_evidence` (`scan -v`) also the statements that drove it. Then the files that
could not be analysed, notices and a summary line.

Output is deterministic (no timings, no absolute paths) unless `show_time` is set, and
holds ANSI colour codes only with ``color=True`` (the CLI passes it on a terminal).
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from contractml.findings import Finding, ScanResult
from contractml.reporters import plural, severity_counts, sorted_findings

_SEVERITY_STYLE = {"high": "bold red", "medium": "bold yellow", "low": "bold cyan"}


def _console(buffer: io.StringIO, color: bool, width: int) -> Console:
    return Console(file=buffer, force_terminal=color, no_color=not color,
                   color_system="standard" if color else None, width=width,
                   highlight=False, emoji=False, markup=False, legacy_windows=False,
                   force_jupyter=False, force_interactive=False, _environ={})


def _where(finding: Finding) -> str:
    if finding.contract and finding.function:
        return f"{finding.contract}.{finding.function}"
    return finding.contract or finding.function or "-"


def _finding(console: Console, finding: Finding, show_evidence: bool) -> None:
    header = Text()
    header.append(f"{finding.severity.upper():<6}", style=_SEVERITY_STYLE.get(finding.severity))
    header.append("  ")
    header.append(finding.category, style="bold")
    header.append("  ")
    header.append(f"{finding.file}:{finding.start_line}:{finding.start_column}",
                  style="underline")
    header.append(f"  {_where(finding)}  ")
    header.append(f"confidence {finding.confidence:.2f}", style="dim")
    if finding.anomaly is not None:
        header.append(f"  anomaly {finding.anomaly:.1f}", style="dim")
    if finding.suppressed:
        header.append("  ")
        header.append(f"suppressed ({finding.suppression})", style="magenta")
    console.print(header, soft_wrap=True)

    excerpt = finding.excerpt.rstrip("\n").split("\n") if finding.excerpt else []
    last = finding.start_line + max(len(excerpt) - 1, 0)
    width = len(str(last))
    for offset, line in enumerate(excerpt):
        row = Text("    ")
        row.append(f"{finding.start_line + offset:>{width}} │ ", style="dim")
        row.append(line.rstrip("\r"))
        console.print(row, soft_wrap=True)

    if finding.explanation:
        _labelled(console, "why:", "bold", finding.explanation)
    for evidence in finding.evidence if show_evidence else ():
        lines = (f"line {evidence.line}" if evidence.end_line <= evidence.line
                 else f"lines {evidence.line}-{evidence.end_line}")
        row = Text(f"      {lines}: ")
        row.append(evidence.reason)
        row.append(f" (score {evidence.score:.2f})", style="dim")
        console.print(row, soft_wrap=True)
    if finding.recommendation:
        _labelled(console, "fix:", "bold green", finding.recommendation)
    console.print(soft_wrap=True)


def summary_line(result: ScanResult, *, show_time: bool = False) -> str:
    active = result.active
    counts = severity_counts(active)
    parts = [f"{plural(len(active), 'finding')}"]
    if active:
        parts[0] += " (" + ", ".join(f"{n} {s}" for s, n in counts.items() if n) + ")"
    parts[0] += f" in {plural(len(result.files_scanned), 'file')}"
    suppressed = len(result.findings) - len(active)
    if suppressed:
        parts.append(f"{suppressed} suppressed")
    if result.failures:
        parts.append(f"{plural(len(result.failures), 'file')} could not be analysed")
    line = "; ".join(parts)
    if show_time:
        line += f" ({result.seconds:.1f}s)"
    return line


def render(result: ScanResult, *, color: bool = False, show_suppressed: bool = False,
           show_time: bool = False, show_evidence: bool = False, width: int = 100,
           sort: str = "location") -> str:
    """The text report. `show_suppressed` lists suppressed findings too (marked);
    `show_time` adds the scan time to the summary (not deterministic); `show_evidence`
    lists the statements behind each finding with their scores and sources."""
    buffer = io.StringIO()
    console = _console(buffer, color, width)
    for finding in sorted_findings(result.findings, sort):
        if finding.suppressed and not show_suppressed:
            continue
        _finding(console, finding, show_evidence)

    for failure in sorted(result.failures, key=lambda f: (f.file, f.stage, f.message)):
        row = Text()
        row.append("FAILED", style="bold red")
        row.append("  ")
        row.append(failure.file, style="underline")
        row.append(f"  [{failure.stage}]")
        console.print(row, soft_wrap=True)
        for line in failure.message.strip().splitlines() or [""]:
            console.print(Text(f"    {line}"), soft_wrap=True)
    if result.failures:
        console.print(soft_wrap=True)

    for notice in result.notices:
        row = Text()
        row.append("note:", style="yellow")
        row.append(f" {notice}")
        console.print(row, soft_wrap=True)

    counts_style = "bold red" if result.active else "bold green"
    console.print(Text(summary_line(result, show_time=show_time), style=counts_style),
                  soft_wrap=True)
    return buffer.getvalue()


def _labelled(console: Console, label: str, style: str, text: str) -> None:
    """An indented `label: text` line, the label styled."""
    row = Text("    ")
    row.append(label, style=style)
    row.append(f" {text}")
    console.print(row, soft_wrap=True)
