"""What the render jobs render from, and their keys: the view, the fillers that complete its
groups and models when a job renders them (`pyview.GroupMethods`, `pyview.ModelFields`), and a
key for each group, model and type, the digest of all a job's files are made of. Where the model
knows what an operation or a type was made from (`Api.op_sources`, `Api.type_sources`), a key
names it by that instead of printing it, so that keying a run's jobs neither fills in nor prints
the groups and models it does not render."""

from __future__ import annotations

from ..model import Api, ObjectType, Operation, TypeRef
from .pyparts import PyGroup, PyModel, PyPackage
from .pyview import GroupMethods, ModelFields
from .render import key_of


class JobInputs:
    def __init__(self, view: PyPackage, api: Api) -> None:
        self.view = view
        self.api = api
        self.groups = GroupMethods(view, api)
        self.models = ModelFields(view, api.types)
        # All a group's or a model's annotations take from outside its own pages: every model's
        # name, class and module, and which types are documented.
        self.names = key_of(self.models.names_key())
        # The key of the files made from the package's names alone (its pyproject, `__init__`,
        # client, models' index, runtime, conftest, ...): its name and version, every group's
        # names and every model's.
        self.package = key_of(
            view.name,
            view.version,
            [
                (g.name, g.cls, g.async_cls, g.raw_cls, g.async_raw_cls, g.module, g.accessor)
                for g in view.groups
            ],
            self.names,
        )
        self._types: dict[str, str] = {}
        self._reached: dict[str, dict[str, ObjectType]] = {}

    def type_key(self, name: str) -> str:
        """A type's key, named by its sources where known, else printed (each once a run)."""
        if name not in self._types:
            source = self.api.type_sources.get(name)
            self._types[name] = key_of(source or self.api.types[name])
        return self._types[name]

    def reached(self, group: PyGroup) -> dict[str, ObjectType]:
        """The types a group's operations name (parameters, bodies, results) and those theirs
        name (an agent's argument carrier: its properties), by name."""
        if group.name not in self._reached:
            self._reached[group.name] = _reached(self.groups.operations[group.name], self.api.types)
        return self._reached[group.name]

    def group_key(self, group: PyGroup) -> str:
        """A group's key: its names, its operations' sources, the names and the types they reach
        (what `GroupMethods` fills it in from); without every source, the group filled in."""
        sources = [self.api.op_sources.get(op.uid) for op in self.groups.operations[group.name]]
        if not all(sources):
            return key_of(self.groups(group))
        types = [self.type_key(name) for name in self.reached(group)]
        return key_of(group, sources, self.names, types)

    def model_key(self, model: PyModel) -> str:
        """A model's key: its type's sources and the names (what `ModelFields` fills it in from);
        without its type's sources, the model filled in."""
        source = self.api.type_sources.get(model.name)
        return key_of(model, source, self.names) if source else key_of(self.models(model))


def _reached(operations: list[Operation], types: dict[str, ObjectType]) -> dict[str, ObjectType]:
    refs: list[TypeRef] = []
    for op in operations:
        refs += [p.type for p in op.path_params + op.query_params]
        refs += [ref for ref in (op.result, op.body.type if op.body else None) if ref is not None]
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
