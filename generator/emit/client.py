"""The client package emitter: `<package>/` with its runtime (copied as it is from
`generator/runtime/`), groups and models, and a pyproject."""

from __future__ import annotations

from functools import partial

from ..runtime import modules
from ..runtime import names as runtime_names
from .inputs import JobInputs
from .pyparts import PyGroup, PyModel, PyPackage
from .pyview import GroupMethods, ModelFields, readme_calls
from .render import Job, key_of, render_file


def group_keys(inputs: JobInputs) -> list[str]:
    """Each group's key, made once for the keys of both its jobs (client, tests)."""
    return [inputs.group_key(group) for group in inputs.view.groups]


def client_jobs(inputs: JobInputs, groups: list[str]) -> list[Job]:
    """One job per output file of the installable package; each renders it when called.
    `groups` are the `group_keys`."""
    view = inputs.view
    root = view.name
    jobs = [Job(partial(_readme, view, inputs.groups))]  # its examples: the groups' methods
    for path, template in (
        ("pyproject.toml", "project/pyproject.toml.j2"),
        (f"{root}/__init__.py", "package/__init__.py.j2"),
        (f"{root}/py.typed", "package/py.typed.j2"),
        (f"{root}/_client.py", "package/_client.py.j2"),
        (f"{root}/_version.py", "package/_version.py.j2"),
        (f"{root}/groups/__init__.py", "package/groups/__init__.py.j2"),
        (f"{root}/models/__init__.py", "package/models/__init__.py.j2"),
    ):
        render = partial(render_file, path, template, package=view)
        jobs.append(Job(render, key_of(path, inputs.package), (path,)))
    runtime = tuple(f"{root}/{name}" for name in runtime_names())
    jobs.append(Job(partial(_runtime, root), key_of(runtime, inputs.package), runtime))
    for group, group_key in zip(view.groups, groups, strict=True):
        path = f"{root}/groups/{group.module}.py"
        render = partial(_group_file, path, view, inputs.groups, group)
        jobs.append(Job(render, key_of(path, group_key), (path,)))
    for model in view.models:
        path = f"{root}/models/{model.module}.py"
        render = partial(_model_file, path, view, inputs.models, model)
        jobs.append(Job(render, key_of(path, inputs.model_key(model)), (path,)))
    return jobs


def _readme(view: PyPackage, fill: GroupMethods) -> dict[str, str]:
    paged, example = readme_calls(view, fill)
    return render_file(
        "README.md", "project/README.md.j2", package=view, paged=paged, example=example
    )


def _group_file(path: str, view: PyPackage, fill: GroupMethods, group: PyGroup) -> dict[str, str]:
    return render_file(path, "package/groups/group.py.j2", package=view, group=fill(group))


def _model_file(path: str, view: PyPackage, fill: ModelFields, model: PyModel) -> dict[str, str]:
    return render_file(path, "package/models/model.py.j2", package=view, model=fill(model))


def _runtime(root: str) -> dict[str, str]:
    return {f"{root}/{name}": text for name, text in modules().items()}
