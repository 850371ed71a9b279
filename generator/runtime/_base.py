"""What both clients share: their settings, the headers SuperOffice expects, copies with other
settings, and the groups of endpoints, each imported on first use."""

from __future__ import annotations

from collections.abc import Mapping
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar

import httpx

from ._auth import A, StaticAuth, credentials, warn_if_plain_http
from ._model import NOT_GIVEN, NotGiven
from ._options import (
    DEFAULT_MAX_RESPONSE_BYTES,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    Timeout,
    seconds,
    timeouts,
)

_PACKAGE = __name__.rpartition(".")[0]
_VERSION: str = import_module(f"{_PACKAGE}._version").__version__  # written for each package
USER_AGENT = f"{_PACKAGE}/{_VERSION} httpx/{httpx.__version__}"

_T = TypeVar("_T", httpx.BaseTransport, httpx.AsyncBaseTransport)


class BaseClient(Generic[_T, A]):
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
        auth: A | None = None,
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
                after a 401 (refreshed tokens, system-user tickets); `AsyncClient` takes an
                `AsyncAuthProvider` too, which is awaited.
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
        provider = credentials(username, password, ticket, token, auth)
        if username is not None or password is not None:
            warn_if_plain_http(base_url)
        sent = _settings_headers(app_token, language, culture, timezone, headers)
        if type(provider) is StaticAuth:  # a value that never changes goes with the settings
            sent["Authorization"] = provider.authorization()
            provider = None  # and its 401 is final, as a refresh would give the same value
        self._auth = provider
        self._headers: dict[str, str] = {}
        """Sent with every request over the connection's own: those given to `with_options`."""
        self._max_retries = max_retries
        self._backoff = backoff
        self._max_response_bytes = max_response_bytes
        self._raw = False
        # Its headers are not masked (`mask`): httpx copies them into each request, whose headers
        # are masked where they reach the caller, and a second class would slow every copy.
        self._http = self._connect(base_url, transport, sent, httpx.Timeout(timeout))
        root = self._http.base_url.copy_with(query=None, fragment=None)
        self._root = str(root).removesuffix("/")
        """What each call's path is appended to: the URL httpx would merge the path into (its
        query and fragment left out), as text, since httpx parses a whole URL in far fewer steps
        than it merges a path into its base URL."""
        self._timeouts = self._http.timeout.as_dict()
        """The timeout each request carries (its ``timeout`` extension): the connection's, or
        that of `with_options`."""
        self._seconds = seconds(self._http.timeout)

    def _connect(
        self, base_url: str, transport: _T | None, headers: dict[str, str], timeout: httpx.Timeout
    ) -> Any:
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
            copy._timeouts, copy._seconds = timeouts(timeout)
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
            group = getattr(import_module(f"{_PACKAGE}.groups.{module}"), cls)(self)
            setattr(self, name, group)  # found directly from now on
            return group

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *self._groups_})

    def __repr__(self) -> str:
        url = self._http.base_url  # its host and path: no user or password it may hold
        return f"<{type(self).__name__} {url.scheme}://{url.host}{url.path}>"


class RawView:
    """``client.with_raw_response``: the client's groups, each method answering `RawResponse`."""

    def __init__(self, client: BaseClient[Any, Any]) -> None:
        self._client = client._copy()
        self._client._raw = True

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            found = self._client._groups_.get(name)
            if found is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            module, _, raw_cls = found
            view = getattr(import_module(f"{_PACKAGE}.groups.{module}"), raw_cls)(
                getattr(self._client, name)
            )
            setattr(self, name, view)
            return view


def _settings_headers(
    app_token: str | None,
    language: str | None,
    culture: str | None,
    timezone: str | None,
    headers: Mapping[str, str] | None,
) -> dict[str, str]:
    """The headers every request carries, as SuperOffice expects them."""
    sent = {"Accept": "application/json", "User-Agent": USER_AGENT}
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
