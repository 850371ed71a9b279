"""`mock`: the pages served over real HTTP on 127.0.0.1, and the generated clients' emitted tests
re-run against it, endpoint by endpoint (bounded in time, loopback only)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.load import load
from generator.mock import start
from tests.pages import page, table
from tests.test_cli import ROOT, run

CORPUS = ROOT.parent / "shared" / "corpus" / "restful"


@contextmanager
def mock_command(docs: Path | str, cwd: Path) -> Iterator[str]:
    """`python -m generator mock DOCS --port 0` running; its base URL."""
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "mock", str(docs), "--port", "0"],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    try:
        assert server.stdout is not None
        line = (
            server.stdout.readline()
        )  # serving N endpoints from DOCS on http://127.0.0.1:PORT/ (...)
        assert " on http://127.0.0.1:" in line, line
        yield line.split(" on ", 1)[1].split("/ ", 1)[0]
    finally:
        server.terminate()
        server.wait(timeout=10)


def round_trips(out: Path, url: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests/mock_roundtrip.py"), str(out), url],
        capture_output=True,
        text=True,
        timeout=300,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_committed_clients_emitted_tests_pass_against_the_mock_server() -> None:
    with mock_command("docs_input", ROOT) as url:
        counts = round_trips(ROOT / "generated", url)
    assert counts == {"endpoints": 18, "round_trips": 18, "failures": []}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no shared corpus")
def test_a_client_generated_from_the_corpus_round_trips_every_endpoint(tmp_path: Path) -> None:
    generated = run(
        "generate",
        CORPUS,
        "--out",
        tmp_path / "out",
        "--package",
        "corpus_client",
        "--no-cache",
        cwd=tmp_path,
    )
    assert generated.returncode == 0, generated.stderr
    with mock_command(CORPUS, tmp_path) as url:
        counts = round_trips(tmp_path / "out", url)
    assert counts["failures"] == []
    assert counts["endpoints"] == counts["round_trips"] == 136


def request(url: str, method: str = "GET", body: bytes | None = None) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, data=body, method=method), timeout=10
        ) as answer:
            return answer.status, answer.headers.get("Content-Type", ""), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    required = page(
        "Finds things.",
        "## Query String Parameters",
        table(
            "| Parameter Name | Type |  Description |", "| mode | string | The mode. **Required** |"
        ),
        "## Request Body: request",
        table(
            "| Property Name | Type |  Description |", "| Count | int32 | How many. **Required** |"
        ),
        "## Response:",
        "| Response | Description |\n|---|---|\n| 200 | OK |",
        "### Response body: Found",
        table("| Property Name | Type |  Description |", "| Id | int32 | |"),
    )
    (tmp_path / "find.md").write_text(required)
    api, _ = load([tmp_path])
    assert api is not None
    server = start(api, 0)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_answers_are_made_from_the_documented_type_and_requests_are_checked(served: str) -> None:
    url = served + "/tenant/api/v1/Agents/Demo/DoThing"
    status, content_type, body = request(url + "?mode=x", "POST", b'{"Count": 2}')
    assert (status, content_type, json.loads(body)) == (
        200,
        "application/json; charset=utf-8",
        {"Id": 1},
    )
    status, _, body = request(url, "POST", b'{"Count": 2}')
    assert (status, json.loads(body)) == (
        400,
        {
            "ErrorType": "ArgumentException",
            "ErrorMessage": "The query parameter 'mode' is required by v1DemoAgent_DoThing",
        },
    )
    status, _, body = request(url + "?mode=x", "POST", b"{}")
    assert (status, json.loads(body)["ErrorMessage"]) == (
        400,
        "The request body lacks 'Count', which v1DemoAgent_DoThing requires",
    )
    status, _, body = request(url + "?mode=x", "GET")
    assert (status, json.loads(body)) == (
        404,
        {
            "ErrorType": "EndpointNotFound",
            "ErrorMessage": "No endpoint GET /tenant/api/v1/Agents/Demo/DoThing; the path takes POST",
        },
    )
    status, _, body = request(served + "/api/v1/Nothing")
    assert status == 404 and json.loads(body)["ErrorType"] == "EndpointNotFound"
    for hostile in (b"[" * 100_000 + b"]" * 100_000, b"\xff{"):  # too deep; not UTF-8
        status, _, body = request(url + "?mode=x", "POST", hostile)
        assert (status, json.loads(body)["ErrorType"]) == (400, "SerializationException")


def test_a_sample_response_is_served_as_written() -> None:
    api, _ = load([ROOT / "docs_input"])
    assert api is not None
    server = start(api, 0)
    try:
        status, content_type, body = request(
            f"http://127.0.0.1:{server.server_address[1]}/api/v1/Ticket/4711/Attachment/report%202024.pdf",
            "GET",
        )
    finally:
        server.shutdown()
        server.server_close()
    operation = next(op for op in api.operations if op.uid == "v1TicketEntity_GetAttachment")
    assert operation.response_sample is not None
    assert status == 200 and body == operation.response_sample.body_text.encode()
    assert content_type == operation.response_sample.header("Content-Type")


def test_a_port_that_is_not_a_port_is_refused() -> None:
    result = run("mock", "--port", "70000", cwd=ROOT)
    assert result.returncode == 2 and "70000 is not a port number" in result.stderr
