"""The errors a call raises: `ApiError` and its subclasses, one per status users handle."""

from __future__ import annotations

import json
from typing import Any

import httpx

from ._log import mask


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
        mask(request.headers)


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
        mask(response.headers)
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
        mask(response.headers)
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


def status_error(response: httpx.Response) -> ApiStatusError:
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
