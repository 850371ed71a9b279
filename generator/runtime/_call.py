"""One call of an endpoint method: what to send, and what each answer or failure means.

`Client` and `AsyncClient` share all of it but the I/O: a `Call` decides what to send, what it
reads of an answer (within the size limit and the timeout) and what each answer means (send
again, after how long; decode; raise), and each client's `_request` only sends, reads and sleeps
as it is told.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from time import monotonic
from typing import TYPE_CHECKING, Any, Generic, cast

import httpx

from ._errors import ApiConnectionError, ApiResponseError, ApiTimeoutError, status_error
from ._log import log
from ._model import NOT_GIVEN, Codec
from ._options import RequestOptions, timeouts
from ._response import R, RawResponse, decode
from ._values import fill, given, json_body, text

if TYPE_CHECKING:
    from ._base import BaseClient

_IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
_RETRY = frozenset({429, 502, 503, 504})
_LONGEST_WAIT = 60.0
_OPTIONS = frozenset(RequestOptions.__annotations__)
_DEBUG = logging.DEBUG


class Call(Generic[R]):
    """The request of one call, and what each answer or failure means; its result has the type of
    its codec (`R`).

    `authorization` is the provider's value, when the client has one (it asks for a new one when
    `answered` leaves the call `stale`, and gives it to `refresh`). `options` are the method's
    per-call options (`RequestOptions`). `parts` are keyed by the argument names the path's
    placeholders use; `query` and `fields` (an agent's body, as keyword arguments) by wire name.
    Arguments left out (NOT_GIVEN) are not sent; None is JSON null in a body, leaves a query
    parameter out, and is refused, as is "", for a path part.
    """

    __slots__ = (
        "client",
        "method",
        "path",
        "url",
        "params",
        "headers",
        "content",
        "result",
        "limit",
        "timeouts",
        "seconds",
        "retries",
        "attempt",
        "refreshed",
        "stale",
        "request",
        "started",
        "deadline",
        "response",
        "size",
        "chunks",
    )

    def __init__(
        self,
        client: BaseClient[Any, Any],
        authorization: str | None,
        method: str,
        path: str,
        result: Codec[R],
        options: RequestOptions,
        parts: Mapping[str, Any] | None,
        query: Mapping[str, Any] | None,
        fields: Mapping[str, Any] | None,
        body: Any,
        content: bytes | None,
    ) -> None:
        self.client = client
        self.method = method
        self.result = result
        if parts:
            path = fill(path, parts)
        self.path = path
        self.url = client._root + path
        params = None
        if query:
            params = {k: text(v) for k, v in given(query).items() if v is not None}
        # The client's headers (those of `with_options`), shared until this call adds its own.
        headers = client._headers
        if authorization is not None:
            headers = {**headers, "Authorization": authorization}
        if fields is not None:
            body = given(fields)
        self.content: bytes | None = content
        if content is not None:
            headers = {**headers, "Content-Type": "application/octet-stream"}
        elif body is not NOT_GIVEN:
            self.content = json_body(body)
            headers = {**headers, "Content-Type": "application/json"}
        self.limit = client._max_response_bytes
        self.timeouts = client._timeouts
        self.seconds = client._seconds
        self.retries = client._max_retries
        self.params = params or None  # no params: httpx then leaves the URL as it is
        self.headers = headers
        if options:
            self._options(options)
        self.attempt = 0
        self.refreshed = False
        self.stale = False

    def _options(self, options: RequestOptions) -> None:
        """Apply the per-call options to this call."""
        unknown = options.keys() - _OPTIONS
        if unknown:  # as Python would say it, had the options been keyword arguments
            raise TypeError(f"unexpected keyword argument {min(unknown)!r}")
        if "timeout" in options:
            self.timeouts, self.seconds = timeouts(options["timeout"])
        if "max_retries" in options:
            self.retries = options["max_retries"]
        extra_query = options.get("extra_query")
        if extra_query:
            self.params = {**(self.params or {}), **extra_query}
        extra_headers = options.get("extra_headers")
        if extra_headers:
            self.headers = {**self.headers, **extra_headers}

    def build(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The request `http.build_request` would make (`test_a_request_is_built_as_httpx_builds_it`
        checks it), made here: the URL is whole, the connection has no query, the timeout is at
        hand, so only the connection's headers and cookies are merged in; build_request's general
        merge cost as much as all of a call's own work."""
        request = httpx.Request(
            self.method,
            self.url,
            params=self.params,
            headers=http.headers,
            cookies=http.cookies,
            content=self.content,
            extensions={"timeout": dict(self.timeouts)},  # a dict of its own, as httpx gives each
        )
        if self.headers:  # over the connection's
            headers = request.headers
            for name, value in self.headers.items():
                headers[name] = value
        self.request = request
        self.started = started = monotonic()
        self.deadline = None if self.seconds is None else started + self.seconds
        return request

    def receive(self, response: httpx.Response) -> None:
        """Before the body: an answer that says it is larger than allowed is refused unread."""
        self.response = response
        length = response.headers.get("Content-Length")
        # Decimal digits, of any script, are what int() reads, so it cannot fail.
        if length is not None and length.isdecimal() and int(length) > self.limit:
            raise self._too_large()
        self.size = 0
        self.chunks: list[bytes] = []

    def add(self, chunk: bytes) -> None:
        """A piece of the body, as long as the body stays within the size limit and the timeout."""
        self.size += len(chunk)
        if self.size > self.limit:
            raise self._too_large()
        if self.deadline is not None and monotonic() > self.deadline:
            raise httpx.ReadTimeout(
                "the answer took longer than the timeout", request=self.response.request
            )
        self.chunks.append(chunk)

    def failed(self, error: httpx.TransportError) -> float:
        """After no answer: seconds to wait before sending again, or the error raised."""
        if log.isEnabledFor(_DEBUG):
            elapsed = (monotonic() - self.started) * 1000
            path = self.request.url.path
            log.debug("%s %s failed after %.0f ms: %r", self.method, path, elapsed, error)
        if self._may_repeat():
            return self._again(self._backoff(), type(error).__name__)
        cls = ApiTimeoutError if isinstance(error, httpx.TimeoutException) else ApiConnectionError
        failure = cls(self.request, error)
        log.info("%s", failure)
        raise failure from error

    def answered(self, response: httpx.Response) -> float | None:
        """After an answer, read in full: seconds to wait before sending again, or None when it is
        final."""
        response._content = b"".join(self.chunks)  # as `response.read()` leaves it
        status = response.status_code
        if log.isEnabledFor(_DEBUG):
            elapsed = (monotonic() - self.started) * 1000
            path = self.request.url.path
            log.debug("%s %s -> %d in %.0f ms", self.method, path, status, elapsed)
        if status < 400:
            return None
        auth = self.client._auth
        if status == 401 and auth is not None and not self.refreshed and self._replayable():
            self.refreshed = self.stale = (
                True  # the client then asks for new credentials, for `refresh`
            )
            return 0.0
        if status in _RETRY and self._may_repeat():
            return self._again(_retry_after(response, self._backoff()), f"HTTP {status}")
        return None

    def refresh(self, authorization: str) -> bool:
        """After a 401 (`stale`): whether to send again, with the new value the provider gave."""
        self.stale = False
        if authorization == self.headers.get("Authorization"):
            return False  # the value refused: the 401 is final
        self.headers = {**self.headers, "Authorization": authorization}
        log.info("%s %s: 401, sending again with new credentials", self.method, self.path)
        return True

    def outcome(self, response: httpx.Response) -> R:
        """What the method returns for the final answer, or the error it raises."""
        status = response.status_code
        if not (200 <= status < 300 or status == 304):
            error = status_error(response)
            log.info("%s", error)
            raise error
        if self.client._raw:  # the method is then typed as answering it (`raw`, `async_raw`)
            return cast(R, RawResponse(response, self.result))
        decoded: R = decode(response, self.result)  # the codec's type is the result's
        return decoded

    def _too_large(self) -> ApiResponseError:
        return ApiResponseError(self.response, f"the answer is larger than {self.limit} bytes")

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
        log.info(
            "%s %s: %s, retry %d in %.2f s", self.method, self.path, reason, self.attempt, delay
        )
        return delay


def _retry_after(response: httpx.Response, default: float) -> float:
    """Seconds the answer asks to wait (Retry-After as seconds or an HTTP date), else `default`."""
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return default
    if value.isascii() and value.isdigit():  # not a superscript digit, which float() refuses
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    if when.tzinfo is None:  # "-0000" gives a naive datetime; the time is UTC all the same
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())
