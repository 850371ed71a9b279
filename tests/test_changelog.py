"""`diff OLD NEW`: each kind of change, classified by what it does to the client's users."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.changelog import Change, bump, diff
from generator.load import load
from tests.pages import page, table
from tests.test_cli import run

PROPS = "| Property Name | Type |  Description |"
STATUS = "| Response | Description |\n|---|---|\n| 200 | OK |"
QUERY = "| Parameter Name | Type |  Description |"


def thing(
    query: list[str] = (),
    request: list[str] = (),
    result: list[str] = ("| Id | int32 | |", "| Name | string | |"),
    body: str = "Result",
    method: str = "POST",
    path: str = "Agents/Demo/DoThing",
    uid: str = "v1DemoAgent_DoThing",
) -> str:
    sections = ["Does the thing."]
    if query:
        sections += ["## Query String Parameters", table(QUERY, *query)]
    if request:
        sections += ["## Request Body: request", table(PROPS, *request)]
    sections += ["## Response:", STATUS]
    if body == "Result":
        sections += ["### Response body: Result", table(PROPS, *result)]
    elif body == "Result, undescribed":
        sections += ["### Response body: Result"]
    elif body:
        sections += [f"### Response body: {body}"]
    front = f"---\ntitle: {method} {path}\nuid: {uid}\n---\n\n# {method} {path}\n\n"
    return page(*sections, front=front, endpoint=f"```http\n{method} /api/v1/{path}\n```\n\n")


def changes(tmp_path: Path, old: dict[str, str], new: dict[str, str]) -> list[Change]:
    for side, pages in (("old", old), ("new", new)):
        (tmp_path / side).mkdir()
        for name, text in pages.items():
            (tmp_path / side / name).write_text(text)
    before, _ = load([tmp_path / "old"])
    after, _ = load([tmp_path / "new"])
    assert before is not None and after is not None
    return diff(before, after)


def kinds(found: list[Change]) -> list[tuple[str, str, str]]:
    return [(c.impact, c.kind, c.bump) for c in found]


CASES = {
    "nothing": ({}, {}, [], "none"),
    "endpoint added": (
        {},
        {"b.md": thing(uid="v1DemoAgent_Other", path="Agents/Demo/Other", body="string")},
        [("compatible", "endpoint-added", "minor")],
        "minor",
    ),
    "endpoint removed": (
        {"b.md": thing(uid="v1DemoAgent_Other", path="Agents/Demo/Other", body="string")},
        {},
        [("breaking", "endpoint-removed", "major")],
        "major",
    ),
    "method and path changed": (
        {"a.md": thing()},
        {"a.md": thing(method="PUT", path="Agents/Demo/DoIt")},
        [("compatible", "method-changed", "patch"), ("compatible", "path-changed", "patch")],
        "patch",
    ),
    "optional parameter added": (
        {"a.md": thing()},
        {"a.md": thing(query=["| mode | string | The mode. |"])},
        [("compatible", "parameter-added", "minor")],
        "minor",
    ),
    "required parameter added": (
        {"a.md": thing()},
        {"a.md": thing(request=["| Count | int32 | How many. **Required** |"])},
        [("breaking", "parameter-added", "major")],
        "major",
    ),
    "parameter removed": (
        {"a.md": thing(query=["| mode | string | The mode. |"])},
        {"a.md": thing()},
        [("breaking", "parameter-removed", "major")],
        "major",
    ),
    "parameter renamed": (
        {"a.md": thing(query=["| mode | string | |"])},
        {"a.md": thing(query=["| kind | string | |"])},
        [("breaking", "parameter-renamed", "major")],
        "major",
    ),
    "parameter now required": (
        {"a.md": thing(request=["| Count | int32 | How many. |"])},
        {"a.md": thing(request=["| Count | int32 | How many. **Required** |"])},
        [("breaking", "parameter-required", "major")],
        "major",
    ),
    "parameter now optional": (
        {"a.md": thing(query=["| mode | string | **Required** |"])},
        {"a.md": thing(query=["| mode | string | |"])},
        [("compatible", "parameter-optional", "minor")],
        "minor",
    ),
    "parameter type changed": (
        {"a.md": thing(request=["| Count | int32 | |"])},
        {"a.md": thing(request=["| Count | string | |"])},
        [("breaking", "parameter-type", "major")],
        "major",
    ),
    "result type changed": (
        {"a.md": thing()},
        {"a.md": thing(body="string")},
        [("breaking", "result-changed", "major"), ("breaking", "type-removed", "major")],
        "major",
    ),
    "field added": (
        {"a.md": thing()},
        {"a.md": thing(result=["| Id | int32 | |", "| Name | string | |", "| Age | int32 | |"])},
        [("compatible", "property-added", "minor")],
        "minor",
    ),
    "field removed": (
        {"a.md": thing()},
        {"a.md": thing(result=["| Id | int32 | |"])},
        [("breaking", "property-removed", "major")],
        "major",
    ),
    "field type changed": (
        {"a.md": thing()},
        {"a.md": thing(result=["| Id | string | |", "| Name | string | |"])},
        [("breaking", "property-type", "major")],
        "major",
    ),
    "field format changed": (
        {"a.md": thing()},
        {"a.md": thing(result=["| Id | int64 | |", "| Name | string | |"])},
        [("compatible", "property-type", "patch")],
        "patch",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_each_kind_of_change_is_classified(case: str, tmp_path: Path) -> None:
    old, new, expected, semver = CASES[case]
    base = {
        "z.md": thing(uid="v1DemoAgent_Keep", path="Agents/Demo/Keep", body="string")
    }  # a side is never empty
    found = changes(tmp_path, {**base, **old}, {**base, **new})
    assert sorted(kinds(found)) == sorted(expected)
    assert bump(found) == semver


def test_a_type_that_is_no_longer_described_changes_kind(tmp_path: Path) -> None:
    found = changes(tmp_path, {"a.md": thing()}, {"a.md": thing(body="Result, undescribed")})
    assert kinds(found) == [("breaking", "type-kind", "major")]
    assert (
        found[0].message == "Result is no longer described: a plain dictionary instead of a model"
    )
    assert kinds(
        changes(tmp_path / "back", {"a.md": thing(body="Result, undescribed")}, {"a.md": thing()})
        if (tmp_path / "back").mkdir() is None
        else []
    ) == [("compatible", "type-kind", "minor")]


def test_every_change_is_located_in_the_old_and_the_new_pages(tmp_path: Path) -> None:
    old = thing(request=["| Count | int32 | How many. |"])
    new = "\n" + thing(request=["| Count | int32 | How many. **Required** |"]).replace(
        "Does the thing.", "Does\n\nthe thing."
    )
    (found,) = changes(tmp_path, {"a.md": old}, {"a.md": new.lstrip("\n")})
    assert (found.kind, found.subject, found.message) == (
        "parameter-required",
        "v1DemoAgent_DoThing",
        "the request property 'Count' is now required",
    )
    assert found.old == f"{tmp_path}/old/a.md:20" and found.new == f"{tmp_path}/new/a.md:22"


def test_the_command_in_three_formats(tmp_path: Path) -> None:
    for side, text in (
        ("old", thing()),
        ("new", thing(query=["| mode | string | **Required** |"])),
    ):
        (tmp_path / side).mkdir()
        (tmp_path / side / "a.md").write_text(text)
    text = run("diff", "old", "new", cwd=tmp_path)
    assert text.returncode == 0
    assert text.stdout.splitlines() == [
        "new/a.md:20 (was old/a.md:8): breaking parameter-added: v1DemoAgent_DoThing: new required query parameter 'mode' (string)",
        "1 change: 1 breaking, 0 compatible; semver: major",
    ]
    markdown = run("diff", "old", "new", "--format", "markdown", cwd=tmp_path).stdout
    assert markdown.startswith(
        "# API changes (semver: major)\n\n## Breaking changes\n\n- **v1DemoAgent_DoThing**: new required query parameter"
    )
    data = json.loads(run("diff", "old", "new", "--format", "json", cwd=tmp_path).stdout)
    assert (
        data["bump"],
        data["breaking"],
        data["changes"][0]["old"],
        data["changes"][0]["new"],
    ) == ("major", 1, "old/a.md:8", "new/a.md:20")


def test_generate_says_what_changed_since_its_last_run(docs: Path) -> None:
    args = ("generate", "docs", "--out", "out", "--no-cache")
    first = run(*args, cwd=docs.parent)
    assert "API since the last run" not in first.stdout
    page = docs / "agent/Ticket_Agent/v1TicketAgent_GetOwner.md"
    page.write_text(
        page.read_text().replace(
            "| TicketId | Integer | The ticket. |",
            "| TicketId | Integer | The ticket. **Required** |",
        )
    )
    line = "API since the last run: 1 breaking, 0 compatible changes (semver: major)"
    checked = run(*args, "--check", cwd=docs.parent)  # the manifest read as a run reads it
    assert checked.returncode == 1 and checked.stdout.splitlines()[0] == line
    second = run(*args, cwd=docs.parent)
    assert second.stdout.splitlines()[0] == line
    third = run(*args, cwd=docs.parent)
    assert "API since the last run" not in third.stdout
