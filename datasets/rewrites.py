"""Semantics-preserving rewrites of labelled pairs, for adversarial rounds.

Each rewrite takes a source text and a target line and returns the rewritten text with,
for every new line, the old lines whose content it carries, so labels follow the code:
a label on a moved statement moves with it; a label on an extracted statement lands on
the helper's statement and on the call that replaced it. `rewrite_pair` applies the same
rewrite at the same line to both variants of a pair (vulnerable and safe twin), so the
twins stay a pair, and maps the vulnerable variant's labels.

Rewrites (`REWRITES`):

- `extract-helper`: a one-line statement that reads only state, parameters and globals
  becomes a call to a new internal function holding it;
- `inline-helper`: a one-line call to an internal function whose body is one statement
  (or `return <expr>;`) becomes that statement with the arguments put in; a helper
  called nowhere else is removed;
- `check-to-modifier`: a one-line `require` at the start of a function, reading only
  state and globals, moves into a new modifier applied to the function;
- `reorder`: two adjacent assignments that share no name and call nothing swap places;
- `for-to-while`: `for (init; cond; step) {` becomes `init; while (cond) {` with `step;`
  before the closing brace (bodies with `continue` are left alone);
- `split-expression`: `x = a + b;` (`-`, `*`) on a uint becomes a uint256 temporary and
  an assignment;
- `merge-expression`: a temporary declared and used once on the next line is put in;
- `storage-pointer`: `m[k].f` with `m` a mapping or array of structs becomes a
  `S storage` pointer declared on the line before;
- `compiler-line`: the version pragma moves to the next compiler line, up to 0.7 (0.8
  checks arithmetic, which changes meaning); kept only where the code compiles there.

New names are made from the file's own identifiers (`_<name>`), as in
`datasets.inject`. The rewritten texts are compiled by the caller (`datasets.realhosts`'s
`compile_check`); what does not compile is dropped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from datasets.hostscan import Function, SourceModel, scan
from datasets.inject import Names

Line = tuple[str, frozenset[int]]  # text, old lines (1-based) it carries
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_GLOBALS = frozenset("""msg block tx now this require assert revert keccak256 sha256 abi
    address uint uint256 uint160 uint8 int256 bool bytes bytes32 bytes4 payable true false
    selfdestruct blockhash gasleft send transfer call value delegatecall sender origin
    timestamp number difficulty prevrandao balance length push data encodePacked
    encodeWithSignature encode delete""".split())


@dataclass(frozen=True)
class Rewritten:
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return "\n".join(t for t, _o in self.lines)

    def labels(self, old: frozenset[int] | set[int]) -> tuple[int, ...]:
        return tuple(i for i, (_t, origin) in enumerate(self.lines, 1) if origin & old)


def _lines(text: str) -> list[Line]:
    return [(t, frozenset({i})) for i, t in enumerate(text.split("\n"), 1)]


def _function_at(model: SourceModel, line: int) -> Function | None:
    for contract in model.contracts:
        for fn in contract.functions:
            if fn.open_line < line < fn.close_line:
                return fn
    return None


def _contract_names(model: SourceModel, fn: Function) -> tuple[set[str], set[str]]:
    """(state variable names, function names) of the contract holding `fn`."""
    for contract in model.contracts:
        if fn in contract.functions:
            return {v.name for v in contract.state}, {f.name for f in contract.functions}
    return set(), set()


def _simple_statement(masked_line: str) -> bool:
    s = masked_line.strip()
    return s.endswith(";") and s.count(";") == 1 and "{" not in s and "}" not in s \
        and not s.startswith(("return", "emit", "_", "uint", "int", "bool", "address",
                              "bytes", "string", "(", "var", "delete", "for", "while",
                              "if", "else", "unchecked", "assembly"))


def _indent(text: str) -> str:
    return text[:len(text) - len(text.lstrip())]


def extract_helper(text: str, line: int, names: Names) -> Rewritten | None:
    model = scan(text)
    fn = _function_at(model, line)
    masked = model.masked.split("\n")
    if fn is None or not _simple_statement(masked[line - 1]):
        return None
    state, functions = _contract_names(model, fn)
    params = {p.name: p.type for p in fn.params if p.name}
    used = set(_IDENT.findall(masked[line - 1]))
    if not used <= state | set(params) | functions | _GLOBALS:
        return None
    args = [p for p in params if p in used]
    if any(params[p].split()[0] in ("string", "bytes") or "[" in params[p] for p in args):
        return None  # would need a data location
    helper = names.fresh(fn.name + "Step")
    out = _lines(text)
    statement = out[line - 1][0]
    out[line - 1] = (f"{_indent(statement)}{helper}({', '.join(args)});", frozenset({line}))
    signature = ", ".join(f"{params[p]} {p}" for p in args)
    block = [(f"{fn.indent}function {helper}({signature}) internal {{", frozenset()),
             (f"{fn.indent}    {statement.strip()}", frozenset({line})),
             (f"{fn.indent}}}", frozenset())]
    out[fn.close_line:fn.close_line] = block
    return Rewritten(tuple(out))


def inline_helper(text: str, line: int, names: Names) -> Rewritten | None:
    model = scan(text)
    fn = _function_at(model, line)
    masked = model.masked.split("\n")
    if fn is None:
        return None
    call = re.search(r"\b([A-Za-z_$][\w$]*)\s*\(([^()]*)\)", masked[line - 1])
    if call is None:
        return None
    target = next((f for c in model.contracts for f in c.functions
                   if f.name == call.group(1) and f.visibility in ("internal", "private")),
                  None)
    if target is None or target.close_line - target.open_line != 2:
        return None
    body = model.text.split("\n")[target.open_line].strip()
    if len(target.params) != len([a for a in call.group(2).split(",") if a.strip()]):
        return None
    args = [a.strip() for a in call.group(2).split(",") if a.strip()]
    for param, arg in zip(target.params, args, strict=True):
        body = re.sub(rf"\b{re.escape(param.name)}\b", f"({arg})" if " " in arg else arg,
                      body)
    original = model.text.split("\n")[line - 1]
    start, end = call.span()
    if body.startswith("return ") and body.endswith(";"):
        new = original[:start] + "(" + body[len("return "):-1] + ")" + original[end:]
    elif masked[line - 1].strip() == masked[line - 1][start:end].strip() + ";" \
            and body.endswith(";") and not body.startswith("return"):
        new = _indent(original) + body
    else:
        return None
    out = _lines(text)
    helper_lines = range(target.header_line, target.close_line + 1)
    out[line - 1] = (new, frozenset({line, *helper_lines}))
    if len(re.findall(rf"\b{re.escape(target.name)}\b", model.masked)) == 2:
        # the only call: the helper goes (with its comments above it staying)
        out = [x for i, x in enumerate(out, 1) if i not in helper_lines]
    return Rewritten(tuple(out))


def check_to_modifier(text: str, line: int, names: Names) -> Rewritten | None:
    model = scan(text)
    fn = _function_at(model, line)
    masked = model.masked.split("\n")
    if fn is None or fn.open_line != fn.header_line:
        return None
    stripped = masked[line - 1].strip()
    if not (stripped.startswith("require(") and _simple_statement(masked[line - 1])):
        return None
    if any(m.strip() for m in masked[fn.open_line:line - 1]):
        return None  # only a check at the start of the body
    state, functions = _contract_names(model, fn)
    if not set(_IDENT.findall(stripped)) <= state | functions | _GLOBALS:
        return None
    modifier = names.fresh(fn.name + "Guard")
    out = _lines(text)
    head, origin = out[fn.open_line - 1]
    brace = head.rstrip().rfind("{")
    # a modifier goes before `returns (...)`: solc 0.4 accepts it nowhere else
    returns = re.search(r"\breturns\b", masked[fn.open_line - 1][:brace])
    at = returns.start() if returns else brace
    out[fn.open_line - 1] = (head[:at].rstrip() + f" {modifier}() " + head[at:],
                             origin | {line})
    statement = out[line - 1][0]
    out[line - 1] = ("", frozenset())
    block = [(f"{fn.indent}modifier {modifier}() {{", frozenset()),
             (f"{fn.indent}    {statement.strip()}", frozenset({line})),
             (f"{fn.indent}    _;", frozenset()), (f"{fn.indent}}}", frozenset())]
    out[fn.close_line:fn.close_line] = block
    return Rewritten(tuple(out))


_ASSIGN = re.compile(r"^\s*([A-Za-z_$][\w$]*(?:\[[^\]]*\]|\.[A-Za-z_$][\w$]*)*)\s*"
                     r"(=|\+=|-=)\s*([^;]*);\s*$")


def reorder(text: str, line: int, names: Names) -> Rewritten | None:
    model = scan(text)
    masked = model.masked.split("\n")
    if line >= len(masked) or _function_at(model, line) is None:
        return None
    a, b = masked[line - 1], masked[line]
    ma, mb = _ASSIGN.match(a), _ASSIGN.match(b)
    if not (ma and mb) or "(" in a or "(" in b or _function_at(model, line + 1) is None:
        return None
    if set(_IDENT.findall(a)) & set(_IDENT.findall(b)) - _GLOBALS:
        return None
    out = _lines(text)
    out[line - 1], out[line] = out[line], out[line - 1]
    return Rewritten(tuple(out))


_FOR = re.compile(r"^(\s*)for\s*\((.*);(.*);(.*)\)\s*\{\s*$")


def for_to_while(text: str, line: int, names: Names) -> Rewritten | None:
    model = scan(text)
    masked = model.masked.split("\n")
    m = _FOR.match(masked[line - 1])
    if m is None or _function_at(model, line) is None:
        return None
    from datasets.hostscan import matching

    offset = sum(len(x) + 1 for x in masked[:line - 1]) + masked[line - 1].rfind("{")
    close = matching(model.masked, offset)
    if close < 0:
        return None
    close_line = model.line_of(close)
    body = model.masked[offset:close]
    if re.search(r"\bcontinue\b", body) or model.masked.split("\n")[close_line - 1].strip() \
            != "}":
        return None
    indent, init, cond, step = m.group(1), m.group(2).strip(), m.group(3).strip(), \
        m.group(4).strip()
    original = model.text.split("\n")[line - 1]
    s = original.index("(") + 1
    parts = original[s:original.rindex(")")].split(";")
    if len(parts) != 3 or not step:
        return None
    init, cond, step = (p.strip() for p in parts)
    out = _lines(text)
    out[close_line - 1:close_line - 1] = [(f"{indent}    {step};", frozenset({line}))]
    out[line - 1:line] = ([(f"{indent}{init};", frozenset({line}))] if init else []) + [
        (f"{indent}while ({cond}) {{", frozenset({line}))]
    return Rewritten(tuple(out))


_BINARY = re.compile(r"^(\s*)([A-Za-z_$][\w$]*(?:\[[^\]]*\])*)\s*=\s*(.+?)\s*([-+*])\s*"
                     r"([A-Za-z_$0-9][\w$.]*(?:\[[^\]]*\])*)\s*;\s*$")


def split_expression(text: str, line: int, names: Names) -> Rewritten | None:
    model = scan(text)
    masked = model.masked.split("\n")
    fn = _function_at(model, line)
    m = _BINARY.match(masked[line - 1])
    if fn is None or m is None or "unchecked" in masked[line - 1]:
        return None
    target = m.group(2).split("[")[0]
    kinds = {v.name: v.kind for c in model.contracts for v in c.state}
    kinds.update({p.name: ("uint" if p.type in ("uint", "uint256") else "other")
                  for p in fn.params})
    if kinds.get(target) not in ("uint", "map-address-uint"):
        return None
    if target in kinds and kinds[target] == "map-address-uint" and "[" not in m.group(2):
        return None
    original = model.text.split("\n")[line - 1]
    mo = _BINARY.match(original)
    if mo is None:
        return None
    temp = names.fresh(target)
    out = _lines(text)
    out[line - 1:line] = [
        (f"{mo.group(1)}uint256 {temp} = {mo.group(3)} {mo.group(4)} {mo.group(5)};",
         frozenset({line})), (f"{mo.group(1)}{mo.group(2)} = {temp};", frozenset({line}))]
    return Rewritten(tuple(out))


_DECL = re.compile(r"^(\s*)uint256\s+([A-Za-z_$][\w$]*)\s*=\s*([^;]+);\s*$")


def merge_expression(text: str, line: int, names: Names) -> Rewritten | None:
    model = scan(text)
    masked = model.masked.split("\n")
    fn = _function_at(model, line)
    m = _DECL.match(masked[line - 1])
    if fn is None or m is None or line >= fn.close_line - 1:
        return None
    temp = m.group(2)
    body = masked[fn.open_line:fn.close_line - 1]
    uses = sum(len(re.findall(rf"\b{re.escape(temp)}\b", x)) for x in body)
    nxt = masked[line]
    if uses != 2 or len(re.findall(rf"\b{re.escape(temp)}\b", nxt)) != 1 \
            or not _simple_statement(nxt) and not nxt.strip().startswith(("if", "require")):
        return None
    value = model.text.split("\n")[line - 1]
    expression = _DECL.match(value)
    if expression is None:
        return None
    out = _lines(text)
    following = out[line][0]
    out[line] = (re.sub(rf"\b{re.escape(temp)}\b", f"({expression.group(3).strip()})",
                        following, count=1), frozenset({line, line + 1}))
    out[line - 1] = ("", frozenset())
    return Rewritten(tuple(out))


_MEMBER = re.compile(r"\b([A-Za-z_$][\w$]*)\[([^\[\]]+)\]\.([A-Za-z_$][\w$]*)")


def storage_pointer(text: str, line: int, names: Names) -> Rewritten | None:
    model = scan(text)
    masked = model.masked.split("\n")
    fn = _function_at(model, line)
    if fn is None or not _simple_statement(masked[line - 1]) \
            and not masked[line - 1].strip().startswith(("uint", "require")):
        return None
    found = _MEMBER.search(masked[line - 1])
    if found is None:
        return None
    state = {v.name: v.type for c in model.contracts for v in c.state}
    structs = set(re.findall(r"\bstruct\s+([A-Za-z_$][\w$]*)", model.masked))
    kind = state.get(found.group(1), "")
    struct = re.search(r"=>\s*([A-Za-z_$][\w$]*)\s*\)$", kind) or re.match(
        r"([A-Za-z_$][\w$]*)\s*\[\s*\]$", kind)
    if struct is None or struct.group(1) not in structs:
        return None
    key = found.group(2)
    if "(" in key:
        return None
    original = model.text.split("\n")[line - 1]
    pointer = names.fresh(found.group(1))
    head = f"{found.group(1)}[{key}]"
    new = original.replace(head + ".", pointer + ".")
    if head in new:
        return None
    out = _lines(text)
    out[line - 1:line] = [(f"{_indent(original)}{struct.group(1)} storage {pointer} = {head};",
                           frozenset({line})), (new, frozenset({line}))]
    return Rewritten(tuple(out))


def compiler_line(text: str, line: int, names: Names) -> Rewritten | None:
    m = re.search(r"pragma\s+solidity\s+[^;]*0\.(\d+)\.\d+[^;]*;", text)
    if m is None or int(m.group(1)) >= 7:
        return None  # 0.7 -> 0.8 would make arithmetic checked: not semantics-preserving
    minor = int(m.group(1)) + 1
    new = text[:m.start()] + f"pragma solidity ^0.{minor}.0;" + text[m.end():]
    if new.count("\n") != text.count("\n"):
        return None
    return Rewritten(tuple(_lines(new)))


REWRITES: dict[str, Callable[[str, int, Names], Rewritten | None]] = {
    "extract-helper": extract_helper, "inline-helper": inline_helper,
    "check-to-modifier": check_to_modifier, "reorder": reorder, "for-to-while": for_to_while,
    "split-expression": split_expression, "merge-expression": merge_expression,
    "storage-pointer": storage_pointer, "compiler-line": compiler_line,
}


@dataclass(frozen=True)
class RewrittenPair:
    rewrite: str
    line: int
    vulnerable: str
    safe: str
    labels: tuple[int, ...]


@functools.lru_cache(maxsize=8)
def _identifiers(text: str) -> frozenset[str]:
    """The text's identifiers (memoised: a host pair is rewritten many times in turn)."""
    return frozenset(scan(text).identifiers)


