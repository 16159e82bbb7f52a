"""`contractml explain FILE:LINE`: one function's graph as a self-contained HTML page.

The page shows the function's CFG (nodes laid out by their distance from the entry,
coloured by the model's score for the chosen category, or the best category per node)
beside the function's source, with the scored lines highlighted. No JavaScript, no
external assets: an inline SVG and a table, so it opens anywhere and can be attached to
a review.
"""

from __future__ import annotations

import html
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from contractml.records import FunctionRecord, NodeRecord

_BOX_W, _BOX_H, _GAP_X, _GAP_Y = 230, 46, 30, 34


@dataclass(frozen=True)
class ExplainedNode:
    node: NodeRecord
    scores: np.ndarray  # [categories] calibrated node scores


def _levels(function: FunctionRecord) -> dict[int, int]:
    """Breadth-first distance from the entry along CFG edges (unreached nodes last)."""
    by_id = {n.id: n for n in function.nodes}
    level: dict[int, int] = {}
    start = function.entry if function.entry in by_id else (function.nodes[0].id
                                                           if function.nodes else None)
    queue: deque[int] = deque([start] if start is not None else [])
    if start is not None:
        level[start] = 0
    while queue:
        current = queue.popleft()
        for son in by_id[current].sons:
            if son in by_id and son not in level:
                level[son] = level[current] + 1
                queue.append(son)
    deepest = max(level.values(), default=-1)
    for node in function.nodes:
        level.setdefault(node.id, deepest + 1)
    return level


def _colour(score: float) -> str:
    score = min(1.0, max(0.0, score))
    red, green, blue = 255, int(255 - 190 * score), int(255 - 200 * score)
    return f"#{red:02x}{green:02x}{blue:02x}"


def _short(text: str, limit: int = 34) -> str:
    text = " ".join(text.split()) or "-"
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def render_html(function: FunctionRecord, nodes: Sequence[ExplainedNode],
                categories: Sequence[str], source_lines: Sequence[str],
                category: str | None = None, focus_line: int | None = None,
                thresholds: dict[str, float] | None = None) -> str:
    """The page for one function. `category` None colours each node by its best one."""
    column = categories.index(category) if category else None
    levels = _levels(function)
    rows: dict[int, list[ExplainedNode]] = {}
    for item in nodes:
        rows.setdefault(levels[item.node.id], []).append(item)
    position: dict[int, tuple[int, int]] = {}
    width = 0
    for depth in sorted(rows):
        for i, item in enumerate(sorted(rows[depth], key=lambda n: n.node.id)):
            x = 20 + i * (_BOX_W + _GAP_X)
            y = 20 + depth * (_BOX_H + _GAP_Y)
            position[item.node.id] = (x, y)
            width = max(width, x + _BOX_W + 20)
    height = 40 + (max(rows, default=0) + 1) * (_BOX_H + _GAP_Y)
    svg: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="monospace" font-size="11">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" '
        'fill="#555"/></marker></defs>']
    for item in nodes:
        x1, y1 = position[item.node.id]
        for son in item.node.sons:
            if son not in position:
                continue
            x2, y2 = position[son]
            label = ("T" if son == item.node.son_true else "F" if son == item.node.son_false
                     else "")
            if y2 > y1:
                path = (f"M {x1 + _BOX_W // 2} {y1 + _BOX_H} L {x2 + _BOX_W // 2} {y2}")
            else:  # a back edge (loop): around the right side
                path = (f"M {x1 + _BOX_W} {y1 + _BOX_H // 2} C {x1 + _BOX_W + 60} "
                        f"{y1 + _BOX_H // 2} {x2 + _BOX_W + 60} {y2 + _BOX_H // 2} "
                        f"{x2 + _BOX_W} {y2 + _BOX_H // 2}")
            svg.append(f'<path d="{path}" stroke="#555" fill="none" '
                       'marker-end="url(#arrow)"/>')
            if label:
                svg.append(f'<text x="{(x1 + x2) // 2 + _BOX_W // 2 + 4}" '
                           f'y="{(y1 + _BOX_H + y2) // 2}" fill="#333">{label}</text>')
    for item in nodes:
        x, y = position[item.node.id]
        best = int(np.argmax(item.scores)) if column is None else column
        score = float(item.scores[best])
        line = item.node.span.start_line
        tip = "\n".join(f"{c}: {float(s):.3f}" for c, s in zip(categories, item.scores,
                                                                 strict=True))
        stroke = "#c00" if focus_line is not None and item.node.span.start_line <= focus_line \
            <= item.node.span.end_line else "#333"
        svg.append(
            f'<g><title>{html.escape(item.node.type)} line {line}\n'
            f'{html.escape(item.node.text)}\n{html.escape(tip)}</title>'
            f'<rect x="{x}" y="{y}" width="{_BOX_W}" height="{_BOX_H}" rx="6" '
            f'fill="{_colour(score)}" stroke="{stroke}"/>'
            f'<text x="{x + 6}" y="{y + 16}">L{line} {html.escape(item.node.type)}</text>'
            f'<text x="{x + 6}" y="{y + 32}">{html.escape(_short(item.node.text))}</text>'
            f'<text x="{x + _BOX_W - 6}" y="{y + 16}" text-anchor="end">'
            f'{html.escape(categories[best])} {score:.2f}</text></g>')
    svg.append("</svg>")

    line_scores: dict[int, float] = {}
    for item in nodes:
        best = int(np.argmax(item.scores)) if column is None else column
        for line in range(item.node.span.start_line, item.node.span.end_line + 1):
            if item.node.type in ("ENTRY_POINT", "BEGIN_LOOP", "END_LOOP", "END_IF"):
                break
            line_scores[line] = max(line_scores.get(line, 0.0), float(item.scores[best]))
    first, last = function.span.start_line, function.span.end_line
    code = []
    for number in range(first, min(last, len(source_lines)) + 1):
        score = line_scores.get(number)
        style = f' style="background:{_colour(score)}"' if score is not None else ""
        mark = " id=\"focus\"" if number == focus_line else ""
        shown = f"{score:.2f}" if score is not None else ""
        code.append(f"<tr{mark}{style}><td class=n>{number}</td><td class=s>{shown}</td>"
                    f"<td><pre>{html.escape(source_lines[number - 1])}</pre></td></tr>")
    title = f"{function.contract}.{function.name}"
    legend = (f"coloured by {html.escape(category)}" if category
              else "coloured by each statement's best category")
    if thresholds:
        legend += "; thresholds: " + ", ".join(f"{html.escape(c)} {t:.2f}"
                                               for c, t in thresholds.items())
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>contractml explain: {html.escape(title)}</title><style>"
        "body{font-family:sans-serif;margin:16px}main{display:flex;gap:24px;"
        "align-items:flex-start}table{border-collapse:collapse;font-size:12px}"
        "td{padding:0 6px;vertical-align:top}td.n,td.s{color:#666;text-align:right}"
        "pre{margin:0;font-size:12px}#focus td.n{color:#c00;font-weight:bold}</style>"
        f"</head><body><h1>{html.escape(title)}</h1><p>{legend}. Hover a node for every "
        "category's score.</p><main><section>" + "".join(svg) + "</section><section>"
        "<table>" + "".join(code) + "</table></section></main></body></html>\n")
