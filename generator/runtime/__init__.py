"""The generated package's runtime: ordinary modules, copied verbatim into every generated
package beside its groups and models (`emit/client.py`), and type-checked here where they live.

They import each other relatively and find the package they are in by their own ``__name__``, so
nothing in them depends on the package's name. The generator imports two helpers from them, so
that it works out names and wire values exactly as the client does: `_model.wire_name` and
`_values.text`.
"""

from __future__ import annotations

from pathlib import Path

_FOLDER = Path(__file__).resolve().parent


def modules() -> dict[str, str]:
    """Each runtime module's file name and text, as copied into a generated package."""
    return {name: (_FOLDER / name).read_text("utf-8") for name in names()}


def names() -> list[str]:
    """The runtime modules' file names, sorted."""
    return sorted(p.name for p in _FOLDER.glob("*.py") if p.name != "__init__.py")
