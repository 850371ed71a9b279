"""Black, in-process and pinned by the project's dependencies, so output does not depend on the machine."""

from __future__ import annotations

import black

LINE_LENGTH = 100
_MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=LINE_LENGTH)


def format_python(source: str, name: str) -> str:
    """Black-formatted source; a template bug that produces invalid Python fails here, named."""
    try:
        return black.format_str(source, mode=_MODE)
    except black.InvalidInput as error:
        raise RuntimeError(f"generated {name} is not valid Python: {error}") from None
