"""The command as users meet it: summaries, located one-line errors, untouched output, determinism."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.pages import tree

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


@pytest.fixture
def generated(docs: Path) -> Path:
    result = run("generate", "docs", "--out", "out", "--package", "demo_client", cwd=docs.parent)
    assert result.returncode == 0, result.stderr
    return docs.parent / "out"


def test_generate_prints_a_summary_and_writes_the_package(docs: Path) -> None:
    result = run("generate", "docs", "--out", "out", "--package", "demo_client", cwd=docs.parent)
    assert result.returncode == 0
    assert result.stdout.startswith(
        "25 pages read (7 skipped: 6 not endpoint pages, 1 duplicate uid), 18 endpoints in 4 groups"
    )
    out = docs.parent / "out"
    assert (out / "demo_client" / "py.typed").exists()
    assert (out / "tests" / "test_ticket_entity.py").exists()


def test_generating_twice_gives_byte_identical_output(generated: Path, docs: Path) -> None:
    first = tree(generated)
    assert (
        run(
            "generate", "docs", "--out", "out", "--package", "demo_client", cwd=docs.parent
        ).returncode
        == 0
    )
    assert tree(generated) == first


def test_a_removed_page_disappears_from_the_output(generated: Path, docs: Path) -> None:
    assert "def get_attachment" in (generated / "demo_client/groups/ticket_entity.py").read_text()
    (docs / "rest/Ticket/v1TicketEntity_GetAttachment.md").unlink()
    assert (
        run(
            "generate", "docs", "--out", "out", "--package", "demo_client", cwd=docs.parent
        ).returncode
        == 0
    )
    assert (
        "def get_attachment" not in (generated / "demo_client/groups/ticket_entity.py").read_text()
    )


BROKEN = {
    "bad YAML": (
        "---\ntitle: x\nuid: v1TicketAgent_Broken: [\n---\n\n# x\n",
        "docs/broken.md:3:26: error: invalid YAML front matter: mapping values are not allowed here [front-matter]",
    ),
    "no http block": (
        "---\nuid: v1TicketAgent_Broken\n---\n\n# POST Agents/Ticket/Broken\n\nText.\n",
        "docs/broken.md:5:1: error: page 'v1TicketAgent_Broken' has no ```http block with the endpoint's method and path [no-endpoint]",
    ),
    "http block without method and path": (
        "---\nuid: v1TicketAgent_Broken\n---\n\n# x\n\n```http\n/api/v1/Agents/Ticket/Broken\n```\n",
        "docs/broken.md:7:1: error: the ```http block does not start with a method and a path, e.g. 'GET /api/v1/Contact/{id}' [no-endpoint]",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_page_is_one_located_line_and_leaves_the_output_untouched(
    case: str, generated: Path, docs: Path
) -> None:
    text, expected = BROKEN[case]
    before = tree(generated)
    (docs / "broken.md").write_text(text)
    result = run("generate", "docs", "--out", "out", "--package", "demo_client", cwd=docs.parent)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [expected]
    assert "Traceback" not in result.stderr + result.stdout
    assert tree(generated) == before
    assert sorted(p.name for p in docs.parent.iterdir()) == [
        ".cache",
        "docs",
        "out",
    ]  # no staging left


def test_a_copy_of_a_page_with_its_uid_is_a_warning_skipped_and_counted(docs: Path) -> None:
    original = docs / "agent/Ticket_Agent/v1TicketAgent_GetOwner.md"
    copy = original.with_name("v1TicketAgent_GetOwner_new.md")
    copy.write_text(
        original.read_text().replace("Agents/Ticket/GetOwner", "Agents/Ticket/GetOwnerNew")
    )
    result = run("generate", "docs", "--out", "out", "--package", "demo_client", cwd=docs.parent)
    assert result.returncode == 0, result.stderr
    assert (
        "docs/agent/Ticket_Agent/v1TicketAgent_GetOwner_new.md:9:1: warning: the uid 'v1TicketAgent_GetOwner' "
        "is also used by docs/agent/Ticket_Agent/v1TicketAgent_GetOwner.md:9, which is kept (its file is named after the uid); "
        "this page is skipped [duplicate-uid]"
    ) in result.stderr.splitlines()
    assert result.stdout.startswith(
        "26 pages read (8 skipped: 6 not endpoint pages, 2 duplicate uids), 18 endpoints in 4 groups"
    )
    client = (docs.parent / "out/demo_client/groups/ticket_agent.py").read_text()
    assert '/api/v1/Agents/Ticket/GetOwner"' in client and "GetOwnerNew" not in client
    strict = run("generate", "docs", "--out", "out2", "--strict", cwd=docs.parent)
    assert strict.returncode == 1 and not (docs.parent / "out2").exists()
    assert "[duplicate-uid]" in strict.stderr


def test_an_anonymous_type_with_a_named_types_table_is_generated_as_that_type(docs: Path) -> None:
    owner = (docs / "agent/Ticket_Agent/v1TicketAgent_GetOwner.md").read_text()
    owners = owner.replace("GetOwner", "GetOwners").replace(
        "### Response body: Associate", "### Response body: array"
    )
    owners = owners.replace('{\n  "AssociateId"', '[{\n  "AssociateId"').replace(
        '"2024-02-28T08:00:00"\n}', '"2024-02-28T08:00:00"\n}]'
    )
    (docs / "agent/Ticket_Agent/v1TicketAgent_GetOwners.md").write_text(owners)
    result = run("generate", "docs", "--out", "out", "--package", "demo_client", cwd=docs.parent)
    assert result.returncode == 0, result.stderr
    assert (
        "19 endpoints in 4 groups, 8 models (1 anonymous type matched to named ones), 5 warnings"
        in result.stdout
    )
    out = docs.parent / "out"
    signature = "def get_owners(\n        self, *, ticket_id: int | None | NotGiven = NOT_GIVEN, **options: Unpack[RequestOptions]\n    ) -> list[Associate]:"
    assert signature in (out / "demo_client/groups/ticket_agent.py").read_text()
    assert not list(out.rglob("*get_owners_item*"))
    emitted = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=out,
        capture_output=True,
        text=True,
    )
    assert emitted.returncode == 0, emitted.stdout


@pytest.mark.parametrize(
    ("flaw", "warning", "code"),
    [
        (
            '{\n  "TicketId": 4711,\n}',
            "docs/agent/Ticket_Agent/v1TicketAgent_GetOwner.md:55:1: warning: ",
            "[sample-json]",
        ),
        (
            "[!include[sample](../../samples/missing.md)]",
            "docs/agent/Ticket_Agent/v1TicketAgent_GetOwner.md:49:1: warning: ",
            "[include]",
        ),
    ],
)
def test_a_flawed_sample_is_a_located_warning_and_the_endpoint_is_generated(
    flaw: str, warning: str, code: str, docs: Path
) -> None:
    page = docs / "agent/Ticket_Agent/v1TicketAgent_GetOwner.md"
    text = page.read_text()
    start = text.index("```http!")
    end = text.index("```", start + 8) + 3
    page.write_text(
        text[:start]
        + (
            f"```http!\nPOST /api/v1/Agents/Ticket/GetOwner\nContent-Type: application/json\n\n{flaw}\n```"
            if "{" in flaw
            else flaw
        )
        + text[end:]
    )
    result = run("generate", "docs", "--out", "out", "--package", "demo_client", cwd=docs.parent)
    assert result.returncode == 0, result.stderr
    assert any(
        line.startswith(warning) and line.endswith(code) for line in result.stderr.splitlines()
    ), result.stderr
    assert "def get_owner" in (docs.parent / "out/demo_client/groups/ticket_agent.py").read_text()
    strict = run("generate", "docs", "--out", "out2", "--strict", cwd=docs.parent)
    assert strict.returncode == 1 and not (docs.parent / "out2").exists()


def test_a_bad_package_name_is_refused(docs: Path) -> None:
    result = run("generate", "docs", "--package", "not-valid", cwd=docs.parent)
    assert (
        result.returncode == 2 and "'not-valid' is not a valid Python package name" in result.stderr
    )


def test_a_missing_docs_folder_is_a_located_error(tmp_path: Path) -> None:
    result = run("generate", "nowhere", cwd=tmp_path)
    assert (result.returncode, result.stderr.strip()) == (
        1,
        "nowhere: error: no such file or folder [docs]",
    )


@pytest.mark.parametrize("name", ["os", "json", "httpx", "conftest", "__main__"])
def test_a_package_name_that_would_shadow_a_module_is_refused(docs: Path, name: str) -> None:
    result = run("generate", "docs", "--out", "out", "--package", name, cwd=docs.parent)
    assert result.returncode == 2 and not (docs.parent / "out").exists()
    assert result.stderr.splitlines()[-1].startswith(
        f"python -m generator generate: error: argument --package: '{name}' "
    )
