"""The tests emitter: `tests/` with one pytest module per group, driven by the pages' samples."""

from __future__ import annotations

from functools import partial

from ..model import ObjectType
from .inputs import JobInputs
from .pyparts import PyGroup, PyPackage
from .pyview import GroupMethods
from .render import Job, key_of, render, render_file
from .testview import samples_path, tests_of_group


def test_jobs(inputs: JobInputs, groups: list[str]) -> list[Job]:
    """The conftest, then one job per group writing its test module and its samples file;
    `groups` are the `group_keys`."""
    view = inputs.view
    models = {m.name: m.cls for m in view.models}
    jobs: list[Job] = [
        Job(
            partial(render_file, path, template, package=view),
            key_of(path, inputs.package),
            (path,),
        )
        for path, template in (
            ("tests/conftest.py", "tests/conftest.py.j2"),
            ("tests/test_client.py", "tests/test_client.py.j2"),
        )
    ]
    for group, group_key in zip(view.groups, groups, strict=True):
        # A group's tests are given only the types its operations reach, so that its key need
        # name no other: a page's type edited renders again only the tests that can show it.
        reached = inputs.reached(group)
        named = {name: models[name] for name in reached if name in models}
        key = key_of(view.name, group_key, [inputs.type_key(name) for name in reached], named)
        render_tests = partial(_group_tests, view, inputs.groups, group, reached, named)
        jobs.append(Job(render_tests, key, _paths(group)))
    return jobs


def _paths(group: PyGroup) -> tuple[str, str]:
    """A group's test module and its samples file."""
    return f"tests/test_{group.module}.py", f"tests/{samples_path(group)}"


def _group_tests(
    view: PyPackage,
    fill: GroupMethods,
    group: PyGroup,
    types: dict[str, ObjectType],
    models: dict[str, str],
) -> dict[str, str]:
    module = tests_of_group(fill(group), types, models)
    tests, samples = _paths(group)
    return {
        tests: render("tests/test_group.py.j2", package=view, module=module),
        samples: module.samples,
    }
