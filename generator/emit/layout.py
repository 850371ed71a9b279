"""Code laid out as black lays it out, so that black has nothing left to change: calls and
signatures (`layout`, with `Keyword` arguments and long union annotations), module constants
(`constant`) and imports (`import_line`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..format import LINE_LENGTH, format_python
from .literals import keep, py_literal, py_mapping


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
