"""Example JSON values for documented types, and whether a sample's value fits its type.

Emitters use these where a page has no sample, or a sample that contradicts its own tables.
"""

from __future__ import annotations

from typing import Any

from .model import ObjectType, TypeRef

_SCALAR_EXAMPLES: dict[str, Any] = {
    "string": "text",
    "enum": "",
    "integer": 1,
    "number": 1.5,
    "boolean": True,
    "datetime": "2024-05-06T07:08:09.1234567+02:00",
    "object": {"key": "value"},
    "any": {"key": "value"},
    "binary": "binary",
}


def example(ref: TypeRef, types: dict[str, ObjectType], depth: int = 0) -> Any:
    """A JSON value of type `ref`; nested named types are filled two levels deep, then null."""
    if ref.kind == "enum":
        return ref.values[0] if ref.values else "value"
    if ref.kind == "array":
        return [example(ref.item, types, depth)] if ref.item and ref.item.kind != "any" else ["text"]
    if ref.kind == "named":
        object_type = types.get(ref.name)
        if object_type is None or not object_type.documented or depth >= 2:
            return None if depth else {}
        return {p.name: example(p.type, types, depth + 1) for p in object_type.properties}
    return _SCALAR_EXAMPLES[ref.kind]


def fits(value: Any, ref: TypeRef, types: dict[str, ObjectType]) -> bool:
    """Whether a JSON value has the shape `ref` documents (null fits anything but a named type)."""
    kind = ref.kind
    if kind == "any" or value is None and kind != "named":
        return True
    if kind in ("string", "enum", "datetime"):
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "object":
        return isinstance(value, dict)
    if kind == "array":
        return isinstance(value, list) and all(fits(v, ref.item or TypeRef("any"), types) for v in value)
    if kind == "named":
        return isinstance(value, dict)
    return True
