"""README's client example runs as written against the committed client (through a mock API)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_client_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(ROOT / "generated"))
    import superoffice_client._base as runtime

    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.method == "DELETE":
            return httpx.Response(
                412, json={"ErrorType": "Modified", "ErrorMessage": "changed since"}
            )
        if request.url.path.endswith("/IsTicketOpen"):
            return httpx.Response(200, json=True)
        if request.url.path.endswith("/AddMessage"):
            return httpx.Response(200, json=815)
        if request.url.path.endswith("/api/v1/Ticket"):  # two pages
            if "$skip" not in request.url.params:
                following = "https://sod.superoffice.com/Cust12345/api/v1/Ticket?$skip=200&$top=200"
                return httpx.Response(
                    200, json={"value": [{"title": "Printer"}], "odata.nextLink": following}
                )
            return httpx.Response(200, json={"value": [{"title": "Screen"}]})
        return httpx.Response(
            200,
            json={"TicketId": 4711, "Title": "Printer", "CreatedAt": "2024-03-01T09:15:00+01:00"},
        )

    connect = runtime.BaseClient.__init__
    monkeypatch.setattr(
        runtime.BaseClient,
        "__init__",
        lambda self, *a, **k: connect(self, *a, **dict(k, transport=httpx.MockTransport(answer))),
    )
    example = re.search(
        r"## The generated client\n\n```python\n(.*?)```", (ROOT / "README.md").read_text(), re.S
    )
    assert example is not None
    exec(compile(example[1], "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed == [
        "Printer 2024-03-01 09:15:00+01:00",
        "Printer",
        "Screen",
        "412 HTTP 412 Precondition Failed from DELETE /Cust12345/api/v1/Ticket/4711 [Modified]: changed since",
    ]
    (message,) = [r for r in sent if r.url.path.endswith("/AddMessage")]
    assert json.loads(message.content) == {"TicketId": 4711, "Body": "Done", "Cc": None}
