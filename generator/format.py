"""Black, in-process and pinned by the project's dependencies, so output does not depend on the machine."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

LINE_LENGTH = 100


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
