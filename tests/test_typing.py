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
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--cache-dir",
        "/dev/null",
        package,
    ]
    return subprocess.run(command, cwd=folder, capture_output=True, text=True)


def test_the_committed_client_passes_mypy_strict() -> None:
    result = mypy(ROOT / "generated", "superoffice_client")
    assert result.returncode == 0, result.stdout


def test_a_script_using_every_feature_passes_mypy_strict() -> None:
    """tests/client_usage.py: async, errors, options, raw responses, auth providers, as users write them."""
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--cache-dir",
        "/dev/null",
    ]
    env = {**os.environ, "MYPYPATH": str(ROOT / "generated")}
    result = subprocess.run(
        [*command, str(ROOT / "tests" / "client_usage.py")], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stdout


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_the_corpus_client_passes_mypy_strict(tmp_path: Path) -> None:
    generate([CORPUS], tmp_path / "out", "corpus_client", cache_root=None)
    result = mypy(tmp_path / "out", "corpus_client")
    assert result.returncode == 0, result.stdout


USER_SCRIPT = """
from superoffice_client import Client
from superoffice_client.models import ODataSlimResponse, TicketEntity

with Client("https://sod.superoffice.com/Cust12345", token="t") as client:
    ticket: TicketEntity = client.ticket_entity.get_ticket_entity(id=4711, select=["Title"])
    ticket.title = "Printer fixed"
    count: int = client.ticket_entity.get_ticket_count(status="Open")
    page: ODataSlimResponse = client.ticket_entity.get_all(mode="Slim")
    client.ticket_entity.get_all(mode="ANewModeTheServerLearnt")
    for row in client.ticket_entity.iter_all(select=["title"], filter="x", page_size=200):
        title: object = row["title"]
    for each in client.ticket_entity.iter_all_pages(page_size=2):
        rows = each.value
    client.tickt_entity.get_all()
"""


def test_user_code_is_typed_end_to_end(tmp_path: Path) -> None:
    """Results, model fields and paging are typed; a misspelled group is an error, not Any."""
    (tmp_path / "user.py").write_text(USER_SCRIPT)
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--cache-dir",
        "/dev/null",
        "user.py",
    ]
    env = {**os.environ, "MYPYPATH": str(ROOT / "generated")}
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, result.stdout
    assert 'user.py:15: error: "Client" has no attribute "tickt_entity"' in errors[0]


def test_an_async_provider_is_a_type_error_for_the_sync_client(tmp_path: Path) -> None:
    """`Client` would send the coroutine as the header: only `AsyncClient` awaits a provider."""
    script = tmp_path / "use.py"
    script.write_text(
        "from superoffice_client import AsyncCallableAuth, AsyncClient, Client\n\n\n"
        "async def fetch(refresh: bool) -> str:\n"
        '    return "Bearer x"\n\n\n'
        'AsyncClient("https://x", auth=AsyncCallableAuth(fetch))\n'
        'Client("https://x", auth=AsyncCallableAuth(fetch))\n'
    )
    command = [
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--cache-dir",
        "/dev/null",
        str(script),
    ]
    result = subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(ROOT / "generated")},
    )
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].endswith(
        ':9: error: Argument "auth" to "Client" has incompatible type "AsyncCallableAuth"; expected "AuthProvider | None"  [arg-type]'
    )
