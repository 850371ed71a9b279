"""Where the generator's templates are: inside the installed package (from a wheel), or beside it
in a source checkout, where they live in the project's top-level `templates/` folder."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "templates"
TEMPLATES = _PACKAGED if _PACKAGED.is_dir() else _PACKAGED.parent.parent / "templates"
