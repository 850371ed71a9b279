"""The generated client type-checks under mypy --strict, as its users' code will."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import generate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "restful"


def mypy(folder: Path, package: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", package]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True)


def test_the_committed_client_passes_mypy_strict() -> None:
    result = mypy(ROOT / "generated", "superoffice_client")
    assert result.returncode == 0, result.stdout


def test_a_script_using_every_feature_passes_mypy_strict() -> None:
    """tests/client_usage.py: async, errors, options, raw responses, auth providers, as users write them."""
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null"]
    env = {**os.environ, "MYPYPATH": str(ROOT / "generated")}
    result = subprocess.run([*command, str(ROOT / "tests" / "client_usage.py")], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stdout


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_the_corpus_client_passes_mypy_strict(tmp_path: Path) -> None:
    generate([CORPUS], tmp_path / "out", "corpus_client", cache_root=None)
    result = mypy(tmp_path / "out", "corpus_client")
    assert result.returncode == 0, result.stdout
