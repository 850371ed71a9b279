"""Fixtures shared by the generator's tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A copy of docs_input/ to change at will."""
    shutil.copytree(ROOT / "docs_input", tmp_path / "docs")
    return tmp_path / "docs"
