"""One doc page → one Operation (plus the types it documents), or a reason it is not an endpoint page.

The page is gated here (front matter, the ```http block, index pages); `sections` sorts what
follows the endpoint block into a record, `operation` assembles the Operation from it.
"""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Location, PageError
from ..discover import page_bytes
from ..model import ParsedPage
from ..wire import request_line
from . import frontmatter
from .context import PageContext, decode
from .endpoint import UID
from .markdown import Fence, Heading, blocks
from .operation import Header, assemble
from .sections import sections


def read_page(path: str | Path, root: str, file: str) -> ParsedPage:
    """Parse the page at `path`, known as `file` below the docs folder `root`. Raises PageError."""
    return page_from_bytes(page_bytes(path, Location(root, file)), path, root, file)


def page_from_bytes(data: bytes, path: str | Path, root: str, file: str) -> ParsedPage:
    """Parse the page whose bytes were read from `path` (read once: the bytes a cache hashed are
    the bytes parsed). Raises PageError."""
    at = Location(root, file)
    return parse_page(decode(data, at), file, Path(path).parent, root, Path(root or "."))


def parse_page(
    text: str, file: str, folder: Path | None = None, root: str = "", docs: Path | None = None
) -> ParsedPage:
    """Parse a page's text; includes are resolved in `folder`, the page's own folder, and only
    read when they are regular files inside `docs`, the docs folder (default: `folder`)."""
    front, body = frontmatter.split(text, Location(root, file))
    uid = ""
    if front is not None:
        raw = front.get("uid", front.get("id"))
        uid = "" if raw is None else str(raw).strip()
    page_blocks = blocks(body)
    endpoint = next(
        (b for b in page_blocks if isinstance(b, Fence) and b.info.lower() == "http"), None
    )
    if endpoint is None:
        if UID.match(uid):
            heading = next((b for b in page_blocks if isinstance(b, Heading)), None)
            raise PageError(
                Location(root, file, heading.line if heading else 1),
                "no-endpoint",
                f"page '{uid}' has no ```http block with the endpoint's method and path",
            )
        kind = "an include fragment" if front is None else "an index or overview page"
        return ParsedPage(file, skipped=f"not an endpoint page ({kind}: no ```http block)")
    if not UID.match(uid) and not _states_an_endpoint(endpoint):
        # A group's index page: its block holds only the group's path, its body links to pages.
        return ParsedPage(
            file, skipped="not an endpoint page (an index page: its ```http block has no method)"
        )
    page = PageContext(Location(root, file), folder, docs if docs is not None else folder)
    h1 = next((b for b in page_blocks if isinstance(b, Heading) and b.level == 1), None)
    title = str((front or {}).get("title") or "")
    header = Header(uid, title, frontmatter.key_line(text, "title"), h1, endpoint)
    expanded = page.expand(page_blocks)
    after = expanded[next(i for i, b in enumerate(expanded) if b is endpoint) + 1 :]
    return assemble(page, header, sections(after, endpoint.line))


def _states_an_endpoint(block: Fence) -> bool:
    """Whether an ```http block starts with a method and a path."""
    first = next((line for line in block.content.split("\n") if line.strip()), "")
    return request_line(first) is not None
