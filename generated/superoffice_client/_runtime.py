"""The HTTP side of the client: SuperOffice's auth and locale headers, requests, retries, results,
errors.

`Client` and `AsyncClient` share all of it but the I/O: a `_Call` decides what to send and what
each answer means (send again, after how long; decode; raise), and each client's `_request` only
sends, reads and sleeps as it is told.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import json
import logging
import os
import random
import time
import warnings
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from importlib import import_module
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Generic,
    Literal,
    ParamSpec,
    Self,
    TypedDict,
    TypeVar,
    cast,
)
from urllib.parse import quote

import httpx

from ._model import NOT_GIVEN, Codec, NotGiven, to_wire
from ._version import __version__

DEFAULT_TIMEOUT = 30.0
"""Seconds one attempt of a call may take, answer read in full (connect, send, wait, read)."""
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
"""The largest answer read (64 MiB); a larger one raises `ApiResponseError` unread."""

Result = Codec[Any] | Literal["none", "json", "bytes"]
Timeout = float | httpx.Timeout | None
"""Seconds, or an `httpx.Timeout`; None waits for ever."""
Select = str | Sequence[str]
"""OData's $select: field names as a list, or as one comma-separated string."""

_IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_RETRY = frozenset({429, 502, 503, 504})
_LONGEST_WAIT = 60.0
_BINARY = "application/octet-stream"
_JSON = "application/json"
_USER_AGENT = f"{__package__}/{__version__} httpx/{httpx.__version__}"
_SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "so-apptoken", "x-xsrf-token", "cookie", "set-cookie"}
)

_log = logging.getLogger(__package__)


def _setup_logging() -> None:
    """`SUPEROFFICE_CLIENT_LOG=debug` (or `info`) prints the client's log to stderr."""
    level = os.environ.get("SUPEROFFICE_CLIENT_LOG", "").strip().upper()
    if level in ("DEBUG", "INFO"):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        _log.addHandler(handler)
        _log.setLevel(level)


_setup_logging()


class RequestOptions(TypedDict, total=False):
    """What every endpoint method takes besides its documented arguments.

    Attributes:
        timeout: This call's timeout instead of the client's (see `Client`).
        extra_headers: Headers to send, over the client's (``If-Modified-Since``, ...).
        extra_query: Query parameters to send, over the documented ones.
        max_retries: This call's number of retries instead of the client's.
    """

    timeout: Timeout
    extra_headers: Mapping[str, str]
    extra_query: Mapping[str, str]
    max_retries: int


# Errors


class ApiError(Exception):
    """Base of the errors a call raises once its arguments were accepted.

    Attributes:
        message: What went wrong.
        request: The last request sent.
    """

    def __init__(self, message: str, request: httpx.Request) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class ApiConnectionError(ApiError):
    """No answer: the connection could not be made or broke (after the retries allowed)."""

    def __init__(self, request: httpx.Request, cause: Exception) -> None:
        reason = str(cause) or type(cause).__name__
        super().__init__(f"{request.method} {request.url.path}: {reason}", request)


class ApiTimeoutError(ApiConnectionError):
    """No complete answer within the timeout."""


class ApiResponseError(ApiError):
    """A 2xx answer the client cannot read: not JSON, nested too deep, a number too long, or
    larger than ``max_response_bytes``.

    Attributes:
        response: The httpx response, request included.
        status_code: The HTTP status code.
        body: The body's text, when it was read.
    """

    def __init__(self, response: httpx.Response, problem: str) -> None:
        super().__init__(f"{_status_line(response)}: {problem}", response.request)
        self.response = response
        self.status_code = response.status_code
        self.body: str | None = response.text if hasattr(response, "_content") else None


