"""The tests emitter: `tests/` with one pytest module per group, driven by the pages' samples."""

from __future__ import annotations

from ..model import ObjectType
from .pyview import PyPackage
from .render import render
from .testview import tests_of_group


def emitted_test_files(view: PyPackage, types: dict[str, ObjectType]) -> dict[str, str]:
    models = {m.name: (m.module, m.cls) for m in view.models}
    files = {"tests/conftest.py": render("tests/conftest.py.j2", package=view)}
    for group in view.groups:
        module = tests_of_group(group, types, models)
        files[f"tests/test_{group.module}.py"] = render("tests/test_group.py.j2", package=view, module=module)
        files[f"tests/samples/{group.module}.json"] = module.samples
    return files
