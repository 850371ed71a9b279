"""Example JSON values for documented types, and whether a sample's value fits its type.

Emitters use these where a page has no sample, or a sample that contradicts its own tables. Each
type kind is handled through one entry of `EXAMPLES` and one of `FITS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .model import ObjectType, TypeKind, TypeRef

Types = dict[str, ObjectType]


def example(ref: TypeRef, types: Types, depth: int = 0) -> Any:
    """A JSON value of type `ref`; nested named types are filled two levels deep, then null."""
    return EXAMPLES[ref.kind](ref, types, depth)


def fits(value: Any, ref: TypeRef, types: Types) -> bool:
    """Whether a JSON value has the shape `ref` documents (null fits anything but a named type)."""
    if value is None and ref.kind != "named":
        return True
    return FITS[ref.kind](value, ref, types)


def _fixed(value: Any) -> Callable[[TypeRef, Types, int], Any]:
    return lambda ref, types, depth: value


def _array_example(ref: TypeRef, types: Types, depth: int) -> Any:
    return [example(ref.item, types, depth)] if ref.item and ref.item.kind != "any" else ["text"]


def _named_example(ref: TypeRef, types: Types, depth: int) -> Any:
    object_type = types.get(ref.name)
    if object_type is None or not object_type.documented or depth >= 2:
        return None if depth else {}
    return {p.name: example(p.type, types, depth + 1) for p in object_type.properties}


EXAMPLES: dict[TypeKind, Callable[[TypeRef, Types, int], Any]] = {
    "string": _fixed("text"),
    "integer": _fixed(1),
    "number": _fixed(1.5),
    "boolean": _fixed(True),
    "datetime": _fixed("2024-05-06T07:08:09.1234567+02:00"),
    "binary": _fixed("binary"),
    "object": lambda ref, types, depth: {"key": "value"},
    "array": _array_example,
    "named": _named_example,
    "enum": lambda ref, types, depth: ref.values[0] if ref.values else "value",
    "any": lambda ref, types, depth: {"key": "value"},
}


def _is(*kinds: type) -> Callable[[Any, TypeRef, Types], bool]:
    """A value of one of these Python types, `bool` only where it is named (it is an int too)."""
    return lambda value, ref, types: isinstance(value, kinds) and (
        bool in kinds or not isinstance(value, bool)
    )


FITS: dict[TypeKind, Callable[[Any, TypeRef, Types], bool]] = {
    "string": _is(str),
    "integer": _is(int),
    "number": _is(int, float),
    "boolean": _is(bool),
    "datetime": _is(str),
    "binary": lambda value, ref, types: True,  # not JSON: nothing to check
    "object": _is(dict),
    "array": lambda value, ref, types: isinstance(value, list)
    and all(fits(v, ref.item or TypeRef("any"), types) for v in value),
    "named": _is(dict),
    "enum": _is(str),
    "any": lambda value, ref, types: True,
}
