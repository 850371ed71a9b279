"""Credentials: the ``Authorization`` value each request carries, and its refresh after a 401."""

from __future__ import annotations

import base64
import ipaddress
import warnings
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx


class AuthProvider:
    """Gives the ``Authorization`` header's value for each request, and a new one after a 401.

    The client asks ``authorization()`` before a call and, when the answer is 401, once
    ``authorization(refresh=True)``: a value different from the one sent is tried once more,
    for any method (a 401 means nothing was done), unless the body cannot be sent twice. Keep the
    value cached, and lock when calls on several threads may refresh at once; for `AsyncClient`,
    an `AsyncAuthProvider` can fetch a new value without blocking.
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


class AsyncAuthProvider:
    """`AuthProvider` for `AsyncClient`, awaited: ``await authorization()`` before a call, and
    once ``await authorization(refresh=True)`` after a 401 (an OAuth refresh over
    ``httpx.AsyncClient``, a new system-user ticket), without blocking the event loop."""

    async def authorization(self, *, refresh: bool = False) -> str:
        raise NotImplementedError


class AsyncCallableAuth(AsyncAuthProvider):
    """An async function giving the value: ``await fetch(refresh)``, where ``refresh`` is True
    after a 401."""

    __slots__ = ("_fetch",)

    def __init__(self, fetch: Callable[[bool], Awaitable[str]]) -> None:
        self._fetch = fetch

    async def authorization(self, *, refresh: bool = False) -> str:
        return await self._fetch(refresh)


A = TypeVar("A", bound=AuthProvider | AsyncAuthProvider)
"""The providers a client takes: `AuthProvider` for `Client`, either kind for `AsyncClient`."""


def credentials(
    username: str | None,
    password: str | None,
    ticket: str | None,
    token: str | None,
    auth: A | None,
) -> A | StaticAuth | None:
    """The provider for the one way to sign in the client was given, if any."""
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


def warn_if_plain_http(base_url: str) -> None:
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
