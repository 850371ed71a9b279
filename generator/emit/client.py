"""The client package emitter: `<package>/` with its runtime, groups and models, and a pyproject."""

from __future__ import annotations

from .pyview import PyPackage
from .render import render


def client_files(view: PyPackage) -> dict[str, str]:
    """Relative path → unformatted source, for the installable package."""
    root = view.name
    files = {
        "pyproject.toml": render("project/pyproject.toml.j2", package=view),
        f"{root}/__init__.py": render("package/__init__.py.j2", package=view),
        f"{root}/py.typed": "",
        f"{root}/_client.py": render("package/_client.py.j2", package=view),
        f"{root}/_model.py": render("package/_model.py.j2", package=view),
        f"{root}/_runtime.py": render("package/_runtime.py.j2", package=view),
        f"{root}/groups/__init__.py": render("package/groups/__init__.py.j2", package=view),
        f"{root}/models/__init__.py": render("package/models/__init__.py.j2", package=view),
    }
    for group in view.groups:
        files[f"{root}/groups/{group.module}.py"] = render("package/groups/group.py.j2", package=view, group=group)
    for model in view.models:
        files[f"{root}/models/{model.module}.py"] = render("package/models/model.py.j2", package=view, model=model)
    return files
