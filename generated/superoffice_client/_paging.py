"""OData paging: the rows and pages of a list endpoint, following ``odata.nextLink``.

A page is the model a list endpoint returns (``value``: the rows, ``odata.nextLink``: where the
next page is). Iteration stops at a page without rows, at a page without a next link, and when
the server repeats itself: a next link followed before, or a page with the same rows as the one
before. It never loops forever, and never raises for it: the rows already read stay valid.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

from ._model import Codec, Model
from ._runtime import BaseClient

P = TypeVar("P", bound=Model)


def pages(
    client: BaseClient, first: Callable[..., P], codec: Codec[P], /, **arguments: Any
) -> Iterator[P]:
    """`first(**arguments)`, then each page its ``odata.nextLink`` names, while there are rows."""
    page = first(**arguments)
    followed: set[str] = set()
    previous: Any = None
    while True:
        data = page.to_dict()
        rows = data.get("value")
        if not rows or rows == previous:
            return
        yield page
        link = next_path(data.get("odata.nextLink"))
        if link is None or link in followed:
            return
        followed.add(link)
        previous = rows
        page = client._request("GET", link, codec)


def rows(pages: Callable[..., Iterator[Model]], /, **arguments: Any) -> Iterator[Any]:
    """The rows (``value``) of each page `pages(**arguments)` yields."""
    for page in pages(**arguments):
        yield from page.to_dict().get("value") or ()


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
