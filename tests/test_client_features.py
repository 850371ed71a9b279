"""The generated client's runtime features, on the package generated from docs_input/: the async
client, the error classes, per-call options and raw responses, logging, auth providers, and the
client facing a hostile server."""

from __future__ import annotations

import asyncio
import base64
import http.server
import json
import logging
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

GENERATED = Path(__file__).resolve().parent.parent / "generated"
sys.path.insert(0, str(GENERATED))

import superoffice_client as so  # noqa: E402
from superoffice_client import (  # noqa: E402
    ApiConnectionError,
    ApiError,
    ApiResponseError,
    ApiStatusError,
    ApiTimeoutError,
    AsyncCallableAuth,
    AsyncClient,
    AuthenticationError,
    CallableAuth,
    Client,
    NotFoundError,
    StaticAuth,
)
from superoffice_client.models import TicketEntity  # noqa: E402

Handler = Callable[[httpx.Request], httpx.Response]


def recorded(handler: Handler) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    requests: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return handler(request)

    return httpx.MockTransport(handle), requests


def ticket(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"TicketId": 7, "Title": "Printer"})


# 1. Async


def test_the_async_client_has_the_same_groups_and_methods_awaited() -> None:
    transport, requests = recorded(ticket)

    async def main() -> tuple[TicketEntity, bool]:
        async with AsyncClient("https://x/Cust1", token="t", transport=transport) as client:
            got = await client.ticket_entity.get_ticket_entity(id=7)
            raw = await client.with_raw_response.ticket_entity.get_ticket_entity(id=7)
            return got, raw.parse() == got
        raise AssertionError("unreachable")

    got, same = asyncio.run(main())
    assert isinstance(got, TicketEntity) and got.title == "Printer" and same
    assert [r.url.path for r in requests] == ["/Cust1/api/v1/Ticket/7"] * 2
    sync_methods = {
        name for name in dir(Client("https://x").ticket_entity) if not name.startswith("_")
    }
    async_group = AsyncClient("https://x").ticket_entity
    assert sync_methods == {name for name in dir(async_group) if not name.startswith("_")}
    for name in sync_methods:  # awaited, but for the paging iterators: `async for` reads them
        assert asyncio.iscoroutinefunction(getattr(async_group, name)) != name.startswith("iter_")


def test_the_async_client_retries_and_sleeps_without_blocking(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = [httpx.Response(503), httpx.Response(200, json=3)]
    transport, requests = recorded(lambda request: answers.pop(0))

    async def main() -> int:
        client = AsyncClient("https://x", backoff=0.01, transport=transport)
        count: int = await client.ticket_entity.get_ticket_count(status="Open")
        await client.close()
        return count

    assert asyncio.run(main()) == 3 and len(requests) == 2


# 2. Errors


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, so.BadRequestError),
        (401, so.AuthenticationError),
        (403, so.PermissionDeniedError),
        (404, so.NotFoundError),
        (409, so.ConflictError),
        (412, so.PreconditionFailedError),
        (429, so.RateLimitError),
        (500, so.InternalServerError),
        (507, so.InternalServerError),
        (418, ApiStatusError),
    ],
)
def test_each_status_raises_its_class(status: int, cls: type[ApiStatusError]) -> None:
    body = {
        "Error": True,
        "ErrorType": "SoNotFoundException",
        "ErrorMessage": "gone",
        "ErrorSource": "NetServer",
    }
    transport, _ = recorded(lambda request: httpx.Response(status, json=body))
    client = Client("https://x/Cust1", max_retries=0, transport=transport)
    with pytest.raises(ApiStatusError) as raised:
        client.ticket_entity.get_ticket_entity(id=1)
    error = raised.value
    assert type(error) is cls and isinstance(error, ApiError)
    assert (error.status_code, error.body, error.response.status_code) == (status, body, status)
    assert (error.error_type, error.error_message, error.error_source) == (
        "SoNotFoundException",
        "gone",
        "NetServer",
    )
    assert error.request.url.path == "/Cust1/api/v1/Ticket/1"


