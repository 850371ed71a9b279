"""The Jinja environment every emitter renders with: StrictUndefined, and two filters that make
any text the pages contain safe inside generated Python."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).resolve().parent.parent.parent / "templates"


def py_literal(value: Any) -> str:
    """A Python literal for a JSON-like value: repr() escapes every character a string may hold."""
    return repr(value)


def docstring(text: str, indent: int = 0) -> str:
    """A triple-quoted docstring holding `text` verbatim, whatever quotes or backslashes it has."""
    body = text.strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    body = "".join(c if c in "\n\t" or c.isprintable() else f"\\u{ord(c):04x}" for c in body)
    if body.endswith('"'):
        body = body[:-1] + '\\"'
    pad = " " * indent
    lines = body.split("\n")
    if len(lines) == 1:
        return f'"""{body}"""'
    rest = "\n".join((pad + line) if line.strip() else "" for line in lines[1:])
    return f'"""{lines[0]}\n{rest}\n{pad}"""'


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
    env.filters["docstring"] = docstring
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)
