"""Settings in pyproject.toml's [tool.superoffice-docs-generator]; flags override them."""

from __future__ import annotations

import re
from pathlib import Path

from tests.test_cli import ROOT, run


def configure(folder: Path, body: str) -> None:
    (folder / "pyproject.toml").write_text(
        '[project]\nname = "mine"\n\n[tool.superoffice-docs-generator]\n' + body
    )


def test_settings_apply_and_flags_override_them(docs: Path) -> None:
    here = docs.parent
    configure(
        here, 'docs = ["docs"]\nout = "client"\npackage = "demo_client"\ncache = false\njobs = 1\n'
    )
    result = run("generate", cwd=here)
    assert result.returncode == 0, result.stderr
    assert (here / "client/demo_client/py.typed").exists() and not (here / ".cache").exists()
    assert "reference pages; do not edit" in (here / "client/pyproject.toml").read_text()
    override = run("generate", "--out", "other", "--package", "other_client", cwd=here)
    assert override.returncode == 0, override.stderr
    assert (here / "other/other_client/py.typed").exists()
    assert run("generate", "--check", cwd=here).returncode == 0  # client/ is what the settings make


def test_strict_and_ignore_from_the_settings_and_their_flags(docs: Path) -> None:
    here = docs.parent
    configure(here, 'docs = ["docs"]\nstrict = true\nignore = ["undocumented-type"]\n')
    strict = run("lint", cwd=here)
    assert strict.returncode == 1
    assert strict.stdout.splitlines()[-1] == "25 pages checked: 0 errors, 3 warnings (2 ignored)"
    assert run("lint", "--no-strict", cwd=here).returncode == 0
    flagged = run("lint", "--ignore", "sample-type", cwd=here)
    assert (
        flagged.stdout.splitlines()[-1] == "25 pages checked: 0 errors, 4 warnings (1 ignored)"
    )  # the flag replaces the list


def test_an_unknown_key_is_an_error_naming_it_the_file_and_the_line(docs: Path) -> None:
    configure(docs.parent, 'docs = ["docs"]\n\n# the output\noutput = "client"\n')
    result = run("generate", cwd=docs.parent)
    assert result.returncode == 2
    assert result.stderr.startswith(
        "error: pyproject.toml:8: unknown key 'output' in [tool.superoffice-docs-generator] (known keys: docs, out,"
    )
    assert not (docs.parent / "client").exists() and not (docs.parent / "generated").exists()


def test_a_value_of_the_wrong_kind_is_an_error(docs: Path) -> None:
    configure(docs.parent, "jobs = 0\n")
    result = run("lint", "docs", cwd=docs.parent)
    assert (result.returncode, result.stderr) == (
        2,
        "error: pyproject.toml:5: 'jobs' must be a positive integer, not 0\n",
    )
    configure(docs.parent, 'package = "json"\n')
    result = run("generate", "docs", cwd=docs.parent)
    assert result.returncode == 2 and "'json' would shadow the module" in result.stderr


def test_the_readme_example_is_complete_and_works(docs: Path) -> None:
    example = re.search(
        r"```toml\n(\[tool\.superoffice-docs-generator\]\n.*?)```",
        (ROOT / "README.md").read_text(),
        re.S,
    )
    assert example is not None
    here = docs.parent
    (here / "docs").rename(here / "docs_input")
    (here / "pyproject.toml").write_text(example[1])
    from generator.config import KEYS, read_config

    settings = read_config(here / "pyproject.toml")
    assert {key.replace("-", "_") for key in KEYS} - {"package_version"} <= set(settings)
    assert run("lint", "--write-baseline", settings["baseline"], cwd=here).returncode == 0
    result = run("generate", cwd=here)
    assert result.returncode == 0, result.stderr
    assert run("generate", "--check", cwd=here).returncode == 0