def test_transport_failures_raise_connection_and_timeout_errors() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow")

    for handler, cls in ((refuse, ApiConnectionError), (slow, ApiTimeoutError)):
        client = Client("https://x", max_retries=0, transport=httpx.MockTransport(handler))
        with pytest.raises(ApiConnectionError) as raised:
            client.ticket_entity.get_ticket_entity(id=1)
        assert type(raised.value) is cls and isinstance(
            raised.value.__cause__, httpx.TransportError
        )


def test_304_is_not_an_error_and_returns_none() -> None:
    transport, requests = recorded(lambda request: httpx.Response(304))
    client = Client("https://x", transport=transport)
    since = {"If-Modified-Since": "Wed, 21 Oct 2015 07:28:00 GMT"}
    assert client.ticket_entity.get_ticket_entity(id=1, extra_headers=since) is None
    raw = client.with_raw_response.ticket_entity.get_ticket_entity(id=1, extra_headers=since)
    assert raw.status_code == 304 and raw.parse() is None
    assert requests[0].headers["If-Modified-Since"] == since["If-Modified-Since"]


# 3. Per-call options, raw responses, with_options


def test_per_call_options_are_sent() -> None:
    transport, requests = recorded(lambda request: httpx.Response(200, json=1))
    client = Client("https://x", headers={"X-A": "client"}, transport=transport)
    client.ticket_entity.get_ticket_count(
        status="Open",
        timeout=4.5,
        extra_headers={"X-A": "call"},
        extra_query={"$top": "3"},
        max_retries=0,
    )
    (request,) = requests
    assert request.headers["X-A"] == "call" and request.url.params["$top"] == "3"
    assert request.url.params["status"] == "Open"
    assert request.extensions["timeout"] == httpx.Timeout(4.5).as_dict()


def test_max_retries_per_call() -> None:
    transport, requests = recorded(lambda request: httpx.Response(503))
    client = Client("https://x", backoff=0, max_retries=5, transport=transport)
    with pytest.raises(so.InternalServerError):
        client.ticket_entity.get_ticket_count(status="Open", max_retries=1)
    assert len(requests) == 2


def test_an_unknown_option_is_refused() -> None:
    client = Client("https://x", transport=httpx.MockTransport(ticket))
    with pytest.raises(TypeError, match="timout"):
        client.ticket_entity.get_ticket_entity(id=1, timout=3)  # type: ignore[call-arg]


def test_a_documented_parameter_named_like_an_option_gets_a_trailing_underscore() -> None:
    from generator.naming import arguments

    names = arguments()
    assert [
        names.claim(n) for n in ("timeout", "max_retries", "extra_query", "top", "timeout")
    ] == [
        "timeout_",
        "max_retries_",
        "extra_query_",
        "top",
        "timeout__2",
    ]


def test_raw_responses_give_status_headers_request_and_parse() -> None:
    transport, _ = recorded(
        lambda request: httpx.Response(200, json={"TicketId": 7}, headers={"ETag": "v1"})
    )
    client = Client("https://x/Cust1", transport=transport)
    raw = client.with_raw_response.ticket_entity.get_ticket_entity(id=7)
    assert raw.status_code == 200 and raw.headers["ETag"] == "v1"
    assert raw.http_request.url.path == "/Cust1/api/v1/Ticket/7"
    parsed = raw.parse()
    assert isinstance(parsed, TicketEntity) and parsed.ticket_id == 7
    assert (
        client.ticket_entity.get_ticket_entity(id=7).ticket_id == 7
    )  # the client itself is unchanged
    with pytest.raises(NotFoundError):
        Client(
            "https://x", transport=httpx.MockTransport(lambda r: httpx.Response(404))
        ).with_raw_response.ticket_entity.get_ticket_entity(id=7)


@pytest.mark.parametrize(
    "base_url", ["https://x", "https://x/Cust1", "https://x/Cust1/", "https://u:p@x:8443/a%20b"]
)
def test_the_path_is_appended_to_the_base_url_as_httpx_merges_them(base_url: str) -> None:
    transport, requests = recorded(lambda request: httpx.Response(200, json=1))
    for root in (base_url, base_url + "?q=1#f"):  # httpx would put the path into that query
        client = Client(root, transport=transport)
        client.ticket_entity.get_ticket_count(status="Open")
        client.ticket_entity.get_ticket_entity(id=7)
    merged = httpx.Client(base_url=base_url)
    assert [request.url for request in requests] == 2 * [
        merged.build_request("GET", "/api/v1/Ticket/Count", params={"status": "Open"}).url,
        merged.build_request("GET", "/api/v1/Ticket/7").url,
    ]


