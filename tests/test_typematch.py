"""Anonymous types (an `array` or `object` result or body with only a property table) matched to
the named types the reference describes with the same table."""

from __future__ import annotations

from itertools import permutations

import pytest

from generator.build import build_api
from generator.emit.pyparts import PyMethod
from generator.emit.pyview import python_view
from generator.model import Api, Operation, ParsedPage, TypeRef
from tests.pages import groups_of, page, parse, table

PROPS = "| Property Name | Type |  Description |"
STATUS = "## Response:\n\n| Response | Description |\n|---|---|\n| 200 | OK |"
ROWS = ("| Id | int32 | Key |", "| Name | string | |", "| When | date-time | |")


def _page(uid: str, *sections: str, method: str = "POST") -> str:
    front = f"---\nuid: {uid}\n---\n\n"
    endpoint = f"```http\n{method} /api/v1/Agents/Demo/{uid}\n```\n\n"
    return page(*sections, front=front, endpoint=endpoint)


def _returning(uid: str, result: str, *rows: str, file: str = "") -> ParsedPage:
    text = _page(uid, STATUS, f"### Response body: {result}", table(PROPS, *rows))
    return parse(text, name=file or f"{uid}.md")


def _operation(api: Api, name: str) -> Operation:
    return next(op for op in api.operations if op.name == name)


def _method(api: Api, name: str) -> PyMethod:
    return next(m for group in groups_of(api) for m in group.methods if m.op.name == name)


def _model_classes(api: Api) -> list[str]:
    return [m.cls for m in python_view(api, "demo").models]


def test_an_anonymous_array_item_with_a_named_types_table_is_that_type() -> None:
    listed = _returning("v1AAgent_GetThings", "array", *reversed(ROWS))  # row order does not matter
    api, diagnostics = build_api([_returning("v1AAgent_GetThing", "Thing", *ROWS), listed])
    assert diagnostics == []
    assert api.matched == {"AAgentGetThingsItem": "Thing"}
    assert _operation(api, "GetThings").result == TypeRef(
        "array", item=TypeRef("named", name="Thing")
    )
    method = _method(api, "GetThings")
    assert (method.returns, method.result) == ("list[Thing]", "_LIST_THING")
    codecs = [c for group in groups_of(api) for c in group.codecs]
    assert ("_LIST_THING", "_m.Codec[list[Thing]]", '_m.list_of(_m.model("Thing"))') in codecs
    assert _model_classes(api) == ["Thing"]  # no class for the anonymous type
    assert (
        listed.operation is not None and listed.operation.result is not None
    )  # the parsed page (cached) is left as it was
    assert listed.operation.result.item == TypeRef("named", name="AAgentGetThingsItem")


def test_an_anonymous_object_result_and_body_are_matched_too() -> None:
    body = _page(
        "v1AAgent_SaveThing",
        "## Request Body: thing",
        table(PROPS, *ROWS),
        STATUS,
        "### Response body: object",
        table(PROPS, *ROWS),
    )
    api, _ = build_api(
        [parse(body, name="save.md"), _returning("v1AAgent_GetThing", "Thing", *ROWS)]
    )
    assert api.matched == {"AAgentSaveThingResult": "Thing", "AAgentSaveThingThing": "Thing"}
    method = _method(api, "SaveThing")
    assert (
        method.returns == "Thing"
        and method.body is not None
        and method.body.hint == "Thing | dict[str, Any]"
    )
    assert _model_classes(api) == ["Thing"]


def test_an_agents_argument_carrier_is_never_matched() -> None:
    carrier = _page(
        "v1AAgent_Store",
        "## Request Body: request",
        table(PROPS, *ROWS),
        STATUS,
        "### Response body: Thing",
        table(PROPS, *ROWS),
    )
    api, _ = build_api([parse(carrier)])
    assert api.matched == {}
    assert [a.wire for a in _method(api, "Store").fields] == ["Id", "Name", "When"]


@pytest.mark.parametrize(
    "rows",
    [
        pytest.param((*ROWS, "| More | string | |"), id="one property more"),
        pytest.param(ROWS[:2], id="one property less"),
        pytest.param((ROWS[0], "| Name | int32 | |", ROWS[2]), id="a property of another type"),
        pytest.param((ROWS[0], "| name | string | |", ROWS[2]), id="a wire name in another case"),
    ],
)
def test_a_table_that_differs_keeps_its_invented_name(rows: tuple[str, ...]) -> None:
    api, _ = build_api(
        [
            _returning("v1AAgent_GetThing", "Thing", *ROWS),
            _returning("v1AAgent_GetThings", "array", *rows),
        ]
    )
    assert api.matched == {}
    assert _method(api, "GetThings").returns == "list[AAgentGetThingsItem]"
    assert _model_classes(api) == ["AAgentGetThingsItem", "Thing"]


def test_an_undocumented_property_type_is_compatible_and_takes_the_named_types() -> None:
    rows = (ROWS[0], ROWS[1], "| When |  | |")  # the type column left empty, as real pages do
    api, _ = build_api(
        [
            _returning("v1AAgent_GetThing", "Thing", *ROWS),
            _returning("v1AAgent_GetThings", "array", *rows),
        ]
    )
    assert api.matched == {"AAgentGetThingsItem": "Thing"}
    assert api.types["Thing"].properties[2].type.kind == "datetime"


def test_the_named_type_is_taken_as_all_its_pages_describe_it() -> None:
    """`Thing` is {Id, Name} on one page and {Id, When} on another: it is {Id, Name, When}."""
    pages = [
        _returning("v1AAgent_GetThing", "Thing", ROWS[0], ROWS[1]),
        _returning("v1AAgent_GetThingToo", "Thing", ROWS[0], ROWS[2]),
        _returning("v1AAgent_GetThings", "array", *ROWS),
        _returning(
            "v1AAgent_GetSome", "array", ROWS[0], ROWS[1]
        ),  # one page's table, not the type: no match
    ]
    results = set()
    for order in permutations(pages):
        api, _ = build_api(order)
        results.add(
            (
                tuple(api.matched.items()),
                tuple(api.types),
                tuple(str(op.result) for op in api.operations),
            )
        )
    assert results == {
        (
            (("AAgentGetThingsItem", "Thing"),),
            ("AAgentGetSomeItem", "Thing"),
            ("array<AAgentGetSomeItem>", "Thing", "Thing", "array<Thing>"),
        )
    }


def test_among_named_types_with_the_same_table_the_first_by_name_is_used() -> None:
    pages = [
        _returning("v1AAgent_GetZeta", "Zeta", *ROWS),
        _returning("v1AAgent_GetAlpha", "Alpha", *ROWS),
        _returning("v1AAgent_GetThings", "array", *ROWS),
    ]
    for order in (pages, pages[::-1]):
        api, _ = build_api(order)
        assert api.matched == {"AAgentGetThingsItem": "Alpha"}
