"""YAML front matter: the `---` block at the top of a page, read with pyyaml."""

from __future__ import annotations

from typing import Any

import yaml

from ..diagnostics import Location, PageError

# libyaml's safe loader when PyYAML was built with it: the same documents, read in C.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 50  # nesting of collections in front matter (real pages: 2)
MAX_ALIASES = 16  # aliases in front matter (real pages: none)


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
        raise PageError(at._replace(line=2), "front-matter", "the front matter is nested too deeply") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PageError(Location(at.root, at.file, 2), "front-matter", "front matter is not a mapping of keys to values")
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
                raise PageError(_at(at, event), "front-matter", f"the front matter is nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > MAX_ALIASES:
                raise PageError(
                    _at(at, event), "front-matter", f"the front matter uses more than {MAX_ALIASES} aliases (*name)"
                )
    return yaml.load(source, Loader=loader)


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
