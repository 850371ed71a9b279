"""The I/O of a call, for each client: `SyncBaseClient` waits for each answer, `AsyncBaseClient`
awaits it. Both only send, read and sleep as their `Call` tells them; `Group` and `AsyncGroup`
are the bases of their groups of endpoints."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Any, Self

import httpx

from ._auth import AsyncAuthProvider, AuthProvider
from ._base import BaseClient
from ._call import Call
from ._log import mask
from ._model import NOT_GIVEN, Codec
from ._options import RequestOptions
from ._response import R


class SyncBaseClient(BaseClient[httpx.BaseTransport, AuthProvider]):
    """The client that waits for each answer (`Client`)."""

    _http: httpx.Client

    def _connect(
        self,
        base_url: str,
        transport: httpx.BaseTransport | None,
        headers: dict[str, str],
        timeout: httpx.Timeout,
    ) -> httpx.Client:
        return httpx.Client(
            base_url=base_url, transport=transport, headers=headers, timeout=timeout
        )

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
        result: Codec[R],
        options: RequestOptions,
        *,
        parts: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        fields: Mapping[str, Any] | None = None,
        body: Any = NOT_GIVEN,
        content: bytes | None = None,
    ) -> R:
        """Send one call and decode its answer (see `Call` for the arguments)."""
        auth = self._auth
        call = Call(
            self,
            None if auth is None else auth.authorization(),
            method,
            path,
            result,
            options,
            parts,
            query,
            fields,
            body,
            content,
        )
        http = self._http
        while True:
            request = call.build(http)
            try:
                response = http.send(request, stream=True)
                try:
                    call.receive(response)
                    for chunk in response.iter_bytes():
                        call.add(chunk)
                except BaseException:  # else httpx closed it at the body's end
                    response.close()
                    raise
            except httpx.TransportError as error:
                wait = call.failed(error)
            except httpx.HTTPError:  # a body httpx cannot decode: the error shows the request
                mask(request.headers)
                raise
            else:
                answered = call.answered(response)
                if answered is None:
                    return call.outcome(response)
                if (
                    call.stale
                    and auth is not None
                    and not call.refresh(auth.authorization(refresh=True))
                ):
                    return call.outcome(response)
                wait = answered
            time.sleep(wait)


class AsyncBaseClient(BaseClient[httpx.AsyncBaseTransport, AuthProvider | AsyncAuthProvider]):
    """The client whose methods are awaited (`AsyncClient`)."""

    _http: httpx.AsyncClient

    def _connect(
        self,
        base_url: str,
        transport: httpx.AsyncBaseTransport | None,
        headers: dict[str, str],
        timeout: httpx.Timeout,
    ) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=base_url, transport=transport, headers=headers, timeout=timeout
        )

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
        result: Codec[R],
        options: RequestOptions,
        *,
        parts: Mapping[str, Any] | None = None,
        query: Mapping[str, Any] | None = None,
        fields: Mapping[str, Any] | None = None,
        body: Any = NOT_GIVEN,
        content: bytes | None = None,
    ) -> R:
        """`SyncBaseClient._request`, awaiting the answer (and the provider, if it is async)."""
        auth = self._auth
        authorization = None if auth is None else auth.authorization()
        if authorization is not None and not isinstance(authorization, str):
            authorization = await authorization  # not `_authorization`: no coroutine per call
        call = Call(
            self,
            authorization,
            method,
            path,
            result,
            options,
            parts,
            query,
            fields,
            body,
            content,
        )
        http = self._http
        while True:
            request = call.build(http)
            try:
                response = await http.send(request, stream=True)
                try:
                    call.receive(response)
                    async for chunk in response.aiter_bytes():
                        call.add(chunk)
                except BaseException:  # else httpx closed it at the body's end
                    await response.aclose()
                    raise
            except httpx.TransportError as error:
                wait = call.failed(error)
            except httpx.HTTPError:  # a body httpx cannot decode: the error shows the request
                mask(request.headers)
                raise
            else:
                answered = call.answered(response)
                if answered is None:
                    return call.outcome(response)
                if (
                    call.stale
                    and auth is not None
                    and not call.refresh(await _authorization(auth, True))
                ):
                    return call.outcome(response)
                wait = answered
            import asyncio  # here: importing the package stays cheap

            await asyncio.sleep(wait)


async def _authorization(auth: AuthProvider | AsyncAuthProvider, refresh: bool) -> str:
    value = auth.authorization(refresh=refresh)
    return value if isinstance(value, str) else await value


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
