"""The Jinja environment every emitter renders with (StrictUndefined) and its filters: text made
safe as Python (`literals`), code laid out as black would (`layout`); and the render jobs a run
hands to its workers."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jinja2

from ..resources import TEMPLATES
from .layout import constant, import_line, layout
from .literals import docstring, keep, py_literal


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
    paths: tuple[str, ...] = ()  # a keyed job's files: those a run may keep instead of rendering

    def __call__(self) -> dict[str, str]:
        return self.render()


def key_of(*parts: object) -> str:
    """A job's key: the digest of its inputs' representations (the view's dataclasses print every
    field, in a fixed order)."""
    return hashlib.sha256("\0".join(map(repr, parts)).encode()).hexdigest()


def render_file(path: str, template: str, **context: Any) -> dict[str, str]:
    return {path: render(template, **context)}