def test_a_request_is_built_as_httpx_builds_it() -> None:
    """`Call.build` makes the request itself: it must be the one `build_request` would make, the
    connection's headers, cookies and timeout merged as httpx merges them."""
    seen: list[tuple[httpx.Request, httpx.Request]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        own = {k: v for k, v in request.headers.items() if k in ("content-type", "x-a")}
        expected = client._http.build_request(
            request.method, request.url, content=request.content, headers=own
        )
        seen.append((request, expected))
        return httpx.Response(200, json=True, headers={"Set-Cookie": "ARRAffinity=a1; Path=/"})

    client = Client("https://x/Cust1", token="t", timeout=7, transport=httpx.MockTransport(handle))
    client.ticket_entity.get_ticket_count(status="Open")
    client.ticket_agent.is_ticket_open(ticket_id=1, extra_headers={"X-A": "1"}, timeout=2)
    client.with_options(timeout=3).ticket_entity.get_ticket_count(status="Open")
    assert len(seen) == 3 and "cookie" not in seen[0][0].headers
    assert seen[1][0].headers["Cookie"] == "ARRAffinity=a1"  # set by the answer before
    for (request, expected), timeout in zip(seen, [7, 2, 3], strict=True):
        assert (request.url, request.content) == (expected.url, expected.content)
        assert sorted(request.headers.multi_items()) == sorted(expected.headers.multi_items())
        assert request.extensions == {"timeout": httpx.Timeout(timeout).as_dict()}


def test_with_options_is_a_copy_sharing_the_connections() -> None:
    transport, requests = recorded(ticket)
    client = Client("https://x", timeout=10, transport=transport)
    _ = client.ticket_entity  # a loaded group is not carried over to the copy
    copy = client.with_options(timeout=2, headers={"X-Trace": "1"}, max_retries=0)
    assert copy._http is client._http and copy.ticket_entity._client is copy
    copy.ticket_entity.get_ticket_entity(id=1)
    client.ticket_entity.get_ticket_entity(id=1)
    assert requests[0].headers["X-Trace"] == "1" and "X-Trace" not in requests[1].headers
    assert requests[0].extensions["timeout"] == httpx.Timeout(2).as_dict()
    assert requests[1].extensions["timeout"] == httpx.Timeout(10).as_dict()


# 5. Logging, secrets, jitter, User-Agent


SECRETS = ("s3cret-pass", "app-s3cret", "xsrf-s3cret", "cookie-s3cret")


def test_secrets_stay_out_of_logs_reprs_and_errors(caplog: pytest.LogCaptureFixture) -> None:
    answers = [
        httpx.Response(503),
        httpx.Response(401, json={"Message": "denied"}, headers={"Set-Cookie": "s=cookie-s3cret"}),
    ]
    transport, _ = recorded(lambda request: answers.pop(0))
    client = Client(
        "https://x",
        username="u",
        password="s3cret-pass",
        app_token="app-s3cret",
        backoff=0,
        headers={"X-XSRF-TOKEN": "xsrf-s3cret", "Cookie": "c=cookie-s3cret"},
        transport=transport,
    )
    caplog.set_level(logging.DEBUG, logger="superoffice_client")
    with pytest.raises(AuthenticationError) as raised:
        client.ticket_entity.get_ticket_entity(id=1)
    error = raised.value
    shown = [
        caplog.text,
        repr(client),
        str(error),
        repr(error),
        repr(error.request.headers),
        repr(error.response.headers),
    ]
    assert [s for s in shown if any(secret in s for secret in SECRETS)] == []
    b64 = base64.b64encode(b"u:s3cret-pass").decode()
    assert b64 not in " ".join(shown) and "'so-apptoken': '[secure]'" in repr(error.request.headers)
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0] == "GET /api/v1/Ticket/1 -> 503 in 0 ms" or lines[0].startswith(
        "GET /api/v1/Ticket/1 -> 503"
    )
    assert any("retry 1" in line for line in lines) and any("HTTP 401" in line for line in lines)


