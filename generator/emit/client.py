"""The client package emitter: `<package>/` with its runtime (copied as it is from
`generator/runtime/`), groups and models, and a pyproject."""

from __future__ import annotations

from functools import partial

from ..model import Api
from ..runtime import modules
from .pyparts import PyModel, PyPackage
from .pyview import ModelFields
from .render import Job, key_of, render_file


def group_keys(view: PyPackage) -> list[str]:
    """Each group's view as a digest, printed once for the keys of both its jobs (client, tests)."""
    return [key_of(group) for group in view.groups]


def client_jobs(view: PyPackage, api: Api, groups: list[str]) -> list[Job]:
    """One job per output file of the installable package; each renders it when called.
    `groups` are the view's `group_keys`."""
    root = view.name
    jobs = [
        Job(partial(render_file, "pyproject.toml", "project/pyproject.toml.j2", package=view)),
        Job(partial(render_file, "README.md", "project/README.md.j2", package=view)),
        Job(partial(render_file, f"{root}/__init__.py", "package/__init__.py.j2", package=view)),
        Job(partial(render_file, f"{root}/py.typed", "package/py.typed.j2", package=view)),
        Job(partial(render_file, f"{root}/_client.py", "package/_client.py.j2", package=view)),
        Job(partial(render_file, f"{root}/_version.py", "package/_version.py.j2", package=view)),
        Job(
            partial(
                render_file,
                f"{root}/groups/__init__.py",
                "package/groups/__init__.py.j2",
                package=view,
            )
        ),
        Job(
            partial(
                render_file,
                f"{root}/models/__init__.py",
                "package/models/__init__.py.j2",
                package=view,
            )
        ),
        Job(partial(_runtime, root)),
    ]
    for group, group_key in zip(view.groups, groups, strict=True):
        path = f"{root}/groups/{group.module}.py"
        render = partial(render_file, path, "package/groups/group.py.j2", package=view, group=group)
        jobs.append(Job(render, key_of(path, group_key), (path,)))
    fill = ModelFields(view, api.types)
    names = key_of(fill.names_key())
    for model in view.models:
        path = f"{root}/models/{model.module}.py"
        render = partial(_model_file, path, view, fill, model)
        source = api.type_sources.get(model.name)  # what its type was made from, where known
        key = key_of(path, source, names) if source else key_of(path, fill(model))
        jobs.append(Job(render, key, (path,)))
    return jobs


def _model_file(path: str, view: PyPackage, fill: ModelFields, model: PyModel) -> dict[str, str]:
    return render_file(path, "package/models/model.py.j2", package=view, model=fill(model))


def _runtime(root: str) -> dict[str, str]:
    return {f"{root}/{name}": text for name, text in modules().items()}
