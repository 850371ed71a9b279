"""The settings a client and each call take: defaults, timeouts, per-call options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypedDict

import httpx

DEFAULT_TIMEOUT = 30.0
"""Seconds one attempt of a call may take, answer read in full (connect, send, wait, read)."""
DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024
"""The largest answer read (64 MiB); a larger one raises `ApiResponseError` unread."""

Timeout = float | httpx.Timeout | None
"""Seconds, or an `httpx.Timeout`; None waits for ever."""
Select = str | Sequence[str]
"""OData's $select: field names as a list, or as one comma-separated string."""


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


def seconds(timeout: Timeout) -> float | None:
    """The longest one attempt may take: the timeout, or the longest phase of an httpx.Timeout."""
    if not isinstance(timeout, httpx.Timeout):
        return timeout
    phases = [
        t for t in (timeout.connect, timeout.read, timeout.write, timeout.pool) if t is not None
    ]
    return max(phases) if phases else None


def timeouts(timeout: Timeout) -> tuple[dict[str, float | None], float | None]:
    """A request's ``timeout`` extension (each phase's seconds), and the longest an attempt may
    take."""
    timeout = httpx.Timeout(timeout)
    return timeout.as_dict(), seconds(timeout)