def test_secrets_stay_out_of_raw_responses_and_undecodable_answers() -> None:
    # Headers are masked where they reach the caller, not on every call: these are the other ways.
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/2"):  # not gzip, though it says so: httpx.DecodingError
            return httpx.Response(200, content=b"plain", headers={"Content-Encoding": "gzip"})
        return httpx.Response(200, json={"TicketId": 1}, headers={"Set-Cookie": "s=cookie-s3cret"})

    client = Client(
        "https://x", app_token="app-s3cret", transport=httpx.MockTransport(answer)
    ).with_options(headers={"Cookie": "c=cookie-s3cret"})
    raw = client.with_raw_response.ticket_entity.get_ticket_entity(id=1)
    with pytest.raises(httpx.DecodingError) as raised:
        client.ticket_entity.get_ticket_entity(id=2)
    shown = [repr(raw.http_request.headers), repr(raw.headers), repr(raised.value.request.headers)]
    assert [s for s in shown if any(secret in s for secret in SECRETS)] == []
    assert all("[secure]" in s for s in shown)


def test_the_log_env_var_switches_logging_on() -> None:
    code = (
        "import httpx, superoffice_client as so\n"
        "c = so.Client('https://x', token='tok-s3cret', transport=httpx.MockTransport(lambda r: httpx.Response(200, json=1)))\n"
        "c.ticket_entity.get_ticket_count(status='Open')\n"
    )
    for level, shown in (("debug", True), ("info", False), ("", False)):
        env = {"SUPEROFFICE_CLIENT_LOG": level, "PATH": ""}
        err = subprocess.run(
            [sys.executable, "-c", code],
            cwd=GENERATED,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stderr
        assert ("GET /api/v1/Ticket/Count -> 200" in err) is shown, err
        assert "tok-s3cret" not in err


def test_retries_are_jittered(monkeypatch: pytest.MonkeyPatch) -> None:
    import superoffice_client._io as runtime

    waits: list[float] = []
    monkeypatch.setattr(runtime.time, "sleep", waits.append)
    for _ in range(20):
        answers = [httpx.Response(503), httpx.Response(200, json=1)]
        Client(
            "https://x",
            backoff=1,
            transport=httpx.MockTransport(lambda r, answers=answers: answers.pop(0)),
        ).ticket_entity.get_ticket_count(status="Open")
    assert all(0.75 <= w <= 1.0 for w in waits) and len(set(waits)) > 1


def test_the_user_agent_names_the_package_and_its_version() -> None:
    transport, requests = recorded(ticket)
    Client("https://x", transport=transport).ticket_entity.get_ticket_entity(id=1)
    assert requests[0].headers["User-Agent"].startswith(f"superoffice_client/{so.__version__} ")
    assert so.__version__ == "0.1.0"


# 6. Auth providers


def test_a_provider_is_asked_once_for_new_credentials_after_a_401() -> None:
    asked: list[bool] = []

    def fetch(refresh: bool) -> str:
        asked.append(refresh)
        return "Bearer new" if refresh else "Bearer old"

    answers = [httpx.Response(401), httpx.Response(200, json=True)]
    transport, requests = recorded(lambda request: answers.pop(0))
    client = Client("https://x", auth=CallableAuth(fetch), transport=transport)
    assert client.ticket_agent.is_ticket_open(ticket_id=1) is True  # a POST too: a 401 did nothing
    assert asked == [False, True]
    assert [r.headers["Authorization"] for r in requests] == ["Bearer old", "Bearer new"]


def test_an_async_provider_is_awaited_by_the_async_client_and_refreshed_once() -> None:
    asked: list[bool] = []

    async def fetch(refresh: bool) -> str:
        await asyncio.sleep(0)  # it may do I/O: the event loop runs meanwhile
        asked.append(refresh)
        return "Bearer new" if refresh else "Bearer old"

    answers = [httpx.Response(401), httpx.Response(200, json=True), httpx.Response(401)]
    transport, requests = recorded(lambda request: answers.pop(0))

    async def main() -> None:
        async with AsyncClient(
            "https://x", auth=AsyncCallableAuth(fetch), transport=transport
        ) as client:
            assert await client.ticket_agent.is_ticket_open(ticket_id=1) is True
            never = AsyncClient(
                "https://x",
                auth=AsyncCallableAuth(lambda refresh: fetch(False)),
                transport=transport,
            )
            with pytest.raises(AuthenticationError):  # the same value again: the 401 is final
                await never.ticket_entity.get_ticket_entity(id=1)

    asyncio.run(main())
    assert asked == [False, True, False, False]
    assert [r.headers["Authorization"] for r in requests] == [
        "Bearer old",
        "Bearer new",
        "Bearer old",
    ]


def test_a_second_401_or_an_unchanged_value_is_final() -> None:
    transport, requests = recorded(lambda request: httpx.Response(401))
    client = Client(
        "https://x", auth=CallableAuth(lambda refresh: f"Bearer {refresh}"), transport=transport
    )
    with pytest.raises(AuthenticationError):
        client.ticket_entity.get_ticket_entity(id=1)
    assert len(requests) == 2
    transport, requests = recorded(lambda request: httpx.Response(401))
    client = Client("https://x", auth=StaticAuth("Bearer fixed"), transport=transport)
    with pytest.raises(AuthenticationError):
        client.ticket_entity.get_ticket_entity(id=1)
    assert len(requests) == 1 and repr(StaticAuth("Bearer fixed")) == "StaticAuth('[secure]')"


def test_fixed_credentials_go_with_every_request_of_every_copy() -> None:
    transport, requests = recorded(lambda request: httpx.Response(200, json={}))
    client = Client("https://x", ticket="7T:abc", transport=transport)
    client.ticket_entity.get_ticket_entity(id=1)
    client.with_options(timeout=5).ticket_entity.get_ticket_entity(id=1)
    client.with_raw_response.ticket_entity.get_ticket_entity(id=1)
    assert [r.headers["Authorization"] for r in requests] == ["SOTicket 7T:abc"] * 3
    assert "7T:abc" not in repr(requests[0].headers) + repr(client)


def test_a_body_that_cannot_be_sent_twice_is_not_sent_again() -> None:
    transport, requests = recorded(lambda request: httpx.Response(401))
    client = Client(
        "https://x", auth=CallableAuth(lambda refresh: f"Bearer {refresh}"), transport=transport
    )
    with pytest.raises(AuthenticationError):
        client.ticket_entity.set_attachment(ticket_id=1, stream=iter([b"once"]))  # type: ignore[arg-type]
    assert len(requests) == 1


def test_one_way_to_sign_in() -> None:
    with pytest.raises(ValueError, match="one way to sign in"):
        Client("https://x", token="t", auth=StaticAuth("Bearer t"))


# 8.8 Hostile servers and values


@pytest.mark.parametrize("part", [".", "..", "", None])
def test_path_parts_that_would_change_the_path_are_refused(part: str | None) -> None:
    transport, requests = recorded(lambda request: httpx.Response(200, content=b"%PDF"))
    with pytest.raises(ValueError, match="must not be"):
        Client("https://x", transport=transport).ticket_entity.get_attachment(ticket_id=1, name=part)  # type: ignore[arg-type]
    assert requests == []
    Client("https://x", transport=transport).ticket_entity.get_attachment(ticket_id=1, name="...")
    assert requests[0].url.raw_path.endswith(b"/Attachment/...")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deep"),
        (b"1" * 5_000, "not valid JSON"),
        (b'{"TicketId": ' + b"9" * 5_000 + b"}", "not valid JSON"),
    ],
)
def test_hostile_json_raises_api_errors(content: bytes, problem: str) -> None:
    answer = httpx.Response(200, content=content, headers={"Content-Type": "application/json"})
    client = Client("https://x", transport=httpx.MockTransport(lambda request: answer))
    with pytest.raises(ApiResponseError, match=problem) as raised:
        client.ticket_entity.get_ticket_entity(id=1)
    assert raised.value.status_code == 200


