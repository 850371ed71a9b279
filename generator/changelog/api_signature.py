"""The API signature: what the generated client exposes, reduced to JSON-able data (operations
keyed by uid: method, path, arguments, body, result; models keyed by name: their fields), each
element with the `file:line` it was read from."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import Location
from ..manifest import Kept
from ..model import Api, Body, ObjectType, Operation, Property, TypeRef


def at_file(location: Location) -> str:
    return f"{location.file}:{location.line}"


def at_path(location: Location) -> str:
    return f"{location.path}:{location.line}"


def signature(
    api: Api, where: Callable[[Location], str] = at_file, reuse: Reuse | None = None
) -> dict[str, Any]:
    """What the generated client exposes, located with `where` (default: the file below the docs
    folder, so the signature is the same wherever the pages are read from). An entry `reuse`
    holds, made from the same sources, is taken from it instead of being made again."""
    carriers = api.carriers
    operations = {}
    for op in sorted(api.operations, key=lambda o: o.uid):
        kept = reuse.entry("operations", op.uid) if reuse is not None else None
        operations[op.uid] = kept if kept is not None else _operation(api, op, where)
    types = {}
    for name, object_type in api.types.items():
        if name in carriers:
            continue
        kept = reuse.entry("types", name) if reuse is not None else None
        types[name] = kept if kept is not None else _object_type(object_type, where)
    return {"operations": operations, "types": dict(sorted(types.items()))}


def _operation(api: Api, op: Operation, where: Callable[[Location], str]) -> dict[str, Any]:
    params = [["path", p.name, *_type(p.type), True, where(p.location)] for p in op.path_params]
    params += [
        ["query", p.name, *_type(p.type), p.required, where(p.location)] for p in op.query_params
    ]
    body = None
    if op.body is not None and op.body.spread:
        params += [
            ["body", p.name, *_type(p.type), p.required, where(p.location)]
            for p in _spread(api, op.body)
        ]
    elif op.body is not None:
        body = [op.body.name, *_type(op.body.type), where(op.body.location)]
    return {
        "method": op.method,
        "path": op.path,
        "at": where(op.location),
        "params": params,
        "body": body,
        "result": list(_type(op.result)) if op.result is not None else None,
    }


def _spread(api: Api, body: Body) -> list[Property]:
    """The properties a spread body's arguments are: its page's table, else its type's."""
    if body.properties:
        return body.properties
    return api.types[body.type.name].properties if body.type.name in api.types else []


def _object_type(object_type: ObjectType, where: Callable[[Location], str]) -> dict[str, Any]:
    return {
        "at": where(object_type.location),
        "documented": object_type.documented,
        "properties": {p.name: [*_type(p.type), where(p.location)] for p in object_type.properties},
    }


def entry_sources(api: Api) -> dict[str, dict[str, str]]:
    """What each entry of the signature (at `at_file`) is made from, where every page it comes
    from has its source (`Api.op_sources`, `Api.type_sources`): the same source, the same entry.
    An operation's is its own, and its type's when a spread body takes that type's properties."""
    operations = {}
    for op in api.operations:
        source = api.op_sources.get(op.uid)
        if source and op.body is not None and op.body.spread and not op.body.properties:
            name = op.body.type.name
            spread = api.type_sources.get(name) if name in api.types else "none"
            source = f"{source} {spread}" if spread else None
        if source:
            operations[op.uid] = _digest(source)
    carriers = api.carriers
    types = {
        name: _digest(source) for name, source in api.type_sources.items() if name not in carriers
    }
    return {"operations": operations, "types": types}


def _digest(source: str) -> str:
    return hashlib.sha256(source.encode()).hexdigest()


@dataclass
class Reuse:
    """The last run's signature entries, as its output's manifest holds them, for those made from
    the same sources now (`entry_sources`): `signature` takes them (`Kept`, their lines) instead
    of making them again, and the manifest writes them as they were."""

    sources: dict[str, dict[str, str]]  # this run's `entry_sources`
    last_sources: dict[str, dict[str, str]]  # the last run's
    lines: dict[str, dict[str, str]]  # the last manifest's API entries as written
    taken: dict[str, dict[str, Kept]] = field(default_factory=dict)

    def entry(self, section: str, key: str) -> Kept | None:
        """The last run's entry, when it was made from the same sources and written as a line;
        else None."""
        source = self.sources[section].get(key)
        line = self.lines.get(section, {}).get(key)
        if source is None or line is None or source != self.last_sources.get(section, {}).get(key):
            return None
        kept = self.taken.setdefault(section, {})[key] = Kept(line)
        return kept

    def last(self) -> dict[str, Any] | None:
        """The last run's signature, to compare this run's with: the entries taken as they were
        taken, the others parsed from their lines (None when one is not JSON)."""
        try:
            return {
                section: {
                    key: self.taken.get(section, {}).get(key) or json.loads(line)
                    for key, line in entries.items()
                }
                for section, entries in self.lines.items()
            }
        except (ValueError, RecursionError):
            return None


def _type(ref: TypeRef) -> tuple[str, str]:
    """(as documented, its kind) of a type: ('int32', 'integer'), ('array<Ticket>', 'array')."""
    return str(ref), ref.kind
