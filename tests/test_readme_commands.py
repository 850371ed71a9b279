"""Every `$ python -m generator ...` example in README prints what README says it prints."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _examples() -> list[tuple[str, list[str]]]:
    """(command, the lines README shows after it) for each `$ ` line of README's plain blocks."""
    blocks: list[list[str]] = []
    fence = None
    for line in (ROOT / "README.md").read_text().splitlines():
        if line.startswith("```"):
            fence = None if fence is not None else line[3:]
            if fence == "":
                blocks.append([])
        elif fence == "":
            blocks[-1].append(line)
    found = []
    for lines in blocks:
        for i, line in enumerate(lines):
            if line.startswith("$ "):
                shown = []
                for after in lines[i + 1 :]:
                    if after.startswith("$ "):
                        break
                    shown.append(after)
                found.append((line[2:], shown))
    return found


EXAMPLES = _examples()


def test_readme_has_command_examples() -> None:
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_a_readme_command_prints_what_readme_shows(
    command: str, shown: list[str], tmp_path: Path
) -> None:
    shutil.copytree(ROOT / "docs_input", tmp_path / "docs_input")
    python = f"{sys.executable} -m generator"
    result = subprocess.run(
        command.replace("python -m generator", python),
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    printed = (result.stdout + result.stderr).splitlines()
    assert printed == shown