def test_an_answer_larger_than_the_limit_is_not_read() -> None:
    chunks = []

    def stream() -> Iterator[bytes]:
        for _ in range(1000):
            chunks.append(1)
            yield b"x" * 1024

    answer = httpx.Response(200, content=stream(), headers={"Content-Type": "application/json"})
    client = Client(
        "https://x", max_response_bytes=10_000, transport=httpx.MockTransport(lambda r: answer)
    )
    with pytest.raises(ApiResponseError, match="larger than 10000 bytes"):
        client.ticket_entity.get_ticket_entity(id=1)
    assert len(chunks) <= 11
    declared = httpx.Response(200, content=b"x" * 20_000)
    client = Client(
        "https://x", max_response_bytes=10_000, transport=httpx.MockTransport(lambda r: declared)
    )
    with pytest.raises(ApiResponseError, match="larger than"):
        client.ticket_entity.get_ticket_entity(id=1)


@pytest.mark.parametrize(
    ("length", "refused"),
    [("10001", True), ("１０００１", True), ("10000", False), ("²", False), ("-1", False)],
)
def test_a_declared_length_over_the_limit_is_refused_before_the_body_is_read(
    length: str, refused: bool
) -> None:
    read: list[int] = []

    def body() -> Iterator[bytes]:
        read.append(1)
        yield b'{"TicketId": 1}'

    def answer(request: httpx.Request) -> httpx.Response:
        headers = [(b"Content-Type", b"application/json"), (b"Content-Length", length.encode())]
        return httpx.Response(200, content=body(), headers=headers)

    get = Client(
        "https://x", max_response_bytes=10_000, transport=httpx.MockTransport(answer)
    ).ticket_entity.get_ticket_entity
    if refused:
        with pytest.raises(ApiResponseError, match="larger than 10000 bytes"):
            get(id=1)
        assert read == []
    else:  # within the limit, or not a length at all: the body's own size decides
        assert get(id=1).ticket_id == 1 and read == [1]


