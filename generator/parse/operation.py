"""One Operation, and the types its page documents, assembled from the record of its sections.

Every part is worked out first (endpoint, names, parameters, samples, result, body) and the
Operation built once from them. The order matters only where one part reads another: the body
and the result after the samples (a sample tells an array body, a binary response). A body's
property table is its own type here; whether it is the response's type is the build's decision.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from ..diagnostics import Location
from ..model import (
    ANY,
    Body,
    ObjectType,
    Operation,
    Param,
    ParsedPage,
    Property,
    Sample,
    Status,
    TypeRef,
)
from ..naming import pascal
from ..wire import is_binary, is_upload
from . import rows
from .context import PageContext
from .endpoint import method_and_path, operation_names, path_parts, query_examples
from .markdown import Fence, Heading, Table
from .samples import decode_json, sample
from .sections import Part, Sections

T = TypeVar("T")


@dataclass
class Header:
    """What a page says before its sections: front matter and headings."""

    uid: str
    title: str
    title_line: int
    heading: Heading | None  # the page's H1
    endpoint: Fence


@dataclass
class _Types:
    """The types the page documents, in the order met (a result's before a body's)."""

    found: list[ObjectType] = field(default_factory=list)

    def add(
        self,
        name: str,
        description: str,
        props: list[Property],
        location: Location,
        inline: bool = True,
    ) -> TypeRef:
        self.found.append(
            ObjectType(name, props, description, location, documented=True, inline=inline)
        )
        return TypeRef("named", name=name)


def assemble(page: PageContext, header: Header, found: Sections) -> ParsedPage:
    method, path = method_and_path(page, header.endpoint)
    uid, group, name = operation_names(page, header.uid, method, path)
    location = page.at(header.endpoint.line)
    statuses = _last(found.statuses, lambda t: rows.statuses(page, t)) or []
    headers = _last(found.headers, lambda t: rows.params(page, t, typed=False)) or []
    query = _last(found.query, lambda t: rows.params(page, t)) or []
    path_rows = _last(found.path, lambda t: rows.params(page, t, path=True)) or []
    body_props = (
        _last(found.body.tables, lambda t: rows.properties(page, t)) if found.body else None
    )
    response_props = _last(found.response.tables, lambda t: rows.properties(page, t))
    request = _sample(page, found.request_sample)
    response = _sample(page, found.response_sample)
    examples = query_examples(found.query_examples)
    for param in query:
        param.example = examples.get(param.name)
    path_params = path_parts(page, path, location, path_rows, request)
    if request is not None:
        decode_json(request, page.diagnostics, "sample request")
    types = _Types()
    ids = f"{group}{name}"
    result = _result(
        page, types, ids, statuses, response, found.response, found.response_body, response_props
    )
    body = None
    if found.body is not None:
        body = _body(page, types, ids, found.body, body_props, headers, request)
    if response is not None:
        response.binary = result is not None and result.kind == "binary"
        decode_json(response, page.diagnostics, "sample response")
    summary = found.description[0] if found.description else ""
    heading = header.heading
    op = Operation(
        uid=uid,
        group=group,
        name=name,
        method=method,
        path=path,
        summary=summary,
        description="\n\n".join(found.description[1:]),
        location=location,
        title=header.title,
        title_line=header.title_line,
        heading=heading.text if heading else "",
        heading_line=heading.line if heading else 0,
        path_params=path_params,
        query_params=query,
        headers=headers,
        body=body,
        statuses=statuses,
        result=result,
        request_sample=request,
        response_sample=response,
    )
    return ParsedPage(page.page.file, op, types.found, page.diagnostics, includes=page.includes)


def _last(tables: list[Table], convert: Callable[[Table], T]) -> T | None:
    """The last table's rows; every table is read, so each one's bad rows are reported."""
    converted = [convert(table) for table in tables]
    return converted[-1] if converted else None


def _sample(page: PageContext, fence: Fence | None) -> Sample | None:
    return (
        None if fence is None else sample(fence.content, page.at(fence.line + 1, file=fence.file))
    )


def _result(
    page: PageContext,
    types: _Types,
    ids: str,
    statuses: list[Status],
    response: Sample | None,
    part: Part,
    response_body: str | None,
    props: list[Property] | None,
) -> TypeRef | None:
    """The documented response body: None for a 204, a named type for a property table."""
    location = page.at(part.line)
    type_text = response_body or part.arg
    success = [s.code for s in statuses if 200 <= s.code < 300]
    if success and all(code == 204 for code in success):
        if type_text or props:
            page.warn(
                location,
                "no-content",
                f"the response is 204 No Content; its documented body '{type_text}' is ignored",
            )
        return None
    type_ = rows.type_of(page, type_text, part.line) if type_text else ANY
    if props is None:
        binary = response is not None and is_binary(response.header("Content-Type"))
        return TypeRef("binary") if type_ == ANY and binary else type_
    descriptions = {s.description for s in statuses}
    doc = "\n\n".join(t for t in part.texts if t not in descriptions)
    if type_.kind == "named":
        return types.add(type_.name, doc, props, location, inline=False)
    if type_.kind == "array":
        return TypeRef("array", item=types.add(f"{ids}Item", doc, props, location))
    if type_.kind in ("object", "any"):
        return types.add(f"{ids}Result", doc, props, location)
    page.warn(
        location,
        "properties",
        f"a property table is documented for the {type_} response; it is ignored",
    )
    return type_


def _body(
    page: PageContext,
    types: _Types,
    ids: str,
    part: Part,
    props: list[Property] | None,
    headers: list[Param],
    request: Sample | None,
) -> Body:
    location = page.at(part.line)
    words = part.arg.split()
    name = words[0] if words else "body"
    description = "\n\n".join(
        t for t in part.texts if props is None or t != ", ".join(p.name for p in props)
    )
    if name == "request":
        type_ = types.add(f"{ids}Request", description, props or [], location)
        return Body(name, type_, description, location, spread=True, properties=props or [])
    if props:
        type_ = types.add(f"{ids}{pascal(name)}", description, props, location)
        if request is not None and isinstance(request.body, list):
            type_ = TypeRef("array", item=type_)
        return Body(name, type_, description, location, properties=props)
    content_types = next((h.example or "" for h in headers if h.name.lower() == "content-type"), "")
    binary = "binary" in (w.lower() for w in words) or is_upload(content_types)
    if binary and not (request and request.body_text):
        return Body(name, TypeRef("binary"), description, location)
    if name.lower().endswith("ids"):
        return Body(name, TypeRef("array", item=TypeRef("integer", "int32")), description, location)
    return Body(name, ANY, description, location)
