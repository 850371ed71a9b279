"""TypeRef → the Python annotation and codec the templates print, collecting what each module
must import. Each type kind is handled through one entry of `HINTS` and one of `CODECS`."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import ObjectType, TypeKind, TypeRef
from ..naming import Namespace, snake
from .literals import py_literal
from .pyparts import PyModel


class Hints:
    """One module's annotations and codecs: what it imports, its codec constants."""

    def __init__(self, models: dict[str, PyModel], types: dict[str, ObjectType]) -> None:
        self.models = models
        self.types = types
        self.typing: set[str] = set()
        self.datetime = False
        self.sequence = False
        self.select = False
        self.codecs: dict[str, tuple[str, str, str]] = {}  # by hint: (name, annotation, expression)
        self.codec_names = Namespace()
        self.refs: set[tuple[str, str]] = set()

    def model(self, ref: TypeRef) -> PyModel | None:
        """The model class of a named type that a property table documents."""
        if ref.kind != "named":
            return None
        documented = self.types.get(ref.name)
        return (
            self.models.get(ref.name) if documented is not None and documented.documented else None
        )

    def hint(self, ref: TypeRef, wire_form: bool = False) -> str:
        """The annotation; `wire_form` also admits the JSON form (ISO text, dicts), for arguments."""
        return HINTS[ref.kind](self, ref, wire_form)

    def codec(self, ref: TypeRef) -> str:
        """The codec expression that decodes a JSON value of this type; "" for plain JSON."""
        return CODECS[ref.kind](self, ref)

    def result(self, ref: TypeRef, hint: str) -> str:
        """The typed codec a method passes to `_request`, so that its result has the type `hint`:
        the runtime's own when typed already, else a module constant annotated with it."""
        expression = self.codec(ref) or "_m.JSON"
        if expression in ("_m.DATETIME", "_m.JSON") and hint in ("datetime", "Any"):
            return expression
        if hint not in self.codecs:
            name = self.codec_names.claim("_" + snake(re.sub(r"\W+", "_", hint)).upper())
            self.codecs[hint] = (name, f"_m.Codec[{hint}]", expression)
            # the template lays the line out as black does: split inside the outer call
        return self.codecs[hint][0]

    def any(self, text: str) -> str:
        """`text`, which names `Any`."""
        self.typing.add("Any")
        return text


def _plain(text: str) -> Callable[[Hints, TypeRef, bool], str]:
    return lambda hints, ref, wire_form: text


def _enum(hints: Hints, ref: TypeRef, wire_form: bool) -> str:
    if not (wire_form and ref.values):
        return "str"
    hints.typing.add("Literal")  # open: a value the page does not list is still a str
    values = ", ".join(py_literal(v) for v in dict.fromkeys(ref.values))
    return f"Literal[{values}] | str"


def _datetime(hints: Hints, ref: TypeRef, wire_form: bool) -> str:
    hints.datetime = True
    return "datetime | str" if wire_form else "datetime"


def _array(hints: Hints, ref: TypeRef, wire_form: bool) -> str:
    hints.sequence = hints.sequence or wire_form
    inner = hints.hint(ref.item or TypeRef("any"), wire_form)
    return f"Sequence[{inner}]" if wire_form else f"list[{inner}]"


def _named(hints: Hints, ref: TypeRef, wire_form: bool) -> str:
    py_model = hints.model(ref)
    if py_model is None:  # known only by name: plain JSON
        return hints.any("dict[str, Any]")
    hints.refs.add((py_model.module, py_model.cls))
    return hints.any(f"{py_model.cls} | dict[str, Any]") if wire_form else py_model.cls


HINTS: dict[TypeKind, Callable[[Hints, TypeRef, bool], str]] = {
    "string": _plain("str"),
    "integer": _plain("int"),
    "number": _plain("float"),
    "boolean": _plain("bool"),
    "datetime": _datetime,
    "binary": _plain("bytes"),
    "object": lambda hints, ref, wire_form: hints.any("dict[str, Any]"),
    "array": _array,
    "named": _named,
    "enum": _enum,
    "any": lambda hints, ref, wire_form: hints.any("Any"),
}


def _array_codec(hints: Hints, ref: TypeRef) -> str:
    inner = hints.codec(ref.item) if ref.item is not None else ""
    return f"_m.list_of({inner})" if inner else ""


def _named_codec(hints: Hints, ref: TypeRef) -> str:
    py_model = hints.model(ref)
    return f"_m.model({py_literal(py_model.cls)})" if py_model is not None else ""


def _json(hints: Hints, ref: TypeRef) -> str:
    return ""  # decoded as plain JSON: the value is its own Python value


CODECS: dict[TypeKind, Callable[[Hints, TypeRef], str]] = {
    "string": _json,
    "integer": _json,
    "number": _json,
    "boolean": _json,
    "datetime": lambda hints, ref: "_m.DATETIME",
    "binary": _json,
    "object": _json,
    "array": _array_codec,
    "named": _named_codec,
    "enum": _json,
    "any": _json,
}


def property_type(ref: TypeRef) -> TypeRef:
    """Binary data inside JSON travels as text."""
    return TypeRef("string") if ref.kind == "binary" else ref
