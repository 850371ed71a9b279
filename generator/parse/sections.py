"""What a page holds, by section: the blocks after its endpoint block sorted into a plain record.

Sections are recognised by meaning, not exact text: headings vary in case, spacing, colons and
level across the reference's history, and some older pages write "Response body: X" as a plain
paragraph. Tables are recognised by their header row, sample blocks by their fence info
(`http!` request, `http_` response), so samples are found with or without their headings.
Nothing is interpreted here: `operation` turns the record into an Operation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .markdown import Block, Fence, Heading, Paragraph, Table


@dataclass
class Part:
    """A `Request Body: X` or `Response: X` section: its argument, texts and property tables."""

    arg: str = ""
    line: int = 0
    texts: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # the last one counts; all are checked


@dataclass
class Sections:
    description: list[str] = field(default_factory=list)  # the first is the summary
    path: list[Table] = field(default_factory=list)  # tables by kind; the last one counts
    query: list[Table] = field(default_factory=list)
    headers: list[Table] = field(default_factory=list)
    statuses: list[Table] = field(default_factory=list)
    body: Part | None = None  # None: the page documents no request body
    response: Part = field(default_factory=Part)
    response_body: str | None = (
        None  # a `Response body: X` heading's X, which wins over `Response: X`
    )
    request_sample: Fence | None = None  # the first of each
    response_sample: Fence | None = None
    query_examples: list[Fence] = field(default_factory=list)  # ```http blocks with example queries


def classify(text: str) -> tuple[str, str] | None:
    """(section, argument) for a heading's text, e.g. ("body", "request"); None if not a section."""
    name, _, arg = text.strip().strip("#").strip().partition(":")
    name = " ".join(name.lower().split())
    arg = arg.strip().strip("#").strip()
    if name.startswith("query string param") or name == "query parameters":
        return "query", ""
    if name.startswith("request header"):
        return "headers", ""
    if name == "request body":
        return "body", arg
    if name == "response body":
        return "response_body", arg
    if name in ("response", "responses"):
        return "response", arg
    if name in ("sample request", "sample requests", "example request"):
        return "sample_request", ""
    if name in ("sample response", "sample responses", "example response"):
        return "sample_response", ""
    if name in ("path part", "path parts", "path parameters"):
        return "path", ""
    return None


def table_kind(table: Table) -> str:
    header = [h.lower() for h in table.header]
    first = header[0] if header else ""
    if first.startswith("path part"):
        return "path"
    if first.startswith("parameter name"):
        return "params" if any("type" in h for h in header[1:]) else "headers"
    if first.startswith("property name"):
        return "properties"
    if first.startswith("response"):
        return "statuses"
    return ""


def sections(after_endpoint: list[Block], endpoint_line: int) -> Sections:
    """The record of the blocks that follow the endpoint block (includes already expanded)."""
    found = Sections()
    found.response.line = endpoint_line
    section = "description"
    for block in after_endpoint:
        heading = block.text if isinstance(block, Heading) and block.level >= 2 else None
        if isinstance(block, Paragraph) and _response_body_line(block.text):
            heading = block.text
        if heading is not None:
            known = classify(heading)
            if known is None:
                if section == "description":
                    found.description.append(heading)
                continue
            section, arg = known
            if section == "body":
                found.body = Part(
                    arg,
                    block.line,
                    found.body.texts if found.body else [],
                    found.body.tables if found.body else [],
                )
            elif section == "response":
                found.response.arg, found.response.line = arg, block.line
            elif section == "response_body":
                found.response_body, found.response.line = arg, block.line
        elif isinstance(block, Table):
            _table(found, block, section)
        elif isinstance(block, Fence):
            info = block.info.lower()
            if info == "http!" or (info == "http" and section == "sample_request"):
                found.request_sample = found.request_sample or block
            elif info == "http_" or (info == "http" and section == "sample_response"):
                found.response_sample = found.response_sample or block
            elif info == "http" and section in ("query", "description"):
                found.query_examples.append(block)
        elif isinstance(block, Paragraph):
            if section == "description":
                found.description.append(block.text)
            elif section == "body" and found.body is not None:
                found.body.texts.append(block.text)
            elif section == "response":
                found.response.texts.append(block.text)
    return found


def _table(found: Sections, table: Table, section: str) -> None:
    kind = table_kind(table)
    if kind == "path":
        found.path.append(table)
    elif kind == "params" and section in ("query", "description"):
        found.query.append(table)
    elif kind == "headers":
        found.headers.append(table)
    elif kind == "statuses":
        found.statuses.append(table)
    elif kind == "properties" and section == "body" and found.body is not None:
        found.body.tables.append(table)
    elif kind == "properties" and section in ("response", "response_body"):
        found.response.tables.append(table)


def _response_body_line(text: str) -> bool:
    """An older page's `Response body: X` written as a plain paragraph."""
    return _RESPONSE_BODY.match(text) is not None


_RESPONSE_BODY = re.compile(r"(?i)response body\s*+:")
