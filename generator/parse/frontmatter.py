"""YAML front matter: the `---` block at the top of a page, read with pyyaml."""

from __future__ import annotations

from typing import Any

import yaml

from ..diagnostics import Location, PageError

# libyaml's safe loader when PyYAML was built with it: the same documents, read in C.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
            data = yaml.load(source, Loader=_LOADER)
        except yaml.YAMLError:
            data = yaml.safe_load(source)  # its messages and marks are the more precise
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + (mark.line if mark is not None else 0)
        problem = getattr(error, "problem", None) or str(error).split("\n")[0]
        raise PageError(
            Location(at.root, at.file, line, (mark.column + 1) if mark is not None else 1),
            "front-matter",
            f"invalid YAML front matter: {problem}",
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise PageError(Location(at.root, at.file, 2), "front-matter", "front matter is not a mapping of keys to values")
    body = "\n" * (end + 1) + "\n".join(lines[end + 1 :])
    return {str(key): value for key, value in data.items()}, body


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
