"""The tests emitter: `tests/` with one pytest module per group, driven by the pages' samples."""

from __future__ import annotations

from functools import partial

from ..model import ObjectType
from .pyparts import PyGroup, PyPackage
from .render import Job, key_of, render, render_file
from .testview import samples_path, tests_of_group


def test_jobs(view: PyPackage, types: dict[str, ObjectType], groups: list[str]) -> list[Job]:
    """The conftest, then one job per group writing its test module and its samples file;
    `groups` are the view's `group_keys`."""
    models = {m.name: m.cls for m in view.models}
    jobs: list[Job] = [
        Job(partial(render_file, "tests/conftest.py", "tests/conftest.py.j2", package=view)),
        Job(partial(render_file, "tests/test_client.py", "tests/test_client.py.j2", package=view)),
    ]
    shared = key_of(view.name, types, models)  # example values come from every type
    for group, group_key in zip(view.groups, groups, strict=True):
        render_tests = partial(_group_tests, view, group, types, models)
        jobs.append(Job(render_tests, key_of(shared, group_key), _paths(group)))
    return jobs


def _paths(group: PyGroup) -> tuple[str, str]:
    """A group's test module and its samples file."""
    return f"tests/test_{group.module}.py", f"tests/{samples_path(group)}"


def _group_tests(
    view: PyPackage, group: PyGroup, types: dict[str, ObjectType], models: dict[str, str]
) -> dict[str, str]:
    module = tests_of_group(group, types, models)
    tests, samples = _paths(group)
    return {
        tests: render("tests/test_group.py.j2", package=view, module=module),
        samples: module.samples,
    }
