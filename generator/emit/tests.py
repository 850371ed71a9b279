"""The tests emitter: `tests/` with one pytest module per group, driven by the pages' samples."""

from __future__ import annotations

from functools import partial

from ..model import Api, ObjectType, TypeRef
from .pyparts import PyGroup, PyMethod, PyPackage
from .render import Job, key_of, render, render_file
from .testview import samples_path, tests_of_group


def test_jobs(view: PyPackage, api: Api, groups: list[str]) -> list[Job]:
    """The conftest, then one job per group writing its test module and its samples file;
    `groups` are the view's `group_keys`."""
    types = api.types
    models = {m.name: m.cls for m in view.models}
    jobs: list[Job] = [
        Job(partial(render_file, "tests/conftest.py", "tests/conftest.py.j2", package=view)),
        Job(partial(render_file, "tests/test_client.py", "tests/test_client.py.j2", package=view)),
    ]
    type_keys: dict[str, str] = {}  # each type printed once, for all the groups that reach it
    for group, group_key in zip(view.groups, groups, strict=True):
        # A group's tests are given only the types its operations reach, so that its key need
        # name no other: a page's type edited renders again only the tests that can show it.
        reached = _reached(group, types)
        named = {name: models[name] for name in reached if name in models}
        for name, object_type in reached.items():
            if name not in type_keys:  # named by what it was made from, where the model knows
                type_keys[name] = key_of(api.type_sources.get(name) or object_type)
        key = key_of(view.name, group_key, [type_keys[name] for name in reached], named)
        render_tests = partial(_group_tests, view, group, reached, named)
        jobs.append(Job(render_tests, key, _paths(group)))
    return jobs


def _reached(group: PyGroup, types: dict[str, ObjectType]) -> dict[str, ObjectType]:
    """The types a group's operations name (parameters, bodies, results) and those theirs name,
    by name."""
    refs = [ref for method in group.methods for ref in _refs(method)]
    found: dict[str, ObjectType] = {}
    while refs:
        ref = refs.pop()
        if ref.item is not None:
            refs.append(ref.item)
        object_type = types.get(ref.name) if ref.kind == "named" else None
        if object_type is not None and ref.name not in found:
            found[ref.name] = object_type
            refs.extend(prop.type for prop in object_type.properties)
    return dict(sorted(found.items()))


def _refs(method: PyMethod) -> list[TypeRef]:
    op = method.op
    refs = [arg.type for arg in method.args]  # the parameters, the body or its fields
    refs += [op.result, op.body.type if op.body is not None else None]
    return [ref for ref in refs if ref is not None]


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
