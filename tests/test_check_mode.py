"""`generate --check`: nothing written, exit 1 and the files listed when the output is stale."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pages import tree
from tests.test_cli import run

ARGS = ("generate", "docs", "--out", "out", "--package", "demo_client", "--no-cache")


@pytest.fixture
def generated(docs: Path) -> Path:
    assert run(*ARGS, cwd=docs.parent).returncode == 0
    return docs.parent / "out"


def test_a_current_output_passes(generated: Path, docs: Path) -> None:
    result = run(*ARGS, "--check", cwd=docs.parent)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1].endswith("; out is up to date")


def test_a_stale_output_fails_listing_the_files_and_is_left_alone(
    generated: Path, docs: Path
) -> None:
    page = docs / "agent/Ticket_Agent/v1TicketAgent_GetOwner.md"
    page.write_text(
        page.read_text().replace(
            "Gets the associate who owns", "Gets the current associate who owns"
        )
    )
    before = tree(generated)
    result = run(*ARGS, "--check", cwd=docs.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(
        line.endswith("; out is stale: 2 files changed, 41 unchanged") for line in lines
    ), lines
    assert "  changed: out/.generator-manifest.json" in lines
    assert "  changed: out/demo_client/groups/ticket_agent.py" in lines
    assert "---" not in result.stdout
    assert tree(generated) == before
    assert sorted(p.name for p in docs.parent.iterdir()) == ["docs", "out"]  # no cache, no staging

    diff = run(*ARGS, "--check", "--diff", cwd=docs.parent)
    assert diff.returncode == 1
    assert (
        "--- out/demo_client/groups/ticket_agent.py\n+++ out/demo_client/groups/ticket_agent.py\n"
        in diff.stdout
    )
    assert any(
        line.startswith("+") and "Gets the current associate" in line
        for line in diff.stdout.splitlines()
    )
    assert tree(generated) == before


def test_extra_and_missing_files_are_listed(generated: Path, docs: Path) -> None:
    (generated / "notes.txt").write_text("mine\n")
    (generated / "tests/test_ticket_agent.py").unlink()
    result = run(*ARGS, "--check", "--diff", cwd=docs.parent)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "  added: out/tests/test_ticket_agent.py" in lines
    assert "  removed: out/notes.txt" in lines
    assert "--- out/notes.txt" in lines and "+++ /dev/null" in lines and "-mine" in lines
    assert (generated / "notes.txt").read_text() == "mine\n"


def test_a_missing_output_is_stale(docs: Path) -> None:
    result = run(*ARGS, "--check", cwd=docs.parent)
    assert result.returncode == 1
    assert "; out is stale: 43 files added" in result.stdout
    assert not (docs.parent / "out").exists()


def test_the_committed_generated_folder_is_current() -> None:
    from tests.test_cli import ROOT

    result = run("generate", "--check", "--no-cache", cwd=ROOT)
    assert result.returncode == 0, result.stdout
