"""Merging pages into one API: groups, the type registry, conflicts and duplicate uids."""

from __future__ import annotations

from generator.build import build_api
from tests.pages import page, parse, table

PROPS = "| Property Name | Type |  Description |"


def _page(uid: str, *props: str, result: str = "Thing") -> str:
    front = f"---\nuid: {uid}\n---\n\n"
    endpoint = f"```http\nPOST /api/v1/Agents/Demo/{uid}\n```\n\n"
    return page("## Response:", "| Response | Description |\n|---|---|\n| 200 | OK |", f"### Response body: {result}", table(PROPS, *props), front=front, endpoint=endpoint)


def test_operations_are_grouped_and_sorted() -> None:
    pages = [parse(_page(uid, "| Id | int32 | |"), name=f"{uid}.md") for uid in ["v1BAgent_Z", "v1AAgent_Y", "v1BAgent_A"]]
    api, _ = build_api(pages)
    assert [(g.name, [op.name for op in g.operations]) for g in api.groups] == [("AAgent", ["Y"]), ("BAgent", ["A", "Z"])]


def test_a_type_documented_on_several_pages_is_merged() -> None:
    one = parse(_page("v1AAgent_One", "| Id | int32 | Key |"), name="one.md")
    two = parse(_page("v1AAgent_Two", "| Id | int32 | Key |", "| Name | string | |"), name="two.md")
    api, diagnostics = build_api([one, two])
    assert [p.name for p in api.types["Thing"].properties] == ["Id", "Name"]
    assert diagnostics == []


def test_a_property_with_two_types_is_a_conflict_reported_at_both_places() -> None:
    one = parse(_page("v1AAgent_One", "| Id | int32 | Key |"), name="one.md")
    two = parse(_page("v1AAgent_Two", "| Id | string | Key |"), name="two.md")
    api, [conflict] = build_api([one, two])
    assert conflict.code == "type-conflict" and conflict.location.file == "two.md"
    assert "one.md" in conflict.message
    assert api.types["Thing"].properties[0].type.kind == "integer"


def test_types_only_named_stay_known_but_undocumented_and_are_reported_once() -> None:
    api, diagnostics = build_api([parse(_page("v1AAgent_One", "| Owner | Associate | |", "| Boss | Associate | |"))])
    assert api.types["Associate"].documented is False
    assert api.types["Thing"].documented is True
    assert [(d.code, d.location.line) for d in diagnostics] == [("undocumented-type", 22)]  # the Owner row


def test_two_pages_with_the_same_uid_are_an_error_naming_both() -> None:
    one = parse(_page("v1AAgent_One", "| Id | int32 | |"), name="one.md")
    two = parse(_page("v1AAgent_One", "| Id | int32 | |"), name="two.md")
    api, [error] = build_api([one, two])
    assert (error.severity, error.code, error.location.file) == ("error", "duplicate-uid", "two.md")
    assert "one.md" in error.message
    assert len(api.operations) == 1


def test_two_pages_for_one_endpoint_are_a_warning() -> None:
    one = parse(_page("v1AAgent_One", "| Id | int32 | |"), name="one.md")
    two = parse(_page("v1AAgent_Two", "| Id | int32 | |").replace("Demo/v1AAgent_Two", "Demo/v1AAgent_One"), name="two.md")
    api, [warning] = build_api([one, two])
    assert (warning.code, warning.location.file) == ("duplicate-operation", "two.md")
    assert len(api.operations) == 2
