"""Merging pages into one API: groups, the type registry, conflicts, duplicate uids."""

from __future__ import annotations

import pytest

from generator.build import build_api
from tests.pages import page, parse, table

PROPS = "| Property Name | Type |  Description |"


def _page(uid: str, *props: str, result: str = "Thing") -> str:
    front = f"---\nuid: {uid}\n---\n\n"
    endpoint = f"```http\nPOST /api/v1/Agents/Demo/{uid}\n```\n\n"
    return page(
        "## Response:",
        "| Response | Description |\n|---|---|\n| 200 | OK |",
        f"### Response body: {result}",
        table(PROPS, *props),
        front=front,
        endpoint=endpoint,
    )


def test_operations_are_grouped_and_sorted() -> None:
    pages = [
        parse(_page(uid, "| Id | int32 | |"), name=f"{uid}.md")
        for uid in ["v1BAgent_Z", "v1AAgent_Y", "v1BAgent_A"]
    ]
    api, _ = build_api(pages)
    assert [(g.name, [op.name for op in g.operations]) for g in api.groups] == [
        ("AAgent", ["Y"]),
        ("BAgent", ["A", "Z"]),
    ]


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
    api, diagnostics = build_api(
        [parse(_page("v1AAgent_One", "| Owner | Associate | |", "| Boss | Associate | |"))]
    )
    assert api.types["Associate"].documented is False
    assert api.types["Thing"].documented is True
    assert [(d.code, d.location.line) for d in diagnostics] == [
        ("undocumented-type", 22)
    ]  # the Owner row


@pytest.mark.parametrize("reverse", [False, True])
def test_a_copy_beside_the_page_named_after_the_uid_is_a_warning_and_left_out(
    reverse: bool,
) -> None:
    copy = parse(
        _page("v1AAgent_One", "| Id | int32 | |", "| New | string | |"),
        name="agent/v1AAgent_One_new.md",
    )
    original = parse(_page("v1AAgent_One", "| Id | int32 | |"), name="rest/v1AAgent_One.md")
    pages = [copy, original]
    api, [warning] = build_api(pages[::-1] if reverse else pages)
    assert (warning.severity, warning.code, warning.location.file) == (
        "warning",
        "duplicate-uid",
        "agent/v1AAgent_One_new.md",
    )
    assert (
        "rest/v1AAgent_One.md:5" in warning.message
        and "file is named after the uid" in warning.message
    )
    assert [op.location.file for op in api.operations] == ["rest/v1AAgent_One.md"]
    assert [op.location.file for op in api.duplicates] == ["agent/v1AAgent_One_new.md"]
    assert [p.name for p in api.types["Thing"].properties] == [
        "Id"
    ]  # the copy's types are left out too


@pytest.mark.parametrize("reverse", [False, True])
def test_without_a_page_named_after_the_uid_the_first_in_path_order_is_kept(reverse: bool) -> None:
    pages = [
        parse(_page("v1AAgent_One", "| Id | int32 | |"), name=name)
        for name in ("alpha.md", "beta.md", "gamma.md")
    ]
    api, diagnostics = build_api(pages[::-1] if reverse else pages)
    assert [(d.code, d.location.file) for d in sorted(diagnostics)] == [
        ("duplicate-uid", "beta.md"),
        ("duplicate-uid", "gamma.md"),
    ]
    assert all(
        "alpha.md:5" in d.message and "first in path order" in d.message for d in diagnostics
    )
    assert [op.location.file for op in api.operations] == ["alpha.md"]
    assert [op.location.file for op in api.duplicates] == ["beta.md", "gamma.md"]


def test_two_pages_for_one_endpoint_are_a_warning() -> None:
    one = parse(_page("v1AAgent_One", "| Id | int32 | |"), name="one.md")
    two = parse(
        _page("v1AAgent_Two", "| Id | int32 | |").replace("Demo/v1AAgent_Two", "Demo/v1AAgent_One"),
        name="two.md",
    )
    api, [warning] = build_api([one, two])
    assert (warning.code, warning.location.file) == ("duplicate-operation", "two.md")
    assert len(api.operations) == 2


def test_operations_and_types_are_named_by_their_pages_sources_only_where_all_have_one() -> None:
    """The job keys print `Api.op_sources` and `Api.type_sources` instead of what they name; a
    page without a source (not read by `load`) leaves what it made to be printed whole."""
    from tests.pages import groups_of

    a, b = (
        parse(_page(uid, "| Id | int32 | |"), name=f"{uid}.md")
        for uid in ["v1AAgent_Get", "v1BAgent_Get"]
    )
    api, _ = build_api([a, b])
    assert api.op_sources == {} and api.type_sources == {}
    method = groups_of(api)[0].methods[0]
    assert method.source == repr(method.op)

    a.source, b.source = "page-a", "page-b"
    api, _ = build_api([a, b])
    thing = "TypeRef(kind='named', format='', name='Thing', item=None, values=())"
    assert api.op_sources["v1AAgent_Get"] == f"page-a {thing} None"
    assert api.type_sources["Thing"].startswith("page-a page-b ")  # merged in page order
    assert groups_of(api)[0].methods[0].source == api.op_sources["v1AAgent_Get"]

    b.source = ""
    api, _ = build_api([a, b])
    assert "Thing" not in api.type_sources and "v1BAgent_Get" not in api.op_sources
