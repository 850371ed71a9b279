"""The HTTP side of the client: SuperOffice's auth and locale headers, requests, results, errors."""

from __future__ import annotations

import base64
import binascii
import json
import time
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from json import JSONDecodeError
from typing import Any, TypeVar, cast
from urllib.parse import quote

import httpx

from ._model import BYTES, JSON, NONE, NOT_GIVEN, Codec, to_wire

DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for the server before giving up (connect, read, write, pool)."""

R = TypeVar("R")
_IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_RETRY = frozenset({429, 502, 503, 504})
_LONGEST_WAIT = 60.0
_BINARY = "application/octet-stream"
_JSON = "application/json"

Select = str | Sequence[str]
"""OData's $select: field names as a list, or as one comma-separated string."""


class ApiError(Exception):
    """The API answered with a status that is not 2xx, or with a body that cannot be read.

    Attributes:
        status_code: The HTTP status code.
        body: The parsed JSON body when it is JSON, else its text.
        response: The httpx response, request included.
    """

    def __init__(self, response: httpx.Response, problem: str = "") -> None:
        self.response = response
        self.status_code = response.status_code
        self.body = _parsed(response)
        super().__init__(_message(response, self.body, problem))


def _parsed(response: httpx.Response) -> Any:
    try:
        return response.json()
    except (JSONDecodeError, UnicodeDecodeError):
        return response.text


def _message(response: httpx.Response, body: Any, problem: str) -> str:
    message = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
    message += f" from {response.request.method} {response.request.url.path}"
    if problem:
        return f"{message}: {problem}"
    if isinstance(body, dict):
        kind = body.get("ErrorType")
        detail = body.get("ErrorMessage") or body.get("Message")
        if kind:
            message += f" [{kind}]"
        if detail:
            message += f": {detail}"
    elif isinstance(body, str) and body.strip():
        message += f": {body.strip()[:500]}"
    return message


def _retry_after(response: httpx.Response, default: float) -> float:
    """Seconds the answer asks to wait (Retry-After as seconds or an HTTP date), else `default`."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return default
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


def _text(value: Any) -> str:
    """A path or query value as text: booleans lower-case, lists comma-separated."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ",".join(_text(item) for item in value)
    return str(value)


def _given(values: Mapping[str, Any] | None) -> dict[str, Any]:
    """The arguments the caller gave: those left out (NOT_GIVEN) dropped, None kept."""
    return {key: value for key, value in (values or {}).items() if value is not NOT_GIVEN}


def _fill(path: str, parts: Mapping[str, Any]) -> str:
    """The path with its parts put in, percent-encoded; a part that is None or "" is refused
    before anything is sent, naming its argument."""
    for name, value in parts.items():
        if value is None or value is NOT_GIVEN or value == "":
            raise ValueError(f"{name} must not be {value!r}: it is part of the path {path}")
    for name, value in parts.items():
        path = path.replace("{" + name + "}", quote(_text(value), safe=""))
    return path


