"""Accepting known flaws: `--ignore CODE` and a baseline that survives reordering and line shifts."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_cli import run

PAGE = "rest/Ticket/v1TicketEntity_GetTicketEntity.md"  # three of docs_input's five warnings


def test_ignored_codes_are_not_reported_nor_counted_by_strict(docs: Path) -> None:
    result = run(
        "lint",
        "docs",
        "--ignore",
        "undocumented-type,duplicate-uid",
        "--ignore",
        "sample-type",
        "--strict",
        cwd=docs.parent,
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "25 pages checked: 0 errors, 1 warnings (4 ignored)"
    assert "response-key-undocumented" in result.stdout and "undocumented-type" not in result.stdout
    everything = "undocumented-type,duplicate-uid,sample-type,response-key-undocumented"
    assert run("lint", "docs", "--ignore", everything, "--strict", cwd=docs.parent).returncode == 0
    generated = run(
        "generate",
        "docs",
        "--out",
        "out",
        "--strict",
        "--no-cache",
        "--ignore",
        everything,
        cwd=docs.parent,
    )
    assert generated.returncode == 0, generated.stderr
    assert "0 warnings (5 ignored); 42 files added in out" in generated.stdout


def test_unknown_codes_and_error_codes_cannot_be_ignored(docs: Path) -> None:
    unknown = run("lint", "docs", "--ignore", "no-such-code", cwd=docs.parent)
    assert unknown.returncode == 2 and "unknown warning code 'no-such-code'" in unknown.stderr
    error = run("lint", "docs", "--ignore", "front-matter", cwd=docs.parent)
    assert error.returncode == 2 and "'front-matter' is an error, not a warning" in error.stderr


def test_a_baseline_hides_known_findings_and_reports_new_ones(docs: Path) -> None:
    written = run("lint", "docs", "--write-baseline", "known.json", cwd=docs.parent)
    assert (written.returncode, written.stderr) == (
        0,
        "5 warnings written to the baseline known.json\n",
    )
    entries = json.loads((docs.parent / "known.json").read_text())["findings"]
    assert len(entries) == 5 and all("line" not in entry for entry in entries)

    clean = run("lint", "docs", "--baseline", "known.json", "--strict", cwd=docs.parent)
    assert (clean.returncode, clean.stdout) == (
        0,
        "25 pages checked: 0 errors, 0 warnings (5 known from the baseline)\n",
    )

    # lines shift (a paragraph above the findings) and the pages are read in another order
    page = docs / PAGE
    page.write_text(
        page.read_text().replace("\n# ", "\nA paragraph\n\nthat moves every line.\n\n# ", 1)
    )
    shifted = run(
        "lint", "docs/agent", "docs", "--baseline", "known.json", "--strict", cwd=docs.parent
    )
    assert (shifted.returncode, shifted.stdout) == (
        0,
        "25 pages checked: 0 errors, 0 warnings (5 known from the baseline)\n",
    )
    assert (
        run("lint", "docs", cwd=docs.parent).stdout
        != run("lint", "docs", "--baseline", "known.json", cwd=docs.parent).stdout
    )

    # a new finding, and one more of a kind the baseline has once on that page, are reported
    text = page.read_text()
    page.write_text(text.replace('"_Links": {', '"_Links": {},\n  "_More": {', 1))
    new = run("lint", "docs", "--baseline", "known.json", "--strict", cwd=docs.parent)
    assert new.returncode == 1
    assert [
        line.split(": ", 2)[1] + " " + line.rsplit(" ", 1)[1]
        for line in new.stdout.splitlines()[:-1]
    ] == ["warning [response-key-undocumented]"]
    assert "'_More'" in new.stdout
    assert (
        new.stdout.splitlines()[-1]
        == "25 pages checked: 0 errors, 1 warnings (5 known from the baseline)"
    )

    # generate --strict takes the baseline too
    generated = run(
        "generate",
        "docs",
        "--out",
        "out",
        "--strict",
        "--no-cache",
        "--baseline",
        "known.json",
        cwd=docs.parent,
    )
    assert (
        generated.returncode == 1
        and "'_More'" in generated.stderr
        and not (docs.parent / "out").exists()
    )


def test_findings_fixed_since_the_baseline_are_counted(docs: Path) -> None:
    assert run("lint", "docs", "--write-baseline", "known.json", cwd=docs.parent).returncode == 0
    (docs / "rest/Ticket/v1TicketEntity_GetTicketCount_new.md").unlink()
    result = run("lint", "docs", "--baseline", "known.json", cwd=docs.parent)
    assert (
        result.stdout.splitlines()[-1]
        == "24 pages checked: 0 errors, 0 warnings (4 known from the baseline, 1 baseline entry no longer found)"
    )


def test_a_missing_or_foreign_baseline_is_one_line(docs: Path) -> None:
    missing = run("lint", "docs", "--baseline", "nowhere.json", cwd=docs.parent)
    assert (missing.returncode, missing.stderr) == (
        1,
        "error: cannot read the baseline nowhere.json: No such file or directory\n",
    )
    (docs.parent / "other.json").write_text("{}")
    foreign = run("lint", "docs", "--baseline", "other.json", cwd=docs.parent)
    assert (foreign.returncode, foreign.stderr) == (
        1,
        "error: other.json is not a baseline of superoffice-docs-generator\n",
    )


def test_a_baseline_nested_past_any_limit_is_one_line(docs: Path) -> None:
    """A baseline comes with the pages, so it is read as untrusted JSON: bounded nesting."""
    (docs.parent / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    deep = run("lint", "docs", "--baseline", "deep.json", cwd=docs.parent)
    assert deep.returncode == 1 and "Traceback" not in deep.stderr
    assert deep.stderr.startswith("error: deep.json is not a baseline: nested deeper than")
    assert deep.stderr.count("\n") == 1
