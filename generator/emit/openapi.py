"""The OpenAPI 3.1 emitter: the model as a spec other tools can read.

One operation per page (operationId = uid, tag = group), its parameters with `required` as
documented, the request body and every documented status with schemas and the pages' samples as
examples, and a component schema for every named type. `x-source` carries the file and line each
operation and schema was read from.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..diagnostics import Location
from ..model import Api, Body, ObjectType, Operation, Param, Property, TypeKind, TypeRef

REF = "#/components/schemas/"
# Headers the security schemes or OpenAPI itself cover (OpenAPI ignores Accept, Content-Type and
# Authorization header parameters).
_COVERED = {"authorization", "accept", "content-type", "so-apptoken"}
_SECURITY = {
    "basic": {
        "type": "http",
        "scheme": "basic",
        "description": "Authorization: Basic base64(user:password)",
    },
    "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "Authorization: Bearer <OAuth/OpenID token>",
    },
    "soticket": {
        "type": "http",
        "scheme": "SOTicket",
        "description": "Authorization: SOTicket <credentials ticket>",
    },
    "appToken": {
        "type": "apiKey",
        "in": "header",
        "name": "SO-AppToken",
        "description": "The partner application's token",
    },
}


def schema(ref: TypeRef, in_json: bool = True) -> dict[str, Any]:
    """The JSON schema of a documented type; binary is a string of bytes (base64 inside JSON)."""
    return SCHEMAS[ref.kind](ref, in_json)


def _fixed(out: dict[str, Any]) -> Callable[[TypeRef, bool], dict[str, Any]]:
    return lambda ref, in_json: dict(out)


SCHEMAS: dict[TypeKind, Callable[[TypeRef, bool], dict[str, Any]]] = {
    "string": _fixed({"type": "string"}),
    "integer": lambda ref, in_json: {"type": "integer", "format": ref.format or "int32"},
    "number": lambda ref, in_json: {"type": "number", "format": ref.format or "double"},
    "boolean": _fixed({"type": "boolean"}),
    "datetime": _fixed({"type": "string", "format": "date-time"}),
    "binary": lambda ref, in_json: {"type": "string", "format": "byte" if in_json else "binary"},
    "object": _fixed({"type": "object", "additionalProperties": True}),
    "array": lambda ref, in_json: {
        "type": "array",
        "items": schema(ref.item, in_json) if ref.item else {},
    },
    "named": lambda ref, in_json: {"$ref": REF + ref.name},
    "enum": lambda ref, in_json: (
        {"type": "string", "enum": list(ref.values)} if ref.values else {"type": "string"}
    ),
    "any": _fixed({}),
}


def _source(location: Location) -> dict[str, Any]:
    return {"file": location.file, "line": location.line}


def _parameter(param: Param, where: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": param.name,
        "in": where,
        "required": param.required or where == "path",
    }
    if param.description:
        out["description"] = param.description
    out["schema"] = schema(param.type)
    if param.example is not None:
        out["example"] = param.example
    return out


def _body_schema(body: Body, types: dict[str, ObjectType]) -> dict[str, Any]:
    """The body's schema as its page documents it. A body the build linked to the page's response
    type (for the client's sake) is described by its own table, inline."""
    target = body.type.item if body.type.kind == "array" and body.type.item else body.type
    own = types.get(target.name) if target.kind == "named" else None
    if not body.properties or (own is not None and own.inline):
        return schema(body.type)
    inline = _object_schema(body.properties)
    return {"type": "array", "items": inline} if body.type.kind == "array" else inline


def _request_body(op: Operation, types: dict[str, ObjectType]) -> dict[str, Any]:
    body: Body = op.body  # type: ignore[assignment]
    if body.type.kind == "binary":
        content = {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}
    else:
        media: dict[str, Any] = {"schema": _body_schema(body, types)}
        if op.request_sample is not None and op.request_sample.has_json:
            media["example"] = op.request_sample.body
        content = {"application/json": media}
    out: dict[str, Any] = {"required": True, "content": content}
    out["description"] = body.description or f"The {body.name} body."
    return out


def _responses(op: Operation) -> dict[str, Any]:
    if not op.statuses:
        return {"default": {"description": "The page documents no status codes."}}
    statuses = op.statuses
    codes = [s.code for s in statuses]
    described = {s.code: s.description for s in statuses}
    sample = op.response_sample
    out: dict[str, Any] = {}
    for code in codes:
        response: dict[str, Any] = {"description": described.get(code) or "Response"}
        if 200 <= code < 300 and code != 204 and op.result is not None:
            if op.result.kind == "binary":
                response["content"] = {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                }
            else:
                media: dict[str, Any] = {"schema": schema(op.result)}
                if (
                    sample is not None
                    and sample.has_json
                    and sample.body is not None
                    and code == codes[0]
                ):
                    media["example"] = sample.body
                response["content"] = {"application/json": media}
        out[str(code)] = response
    return out


def _operation(op: Operation, types: dict[str, ObjectType]) -> dict[str, Any]:
    out: dict[str, Any] = {"operationId": op.uid, "tags": [op.group]}
    if op.summary:
        out["summary"] = op.summary.split("\n")[0]
    description = "\n\n".join(part for part in (op.summary, op.description) if part)
    if description:
        out["description"] = description
    parameters = [_parameter(p, "path") for p in op.path_params]
    parameters += [_parameter(p, "query") for p in op.query_params]
    parameters += [_parameter(h, "header") for h in op.headers if h.name.lower() not in _COVERED]
    if parameters:
        out["parameters"] = parameters
    if op.body is not None:
        out["requestBody"] = _request_body(op, types)
    out["responses"] = _responses(op)
    out["x-source"] = _source(op.location)
    return out


def _component(object_type: ObjectType) -> dict[str, Any]:
    if not object_type.documented:
        note = f"{object_type.name}: known only by name; no page describes its properties."
        return {
            "type": "object",
            "additionalProperties": True,
            "description": note,
            "x-source": _source(object_type.location),
        }
    out = _object_schema(object_type.properties)
    if object_type.description:
        out["description"] = object_type.description
    out["x-source"] = _source(object_type.location)
    return out


def _object_schema(props: list[Property]) -> dict[str, Any]:
    properties = {}
    for prop in props:
        item = schema(prop.type)
        if prop.description:
            item = {**item, "description": prop.description}
        properties[prop.name] = item
    out: dict[str, Any] = {"type": "object", "properties": properties}
    required = [p.name for p in props if p.required]
    if required:
        out["required"] = required
    return out


def openapi_document(api: Api, title: str = "SuperOffice WebAPI") -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for op in sorted(api.operations, key=lambda o: (o.path, o.method, o.uid)):
        item = paths.setdefault(op.path, {})
        method = op.method.lower()
        if method in item:  # a second page for the same method and path: the linter reports it
            continue
        item[method] = _operation(op, api.types)
    groups = sorted({op.group for op in api.operations})
    auth = [["basic"], ["bearer"], ["soticket"]]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": title,
            "version": "v1",
            "description": "Generated from the API reference pages by superoffice-docs-generator.",
        },
        "servers": [
            {
                "url": "https://{host}/{tenant}",
                "description": "The tenant or site root; paths start with /api/v1/.",
                "variables": {
                    "host": {"default": "sod.superoffice.com"},
                    "tenant": {"default": "Cust12345"},
                },
            }
        ],
        "security": [
            {name: [] for name in scheme + extra} for extra in (["appToken"], []) for scheme in auth
        ],
        "tags": [{"name": group} for group in groups],
        "paths": paths,
        "components": {
            "schemas": {name: _component(t) for name, t in api.types.items()},
            "securitySchemes": _SECURITY,
        },
    }


def openapi_text(api: Api, as_yaml: bool = False) -> str:
    document = openapi_document(api)
    if as_yaml:
        import yaml

        return str(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100))
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
