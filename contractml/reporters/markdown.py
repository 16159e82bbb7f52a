"""`--format markdown`: a pull-request comment. A heading, a one-line verdict against
`fail_on`, counts per severity, a table of findings (at most `max_rows`), the files that
could not be analysed in a collapsible section, and the suppressed count."""

from __future__ import annotations

from contractml.findings import Finding, ScanResult, severity_rank
from contractml.reporters import at_or_above, plural, severity_counts, sorted_findings

_ICONS = {"high": "🔴", "medium": "🟠", "low": "🔵"}


def _cell(text: str) -> str:
    """Text safe inside a table cell: no pipes, newlines or HTML."""
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ")
            .replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;"))


def _code(text: str) -> str:
    """Inline code that survives backticks in `text`, safe in a table cell."""
    text = _cell(text).replace("\\\\", "\\")
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _fenced(text: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}\n{text.rstrip()}\n{fence}"


def _location(finding: Finding, link_base: str | None) -> str:
    label = f"{finding.file}:{finding.start_line}"
    if not link_base:
        return _code(label)
    from contractml.reporters.sarif import artifact_uri

    url = f"{link_base.rstrip('/')}/{artifact_uri(finding.file)}#L{finding.start_line}"
    if finding.end_line > finding.start_line:
        url += f"-L{finding.end_line}"
    return f"[{_code(label)}]({url})"


def render(result: ScanResult, *, fail_on: str = "medium", max_rows: int = 50,
           link_base: str | None = None, title: str = "contractml",
           sort: str = "location") -> str:
    """The Markdown comment. `link_base`: a URL that relative file paths are appended to
    (e.g. ``https://github.com/OWNER/REPO/blob/SHA``) to link each location."""
    active = result.active
    counts = severity_counts(active)
    failing = at_or_above(active, fail_on)
    lines = [f"## {title}", ""]
    if failing:
        lines.append(f"❌ **{plural(len(failing), 'finding')} at or above {fail_on} "
                     f"severity** in {plural(len(result.files_scanned), 'file')}.")
    elif fail_on == "none":
        lines.append(f"✅ **{plural(len(active), 'finding')}** in "
                     f"{plural(len(result.files_scanned), 'file')} (nothing fails the "
                     "check).")
    elif active:
        lines.append(f"✅ **Nothing at or above {fail_on} severity**; "
                     f"{plural(len(active), 'lower-severity finding')} in "
                     f"{plural(len(result.files_scanned), 'file')}.")
    else:
        lines.append(f"✅ **No findings** in {plural(len(result.files_scanned), 'file')}.")
    lines.append("")
    lines.append(" · ".join(f"{_ICONS[s]} {s.capitalize()}: **{n}**" for s, n in counts.items()))

    shown = [f for f in sorted_findings(active, sort)]
    shown.sort(key=lambda f: -severity_rank(f.severity))  # stable: location order within
    if shown:
        lines += ["", "| Severity | Category | Location | Function | Confidence |",
                  "|---|---|---|---|---|"]
        for finding in shown[:max_rows]:
            function = ".".join(p for p in (finding.contract, finding.function) if p) or "-"
            lines.append(f"| {_ICONS.get(finding.severity, '')} {finding.severity} | "
                         f"{_cell(finding.category)} | {_location(finding, link_base)} | "
                         f"{_code(function) if function != '-' else '-'} | "
                         f"{finding.confidence:.2f} |")
        if len(shown) > max_rows:
            lines += ["", f"…and {len(shown) - max_rows} more "
                      f"{'finding' if len(shown) - max_rows == 1 else 'findings'} "
                      "(see the full report)."]

    suppressed = len(result.findings) - len(active)
    if suppressed:
        lines += ["", f"{plural(suppressed, 'finding')} suppressed by "
                      "`contractml-disable` comments."]

    if result.failures:
        lines += ["", "<details>",
                  f"<summary>{plural(len(result.failures), 'file')} could not be "
                  "analysed</summary>", ""]
        for failure in sorted(result.failures, key=lambda f: (f.file, f.stage, f.message)):
            lines.append(f"- {_code(failure.file)} ({_cell(failure.stage)} failed)")
            if failure.message.strip():
                lines += ["", *("  " + line if line else ""
                                for line in _fenced(failure.message).split("\n")), ""]
        lines += ["</details>"] if lines[-1] == "" else ["", "</details>"]

    if result.notices:
        lines += ["", "<details>", f"<summary>{plural(len(result.notices), 'notice')}"
                  "</summary>", ""]
        lines += [f"- {_cell(notice)}" for notice in result.notices]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"
