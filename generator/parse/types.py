"""Documented type names (`int32`, `Integer`, `date-time`, `Enum: A, B`, `Associate`, …) as TypeRefs."""

from __future__ import annotations

import re

from ..model import ANY, MAX_ARRAY_DEPTH, TypeRef

_SCALARS: dict[str, TypeRef] = {
    "string": TypeRef("string"),
    "str": TypeRef("string"),
    "guid": TypeRef("string", "uuid"),
    "int": TypeRef("integer", "int32"),
    "int16": TypeRef("integer", "int32"),
    "int32": TypeRef("integer", "int32"),
    "integer": TypeRef("integer", "int32"),
    "int64": TypeRef("integer", "int64"),
    "long": TypeRef("integer", "int64"),
    "bool": TypeRef("boolean"),
    "boolean": TypeRef("boolean"),
    "double": TypeRef("number", "double"),
    "float": TypeRef("number", "float"),
    "single": TypeRef("number", "float"),
    "decimal": TypeRef("number", "decimal"),
    "number": TypeRef("number", "double"),
    "date-time": TypeRef("datetime"),
    "datetime": TypeRef("datetime"),
    "date": TypeRef("datetime"),
    "byte": TypeRef("binary"),
    "byte[]": TypeRef("binary"),
    "binary": TypeRef("binary"),
    "stream": TypeRef("binary"),
    "object": TypeRef("object"),
    "dictionary": TypeRef("object"),
    "array": TypeRef("array", item=ANY),
    "": ANY,
}

_NAMED = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def parse_type(text: str) -> TypeRef | None:
    """The TypeRef a documented type name stands for; None when the text is not a type name."""
    text = text.strip()
    scalar = _SCALARS.get(text.lower())
    if scalar is not None:
        return scalar
    if text.lower().startswith("enum:"):
        values = tuple(v.strip() for v in text[5:].split(",") if v.strip())
        return TypeRef("enum", values=values)
    if text.endswith("[]"):
        base = text.rstrip("[] ")
        suffix = text[len(base) :].replace(" ", "")
        levels = len(suffix) // 2
        if suffix != "[]" * levels or levels > MAX_ARRAY_DEPTH:
            return None  # odd brackets, or arrays of arrays nested beyond anything real
        ref = parse_type(base)
        if ref is None:
            return None
        for _ in range(levels):
            ref = TypeRef("array", item=ref)
        return ref
    if _NAMED.match(text):
        return TypeRef("named", name=text)
    return None
