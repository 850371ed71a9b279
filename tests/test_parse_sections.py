"""The parser, one section kind at a time, on small pages written for the purpose."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import build_api
from generator.diagnostics import PageError
from generator.model import TypeRef
from tests.pages import page, parse, sample_request, sample_response, table

PROPS = "| Property Name | Type |  Description |"
STATUS = "| Response | Description |"


def test_front_matter_uid_names_group_and_operation() -> None:
    op = parse(page()).operation
    assert op is not None
    assert (op.uid, op.group, op.name, op.title) == (
        "v1DemoAgent_DoThing",
        "DemoAgent",
        "DoThing",
        "POST Agents/Demo/DoThing",
    )


def test_front_matter_id_is_read_like_uid() -> None:
    op = parse(
        page(front="---\ntitle: DoThing\nid: v1DemoAgent_DoThing\n---\n\n# DoThing\n\n")
    ).operation
    assert op is not None and op.uid == "v1DemoAgent_DoThing" and op.heading == "DoThing"


def test_missing_uid_derives_names_from_the_path_with_a_warning() -> None:
    parsed = parse(
        page(
            front="---\ntitle: x\n---\n\n",
            endpoint="```http\nGET /api/v1/Contact/{id}/Simple\n```\n",
        )
    )
    assert parsed.operation is not None
    assert (parsed.operation.group, parsed.operation.name) == ("ContactEntity", "GetSimple")
    assert [d.code for d in parsed.diagnostics] == ["uid", "path-part"]


def test_http_block_gives_method_and_path_and_del_means_delete() -> None:
    op = parse(page(endpoint="```http\nDEL /api/v1/Demo/{id}\n```\n")).operation
    assert op is not None and (op.method, op.path) == ("DELETE", "/api/v1/Demo/{id}")
    assert op.location.line == 8


def test_description_is_clean_prose() -> None:
    text = (
        'Saves the thing.\n\nCalls <see cref="T:SuperOffice.CRM.Services.IPersonAgent">Person Agent</see>.<para>Second '
        'paragraph with {SuperOffice.CRM.Services.ContactEntity.CustomFields} and &amp; and <see cref="P:A.B.Name"/>.</para>'
    )
    op = parse(page(text)).operation
    assert op is not None
    assert op.summary == "Saves the thing."
    assert (
        op.description
        == "Calls Person Agent.\n\nSecond paragraph with CustomFields and & and Name."
    )


def test_unknown_headings_before_the_first_section_stay_in_the_description() -> None:
    op = parse(page("OData list.", "## Filter Operators: ##", "ints: eq, ne")).operation
    assert op is not None and op.description == "Filter Operators:\n\nints: eq, ne"


def test_path_part_table_fills_path_parameters_with_sample_values() -> None:
    parsed = parse(
        page(
            table(
                "| Path Part | Type | Description |",
                "| id | int32 | The id. **Required** |",
                "| gone | string | Not in the path |",
            ),
            sample_request(start="GET /api/v1/Demo/42"),
            endpoint="```http\nGET /api/v1/Demo/{id}\n```\n",
        )
    )
    op = parsed.operation
    assert op is not None
    [param] = op.path_params
    assert (param.name, param.type, param.required, param.description, param.example) == (
        "id",
        TypeRef("integer", "int32"),
        True,
        "The id.",
        "42",
    )
    assert [d.code for d in parsed.diagnostics] == ["path-part"]
    assert "gone" in parsed.diagnostics[0].message


def test_query_parameters_with_required_marks_types_and_examples() -> None:
    op = parse(
        page(
            "## Query String Parameters",
            table(
                "| Parameter Name | Type |  Description |",
                "| $select | string |  Optional list. |",
                "| status | string |  The status. **Required** |",
                "| $mode | Enum: Slim, Full |  The mode. |",
                "| $filter | string |  A filter. |",
            ),
            "```http\nGET /api/v1/x?$select=name,department\nGET /api/v1/x?$mode=Full&status=Open%20now\nGET /api/v1/x?$filter=name begins 'S'\n```",
        )
    ).operation
    assert op is not None
    assert [(p.name, p.required, p.example) for p in op.query_params] == [
        ("$select", False, "name,department"),
        ("status", True, "Open now"),
        ("$mode", False, "Full"),
        ("$filter", False, "name begins 'S'"),
    ]
    assert op.query_params[2].type == TypeRef("enum", values=("Slim", "Full"))


def test_request_headers_keep_the_content_types_listed() -> None:
    op = parse(
        page(
            "## Request Headers",
            table(
                "| Parameter Name | Description |",
                "| Authorization  | Basic or Bearer |",
                "| Content-Type | Body type: `application/json`, `image/png` |",
            ),
        )
    ).operation
    assert op is not None
    assert [h.name for h in op.headers] == ["Authorization", "Content-Type"]
    assert op.headers[1].example == "application/json, image/png"


def test_request_body_named_request_is_a_spread_carrier() -> None:
    parsed = parse(
        page(
            "## Request Body: request  ",
            "Count, When",
            table(PROPS, "| Count | Integer |  |", "| When | date-time | At |"),
        )
    )
    body = parsed.operation.body if parsed.operation else None
    assert body is not None and body.spread and body.name == "request"
    [carrier] = parsed.types
    assert carrier.name == "DemoAgentDoThingRequest" and carrier.inline
    assert [(p.name, p.type.kind) for p in carrier.properties] == [
        ("Count", "integer"),
        ("When", "datetime"),
    ]


def _entity_page(*body_rows: str) -> str:
    return page(
        "## Request Body: entity",
        "The entity to save.",
        table(PROPS, *body_rows),
        "## Response:",
        table(STATUS, "| 200 | OK |"),
        "### Response body: Thing",
        table(PROPS, "| Id | int32 | Key |", "| Name | string | Name |"),
    )


def test_entity_body_is_its_own_type_to_the_parser_and_the_response_type_after_the_build() -> None:
    parsed = parse(_entity_page("| Id | Integer | Key |"))
    op = parsed.operation
    assert op is not None and op.body is not None
    assert (op.body.name, op.body.type, op.body.description) == (
        "entity",
        TypeRef("named", name="DemoAgentDoThingEntity"),
        "The entity to save.",
    )
    api, _ = build_api([parsed])
    [built] = api.operations
    assert built.body is not None and built.body.type == TypeRef("named", name="Thing")
    assert sorted(api.types) == ["Thing"]
    assert op.body.type == TypeRef(
        "named", name="DemoAgentDoThingEntity"
    )  # the parsed page is left as it was


def test_entity_body_with_a_property_the_response_lacks_keeps_its_own_type() -> None:
    api, _ = build_api([parse(_entity_page("| Id | Integer | Key |", "| Secret | string | |"))])
    [built] = api.operations
    assert built.body is not None and built.body.type == TypeRef(
        "named", name="DemoAgentDoThingEntity"
    )
    assert sorted(api.types) == ["DemoAgentDoThingEntity", "Thing"]


def test_body_table_with_an_array_sample_is_an_array_of_its_own_type() -> None:
    op = parse(
        page(
            "## Request Body: changes",
            table(PROPS, "| op | String | |", "| path | String | |"),
            sample_request('[{"op": "add", "path": "/x"}]'),
        )
    ).operation
    assert op is not None and op.body is not None
    assert op.body.type == TypeRef("array", item=TypeRef("named", name="DemoAgentDoThingChanges"))


@pytest.mark.parametrize(
    ("section", "expected"),
    [
        ("## Request Body: image binary\n\nBitmap", TypeRef("binary")),
        (
            "## Request Headers\n\n| Parameter Name | Description |\n|---|---|\n| Content-Type | `application/octet-stream` |\n\n## Request Body: stream",
            TypeRef("binary"),
        ),
        (
            "## Request Body: contactIds\n\nThe primary keys.",
            TypeRef("array", item=TypeRef("integer", "int32")),
        ),
        ("## Request Body: whatever", TypeRef("any")),
    ],
)
def test_bodies_without_a_table(section: str, expected: TypeRef) -> None:
    op = parse(page(section)).operation
    assert op is not None and op.body is not None and op.body.type == expected


def test_response_statuses_and_named_result_type() -> None:
    parsed = parse(
        page(
            "## Response: object",
            "Carrier object for Thing.",
            table(STATUS, "| 200 | Thing found. |", "| 404 | Not Found. |", "| abc | nonsense |"),
            "Response body: Thing",
            table(PROPS, "| Id | int32 | Key |"),
        )
    )
    op = parsed.operation
    assert op is not None
    assert [(s.code, s.description) for s in op.statuses] == [
        (200, "Thing found."),
        (404, "Not Found."),
    ]
    assert op.result == TypeRef("named", name="Thing")
    assert parsed.types[0].description == "Carrier object for Thing."
    assert [d.code for d in parsed.diagnostics] == ["status"]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("## Response:string", TypeRef("string")),
        ("## Response: bool", TypeRef("boolean")),
        ("## Response:int64", TypeRef("integer", "int64")),
        ("## Response:byte", TypeRef("binary")),
        ("## Response:", TypeRef("any")),
    ],
)
def test_primitive_results(heading: str, expected: TypeRef) -> None:
    op = parse(page(heading, table(STATUS, "| 200 | OK |"))).operation
    assert op is not None and op.result == expected


def test_an_undocumented_result_with_a_binary_sample_is_binary() -> None:
    sample = sample_response("GIF89....raw", content_type="binary/octet-stream")
    op = parse(
        page("## Response:", table(STATUS, "| 200 | OK |"), "Response body:", sample)
    ).operation
    assert op is not None and op.result == TypeRef("binary")


def test_array_result_with_a_table_gets_an_item_type() -> None:
    parsed = parse(
        page(
            "## Response:array",
            table(STATUS, "| 200 | OK |"),
            "### Response body: array",
            table(PROPS, "| Id | int32 | |"),
        )
    )
    assert parsed.operation is not None
    assert parsed.operation.result == TypeRef(
        "array", item=TypeRef("named", name="DemoAgentDoThingItem")
    )


def test_204_has_no_result_and_a_documented_body_is_reported() -> None:
    parsed = parse(
        page(
            "## Response:", table(STATUS, "| 204 | No Content |"), "### Response body: TimeZoneData"
        )
    )
    assert parsed.operation is not None and parsed.operation.result is None
    assert [d.code for d in parsed.diagnostics] == ["no-content"]


@pytest.mark.parametrize("headings", [True, False])
def test_samples_are_found_with_or_without_headings(headings: bool) -> None:
    op = parse(
        page(
            sample_request('{"A": 1}', heading=headings),
            sample_response('{"B": "x"}', "201 Created", heading=headings),
        )
    ).operation
    assert op is not None and op.request_sample and op.response_sample
    assert op.request_sample.start_line == "POST /api/v1/Agents/Demo/DoThing"
    assert op.request_sample.header("content-type") == "application/json; charset=utf-8"
    assert (op.request_sample.body, op.response_sample.body, op.response_sample.start_line) == (
        {"A": 1},
        {"B": "x"},
        "HTTP/1.1 201 Created",
    )


def test_null_sample_body_is_json_null() -> None:
    op = parse(page(sample_response("null", "204 No Content"))).operation
    assert op is not None and op.response_sample is not None
    assert op.response_sample.has_json and op.response_sample.body is None


def test_invalid_json_sample_is_a_located_warning() -> None:
    parsed = parse(page(sample_response('{\n  "A": 1,\n  oops\n}')))
    [warning] = parsed.diagnostics
    assert warning.code == "sample-json" and warning.severity == "warning"
    assert parsed.operation is not None and not parsed.operation.response_sample.has_json
    text = page(sample_response('{\n  "A": 1,\n  oops\n}'))
    assert text.split("\n")[warning.location.line - 1] == "  oops"


def test_binary_sample_response_is_not_json() -> None:
    parsed = parse(
        page(
            "## Response:byte",
            table(STATUS, "| 200 | OK |"),
            sample_response("GIF89a...raw", content_type="application/json"),
        )
    )
    assert parsed.diagnostics == []
    assert (
        parsed.operation is not None
        and parsed.operation.response_sample.body_text == "GIF89a...raw"
    )


def test_includes_are_resolved_relative_to_the_page(tmp_path: Path) -> None:
    (tmp_path / "samples").mkdir()
    (tmp_path / "samples" / "req.md").write_text(
        '```http!\nPOST /api/v1/Agents/Demo/DoThing\n\n{"A": 2}\n```\n'
    )
    parsed = parse(
        page("## Sample request", "[!include[sample request](samples/req.md)]"),
        tmp_path,
        "docs/page.md",
    )
    op = parsed.operation
    assert op is not None and op.request_sample is not None and op.request_sample.body == {"A": 2}
    assert op.request_sample.location.file == "docs/samples/req.md"


def test_a_missing_include_is_a_located_warning(tmp_path: Path) -> None:
    text = page("## Sample response", "[!include[sample response](../samples/gone.md)]")
    parsed = parse(text, tmp_path)
    [warning] = parsed.diagnostics
    assert warning.code == "include" and "gone.md" in warning.message
    assert text.split("\n")[warning.location.line - 1].startswith("[!include")
    assert parsed.operation is not None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("```http!\nDELETE /api/v1/Contact/{id}\n```\n", "include fragment"),
        (
            "---\nuid: Contact_index\ntitle: Contact\n---\n\n# Contact\n\nThe contact endpoints.\n",
            "index or overview page",
        ),
    ],
)
def test_pages_that_are_not_endpoints_are_skipped(text: str, kind: str) -> None:
    parsed = parse(text)
    assert parsed.operation is None and kind in parsed.skipped


@pytest.mark.parametrize(
    ("text", "line", "code"),
    [
        ("---\ntitle: x\nuid: [unclosed\n---\n", 3, "front-matter"),
        (
            "---\ntitle: x\nuid: v1DemoAgent_DoThing\n---\n\n# POST x\n\nNo block.\n",
            6,
            "no-endpoint",
        ),
        (
            "---\nuid: v1DemoAgent_DoThing\n---\n\n```http\nthis is not a request line\n```\n",
            5,
            "no-endpoint",
        ),
        ("---\ntitle: x\n", 1, "front-matter"),
    ],
)
def test_pages_that_cannot_be_endpoints_raise_located_errors(
    text: str, line: int, code: str
) -> None:
    with pytest.raises(PageError) as raised:
        parse(text)
    diagnostic = raised.value.diagnostic
    assert (diagnostic.location.line, diagnostic.code, diagnostic.severity) == (line, code, "error")
