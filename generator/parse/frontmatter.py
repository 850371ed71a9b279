"""YAML front matter: the `---` block at the top of a page, read with pyyaml."""

from __future__ import annotations

from typing import Any

import yaml

from ..diagnostics import Location, PageError

# libyaml's safe loader when PyYAML was built with it: the same documents, read in C.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 50  # nesting of collections in front matter (real pages: 2)
MAX_ALIASES = 16  # aliases in front matter (real pages: none)
MAX_DIGITS = 1000  # digits of an integer in front matter, as in JSON samples
_INT_BOUND = 10**MAX_DIGITS


def split(text: str, at: Location) -> tuple[dict[str, Any] | None, str]:
    """(front matter or None, the page with the front matter blanked out, so lines keep their numbers)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            break
    else:
        raise PageError(at, "front-matter", "front matter is not closed by a '---' line")
    source = "\n".join(lines[1:end])
    try:
        try:
            data = _load(source, _LOADER, at)
        except yaml.YAMLError:
            data = _load(source, yaml.SafeLoader, at)  # its messages and marks are the more precise
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + (mark.line if mark is not None else 0)
        problem = getattr(error, "problem", None) or str(error).split("\n")[0]
        raise PageError(
            Location(at.root, at.file, line, (mark.column + 1) if mark is not None else 1),
            "front-matter",
            f"invalid YAML front matter: {problem}",
        ) from None
    except RecursionError:  # not reached after the check of `_load`; kept as a last guard
        raise PageError(
            at._replace(line=2), "front-matter", "the front matter is nested too deeply"
        ) from None
    except ValueError as error:  # an integer of more than 4,300 digits, which int() refuses
        raise PageError(
            at._replace(line=2), "front-matter", f"invalid YAML front matter: {error}"
        ) from None
    big = _big_number(data)
    if big:
        line = key_line(text, big)
        raise PageError(
            at._replace(line=line or 2, col=1),
            "front-matter",
            f"'{big}' is a number of more than {MAX_DIGITS} digits",
        )
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PageError(
            Location(at.root, at.file, 2),
            "front-matter",
            "front matter is not a mapping of keys to values",
        )
    body = "\n" * (end + 1) + "\n".join(lines[end + 1 :])
    return {str(key): value for key, value in data.items()}, body


def _load(source: str, loader: Any, at: Location) -> Any:
    """The YAML document, once its events show it small enough to build: nested at most
    MAX_DEPTH deep (building recurses) and with at most MAX_ALIASES aliases (each alias shares a
    node, so nested aliases make a value that is exponentially large once walked: a "billion
    laughs"). The events come from the parser, which does not recurse; the check is linear."""
    depth = aliases = 0
    for event in yaml.parse(source, Loader=loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise PageError(
                    _at(at, event),
                    "front-matter",
                    f"the front matter is nested deeper than {MAX_DEPTH} levels",
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise PageError(
                    _at(at, event),
                    "front-matter",
                    f"the front matter uses more than {MAX_ALIASES} aliases (*name)",
                )
    return yaml.load(source, Loader=loader)


def _big_number(data: Any, key: str = "") -> str:
    """The top-level key of an integer in `data` with more than MAX_DIGITS digits, "" when none
    has: hexadecimal and sexagesimal (1:2:3) integers are read whatever their length, and str()
    refuses one of more than 4,300 digits. (`data` is at most MAX_DEPTH deep: checked before.)"""
    if isinstance(data, int) and not isinstance(data, bool):
        return key or "?" if abs(data) >= _INT_BOUND else ""
    items: Any = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data) if isinstance(data, list) else ()
    )
    for name, value in items:
        found = _big_number(value, key or str(name)[:40])
        if found:
            return found
    return ""


def _at(at: Location, event: Any) -> Location:
    mark = getattr(event, "start_mark", None)
    if mark is None:
        return at._replace(line=2, col=1)
    return at._replace(line=2 + mark.line, col=mark.column + 1)


def key_line(text: str, key: str) -> int:
    """The line of a top-level `key:` in the front matter, 0 when it has none."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            return 0
        if line.startswith(f"{key}:"):
            return number
    return 0
