"""The endpoint a page documents: its method and path, its names (from the uid, else made from
the path), its path parts (with the values a sample request gives them) and the values its
example requests give query parameters."""

from __future__ import annotations

import re

from ..diagnostics import Location, PageError
from ..model import Param, Sample, TypeRef
from ..naming import pascal
from ..wire import request_line, split_target
from .context import PageContext
from .markdown import Fence

UID = re.compile(r"^v\d+(?P<group>[A-Za-z][A-Za-z0-9]*)_(?P<name>[A-Za-z0-9_]+)$")
_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
_VERSION = re.compile(r"v\d+")
_WORD = re.compile(r"[A-Za-z0-9]")


def method_and_path(page: PageContext, endpoint: Fence) -> tuple[str, str]:
    lines = [line for line in endpoint.content.split("\n") if line.strip()]
    parsed = request_line(lines[0]) if lines else None
    if parsed is None:
        raise PageError(
            page.at(endpoint.line),
            "no-endpoint",
            "the ```http block does not start with a method and a path, e.g. 'GET /api/v1/Contact/{id}'",
        )
    method, target = parsed
    path, query = split_target(target)
    if not path.startswith("/"):
        raise PageError(
            page.at(endpoint.line + 1), "no-endpoint", f"the path '{path}' does not start with '/'"
        )
    if query:
        page.warn(
            page.at(endpoint.line + 1),
            "endpoint-query",
            "the endpoint's path carries a query; it is ignored",
        )
    return method, path


def operation_names(page: PageContext, uid: str, method: str, path: str) -> tuple[str, str, str]:
    """(uid, group, name): from the uid, else made from the path (a warning)."""
    match = UID.match(uid)
    if match:
        return uid, match["group"], match["name"]
    parts = [p for p in path.split("/") if p]
    if len(parts) >= 2 and parts[0].lower() == "api" and _VERSION.fullmatch(parts[1]):
        parts = parts[2:]
    literal = [pascal(p) for p in parts if not _PLACEHOLDER.search(p) and _WORD.search(p)]
    if len(literal) >= 2 and literal[0] == "Agents":
        group, name = literal[1] + "Agent", "".join(literal[2:]) or pascal(method.lower())
    else:
        group = (literal[0] if literal else "Api") + "Entity"
        name = pascal(method.lower()) + "".join(literal[1:])
    if not uid:
        uid = f"v1{group}_{name}"
        reason = "the page has no uid"
    else:
        reason = f"the uid '{uid}' does not have the form v1Group_Operation"
    page.warn(page.at(1), "uid", f"{reason}; named {group}.{name} after its path")
    return uid, group, name


def query_examples(fences: list[Fence]) -> dict[str, str]:
    """The first value each query key has in the page's example requests."""
    examples: dict[str, str] = {}
    for fence in fences:
        for line in fence.content.split("\n"):
            parsed = request_line(line)
            if parsed:
                for key, value in split_target(parsed[1])[1]:
                    examples.setdefault(key, value)
    return examples


def path_parts(
    page: PageContext, path: str, location: Location, table: list[Param], request: Sample | None
) -> list[Param]:
    names = _PLACEHOLDER.findall(path)
    by_name = {row.name: row for row in table}
    params = []
    for name in dict.fromkeys(names):
        param = by_name.get(name)
        if param is None:
            page.warn(
                location, "path-part", f"the path part {{{name}}} has no row in the Path Part table"
            )
            param = Param(name, TypeRef("string"), "", True, location)
        params.append(param)
    for row in table:
        if row.name not in names:
            page.warn(
                row.location,
                "path-part",
                f"the Path Part row '{row.name}' is not in the path {path}",
            )
    examples = _path_examples(path, request)
    for param in params:
        param.example = examples.get(param.name)
    return params


def _path_examples(template: str, request: Sample | None) -> dict[str, str]:
    """Concrete values a sample request puts where the path template has its placeholders."""
    if request is None or not request.method:
        return {}
    actual = request.path.split("/")
    wanted = template.split("/")
    if len(actual) != len(wanted):
        return {}
    examples = {}
    for want, got in zip(wanted, actual, strict=False):
        match = _PLACEHOLDER.fullmatch(want)
        if match and got and not _PLACEHOLDER.search(got):
            examples[match[1]] = got
    return examples