def rewrite_both(name: str, vulnerable: str, safe: str, line: int
                 ) -> tuple[Rewritten, Rewritten] | None:
    """Rewrite `name` at `line` of both variants, with new names fresh in both; None
    where it does not apply to both or does not keep the pair's lines aligned."""
    if not 1 <= line <= min(vulnerable.count("\n"), safe.count("\n")):
        return None
    taken = _identifiers(vulnerable) | _identifiers(safe)
    function = REWRITES[name]
    v = function(vulnerable, line, Names(taken))
    s = function(safe, line, Names(taken))
    if v is None or s is None or len(v.lines) != len(s.lines):
        return None
    return v, s


def rewrite_pair(name: str, vulnerable: str, safe: str, labels: set[int] | frozenset[int],
                 line: int) -> RewrittenPair | None:
    """Rewrite `name` at `line` of both variants (`rewrite_both`); None where that fails
    or the labels are lost. Labels follow the vulnerable variant."""
    both = rewrite_both(name, vulnerable, safe, line)
    if both is None:
        return None
    v, s = both
    new_labels = v.labels(frozenset(labels))
    if labels and not new_labels:
        return None
    return RewrittenPair(name, line, v.text, s.text, new_labels)


def candidates(vulnerable: str, safe: str, labels: set[int] | frozenset[int],
               near: int = 3) -> list[tuple[str, int]]:
    """(rewrite, line) pairs worth trying: every rewrite at each labelled line and the
    lines up to `near` around it (the compiler-line rewrite once)."""
    lines = sorted({x for label in labels for x in range(label - near, label + near + 1)
                    if x >= 1})
    out = [(name, x) for name in REWRITES if name != "compiler-line" for x in lines]
    return out + [("compiler-line", 1)]
