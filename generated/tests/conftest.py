"""Test support: the clients wired to a mock SuperOffice API through httpx.MockTransport.

Every test that takes ``api`` runs twice: through `Client`, and through `AsyncClient` (each
call run to its end with asyncio.run).
"""

from __future__ import annotations

import asyncio
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

from superoffice_client import (  # noqa: E402
    ApiConnectionError,
    ApiError,
    ApiStatusError,
    ApiTimeoutError,
    AsyncClient,
    AuthenticationError,
    BadRequestError,
    Client,
    ConflictError,
    InternalServerError,
    Model,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitError,
    models,
)

BASE_URL = "https://sod.superoffice.com/Cust12345"
SETTINGS: dict[str, Any] = {
    "username": "tje0",
    "password": "Tje0",
    "app_token": "app-token-123",
    "language": "en",
    "culture": "nb-NO",
    "timezone": "CET",
}
FAILURES: dict[str, tuple[int | type[httpx.TransportError], type[ApiError]]] = {
    "400": (400, BadRequestError),
    "401": (401, AuthenticationError),
    "403": (403, PermissionDeniedError),
    "404": (404, NotFoundError),
    "409": (409, ConflictError),
    "412": (412, PreconditionFailedError),
    "429": (429, RateLimitError),
    "500": (500, InternalServerError),
    "503": (503, InternalServerError),
    "connection": (httpx.ConnectError, ApiConnectionError),
    "timeout": (httpx.ReadTimeout, ApiTimeoutError),
}
"""Each way a call can fail: the answer (a status, or the transport error met) and what it raises."""

SuperOfficeClient = Client | AsyncClient


class MockApi:
    """Records the client's requests and answers each with the response set by ``replay``."""

    def __init__(self, surface: str) -> None:
        self.requests: list[httpx.Request] = []
        self._response = httpx.Response(204)
        self._failure: type[httpx.TransportError] | None = None
        cls = AsyncClient if surface == "async" else Client
        self.client: SuperOfficeClient = cls(
            BASE_URL, **SETTINGS, transport=httpx.MockTransport(self._handle)
        )

    def _handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self._failure is not None:
            raise self._failure("the mock API is not answering")
        return self._response

    def run(self, call: Callable[[SuperOfficeClient], Any], client: SuperOfficeClient) -> Any:
        """The call's result; an AsyncClient's call is awaited to its end."""
        result = call(client)
        return asyncio.run(result) if asyncio.iscoroutine(result) else result

    def replay(self, sample: dict[str, Any]) -> dict[str, Any]:
        """Answer the next request with the sample's response; give the sample back."""
        content_type = sample["content_type"]
        headers = {"Content-Type": content_type} if content_type else {}
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

    def check_endpoint(
        self, call: Callable[[SuperOfficeClient], Any], sample: dict[str, Any]
    ) -> None:
        """Call the endpoint against its sample response; check what it sent and what it returned."""
        self.replay(sample)
        if sample["check"] == "raises":
            with pytest.raises(ApiStatusError) as raised:
                self.run(call, self.client)
            assert raised.value.status_code == sample["status"]
        else:
            result = self.run(call, self.client)
            self.check_result(result, sample)
        self.expect(sample)

    def check_error(self, call: Callable[[SuperOfficeClient], Any], failure: str) -> None:
        """The failure raises its class of ApiError, after one request (no retries allowed);
        a status error carries SuperOffice's error type, message and source."""
        answer, expected = FAILURES[failure]
        error = {
            "Error": True,
            "ErrorType": "SoException",
            "ErrorMessage": "Something went wrong",
            "ErrorSource": "NetServer",
        }
        if isinstance(answer, int):
            self.fail(answer, error)
        else:
            self._failure = answer
        with pytest.raises(ApiError) as raised:
            self.run(call, self.client.with_options(max_retries=0))
        assert type(raised.value) is expected
        assert len(self.requests) == 1
        assert raised.value.request.url.path == self.requests[0].url.path
        if isinstance(raised.value, ApiStatusError):
            assert raised.value.status_code == answer
            assert raised.value.body == error
            assert raised.value.error_type == "SoException"
            assert raised.value.error_message == "Something went wrong"
            assert raised.value.error_source == "NetServer"
            assert str(raised.value).endswith("[SoException]: Something went wrong")
        else:
            assert "the mock API is not answering" in str(raised.value)

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


@pytest.fixture(params=["sync", "async"])
def api(request: pytest.FixtureRequest) -> MockApi:
    """A mock API and, in turn, each of the two clients."""
    return MockApi(request.param)


@pytest.fixture(params=list(FAILURES))
def failure(request: pytest.FixtureRequest) -> str:
    """Each way a call can fail (FAILURES)."""
    name: str = request.param
    return name
