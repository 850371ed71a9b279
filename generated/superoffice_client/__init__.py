"""superoffice_client: a typed client for the SuperOffice WebAPI, generated from its reference pages.

    from superoffice_client import Client

    with Client("https://sod.superoffice.com/Cust12345", token="...") as client:
        ...

`AsyncClient` has the same methods, awaited. Parts of the API are attributes of the client
(loaded on first use); models live in ``superoffice_client.models``. A status that is neither
2xx nor 304 raises an `ApiStatusError` (a subclass per status), no answer an
`ApiConnectionError`; all are `ApiError`. Optional arguments default to ``NOT_GIVEN`` and are
then not sent; ``None`` is sent as JSON null. See README.md.
"""

from ._client import AsyncClient, AsyncClientWithRawResponse, Client, ClientWithRawResponse
from ._model import NOT_GIVEN, Model, NotGiven
from ._runtime import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    ApiConnectionError,
    ApiError,
    ApiResponseError,
    ApiStatusError,
    ApiTimeoutError,
    AuthenticationError,
    AuthProvider,
    BadRequestError,
    CallableAuth,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitError,
    RawResponse,
    RequestOptions,
    StaticAuth,
)
from ._version import __version__

__all__ = [
    "DEFAULT_MAX_RESPONSE_BYTES",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "NOT_GIVEN",
    "ApiConnectionError",
    "ApiError",
    "ApiResponseError",
    "ApiStatusError",
    "ApiTimeoutError",
    "AsyncClient",
    "AsyncClientWithRawResponse",
    "AuthProvider",
    "AuthenticationError",
    "BadRequestError",
    "CallableAuth",
    "Client",
    "ClientWithRawResponse",
    "ConflictError",
    "InternalServerError",
    "Model",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitError",
    "RawResponse",
    "RequestOptions",
    "StaticAuth",
    "__version__",
]
