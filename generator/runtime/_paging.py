"""OData paging: the rows and pages of a list endpoint, following ``odata.nextLink``.

A page is the model a list endpoint returns (``value``: the rows, ``odata.nextLink``: where the
next page is). Iteration stops at a page without rows, at a page without a next link, and when
the server repeats itself: a next link followed before, or a page with the same rows as the one
before. It never loops forever, and never raises for it: the rows already read stay valid.

`Client` pages with `pages` and `rows`, `AsyncClient` with their async twins; `_Follow` decides
for both when to stop and where to go next.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urljoin, urlsplit

from ._io import AsyncBaseClient, SyncBaseClient
from ._model import Codec, Model
from ._options import RequestOptions

P = TypeVar("P", bound=Model)


class _Follow:
    """The pages seen so far: whether the next one is new, and where the one after it is."""

    __slots__ = ("followed", "previous")

    def __init__(self) -> None:
        self.followed: set[str] = set()
        self.previous: Any = None

    def new(self, page: Model) -> bool:
        """Whether the page has rows, and not the rows of the page before."""
        rows = page.to_dict().get("value")
        if not rows or rows == self.previous:
            return False
        self.previous = rows
        return True

    def next(self, page: Model) -> str | None:
        """The path of the page after `page`; None at the end, or at a link followed before."""
        link = next_path(page.to_dict().get("odata.nextLink"))
        if link is None or link in self.followed:
            return None
        self.followed.add(link)
        return link


def pages(
    client: SyncBaseClient,
    first: Callable[..., P],
    codec: Codec[P],
    options: RequestOptions,
    /,
    **arguments: Any,
) -> Iterator[P]:
    """`first(**arguments)`, then each page its ``odata.nextLink`` names, while there are rows;
    each call with the per-call `options`."""
    follow = _Follow()
    page = first(**arguments, **options)
    while follow.new(page):
        yield page
        link = follow.next(page)
        if link is None:
            return
        path, query = _split(link)
        page = client._request("GET", path, codec, options, query=query)


async def async_pages(
    client: AsyncBaseClient,
    first: Callable[..., Awaitable[P]],
    codec: Codec[P],
    options: RequestOptions,
    /,
    **arguments: Any,
) -> AsyncIterator[P]:
    """`pages`, for `AsyncClient`."""
    follow = _Follow()
    page = await first(**arguments, **options)
    while follow.new(page):
        yield page
        link = follow.next(page)
        if link is None:
            return
        path, query = _split(link)
        page = await client._request("GET", path, codec, options, query=query)


def rows(pages: Callable[..., Iterator[Model]], /, **arguments: Any) -> Iterator[Any]:
    """The rows (``value``) of each page `pages(**arguments)` yields."""
    for page in pages(**arguments):
        yield from _rows(page)


async def async_rows(
    pages: Callable[..., AsyncIterator[Model]], /, **arguments: Any
) -> AsyncIterator[Any]:
    """`rows`, for `AsyncClient`."""
    async for page in pages(**arguments):
        for row in _rows(page):
            yield row


def _rows(page: Model) -> list[Any]:
    value = page.to_dict().get("value")
    return value if isinstance(value, list) else []


def next_path(link: Any) -> str | None:
    """Where a next link points, as a path from the API root (``/api/v1/Contact?$skip=200``), so
    that it goes to the client's own server, with its credentials, whatever host the link names
    (a server behind a proxy may name its inner one). None when there is no next page."""
    if not isinstance(link, str) or not link.strip():
        return None
    parts = urlsplit(urljoin("/api/v1/", link.strip()))
    path = parts.path
    root = path.find("/api/")
    path = path[root:] if root >= 0 else path
    return path + (f"?{parts.query}" if parts.query else "")


def _split(link: str) -> tuple[str, dict[str, str]]:
    """A next page's path, and its query as the call's query arguments (by wire name)."""
    path, _, query = link.partition("?")
    return path, dict(parse_qsl(query, keep_blank_values=True))
