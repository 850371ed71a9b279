"""Any text or JSON value the pages contain, made safe inside generated Python and laid out as
black lays it out: string literals (`py_literal`, `py_mapping`) and docstrings (`docstring`),
with lines black keeps however long marked `KEEP` (`keep`)."""

from __future__ import annotations

import re
from typing import Any

from ..format import KEEP, LINE_LENGTH, width

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