def _json(value: Any) -> bytes:
    """A JSON body, written as httpx writes one; None too, as null (httpx's json=None sends none)."""
    text = json.dumps(to_wire(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode()


def _is_json(response: httpx.Response) -> bool:
    media = response.headers.get("Content-Type", "").partition(";")[0].strip().lower()
    return media in (_JSON, "text/json") or media.endswith("+json")


def _bytes(response: httpx.Response) -> bytes:
    """A binary result: the body as it came, or, sent as JSON, the string it holds: decoded when it
    is base64, else its UTF-8 bytes (the reference's samples hold placeholder text); null is b""."""
    if not _is_json(response):
        return response.content
    try:
        data = response.json()
    except (JSONDecodeError, UnicodeDecodeError):
        raise ApiError(response, "the response body is not valid JSON") from None
    if data is None:
        return b""
    if not isinstance(data, str):
        raise ApiError(response, "expected binary content as a JSON string")
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return data.encode("utf-8")


def auth_headers(
    *,
    username: str | None,
    password: str | None,
    ticket: str | None,
    token: str | None,
    app_token: str | None,
    language: str | None,
    culture: str | None,
    timezone: str | None,
) -> dict[str, str]:
    """The headers every request carries, as SuperOffice expects them."""
    schemes = [username is not None or password is not None, ticket is not None, token is not None]
    if sum(schemes) > 1:
        raise ValueError("give one way to sign in: username and password, ticket, or token")
    headers = {"Accept": "application/json"}
    if username is not None or password is not None:
        pair = f"{username or ''}:{password or ''}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    elif ticket is not None:
        headers["Authorization"] = f"SOTicket {ticket}"
    elif token is not None:
        headers["Authorization"] = f"Bearer {token}"
    if app_token is not None:
        headers["SO-AppToken"] = app_token
    if language is not None:
        headers["Accept-Language"] = language
        headers["SO-Language"] = language
    if culture is not None:
        headers["SO-Culture"] = culture
    if timezone is not None:
        headers["SO-TimeZone"] = timezone
    return headers


class BaseClient:
    """Connection settings and the one method every endpoint goes through."""

    def __init__(
        self,
        base_url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        ticket: str | None = None,
        token: str | None = None,
        app_token: str | None = None,
        language: str | None = None,
        culture: str | None = None,
        timezone: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        backoff: float = 0.5,
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        """Connect to a SuperOffice tenant or site.

        Args:
            base_url: The tenant or site root, e.g. ``https://sod.superoffice.com/Cust12345``;
                each endpoint's path (``/api/v1/...``) is appended to it.
            username: With ``password``: HTTP Basic authentication.
            password: The password that goes with ``username``.
            ticket: A SuperOffice credentials ticket (``Authorization: SOTicket ...``).
            token: An OAuth/OpenID access token (``Authorization: Bearer ...``).
            app_token: The partner application's token, sent as ``SO-AppToken``.
            language: ISO 639 code for string references and multi-language values
                (``Accept-Language`` and ``SO-Language``).
            culture: Culture for number and date formatting (``SO-Culture``).
            timezone: Time zone code that date-times are converted to (``SO-TimeZone``).
            timeout: Seconds, or an ``httpx.Timeout``; never unlimited by default.
            max_retries: How often to repeat a GET, HEAD, PUT, DELETE or OPTIONS request that
                met a connection error or a 429, 502, 503 or 504 (POST and PATCH are never
                repeated: SuperOffice's agent methods may not be safe to run twice).
            backoff: Seconds before the first repeat, doubled for each next one, unless the
                answer's Retry-After says otherwise.
            headers: More headers to send with every request.
            transport: An httpx transport, e.g. ``httpx.MockTransport`` in tests.
        """
        sent = auth_headers(
            username=username,
            password=password,
            ticket=ticket,
            token=token,
            app_token=app_token,
            language=language,
            culture=culture,
            timezone=timezone,
        )
        sent.update(headers or {})
        self._max_retries = max_retries
        self._backoff = backoff
        self._http = httpx.Client(
            base_url=base_url, headers=sent, timeout=timeout, transport=transport
        )

    def close(self) -> None:
        """Close the connections the client holds."""
        self._http.close()

    def __enter__(self) -> BaseClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _send(self, method: str, path: str, params: Any, send: dict[str, Any]) -> httpx.Response:
        """Send once, and again what is safe to repeat: an idempotent request that met a
        connection error or a 429/502/503/504, after Retry-After or an exponential backoff."""
        attempt = 0
        while True:
            try:
                response = self._http.request(method, path, params=params, **send)
            except httpx.TransportError:
                if method not in _IDEMPOTENT or attempt >= self._max_retries:
                    raise
                delay = self._backoff * 2**attempt
            else:
                retry = response.status_code in _RETRY and method in _IDEMPOTENT
                if not retry or attempt >= self._max_retries:
                    return response
                delay = _retry_after(response, self._backoff * 2**attempt)
            time.sleep(min(delay, _LONGEST_WAIT))
            attempt += 1

    def _request(
        self,
        method: str,
        path: str,
        result: Codec[R],
        *,
        parts: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        fields: Mapping[str, Any] | None = None,
        body: Any = NOT_GIVEN,
        content: bytes | None = None,
    ) -> R:
        """Send one request and decode its answer.

        `parts` are keyed by the argument names the path's placeholders use; `query` and `fields`
        (an agent's body, as keyword arguments) by wire name. Arguments left out (NOT_GIVEN) are
        not sent; None is JSON null in a body, leaves a query parameter out, and is refused, as
        is "", for a path part.
        """
        path = _fill(path, parts or {})
        params = {key: _text(value) for key, value in _given(query).items() if value is not None}
        if fields is not None:
            body = _given(fields)
        if content is not None:
            send: dict[str, Any] = {"content": content, "headers": {"Content-Type": _BINARY}}
        elif body is not NOT_GIVEN:
            send = {"content": _json(body), "headers": {"Content-Type": _JSON}}
        else:
            send = {}
        response = self._send(method, path, params or None, send)
        if not response.is_success:
            raise ApiError(response)
        return cast(R, _decode(response, result))  # the codec's type is the result's


def _decode(response: httpx.Response, result: Codec[Any]) -> Any:
    """A 2xx answer as the codec says: `NONE`, `BYTES`, plain `JSON`, or decoded."""
    if result is BYTES:
        return _bytes(response) if response.status_code != 204 and response.content else b""
    if result is NONE or response.status_code == 204 or not response.content:
        return None
    try:
        data = response.json()
    except (JSONDecodeError, UnicodeDecodeError):
        raise ApiError(response, "the response body is not valid JSON") from None
    if result is JSON or data is None:
        return data
    return result.decode(data)


class Group:
    """The endpoints of one part of the API, reached through the client."""

    __slots__ = ("_client",)

    def __init__(self, client: BaseClient) -> None:
        self._client = client
