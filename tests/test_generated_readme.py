"""The README inside the generated package: its examples run against the committed client, and
`--package-version` sets the version everywhere it is printed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated"


def blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", (GENERATED / "README.md").read_text("utf-8"), re.S)


def test_the_readme_is_the_package_long_description() -> None:
    pyproject = (GENERATED / "pyproject.toml").read_text("utf-8")
    assert 'readme = "README.md"' in pyproject and 'version = "0.1.0"' in pyproject
    text = (GENERATED / "README.md").read_text("utf-8")
    for topic in (
        "## Installation",
        "## Authentication",
        "## Errors",
        "## Retries",
        "## Per-call options",
        "## Raw responses",
        "## Async",
        "## Webhooks",
        "## Logging",
    ):
        assert topic in text
    assert "client.ticket_entity.get_ticket_entity(id=1)" in text  # a real method, from the pages


def test_every_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(GENERATED))
    import superoffice_client._base as runtime

    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"TicketId": 1, "Title": "Printer"})

    connect = runtime.BaseClient.__init__
    monkeypatch.setattr(
        runtime.BaseClient,
        "__init__",
        lambda self, *a, **k: connect(self, *a, **dict(k, transport=httpx.MockTransport(answer))),
    )
    examples = blocks()
    assert len(examples) == 10
    for index, code in enumerate(examples):
        exec(compile(code, f"README.md example {index + 1}", "exec"), {"__name__": "readme"})
    printed = capsys.readouterr().out
    assert printed.count("TicketEntity(ticket_id=1, title='Printer')") == 4, printed
    webhook = "contact.changed 4711 ['name'] 2024-03-14 09:26:53+00:00\n200\n401\n"
    assert webhook in printed, printed  # signed: the typed event and 200; forged: 401
    assert all(request.url.path == "/Cust12345/api/v1/Ticket/1" for request in sent)
    assert sent[1].headers["Authorization"] == "Bearer access"  # the OAuth provider's token
    assert any(
        request.headers.get("X-Trace") == "42" and request.extensions["timeout"]["read"] == 5
        for request in sent
    )


def test_package_version_goes_into_pyproject_version_and_user_agent(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "generator",
        "generate",
        "docs_input",
        "--out",
        str(tmp_path / "out"),
        "--no-cache",
        "--package-version",
        "2.3.0rc1",
    ]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    assert 'version = "2.3.0rc1"' in (tmp_path / "out" / "pyproject.toml").read_text()
    assert "superoffice-client 2.3.0rc1" in (tmp_path / "out" / "README.md").read_text()
    code = "import superoffice_client as so; print(so.__version__, so._base.USER_AGENT)"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path / "out",
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("2.3.0rc1 superoffice_client/2.3.0rc1 httpx/")
    bad = subprocess.run([*command[:-1], "latest"], cwd=ROOT, capture_output=True, text=True)
    assert bad.returncode == 2 and "'latest' is not a version" in bad.stderr
