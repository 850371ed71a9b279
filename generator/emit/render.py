"""The Jinja environment every emitter renders with (StrictUndefined), and its few helpers: `py`
and `docstring` make any text the pages contain safe inside generated Python; `layout` and
`import_line` lay code out as black would, so that black has nothing left to change."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2

from ..format import KEEP, LINE_LENGTH, format_python, width
from ..resources import TEMPLATES

_ESCAPE_OR_CHAR = re.compile(r"\\.|[^\\]", re.S)


def _string(value: str | bytes) -> str:
    """A string literal as black writes it: double quotes unless they need more escapes."""
    text = repr(value)
    if isinstance(value, str) and text[0] == "'" and '"' not in value:
        return f'"{text[1:-1]}"'  # repr chose single quotes for a string without any quote
    prefix, quote, body = (
        ("b", text[1], text[2:-1]) if isinstance(value, bytes) else ("", text[0], text[1:-1])
    )
    if quote == '"':
        return text
    tokens = _ESCAPE_OR_CHAR.findall(body)  # `\\"` is an escaped backslash, then a quote
    singles = tokens.count("\\'")
    doubles = tokens.count('"')
    if doubles > singles:
        return text
    body = "".join("'" if token == "\\'" else '\\"' if token == '"' else token for token in tokens)
    return f'{prefix}"{body}"'


def py_literal(value: Any, indent: int = 0, column: int | None = None, tail: int = 1) -> str:
    """A Python literal for a JSON-like value, escaped for any text and laid out as black would.

    The literal starts at `column` (default: `indent`) on a line indented by `indent`, and `tail`
    characters follow it; a collection that does not fit is exploded one item per line, with a
    trailing comma, as black does.
    """
    flat = _flat(value)
    start = indent if column is None else column
    if (
        start + len(flat) + tail <= LINE_LENGTH
        or not isinstance(value, (dict, list, tuple))
        or not value
    ):
        return flat
    inner = indent + 4
    if isinstance(value, dict):
        pairs = [(f"{_string(k)}: ", v) for k, v in value.items()]
        opening, closing = "{", "}"
    else:
        pairs = [("", v) for v in value]
        opening, closing = "[", "]"
    lines = [
        f"{' ' * inner}{key}{py_literal(item, inner, inner + len(key))}," for key, item in pairs
    ]
    return opening + "\n" + "\n".join(lines) + "\n" + " " * indent + closing


def py_mapping(pairs: list[tuple[str, str]], indent: int, column: int, tail: int = 1) -> str:
    """`{"key": expression, ...}` for string keys and Python expressions, laid out as black would."""
    flat = "{" + ", ".join(f"{_string(k)}: {v}" for k, v in pairs) + "}"
    if column + len(flat) + tail <= LINE_LENGTH or not pairs:
        return flat
    pad = " " * (indent + 4)
    return "{\n" + "".join(f"{pad}{_string(k)}: {v},\n" for k, v in pairs) + " " * indent + "}"


def _flat(value: Any) -> str:
    if isinstance(value, (str, bytes)):
        return _string(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_string(k)}: {_flat(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    return repr(value)


def _escape(char: str) -> str:
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    )


_ASCII_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # all but newline and tab


def docstring(text: str, indent: int = 0) -> str:
    """A triple-quoted docstring holding `text`, whatever quotes or backslashes it has, laid out
    as black lays docstrings out: lines wrapped to fit the line length at `indent`, trailing
    spaces dropped, continuation lines without common indentation, a space between the quotes and
    a quote that starts (or, on one line, ends) the text."""
    body = text.strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if not body.isascii() and not body.replace("\n", "").replace("\t", "").isprintable():
        body = "".join(c if c in "\n\t" or c.isprintable() else _escape(c) for c in body)
    elif _ASCII_UNPRINTABLE.search(body):
        body = _ASCII_UNPRINTABLE.sub(lambda m: _escape(m.group()), body)
    first, *rest = [line.rstrip() for line in body.split("\n")]
    lines = _wrap(first, LINE_LENGTH - indent - 4) + [
        part for line in _dedent(rest) for part in _wrap(line, LINE_LENGTH - indent)
    ]
    if lines[0].startswith('"'):
        lines[0] = " " + lines[0]
    if len(lines) == 1:
        end = " " if lines[0].endswith('"') else ""
        return keep(f'"""{lines[0]}{end}"""', indent)
    pad = " " * indent
    rest = [keep(pad + line) if line.strip() else "" for line in lines[1:]]
    return "\n".join([keep(f'"""{lines[0]}', indent), *rest, f'{pad}"""'])


def keep(line: str, column: int = 0) -> str:
    """`line`, starting at `column`, marked `KEEP` when black would count it differently than the
    emitter did (too wide, or not one column a character): for a line black leaves as it is."""
    if column + len(line) <= LINE_LENGTH and (line.isascii() or width(line) == len(line)):
        return line
    return line + KEEP


def _dedent(lines: list[str]) -> list[str]:
    """Lines without the indentation they all share (black takes it away from a docstring's
    continuation lines)."""
    margins = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    cut = min(margins, default=0)
    return [line[cut:] for line in lines]


_ENTRY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*: ")  # an `Args:` or `Attributes:` entry


def _wrap(line: str, width: int) -> list[str]:
    """A docstring line broken at spaces to fit `width` columns (black leaves docstrings' lines as
    they are, so the emitter keeps them in the limit): continuation lines keep the line's
    indentation, one level more for an indented `name: text` entry. A word longer than the width
    stays whole."""
    if len(line) <= width:
        return [line]
    text = line.lstrip(" ")
    lead = line[: len(line) - len(text)]
    hanging = lead + ("    " if lead and _ENTRY.match(text) else "")
    out: list[str] = []
    current = ""
    for word in text.split():
        start = lead if not out else hanging
        if current and len(start) + len(current) + 1 + len(word) > width:
            out.append(start + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append((lead if not out else hanging) + current)
    return out


@dataclass(frozen=True)
class Keyword:
    """`name=value` inside a call, where the value is a literal or a mapping that may explode."""

    name: str
    value: Any
    expressions: bool = False  # a mapping of string keys to Python expressions

    def text(self, indent: int | None = None) -> str:
        column = None if indent is None else indent + len(self.name) + 1
        if self.expressions:
            pairs = list(self.value.items())
            body = py_mapping(pairs, indent or 0, column if column is not None else -(10**9))
        else:
            body = py_literal(self.value, indent or 0, column if column is not None else -(10**9))
        return f"{self.name}={body}"


def layout(
    head: str, items: list[str | Keyword], tail: str, indent: int, display: bool = False
) -> str:
    """`head` + comma-separated `items` + `tail`, split over lines as black splits brackets.

    On one line when it fits; else, for a call or a signature, the items on one line of their
    own; else (and always for a `display`: a dict, list or set literal) one item per line with a
    trailing comma, a long literal item exploded in turn. `head` ends with the opening bracket,
    `tail` starts with the closing one.
    """
    flat_items = [item if isinstance(item, str) else item.text() for item in items]
    joined = ", ".join(flat_items)
    if not items or indent + len(head) + len(joined) + len(tail) <= LINE_LENGTH:
        return f"{head}{joined}{tail}"
    pad = " " * indent
    inner = " " * (indent + 4)
    if not display and indent + 4 + len(joined) <= LINE_LENGTH:
        return f"{head}\n{inner}{joined}\n{pad}{tail}"
    lines = [
        _item(item, indent + 4) if isinstance(item, str) else item.text(indent + 4)
        for item in items
    ]
    return head + "\n" + "".join(f"{inner}{line},\n" for line in lines) + pad + tail


_BRACKET_OR_BAR = re.compile(
    r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|[\[\]|,]'
)  # string literals skipped
_PARAM = re.compile(r"(\w+): (.+?)( = \w+)?")


def _top(text: str, separator: str) -> list[str]:
    """`text` split at `separator` (`|` or `,`) outside brackets and string literals, stripped."""
    parts, depth, start = [], 0, 0
    for match in _BRACKET_OR_BAR.finditer(text):
        token = match.group()
        depth += {"[": 1, "]": -1}.get(token, 0)
        if token == separator and depth == 0:
            parts.append(text[start : match.start()].strip())
            start = match.end()
    return [*parts, text[start:].strip()]


def _item(item: str, indent: int) -> str:
    """One item of an exploded signature, on its own line at `indent` with its comma: a parameter
    too long for it is laid out as black lays out a long annotation that is a union
    (`name: (` / the `|` operands, one per line / `) = default`); anything else stays whole."""
    match = _PARAM.fullmatch(item)
    if indent + len(item) + 1 <= LINE_LENGTH or match is None:
        return item
    name, annotation, default = match[1], match[2], match[3] or ""
    operands = _top(annotation, "|")
    if len(operands) < 2:
        return item
    inner = indent + 4
    if inner + len(annotation) <= LINE_LENGTH:
        body = annotation
    else:
        laid = [
            _operand(operand if k == 0 else f"| {operand}", inner)
            for k, operand in enumerate(operands)
        ]
        if None in laid:
            return item
        body = ("\n" + " " * inner).join(line for line in laid if line is not None)
    return f"{name}: (\n{' ' * inner}{body}\n{' ' * indent}){default}"


def _operand(text: str, indent: int) -> str | None:
    """A union's operand on its own line; one too long split inside its subscript of plain items
    (`Literal[` / the values / `]`); None for a shape the emitter leaves to black."""
    if indent + len(text) <= LINE_LENGTH:
        return text
    if not text.endswith("]") or "[" not in text:
        return None
    head, _, inside = text[:-1].partition("[")
    items = _top(inside, ",")
    plain = all(
        token.group()[0] in "\"'" for item in items for token in _BRACKET_OR_BAR.finditer(item)
    )
    if len(items) < 2 or not plain:
        return None
    return layout(f"{head}[", list(items), "]", indent)


def constant(name: str, annotation: str, expression: str) -> str:
    """`name: annotation = expression` at module level, as black lays it out."""
    laid = constant_layout(name, annotation, expression)
    if laid is not None:
        return laid
    return format_python(f"{name}: {annotation} = {expression}\n", "constant").rstrip("\n")


def constant_layout(name: str, annotation: str, expression: str) -> str | None:
    """`name: annotation = expression` at module level, laid out as black lays it out, for an
    annotation with one subscript (`_m.Codec[...]`) and an expression that is a name or nested
    calls with one argument each (`_m.list_of(_m.model("X"))`): on its line when it fits; else
    split inside the expression's call when the line up to it fits (else the expression in
    parentheses) while `name: annotation = (` fits; else split inside the annotation. None for
    what black would lay out otherwise."""
    flat = f"{name}: {annotation} = {expression}"
    if len(flat) <= LINE_LENGTH:
        return flat
    head = f"{name}: {annotation} = "
    opening = expression.find("(")
    laid: str | None = None
    if len(head) + 1 <= LINE_LENGTH:  # `name: annotation = (` fits
        if opening > 0 and len(head) + opening + 1 <= LINE_LENGTH:
            inside = _call_body(expression[opening + 1 : -1], 4)
            laid = inside and f"{head}{expression[: opening + 1]}\n    {inside}\n)"
        else:
            body = _call_body(expression, 4)
            laid = body and f"{head}(\n    {body}\n)"
    else:
        subscript = annotation.find("[")
        inner, tail = annotation[subscript + 1 : -1], f"] = {expression}"
        if (
            subscript > 0
            and annotation.endswith("]")
            and len(name) + 2 + subscript + 1 <= LINE_LENGTH
            and 4 + len(inner) <= LINE_LENGTH
            and len(tail) <= LINE_LENGTH
        ):
            laid = f"{name}: {annotation[: subscript + 1]}\n    {inner}\n{tail}"
    return laid or None


def _call_body(expression: str, indent: int) -> str | None:
    """`expression` (a name, or calls of one argument each) on its own line at `indent`, split
    inside its outer call when too long; None when that is not enough."""
    if indent + len(expression) <= LINE_LENGTH:
        return expression
    opening = expression.find("(")
    if opening < 0 or not expression.endswith(")"):
        return None
    inside = _call_body(expression[opening + 1 : -1], indent + 4)
    if inside is None or indent + opening + 1 > LINE_LENGTH:
        return None
    return f"{expression[: opening + 1]}\n{' ' * (indent + 4)}{inside}\n{' ' * indent})"


def import_line(statement: str, names: str | list[str], indent: int = 0) -> str:
    """`from x import A, B`, or one name per line in parentheses as black does when too long."""
    names = [names] if isinstance(names, str) else names
    line = f"{statement} import {', '.join(names)}"
    if indent + len(line) <= LINE_LENGTH:
        return line
    pad = " " * indent
    lines = [keep(f"{statement} import (", indent), *(keep(f"{pad}    {name},") for name in names)]
    return "\n".join(lines) + f"\n{pad})"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    env.filters["py"] = py_literal
    env.filters["import_line"] = import_line
    env.globals["constant"] = constant
    env.filters["keep"] = keep
    env.globals["layout"] = layout
    env.filters["docstring"] = docstring
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


@dataclass(frozen=True)
class Job:
    """Renders one or more output files (relative path → unformatted text) when called.

    `key` is a digest of everything those files depend on besides the generator itself, so that a
    run can take them from the previous output when it is unchanged; "" for jobs that are cheap
    to render or depend on the whole API."""

    render: Callable[[], dict[str, str]]
    key: str = ""

    def __call__(self) -> dict[str, str]:
        return self.render()


def key_of(*parts: object) -> str:
    """A job's key: the digest of its inputs' representations (the view's dataclasses print every
    field, in a fixed order)."""
    return hashlib.sha256("\0".join(map(repr, parts)).encode()).hexdigest()


def render_file(path: str, template: str, **context: Any) -> dict[str, str]:
    return {path: render(template, **context)}
