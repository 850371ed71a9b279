"""Test support: the client wired to a mock SuperOffice API through httpx.MockTransport."""

from __future__ import annotations

import base64
import json
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from superoffice_client import ApiError, Client, Model, models  # noqa: E402

BASE_URL = "https://sod.superoffice.com/Cust12345"
SETTINGS: dict[str, Any] = {
    "username": "tje0",
    "password": "Tje0",
    "app_token": "app-token-123",
    "language": "en",
    "culture": "nb-NO",
    "timezone": "CET",
}


class MockApi:
    """Records the client's requests and answers each with the response set by ``respond``."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self._response = httpx.Response(204)
        self._pages: list[dict[str, Any]] = []
        self.client = Client(BASE_URL, **SETTINGS, transport=httpx.MockTransport(self._handle))

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self._pages:
            return httpx.Response(200, json=self._pages.pop(0))
        return self._response

    def replay(self, sample: dict[str, Any]) -> dict[str, Any]:
        """Answer the next request with the sample's response; give the sample back."""
        content_type = sample["content_type"]  # as bytes: a sample's may not be ASCII
        headers = {"Content-Type": content_type.encode()} if content_type else {}
        content = sample["response"].encode()
        self._response = httpx.Response(sample["status"], headers=headers, content=content)
        return sample

    def fail(self, status: int, body: dict[str, Any]) -> None:
        self._response = httpx.Response(status, json=body)

    def expect(self, sample: dict[str, Any]) -> None:
        """Assert the one request sent: method, path, query, SuperOffice headers and body."""
        assert len(self.requests) == 1, self.requests
        request = self.requests[0]
        assert request.method == sample["method"]
        assert request.url.raw_path.decode().partition("?")[0] == "/Cust12345" + sample["path"]
        query = dict(parse_qsl(request.url.query.decode(), keep_blank_values=True))
        assert query == sample["query"]
        pair = base64.b64encode(b"tje0:Tje0").decode()
        assert request.headers["Authorization"] == f"Basic {pair}"
        assert request.headers["SO-AppToken"] == "app-token-123"
        assert request.headers["Accept"] == "application/json"
        assert request.headers["Accept-Language"] == "en"
        assert request.headers["SO-Language"] == "en"
        assert request.headers["SO-Culture"] == "nb-NO"
        assert request.headers["SO-TimeZone"] == "CET"
        if "request" in sample:
            assert request.headers["Content-Type"] == "application/json"
            assert json.loads(request.content) == sample["request"]
        elif "content" in sample:
            assert request.headers["Content-Type"] == "application/octet-stream"
            assert request.content == sample["content"].encode("latin-1")
        else:
            assert request.content == b""
            assert "Content-Type" not in request.headers

    def page_run(
        self, call: Callable[[Client], Any], pages: list[dict[str, Any]]
    ) -> tuple[list[Any], list[httpx.Request]]:
        """The rows `call` yields while the server answers with `pages`, and the requests sent."""
        self.requests, self._pages = [], list(pages)
        rows = list(call(self.client))
        return rows, self.requests

    def check_paging(self, call: Callable[[Client], Any], sample: dict[str, Any]) -> None:
        """Pages are followed by their next link (to the client's own server, whatever host the
        link names) until a page without rows, or a page without a next link."""
        elsewhere = "https://elsewhere.example.com/Cust12345" + sample["path"]
        pages = [
            {"odata.nextLink": elsewhere + "?$skip=2&$top=2", "value": [{"n": 1}, {"n": 2}]},
            {"odata.nextLink": elsewhere + "?$skip=4&$top=2", "value": [{"n": 3}, {"n": 4}]},
            {"odata.nextLink": elsewhere + "?$skip=6&$top=2", "value": [{"n": 5}]},
            {"odata.nextLink": elsewhere + "?$skip=8&$top=2", "value": []},
        ]
        rows, sent = self.page_run(call, pages)
        assert rows == [{"n": n} for n in range(1, 6)]
        assert len(sent) == 4
        path = "/Cust12345" + sample["path"]
        assert [request.url.host for request in sent] == ["sod.superoffice.com"] * 4
        assert [request.url.raw_path.decode().partition("?")[0] for request in sent] == [path] * 4
        query = dict(parse_qsl(sent[0].url.query.decode(), keep_blank_values=True))
        assert query == sample["paging"]["query"]
        for skip, request in zip(["2", "4", "6"], sent[1:]):
            assert dict(parse_qsl(request.url.query.decode())) == {"$skip": skip, "$top": "2"}
        last = {"value": [{"n": 3}]}
        rows, sent = self.page_run(call, [pages[0], last])
        assert rows == [{"n": 1}, {"n": 2}, {"n": 3}] and len(sent) == 2

    def check_paging_repeats(self, call: Callable[[Client], Any], sample: dict[str, Any]) -> None:
        """A link followed before, or the rows of the page before, stop the paging."""
        link = "/Cust12345" + sample["path"] + "?$skip=2"
        first = {"odata.nextLink": link, "value": [{"n": 1}, {"n": 2}]}
        again = {"odata.nextLink": link, "value": [{"n": 3}]}
        rows, sent = self.page_run(call, [first, again, again])
        assert rows == [{"n": 1}, {"n": 2}, {"n": 3}] and len(sent) == 2
        same = {"odata.nextLink": link + "0", "value": [{"n": 1}, {"n": 2}]}
        rows, sent = self.page_run(call, [first, same, same])
        assert rows == [{"n": 1}, {"n": 2}] and len(sent) == 2

    def check_model(self, value: Any, cls: type[Model], expected: Any) -> None:
        """The decoded model reads every field and gives back exactly the JSON received."""
        assert isinstance(value, cls)
        for name, spec in cls._fields.items():
            decoded = getattr(value, name)
            raw = expected.get(spec.wire)
            if isinstance(decoded, Model):
                self.check_model(decoded, type(decoded), raw)
            elif isinstance(decoded, datetime):
                assert isinstance(raw, str) and datetime.fromisoformat(raw) == decoded
            elif spec.codec is None:
                assert decoded == raw
        assert value.to_dict() == expected
        assert cls.from_dict(value.to_dict()) == value

    def check_endpoint(self, call: Callable[[Client], Any], sample: dict[str, Any]) -> None:
        """Call the endpoint against its sample response; check what it sent and what it returned."""
        self.replay(sample)
        if sample["check"] == "raises":
            with pytest.raises(ApiError) as raised:
                call(self.client)
            assert raised.value.status_code == sample["status"]
        else:
            result = call(self.client)
            self.check_result(result, sample)
        self.expect(sample)

    def check_error(self, call: Callable[[Client], Any]) -> None:
        """A non-2xx answer raises ApiError carrying SuperOffice's error type and message."""
        error = {"ErrorType": "SoException", "ErrorMessage": "Something went wrong"}
        self.fail(500, error)
        with pytest.raises(ApiError) as raised:
            call(self.client)
        assert raised.value.status_code == 500
        assert raised.value.body == error
        assert str(raised.value).endswith("[SoException]: Something went wrong")

    def check_result(self, result: Any, sample: dict[str, Any]) -> None:
        """The decoded result, as the sample's `check` says it must be."""
        check, expected = sample["check"], sample.get("expected")
        if check == "none":
            assert result is None
        elif check == "model":
            self.check_model(result, getattr(models, sample["model"]), expected)
        elif check == "models":
            assert isinstance(result, list) and len(result) == len(expected)
            for item, wire in zip(result, expected):
                self.check_model(item, getattr(models, sample["model"]), wire)
        elif check == "bytes":
            assert isinstance(result, bytes)
            assert result == base64.b64decode(sample["expected_base64"])
        elif check == "datetime":
            assert result == datetime.fromisoformat(expected)
        else:
            assert check == "equal"
            assert result == expected


@pytest.fixture
def api() -> MockApi:
    return MockApi()
