"""Small doc pages written for the tests, built from the sections a test cares about."""

from __future__ import annotations

from pathlib import Path

from generator.emit.pyparts import PyGroup
from generator.emit.pyview import GroupMethods, python_view
from generator.model import Api, ParsedPage
from generator.parse.page import parse_page

FRONT = "---\ntitle: POST Agents/Demo/DoThing\nuid: v1DemoAgent_DoThing\n---\n\n# POST Agents/Demo/DoThing\n\n"
ENDPOINT = "```http\nPOST /api/v1/Agents/Demo/DoThing\n```\n\n"


def page(*sections: str, front: str = FRONT, endpoint: str = ENDPOINT) -> str:
    return front + endpoint + "\n\n".join(s.strip("\n") + "\n" for s in sections)


def parse(text: str, folder: Path | None = None, name: str = "page.md") -> ParsedPage:
    return parse_page(text, name, folder)


def table(header: str, *rows: str) -> str:
    columns = header.count("|") - 1
    return "\n".join([header, "|" + "---|" * columns, *rows])


def sample_request(
    body: str = "", start: str = "POST /api/v1/Agents/Demo/DoThing", heading: bool = True
) -> str:
    head = "## Sample request\n\n" if heading else ""
    message = (
        start
        + "\nAuthorization: Basic dGplMDpUamUw\nContent-Type: application/json; charset=utf-8\n"
    )
    return head + "```http!\n" + message + ("\n" + body + "\n" if body else "") + "```\n"


def sample_response(
    body: str,
    status: str = "200 OK",
    heading: bool = True,
    content_type: str = "application/json; charset=utf-8",
) -> str:
    head = "## Sample response\n\n" if heading else ""
    return head + f"```http_\nHTTP/1.1 {status}\nContent-Type: {content_type}\n\n{body}\n```\n"


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` (bytecode caches aside), by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def groups_of(api: Api) -> list[PyGroup]:
    """The view's groups, filled in as their files print them."""
    view = python_view(api, "demo")
    fill = GroupMethods(view, api)
    return [fill(group) for group in view.groups]