class ApiStatusError(ApiError):
    """The API answered with a status that is neither 2xx nor 304.

    Attributes:
        response: The httpx response, request included.
        status_code: The HTTP status code.
        body: The JSON body when it is JSON, else its text.
        error_type: SuperOffice's ``ErrorType`` (e.g. ``SoNotFoundException``), if given.
        error_message: SuperOffice's ``ErrorMessage`` (or an agent's ``Message``), if given.
        error_source: SuperOffice's ``ErrorSource``, if given.
    """

    def __init__(self, response: httpx.Response) -> None:
        body = _parsed(response)
        details = body if isinstance(body, dict) else {}
        self.response = response
        self.status_code = response.status_code
        self.body = body
        self.error_type: str | None = _str_or_none(details.get("ErrorType"))
        message = details.get("ErrorMessage") or details.get("Message")
        self.error_message: str | None = _str_or_none(message)
        self.error_source: str | None = _str_or_none(details.get("ErrorSource"))
        text = _status_line(response)
        if self.error_type:
            text += f" [{self.error_type}]"
        if self.error_message:
            text += f": {self.error_message}"
        elif isinstance(body, str) and body.strip():
            text += f": {body.strip()[:500]}"
        super().__init__(text, response.request)


class BadRequestError(ApiStatusError):
    """400: the request is not valid."""


class AuthenticationError(ApiStatusError):
    """401: the credentials are missing, wrong or expired (and no new ones were given)."""


class PermissionDeniedError(ApiStatusError):
    """403: the user may not do this."""


class NotFoundError(ApiStatusError):
    """404: no such resource."""


class ConflictError(ApiStatusError):
    """409: the change conflicts with the resource's state (e.g. a failed JSON Patch test)."""


class PreconditionFailedError(ApiStatusError):
    """412: changed since ``If-Unmodified-Since``."""


class RateLimitError(ApiStatusError):
    """429: too many requests (after the retries allowed)."""


class InternalServerError(ApiStatusError):
    """5xx: the server failed."""


