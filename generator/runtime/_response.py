"""Answers: decoding a body by the method's codec, raw responses."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Awaitable, Callable
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx

from ._errors import ApiResponseError
from ._log import mask
from ._model import BYTES, JSON, NONE, Codec

R = TypeVar("R")
P = ParamSpec("P")

_JSON_TYPES = ("application/json", "text/json")


def _is_json(response: httpx.Response) -> bool:
    media = response.headers.get("Content-Type", "").partition(";")[0].strip().lower()
    return media in _JSON_TYPES or media.endswith("+json")


def decode(response: httpx.Response, result: Codec[Any]) -> Any:
    """The method's result from a 2xx or 304 answer (read in full), as the codec says: `NONE`,
    `BYTES`, plain `JSON`, or decoded."""
    status = response.status_code
    if status == 304 or result is NONE:
        return None
    content = response.content
    if status == 204 or not content:
        return b"" if result is BYTES else None
    if result is BYTES and not _is_json(response):
        return content
    try:
        data = json.loads(content)
    except RecursionError:
        raise ApiResponseError(response, "the JSON answer is nested too deep") from None
    except ValueError as error:  # invalid JSON or text, or an integer of thousands of digits
        raise ApiResponseError(response, f"the answer is not valid JSON: {error}") from None
    if result is BYTES:
        return _binary(response, data)
    if result is JSON or data is None:
        return data
    return result.decode(data)


def _binary(response: httpx.Response, data: Any) -> bytes:
    """A binary result sent as JSON: the string it holds, decoded when it is base64, else its
    UTF-8 bytes (the reference's samples hold placeholder text); null is b""."""
    if data is None:
        return b""
    if not isinstance(data, str):
        raise ApiResponseError(response, "expected binary content as a JSON string")
    try:
        return base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        return data.encode("utf-8")


class RawResponse(Generic[R]):
    """An answer as it came, from ``client.with_raw_response.<group>.<method>(...)``.

    Attributes:
        status_code: The HTTP status (2xx, or 304 for a conditional request).
        headers: The answer's headers.
        http_request: The request sent.
        http_response: The httpx response, body read.
    """

    __slots__ = ("http_response", "_result")

    def __init__(self, response: httpx.Response, result: Codec[R]) -> None:
        self.http_response = response
        self._result = result
        mask(response.headers)
        mask(response.request.headers)

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
        parsed: R = decode(self.http_response, self._result)
        return parsed

    def __repr__(self) -> str:
        request = self.http_request
        return f"<RawResponse [{self.status_code}] {request.method} {request.url.path}>"


def raw(method: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    """A method of a group bound to a raw client (``_raw``), typed as what it then returns."""
    return cast("Callable[P, RawResponse[R]]", method)


def async_raw(method: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[RawResponse[R]]]:
    """`raw` for the methods of `AsyncClient`."""
    return cast("Callable[P, Awaitable[RawResponse[R]]]", method)
