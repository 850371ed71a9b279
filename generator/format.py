"""Black, in-process and pinned by the project's dependencies, so output does not depend on the machine.

Every generated file is exactly what black makes of it. The templates emit black's layout, so black
runs only over the files the emitter cannot vouch for (`vouched`); `generate --verify-format` runs
it over every file to prove the rule.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

LINE_LENGTH = 100


# What the emitter's layout does not decide alone: a line over the limit (black may split it, or
# leave an unsplittable one), a control character or a tab (black has rules of its own for them),
# trailing whitespace, a character black may not count as one column.
_UNSURE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]| \n|\n(?=[^\n]{%d})" % (LINE_LENGTH + 1))
# Letters, digits, punctuation and symbols below U+2600 that are not East Asian wide: one column
# each in black's width table (checked against it for every such code point).
_NARROW = frozenset({"Lu", "Ll", "Lt", "Lm", "Lo", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"})


@lru_cache(maxsize=4096)
def _one_column(char: str) -> bool:
    return ord(char) < 0x2600 and unicodedata.category(char) in _NARROW and unicodedata.east_asian_width(char) not in "WF"


def vouched(source: str) -> bool:
    """Whether `source`, as the templates laid it out, is black's own layout without asking black."""
    if _UNSURE.search("\n" + source) is not None:
        return False
    return source.isascii() or all(_one_column(char) for char in set(source) if not char.isascii())


def black_source(source: str, name: str) -> tuple[str, bool]:
    """`source` as black writes it, and whether black had to run for it."""
    if vouched(source):
        return source, False
    return format_python(source, name), True


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
