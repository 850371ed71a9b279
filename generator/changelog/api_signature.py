"""The API signature: what the generated client exposes, reduced to JSON-able data (operations
keyed by uid: method, path, arguments, body, result; models keyed by name: their fields), each
element with the `file:line` it was read from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..diagnostics import Location
from ..model import Api, TypeRef


def at_file(location: Location) -> str:
    return f"{location.file}:{location.line}"


def at_path(location: Location) -> str:
    return f"{location.path}:{location.line}"


def signature(api: Api, where: Callable[[Location], str] = at_file) -> dict[str, Any]:
    """What the generated client exposes, located with `where` (default: the file below the docs
    folder, so the signature is the same wherever the pages are read from)."""
    carriers = api.carriers
    operations = {}
    for op in sorted(api.operations, key=lambda o: o.uid):
        params = [["path", p.name, *_type(p.type), True, where(p.location)] for p in op.path_params]
        params += [
            ["query", p.name, *_type(p.type), p.required, where(p.location)]
            for p in op.query_params
        ]
        body = None
        if op.body is not None and op.body.spread:
            properties = op.body.properties or (
                api.types[op.body.type.name].properties if op.body.type.name in api.types else []
            )
            params += [
                ["body", p.name, *_type(p.type), p.required, where(p.location)] for p in properties
            ]
        elif op.body is not None:
            body = [op.body.name, *_type(op.body.type), where(op.body.location)]
        operations[op.uid] = {
            "method": op.method,
            "path": op.path,
            "at": where(op.location),
            "params": params,
            "body": body,
            "result": list(_type(op.result)) if op.result is not None else None,
        }
    types = {}
    for name, object_type in api.types.items():
        if name in carriers:
            continue
        types[name] = {
            "at": where(object_type.location),
            "documented": object_type.documented,
            "properties": {
                p.name: [*_type(p.type), where(p.location)] for p in object_type.properties
            },
        }
    return {"operations": operations, "types": dict(sorted(types.items()))}


def _type(ref: TypeRef) -> tuple[str, str]:
    """(as documented, its kind) of a type: ('int32', 'integer'), ('array<Ticket>', 'array')."""
    return str(ref), ref.kind