class _Trickle(http.server.BaseHTTPRequestHandler):
    """Answers with a large body one byte every 0.2 s, or a body larger than the limit at once."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        try:
            if self.path.endswith("/1"):
                for _ in range(50):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            else:
                for _ in range(64):
                    self.wfile.write(b" " * 65536)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def trickle() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_trickling_server_does_not_outlive_the_timeout(trickle: str) -> None:
    client = Client(trickle, timeout=1.0, max_retries=0)
    started = time.monotonic()
    with pytest.raises(ApiTimeoutError):
        client.ticket_entity.get_ticket_entity(id=1)
    assert time.monotonic() - started < 2.0

    async def main() -> None:
        async with AsyncClient(trickle, timeout=1.0, max_retries=0) as client:
            await client.ticket_entity.get_ticket_entity(id=1)

    started = time.monotonic()
    with pytest.raises(ApiTimeoutError):
        asyncio.run(main())
    assert time.monotonic() - started < 2.0


def test_a_real_answer_larger_than_the_limit_stops_the_read(trickle: str) -> None:
    with pytest.raises(ApiResponseError, match="larger than 100000 bytes"):
        Client(trickle, max_response_bytes=100_000).ticket_entity.get_ticket_entity(id=2)


def test_basic_auth_over_plain_http_to_another_host_warns() -> None:
    with pytest.warns(UserWarning, match="readable by anyone on the way to crm.example.com"):
        Client("http://crm.example.com", username="u", password="p")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        Client("http://127.0.0.1:8080", username="u", password="p")
        Client("http://localhost", username="u", password="p")
        Client("https://crm.example.com", username="u", password="p")
        Client("http://crm.example.com", token="t")


def test_the_result_of_a_raw_response_is_typed() -> None:
    """What mypy sees is checked by tests/client_usage.py (test_typing)."""
    transport, _ = recorded(lambda request: httpx.Response(200, json=json.loads('{"TicketId": 1}')))
    raw = Client(
        "https://x", transport=transport
    ).with_raw_response.ticket_entity.get_ticket_entity(id=1)
    assert type(raw).__name__ == "RawResponse" and "GET" in repr(raw)
