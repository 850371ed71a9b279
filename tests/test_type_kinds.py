"""Every kind of type goes through one table per emitter, and every table knows every kind."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from generator.diagnostics import Location
from generator.emit.openapi import SCHEMAS, schema
from generator.emit.pyhints import CODECS, HINTS, Hints
from generator.emit.pyparts import PyModel
from generator.emit.testview import ARGUMENTS
from generator.examples import EXAMPLES, FITS, example, fits
from generator.model import ObjectType, Property, TypeKind, TypeRef

KINDS = get_args(TypeKind)
HERE = Location("docs", "page.md", 1)
TYPES = {
    "Ticket": ObjectType(
        "Ticket", [Property("Id", TypeRef("integer", "int32"), "", HERE)], "", HERE
    )
}
MODELS = {"Ticket": PyModel("Ticket", "Ticket", "ticket", "")}
REFS = {
    "string": TypeRef("string"),
    "integer": TypeRef("integer", "int64"),
    "number": TypeRef("number", "double"),
    "boolean": TypeRef("boolean"),
    "datetime": TypeRef("datetime"),
    "binary": TypeRef("binary"),
    "object": TypeRef("object"),
    "array": TypeRef("array", item=TypeRef("named", name="Ticket")),
    "named": TypeRef("named", name="Ticket"),
    "enum": TypeRef("enum", values=("Open", "Closed")),
    "any": TypeRef("any"),
}
TABLES: dict[str, dict[Any, Any]] = {
    "pyhints.HINTS": HINTS,
    "pyhints.CODECS": CODECS,
    "openapi.SCHEMAS": SCHEMAS,
    "testview.ARGUMENTS": ARGUMENTS,
    "examples.EXAMPLES": EXAMPLES,
    "examples.FITS": FITS,
}


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_handles_every_kind(table: str) -> None:
    assert set(TABLES[table]) == set(KINDS) == set(REFS)


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_through_each_table(kind: str) -> None:
    ref = REFS[kind]
    hints = Hints(MODELS, TYPES)
    annotation, argument = hints.hint(ref), hints.hint(ref, wire_form=True)
    assert annotation and argument
    assert isinstance(hints.codec(ref), str)
    assert isinstance(schema(ref), dict)
    value = example(ref, TYPES)
    assert fits(value, ref, TYPES), (kind, value)
    assert ARGUMENTS[kind]("1") in ("1", 1)


def test_the_tables_say_what_each_kind_is() -> None:
    hints = Hints(MODELS, TYPES)
    assert hints.hint(REFS["array"]) == "list[Ticket]"
    assert hints.hint(REFS["array"], wire_form=True) == "Sequence[Ticket | dict[str, Any]]"
    assert hints.hint(REFS["enum"], wire_form=True) == 'Literal["Open", "Closed"] | str'
    assert hints.codec(REFS["array"]) == '_m.list_of(_m.model("Ticket"))'
    assert hints.codec(REFS["datetime"]) == "_m.DATETIME" and hints.codec(REFS["integer"]) == ""
    assert schema(REFS["integer"]) == {"type": "integer", "format": "int64"}
    assert schema(REFS["binary"], in_json=False) == {"type": "string", "format": "binary"}
    assert schema(REFS["array"]) == {
        "type": "array",
        "items": {"$ref": "#/components/schemas/Ticket"},
    }
    assert not fits(True, REFS["integer"], TYPES) and fits(True, REFS["boolean"], TYPES)
    assert not fits("1", REFS["number"], TYPES) and fits(None, REFS["string"], TYPES)
    assert not fits(None, REFS["named"], TYPES)
    assert ARGUMENTS["integer"]("-3") == -3 and ARGUMENTS["boolean"]("True") is True
    assert ARGUMENTS["boolean"]("yes") == "yes"