_STATUS_ERRORS: dict[int, type[ApiStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    412: PreconditionFailedError,
    429: RateLimitError,
}


def _status_error(response: httpx.Response) -> ApiStatusError:
    """The error for a non-2xx answer, of the class its status has."""
    status = response.status_code
    cls = _STATUS_ERRORS.get(status) or (InternalServerError if status >= 500 else ApiStatusError)
    return cls(response)


def _status_line(response: httpx.Response) -> str:
    message = f"HTTP {response.status_code} {response.reason_phrase}".rstrip()
    return f"{message} from {response.request.method} {response.request.url.path}"


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _parsed(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except (ValueError, RecursionError):
        return response.text


# Credentials


class AuthProvider:
    """Gives the ``Authorization`` header's value for each request, and a new one after a 401.

    The client asks ``authorization()`` before a call and, when the answer is 401, once
    ``authorization(refresh=True)``: a value different from the one sent is tried once more,
    for any method (a 401 means nothing was done), unless the body cannot be sent twice. It is
    called synchronously, by `AsyncClient` too: keep the value cached, and lock when calls on
    several threads may refresh at once.
    """

    def authorization(self, *, refresh: bool = False) -> str:
        raise NotImplementedError


class StaticAuth(AuthProvider):
    """A fixed value such as ``"Bearer ey..."`` or ``"SOTicket 7T:..."``; a 401 is final."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def authorization(self, *, refresh: bool = False) -> str:
        return self._value

    def __repr__(self) -> str:
        return "StaticAuth('[secure]')"


class CallableAuth(AuthProvider):
    """A function giving the value: ``fetch(refresh)``, where ``refresh`` is True after a 401,
    when the value last given was refused and a new one is wanted."""

    __slots__ = ("_fetch",)

    def __init__(self, fetch: Callable[[bool], str]) -> None:
        self._fetch = fetch

    def authorization(self, *, refresh: bool = False) -> str:
        return self._fetch(refresh)


def _auth(
    username: str | None,
    password: str | None,
    ticket: str | None,
    token: str | None,
    auth: AuthProvider | None,
) -> AuthProvider | None:
    basic = username is not None or password is not None
    if sum([basic, ticket is not None, token is not None, auth is not None]) > 1:
        raise ValueError("give one way to sign in: username and password, ticket, token or auth")
    if basic:
        pair = f"{username or ''}:{password or ''}".encode()
        return StaticAuth("Basic " + base64.b64encode(pair).decode("ascii"))
    if ticket is not None:
        return StaticAuth(f"SOTicket {ticket}")
    if token is not None:
        return StaticAuth(f"Bearer {token}")
    return auth


def _warn_if_plain_http(base_url: str) -> None:
    """Basic authentication over http:// lets anyone on the way read the password."""
    url = httpx.URL(base_url)
    if url.scheme != "http" or url.host == "localhost":
        return
    try:
        if ipaddress.ip_address(url.host).is_loopback:
            return
    except ValueError:
        pass
    warnings.warn(
        f"the password is sent readable by anyone on the way to {url.host}: use https://",
        stacklevel=4,
    )


def _settings_headers(
    app_token: str | None,
    language: str | None,
    culture: str | None,
    timezone: str | None,
    headers: Mapping[str, str] | None,
) -> dict[str, str]:
    """The headers every request carries, as SuperOffice expects them."""
    sent = {"Accept": _JSON, "User-Agent": _USER_AGENT}
    if app_token is not None:
        sent["SO-AppToken"] = app_token
    if language is not None:
        sent["Accept-Language"] = language
        sent["SO-Language"] = language
    if culture is not None:
        sent["SO-Culture"] = culture
    if timezone is not None:
        sent["SO-TimeZone"] = timezone
    sent.update(headers or {})
    return sent


class _MaskedHeaders(httpx.Headers):
    """Headers whose repr hides every credential, as httpx hides ``Authorization``."""

    def __repr__(self) -> str:
        items = [
            (k, "[secure]" if k.lower() in _SECRET_HEADERS else v) for k, v in self.multi_items()
        ]
        shown = dict(items)
        return f"Headers({shown if len(shown) == len(items) else items!r})"


# Requests and answers


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
    """The path with its parts put in, percent-encoded. A part that is None or "" is refused
    before anything is sent, naming its argument, and so are "." and "..", which would address
    another resource (``/List/..`` is ``/``; servers and httpx undo their percent-encoding)."""
    texts = {}
    for name, value in parts.items():
        if value is None or value is NOT_GIVEN or value == "":
            raise ValueError(f"{name} must not be {value!r}: it is part of the path {path}")
        texts[name] = text = _text(value)
        if text in (".", ".."):
            raise ValueError(f"{name} must not be {text!r}: it would change the path {path}")
    for name, text in texts.items():
        path = path.replace("{" + name + "}", quote(text, safe=""))
    return path


def _json(value: Any) -> bytes:
    """A JSON body, written as httpx writes one; None too, as null (httpx's json=None sends none)."""
    text = json.dumps(to_wire(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode()


def _is_json(response: httpx.Response) -> bool:
    media = response.headers.get("Content-Type", "").partition(";")[0].strip().lower()
    return media in (_JSON, "text/json") or media.endswith("+json")


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


def _seconds(timeout: Timeout) -> float | None:
    """The longest one attempt may take: the timeout, or the longest phase of an httpx.Timeout."""
    if not isinstance(timeout, httpx.Timeout):
        return timeout
    phases = [
        t for t in (timeout.connect, timeout.read, timeout.write, timeout.pool) if t is not None
    ]
    return max(phases) if phases else None


def _load_json(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except RecursionError:
        raise ApiResponseError(response, "the JSON answer is nested too deep") from None
    except ValueError as error:  # invalid JSON or text, or an integer of thousands of digits
        raise ApiResponseError(response, f"the answer is not valid JSON: {error}") from None


def _bytes(response: httpx.Response) -> bytes:
    """A binary result: the body as it came, or, sent as JSON, the string it holds: decoded when it
    is base64, else its UTF-8 bytes (the reference's samples hold placeholder text); null is b""."""
    if not _is_json(response):
        return response.content
    data = _load_json(response)
    if data is None:
        return b""
    if not isinstance(data, str):
        raise ApiResponseError(response, "expected binary content as a JSON string")
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return data.encode("utf-8")


def _decode(response: httpx.Response, result: Result) -> Any:
    """The method's result from a 2xx or 304 answer (read in full)."""
    if response.status_code == 304:
        return None
    empty = response.status_code == 204 or not response.content
    if result == "bytes":
        return b"" if empty else _bytes(response)
    if result == "none" or empty:
        return None
    data = _load_json(response)
    if result == "json" or data is None:
        return data
    return result.decode(data)


R = TypeVar("R")
P = ParamSpec("P")


class RawResponse(Generic[R]):
    """An answer as it came, from ``client.with_raw_response.<group>.<method>(...)``.

    Attributes:
        status_code: The HTTP status (2xx, or 304 for a conditional request).
        headers: The answer's headers.
        http_request: The request sent.
        http_response: The httpx response, body read.
    """

    __slots__ = ("http_response", "_result")

    def __init__(self, response: httpx.Response, result: Result) -> None:
        self.http_response = response
        self._result = result

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    def parse(self) -> R:
        """The result the method returns without ``with_raw_response`` (None for a 304)."""
        parsed: R = _decode(self.http_response, self._result)
        return parsed

    def __repr__(self) -> str:
        return f"<RawResponse [{self.status_code}] {self.http_request.method} {self.http_request.url.path}>"


def raw(method: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    """A method of a group bound to a raw client (``_raw``), typed as what it then returns."""
    return cast("Callable[P, RawResponse[R]]", method)


def async_raw(method: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[RawResponse[R]]]:
    """`raw` for the methods of `AsyncClient`."""
    return cast("Callable[P, Awaitable[RawResponse[R]]]", method)


class _Call:
    """One call of an endpoint method: the request, and what each answer or failure means."""

    __slots__ = (
        "client",
        "method",
        "url",
        "params",
        "headers",
        "content",
        "result",
        "timeout",
        "seconds",
        "retries",
        "attempt",
        "refreshed",
        "request",
        "started",
    )

    def __init__(
        self,
        client: BaseClient[Any],
        method: str,
        path: str,
        result: Result,
        parts: Mapping[str, Any] | None,
        query: Mapping[str, Any] | None,
        fields: Mapping[str, Any] | None,
        body: Any,
        content: bytes | None,
        timeout: Timeout | NotGiven,
        extra_headers: Mapping[str, str] | None,
        extra_query: Mapping[str, str] | None,
        max_retries: int | NotGiven,
    ) -> None:
        self.client = client
        self.method = method
        self.result = result
        self.url = _fill(path, parts or {})
        params = {key: _text(value) for key, value in _given(query).items() if value is not None}
        self.params = {**params, **extra_query} if extra_query else params
        headers = dict(client._headers)
        if client._auth is not None:
            headers["Authorization"] = client._auth.authorization()
        if fields is not None:
            body = _given(fields)
        self.content: bytes | None = content
        if content is not None:
            headers["Content-Type"] = _BINARY
        elif body is not NOT_GIVEN:
            self.content = _json(body)
            headers["Content-Type"] = _JSON
        headers.update(extra_headers or {})
        self.headers = headers
        self.timeout = client._timeout if isinstance(timeout, NotGiven) else timeout
        self.seconds = _seconds(self.timeout)
        self.retries = client._max_retries if isinstance(max_retries, NotGiven) else max_retries
        self.attempt = 0
        self.refreshed = False
        self.started = 0.0

    def build(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        request = http.build_request(
            self.method,
            self.url,
            params=self.params,
            headers=self.headers,
            content=self.content,
            timeout=self.timeout,
        )
        request.headers = _MaskedHeaders(request.headers)
        self.request = request
        self.started = time.monotonic()
        return request

    def reader(self, response: httpx.Response) -> _Reader:
        """Checks the answer as it arrives: no larger than allowed, no later than the timeout."""
        limit = self.client._max_response_bytes
        length = response.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > limit:
            raise ApiResponseError(response, f"the answer is larger than {limit} bytes")
        deadline = None if self.seconds is None else self.started + self.seconds
        return _Reader(response, limit, deadline)

    def failed(self, error: httpx.TransportError) -> float:
        """After no answer: seconds to wait before sending again, or the error raised."""
        elapsed = (time.monotonic() - self.started) * 1000
        _log.debug(
            "%s %s failed after %.0f ms: %r", self.method, self.request.url.path, elapsed, error
        )
        if self._may_repeat():
            return self._again(self._backoff(), type(error).__name__)
        cls = ApiTimeoutError if isinstance(error, httpx.TimeoutException) else ApiConnectionError
        failure = cls(self.request, error)
        _log.info("%s", failure)
        raise failure from error

    def answered(self, response: httpx.Response) -> float | None:
        """After an answer: seconds to wait before sending again, or None when it is final."""
        elapsed = (time.monotonic() - self.started) * 1000
        request = self.request
        status = response.status_code
        _log.debug("%s %s -> %d in %.0f ms", request.method, request.url.path, status, elapsed)
        response.headers = _MaskedHeaders(response.headers)
        auth = self.client._auth
        if status == 401 and auth is not None and not self.refreshed and self._replayable():
            self.refreshed = True
            fresh = auth.authorization(refresh=True)
            if fresh != self.headers.get("Authorization"):
                self.headers["Authorization"] = fresh
                _log.info("%s %s: 401, sending again with new credentials", self.method, self.url)
                return 0.0
        if status in _RETRY and self._may_repeat():
            return self._again(_retry_after(response, self._backoff()), f"HTTP {status}")
        return None

    def outcome(self, response: httpx.Response) -> Any:
        """What the method returns for the final answer, or the error it raises."""
        if not (response.is_success or response.status_code == 304):
            error = _status_error(response)
            _log.info("%s", error)
            raise error
        if self.client._raw:
            return RawResponse(response, self.result)
        return _decode(response, self.result)

    def _replayable(self) -> bool:
        return self.content is None or isinstance(self.content, bytes)

    def _may_repeat(self) -> bool:
        return self.method in _IDEMPOTENT and self.attempt < self.retries and self._replayable()

    def _backoff(self) -> float:
        """The client's backoff doubled for each attempt, less up to a quarter at random."""
        return self.client._backoff * 2.0**self.attempt * (1 - 0.25 * random.random())

    def _again(self, delay: float, reason: str) -> float:
        self.attempt += 1
        delay = min(delay, _LONGEST_WAIT)
        _log.info(
            "%s %s: %s, retry %d in %.2f s", self.method, self.url, reason, self.attempt, delay
        )
        return delay


class _Reader:
    """Collects an answer's body, stopping at the size limit or the deadline."""

    __slots__ = ("response", "limit", "deadline", "size", "chunks")

    def __init__(self, response: httpx.Response, limit: int, deadline: float | None) -> None:
        self.response = response
        self.limit = limit
        self.deadline = deadline
        self.size = 0
        self.chunks: list[bytes] = []

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.limit:
            raise ApiResponseError(self.response, f"the answer is larger than {self.limit} bytes")
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise httpx.ReadTimeout(
                "the answer took longer than the timeout", request=self.response.request
            )
        self.chunks.append(chunk)

    def done(self) -> None:
        self.response._content = b"".join(self.chunks)


# Clients


_T = TypeVar("_T", httpx.BaseTransport, httpx.AsyncBaseTransport)


class BaseClient(Generic[_T]):
    """Connection settings, and the groups of endpoints, each imported on first use."""

    _groups_: ClassVar[Mapping[str, tuple[str, str, str]]] = {}
    """accessor → (module, group class, its raw-response class), set by each client class."""

    def __init__(
        self,
        base_url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        ticket: str | None = None,
        token: str | None = None,
        auth: AuthProvider | None = None,
        app_token: str | None = None,
        language: str | None = None,
        culture: str | None = None,
        timezone: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        backoff: float = 0.5,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        headers: Mapping[str, str] | None = None,
        transport: _T | None = None,
    ) -> None:
        """Connect to a SuperOffice tenant or site.

        Args:
            base_url: The tenant or site root, e.g. ``https://sod.superoffice.com/Cust12345``;
                each endpoint's path (``/api/v1/...``) is appended to it.
            username: With ``password``: HTTP Basic authentication (warned about over http://
                to another host than this one).
            password: The password that goes with ``username``.
            ticket: A SuperOffice credentials ticket (``Authorization: SOTicket ...``).
            token: An OAuth/OpenID access token (``Authorization: Bearer ...``).
            auth: An `AuthProvider` giving the ``Authorization`` value, asked for a new one
                after a 401 (refreshed tokens, system-user tickets).
            app_token: The partner application's token, sent as ``SO-AppToken``.
            language: ISO 639 code for string references and multi-language values
                (``Accept-Language`` and ``SO-Language``).
            culture: Culture for number and date formatting (``SO-Culture``).
            timezone: Time zone code that date-times are converted to (``SO-TimeZone``).
            timeout: Seconds one attempt may take, from connecting to the answer's last byte,
                or an ``httpx.Timeout`` (each phase bounded by its own, the whole by the
                longest); None waits for ever.
            max_retries: How often to repeat a GET, HEAD, PUT, DELETE or OPTIONS request that
                met a connection error, a timeout or a 429, 502, 503 or 504 (POST and PATCH
                are never repeated: SuperOffice's agent methods may not be safe to run twice).
            backoff: Seconds before the first repeat, doubled for each next one, less up to a
                quarter at random, unless the answer's Retry-After says otherwise.
            max_response_bytes: The largest answer read; a larger one raises
                `ApiResponseError` without being read further.
            headers: More headers to send with every request.
            transport: An httpx transport, e.g. ``httpx.MockTransport`` in tests.
        """
        self._auth = _auth(username, password, ticket, token, auth)
        if username is not None or password is not None:
            _warn_if_plain_http(base_url)
        self._headers = _settings_headers(app_token, language, culture, timezone, headers)
        self._timeout = timeout
        self._max_retries = max_retries
        self._backoff = backoff
        self._max_response_bytes = max_response_bytes
        self._raw = False
        self._http = self._connect(base_url, transport)

    def _connect(self, base_url: str, transport: _T | None) -> Any:
        raise NotImplementedError

    def with_options(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        headers: Mapping[str, str] | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        max_response_bytes: int | NotGiven = NOT_GIVEN,
    ) -> Self:
        """A copy of the client with other settings (``headers`` are added to the client's),
        sharing its connections: closing either closes both."""
        copy = self._copy()
        if not isinstance(timeout, NotGiven):
            copy._timeout = timeout
        if headers:
            copy._headers = {**self._headers, **headers}
        if not isinstance(max_retries, NotGiven):
            copy._max_retries = max_retries
        if not isinstance(max_response_bytes, NotGiven):
            copy._max_response_bytes = max_response_bytes
        return copy

    def _copy(self) -> Self:
        """The client's settings and connections in a new object, without its loaded groups."""
        copy = object.__new__(type(self))
        copy.__dict__.update((k, v) for k, v in self.__dict__.items() if k.startswith("_"))
        return copy

    if not TYPE_CHECKING:  # type checkers see each group's declared attribute instead

        def __getattr__(self, name: str) -> Any:
            found = self._groups_.get(name)
            if found is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            module, cls, _ = found
            group = getattr(import_module(f"{__package__}.groups.{module}"), cls)(self)
            setattr(self, name, group)  # found directly from now on
            return group

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self._groups_})

    def __repr__(self) -> str:
        url = self._http.base_url  # its host and path: no user or password it may hold
        return f"<{type(self).__name__} {url.scheme}://{url.host}{url.path}>"


class SyncBaseClient(BaseClient[httpx.BaseTransport]):
    """The client that waits for each answer (`Client`)."""

    _http: httpx.Client

    def _connect(self, base_url: str, transport: httpx.BaseTransport | None) -> httpx.Client:
        return httpx.Client(base_url=base_url, transport=transport)

    def close(self) -> None:
        """Close the connections the client holds."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _request(
        self,
        method: str,
        path: str,
        result: Result,
        *,
        parts: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        fields: Mapping[str, Any] | None = None,
        body: Any = NOT_GIVEN,
        content: bytes | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Any:
        """Send one call and decode its answer.

        `parts` are keyed by the argument names the path's placeholders use; `query` and `fields`
        (an agent's body, as keyword arguments) by wire name. Arguments left out (NOT_GIVEN) are
        not sent; None is JSON null in a body, leaves a query parameter out, and is refused, as
        is "", for a path part.
        """
        call = _Call(
            self,
            method,
            path,
            result,
            parts,
            query,
            fields,
            body,
            content,
            timeout,
            extra_headers,
            extra_query,
            max_retries,
        )
        while True:
            request = call.build(self._http)
            try:
                response = self._http.send(request, stream=True)
                try:
                    reader = call.reader(response)
                    for chunk in response.iter_bytes():
                        reader.add(chunk)
                    reader.done()
                finally:
                    response.close()
            except httpx.TransportError as error:
                wait = call.failed(error)
            else:
                answered = call.answered(response)
                if answered is None:
                    return call.outcome(response)
                wait = answered
            time.sleep(wait)


class AsyncBaseClient(BaseClient[httpx.AsyncBaseTransport]):
    """The client whose methods are awaited (`AsyncClient`)."""

    _http: httpx.AsyncClient

    def _connect(
        self, base_url: str, transport: httpx.AsyncBaseTransport | None
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=base_url, transport=transport)

    async def close(self) -> None:
        """Close the connections the client holds."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _request(
        self,
        method: str,
        path: str,
        result: Result,
        *,
        parts: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        fields: Mapping[str, Any] | None = None,
        body: Any = NOT_GIVEN,
        content: bytes | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str] | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Any:
        """`SyncBaseClient._request`, awaiting the answer."""
        call = _Call(
            self,
            method,
            path,
            result,
            parts,
            query,
            fields,
            body,
            content,
            timeout,
            extra_headers,
            extra_query,
            max_retries,
        )
        while True:
            request = call.build(self._http)
            try:
                response = await self._http.send(request, stream=True)
                try:
                    reader = call.reader(response)
                    async for chunk in response.aiter_bytes():
                        reader.add(chunk)
                    reader.done()
                finally:
                    await response.aclose()
            except httpx.TransportError as error:
                wait = call.failed(error)
            else:
                answered = call.answered(response)
                if answered is None:
                    return call.outcome(response)
                wait = answered
            import asyncio  # here: importing the package stays cheap

            await asyncio.sleep(wait)


class Group:
    """The endpoints of one part of the API, reached through `Client`."""

    __slots__ = ("_client",)

    def __init__(self, client: SyncBaseClient) -> None:
        self._client = client


class AsyncGroup:
    """The endpoints of one part of the API, reached through `AsyncClient`."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncBaseClient) -> None:
        self._client = client


class RawView:
    """``client.with_raw_response``: the client's groups, each method answering `RawResponse`."""

    def __init__(self, client: BaseClient[Any]) -> None:
        self._client = client._copy()
        self._client._raw = True

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            found = self._client._groups_.get(name)
            if found is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            module, _, raw_cls = found
            view = getattr(import_module(f"{__package__}.groups.{module}"), raw_cls)(
                getattr(self._client, name)
            )
            setattr(self, name, view)
            return view
