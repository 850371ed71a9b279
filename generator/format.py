"""Black, in-process and pinned by the project's dependencies, so output does not depend on the machine.

Every generated file is exactly what black makes of it. The templates emit black's layout, so black
runs only over the files the emitter cannot vouch for (`vouched`); `generate --verify-format` runs
it over every file to prove the rule.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Any

LINE_LENGTH = 100


# Ends a line the emitter laid out knowing black leaves it as it is however long (a docstring's
# line, a word or a string that cannot be split): the mark is taken out before the file is written.
KEEP = "\x1f"

# What the emitter's layout does not decide alone: a control character or a tab (black has rules
# of its own for them), trailing whitespace.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1e\x7f]")


def width(text: str) -> int:
    """Columns of `text` as black counts them (`black.strings.str_width`, with its table)."""
    if text.isascii():
        return len(text)
    starts, table = _width_table()
    columns = 0
    for char in text:
        code = ord(char)
        i = bisect_right(starts, code) - 1
        columns += max(table[i][2], 0) if i >= 0 and code <= table[i][1] else 1
    return columns


@lru_cache(maxsize=1)
def _width_table() -> tuple[list[int], list[tuple[int, int, int]]]:
    """Black's width table (start, end, width) and its starts, read as data from black's source:
    importing black costs a third of a second, and most runs format nothing."""
    spec = importlib.util.find_spec("black")  # finds the package without importing it
    folders = (spec.submodule_search_locations or []) if spec else []
    try:
        if not folders:
            raise OSError("black's folder is not known")  # never a file of the current folder
        tree = ast.parse(Path(folders[0], "_width_table.py").read_text("utf-8"))
        table = next(
            ast.literal_eval(node.value)
            for node in tree.body
            if isinstance(node, ast.AnnAssign) and node.value is not None
        )
    except (OSError, StopIteration):  # installed without its sources
        from black._width_table import WIDTH_TABLE as table
    return [start for start, _, _ in table], table


def vouched(source: str) -> bool:
    """Whether `source`, as the templates laid it out, is black's own layout without asking black:
    every line not marked `KEEP` fits in the line length, and is as wide to black as it is long
    (the emitter lays out by length); no control character, tab or trailing space anywhere."""
    if _CONTROL.search(source) is not None or " \n" in source or f" {KEEP}\n" in source:
        return False
    lines = source.split("\n")
    if source.isascii() and max(map(len, lines)) <= LINE_LENGTH:
        return True
    for line in lines:
        if line.endswith(KEEP):
            continue
        if len(line) > LINE_LENGTH or (not line.isascii() and width(line) != len(line)):
            return False
    return True


def black_source(source: str, name: str) -> tuple[str, bool]:
    """`source` as black writes it, and whether black had to run for it."""
    if vouched(source):
        return source.replace(KEEP, ""), False
    return format_python(source.replace(KEEP, ""), name), True


class InvalidOutput(Exception):
    """A template produced text that is not Python: a bug in the generator, not in the pages."""


@lru_cache(maxsize=1)
def _black() -> tuple[Any, Any]:
    """Black and its mode, imported on first use: a run with nothing to format never pays for it.
    One mode object for every call, since black caches its work per mode."""
    import black

    return black, black.Mode(target_versions={black.TargetVersion.PY311}, line_length=LINE_LENGTH)


def format_python(source: str, name: str) -> str:
    """Black-formatted source; a template bug that produces invalid Python fails here, named."""
    black, mode = _black()
    try:
        return str(black.format_str(source, mode=mode))
    except black.InvalidInput as error:
        raise InvalidOutput(f"generated {name} is not valid Python: {error}") from None
