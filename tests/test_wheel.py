"""The generator installed from its wheel (as a build dependency is) works from any folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.pages import tree

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_the_wheel_holds_the_templates_and_generates_from_another_folder(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a clean copy: no build leftovers in the checkout
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv*", ".cache", "__pycache__", "*.egg-info", "build", "generated"
        ),
    )
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "wheel", source],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "wheel").glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    templates = {
        f"generator/templates/{p.relative_to(ROOT / 'templates').as_posix()}"
        for p in (ROOT / "templates").rglob("*.j2")
    }
    assert templates and templates <= names
    runtime = {f"generator/runtime/{p.name}" for p in (ROOT / "generator" / "runtime").glob("*.py")}
    assert len(runtime) > 10 and runtime <= names
    assert not any(
        name.startswith(("tests/", "bench/", "docs_input/", "templates/")) for name in names
    )

    target = tmp_path / "installed"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", target, wheel],
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "docs_input", elsewhere / "docs")
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    where = subprocess.run(
        [sys.executable, "-c", "import generator; print(generator.__file__)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert where.stdout.startswith(str(target))  # the installed copy, not the checkout
    result = subprocess.run(
        [sys.executable, "-m", "generator", "generate", "docs", "--out", "out"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert tree(elsewhere / "out") == tree(ROOT / "generated")
