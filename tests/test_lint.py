"""The linter: one small page per check, its output formats and its exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.load import check
from tests.pages import page, sample_request, sample_response, table

ROOT = Path(__file__).resolve().parent.parent
PROPS = "| Property Name | Type |  Description |"
STATUS = "| Response | Description |\n|---|---|\n| 200 | OK |"
REQUEST = "## Request Body: request\n\n" + table(
    PROPS, "| Count | int32 | How many. **Required** |", "| When | date-time | |"
)
RESPONSE = (
    "## Response:\n\n"
    + STATUS
    + "\n\n### Response body: Result\n\n"
    + table(PROPS, "| Id | int32 | |", "| Name | string | |")
)


def codes(tmp_path: Path, *pages: str) -> list[tuple[str, int]]:
    for i, text in enumerate(pages):
        (tmp_path / f"page{i}.md").write_text(text)
    _, diagnostics = check([tmp_path])
    return [(d.code, d.location.line) for d in diagnostics]


def test_a_clean_page_has_no_findings(tmp_path: Path) -> None:
    text = page(
        "Does the thing.",
        REQUEST,
        RESPONSE,
        sample_request('{"Count": 1, "When": "2024-01-02T03:04:05"}'),
        sample_response('{"Id": 1, "Name": "x"}'),
    )
    assert codes(tmp_path, text) == []


@pytest.mark.parametrize(
    ("sections", "expected"),
    [
        # the request sample against the Request Body table
        (
            (REQUEST, sample_request('{"Count": 1, "When": "2024-01-02T03:04:05", "Extra": 2}')),
            [("request-key-undocumented", 30)],
        ),
        (
            (REQUEST, sample_request('{"When": "2024-01-02T03:04:05"}')),
            [("request-key-missing", 19)],
        ),  # the Count row
        # the response sample against the response table
        (
            (RESPONSE, sample_response('{\n  "Id": 1,\n  "Name": "x",\n  "More": true\n}')),
            [("response-key-undocumented", 38)],
        ),
        ((RESPONSE, sample_response('{"Id": 1}')), [("response-key-missing", 26)]),  # the Name row
        # values against documented types
        (
            (REQUEST, sample_request('{\n  "Count": "one",\n  "When": "2024-01-02T03:04:05"\n}')),
            [("sample-type", 31)],
        ),
        (
            (REQUEST, sample_request('{\n  "Count": 1,\n  "When": "next Tuesday"\n}')),
            [("sample-type", 32)],
        ),
        (
            ("## Response:int32", STATUS, sample_response("99.5")),
            [("sample-type", 29)],
        ),  # the body line
    ],
)
def test_samples_are_checked_against_tables(
    tmp_path: Path, sections: tuple[str, ...], expected: list[tuple[str, int]]
) -> None:
    assert codes(tmp_path, page("Does the thing.", *sections)) == expected


def test_the_endpoint_must_agree_everywhere_it_is_stated(tmp_path: Path) -> None:
    text = page(
        "Does the thing.",
        sample_request("", start="POST /api/v1/Agents/Demo/DoOtherThing"),
        front="---\ntitle: GET Agents/Demo/DoThing\nuid: v1DemoAgent_DoThing\n---\n\n# POST Agents/Demo/Different\n\n",
    )
    # the title, the H1 and the sample request each disagree with the endpoint block
    assert codes(tmp_path, text) == [
        ("endpoint-mismatch", 2),
        ("endpoint-mismatch", 6),
        ("endpoint-mismatch", 18),
    ]


def test_path_parts_and_required_query_parameters(tmp_path: Path) -> None:
    text = page(
        "Gets a thing.",
        table("| Path Part | Type | Description |", "| thingId | int32 | **Required** |"),
        "## Query String Parameters",
        table(
            "| Parameter Name | Type |  Description |",
            "| mode | string |  The mode. **Required** |",
        ),
        sample_request("", start="GET /api/v1/Demo/5"),
        front="---\ntitle: GET Demo/{id}\nuid: v1DemoEntity_Get\n---\n\n# GET Demo/{id}\n\n",
        endpoint="```http\nGET /api/v1/Demo/{id}\n```\n",
    )
    # {id} has no row (reported at the endpoint block), the thingId row is not in the path,
    # and the sample request lacks ?mode=
    assert codes(tmp_path, text) == [
        ("path-part", 8),
        ("path-part", 16),
        ("required-query-missing", 30),
    ]


def test_folder_level_checks(tmp_path: Path) -> None:
    (tmp_path / "samples").mkdir()
    first = page("Does the thing.", "## Response: Unknown", STATUS)
    again = page("Does it again.", front="---\nuid: v1DemoAgent_DoThing\n---\n\n")
    same_endpoint = page("Also the thing.", front="---\nuid: v1DemoAgent_Other\n---\n\n")
    flawed = page(
        "",
        "## Request Body: request",
        table(PROPS, "| X | a b c | |"),
        "## Sample request",
        "[!include[sample](samples/missing.md)]",
        sample_response("{oops"),
        front="---\nuid: v1DemoAgent_Flawed\n---\n\n",
        endpoint="```http\nPOST /api/v1/Agents/Demo/Flawed\n```\n",
    )
    found = codes(tmp_path, first, again, same_endpoint, flawed)
    assert found == [
        ("undocumented-type", 8),  # page0: its endpoint names the type Unknown
        ("duplicate-uid", 5),  # page1
        ("duplicate-operation", 5),  # page2
        ("empty-description", 5),  # page3 ...
        ("unknown-type", 16),
        ("include", 22),
        ("sample-json", 31),
    ]


def lint(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "lint", *args], cwd=ROOT, capture_output=True, text=True
    )


def test_text_output_is_sorted_one_line_each_with_a_count(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text(page("", RESPONSE, sample_response('{"Id": "x", "Name": "y"}')))
    (tmp_path / "a.md").write_text(
        page(
            "Fine.",
            front="---\nuid: v1DemoAgent_Other\n---\n\n",
            endpoint="```http\nPOST /api/v1/Agents/Demo/Other\n```\n",
        )
    )
    result = lint(str(tmp_path))
    lines = result.stdout.splitlines()
    assert result.returncode == 0
    assert lines == [
        f"{tmp_path}/b.md:8:1: warning: the endpoint has no description [empty-description]",
        f"{tmp_path}/b.md:35:2: warning: in the sample response, 'Id' is a string but int32 is documented [sample-type]",
        "2 pages checked: 0 errors, 2 warnings",
    ]
    assert lint(str(tmp_path), "--strict").returncode == 1


def test_a_uid_used_twice_is_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(page("Fine."))
    (tmp_path / "b.md").write_text(page("Fine."))
    result = lint(str(tmp_path))
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        f"{tmp_path}/b.md:8:1: warning: the uid 'v1DemoAgent_DoThing' is also used by {tmp_path}/a.md:8, "
        "which is kept (it comes first in path order); this page is skipped [duplicate-uid]",
        "2 pages checked: 0 errors, 1 warnings",
    ]
    assert lint(str(tmp_path), "--strict").returncode == 1


def test_errors_exit_1_and_json_and_sarif_carry_the_same_findings(tmp_path: Path) -> None:
    (tmp_path / "bad.md").write_text("---\nuid: [\n---\n")
    (tmp_path / "ok.md").write_text(page("", front="---\nuid: v1DemoAgent_Ok\n---\n\n"))
    text = lint(str(tmp_path))
    assert text.returncode == 1
    assert text.stdout.splitlines()[-1] == "2 pages checked: 1 errors, 1 warnings"
    data = json.loads(lint(str(tmp_path), "--format", "json").stdout)
    assert (data["errors"], data["warnings"]) == (1, 1)
    assert [(d["code"], d["line"]) for d in data["diagnostics"]] == [
        ("front-matter", 2),
        ("empty-description", 5),
    ]
    sarif = json.loads(lint(str(tmp_path), "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    [run] = sarif["runs"]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    results = [
        (r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in run["results"]
    ]
    assert results == [("front-matter", "error", 2), ("empty-description", "warning", 5)]
    assert all(rules[r["ruleIndex"]] == r["ruleId"] for r in run["results"])


def test_generate_reports_lint_findings_as_warnings(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(page("", front="---\nuid: v1DemoAgent_Ok\n---\n\n"))
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "docs", "--out", "out", "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0
    assert (
        "docs/a.md:5:1: warning: the endpoint has no description [empty-description]"
        in result.stderr
    )
