"""The doc linter: what is wrong or suspicious in the pages, found by comparing what a page says
in one place with what it says in another (tables, samples, headings, the endpoint block).

It reads the model only (and `wire`'s rules for the endpoint a heading states). The parser and
the build stage report what they meet on the way (a bad include, invalid JSON, a uid used
twice); this module adds the cross-checks. Every check has a stable code, listed in
diagnostics.CODES.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

from .diagnostics import Diagnostic, Location
from .examples import fits
from .model import ObjectType, Operation, ParsedPage, Property, Sample, TypeRef
from .wire import request_line, split_target


def lint_page(page: ParsedPage) -> list[Diagnostic]:
    """The cross-checks of one page (none unless it states an endpoint): they read that page
    only, so they run where it is parsed and are cached with it."""
    return _Checks(page).run() if page.operation is not None else []


class _Checks:
    def __init__(self, page: ParsedPage) -> None:
        assert page.operation is not None
        self.op: Operation = page.operation
        self.types = {t.name: t for t in page.types}
        self.found: list[Diagnostic] = []

    def warn(self, location: Location, code: str, message: str) -> None:
        self.found.append(Diagnostic(location, "warning", code, message))

    def run(self) -> list[Diagnostic]:
        self.endpoint()
        self.description()
        self.request()
        self.response()
        self.query()
        return self.found

    # -- the endpoint, stated in up to four places ------------------------------------------------

    def endpoint(self) -> None:
        op = self.op
        here = op.location
        stated = [
            ("H1", op.heading, here._replace(line=op.heading_line or here.line)),
            ("front matter title", op.title, here._replace(line=op.title_line or 1)),
        ]
        for what, text, location in stated:
            method, _, rest = text.strip().partition(" ")
            parsed = request_line(f"{method} /{rest.strip().lstrip('/')}") if rest.strip() else None
            if parsed is None:
                continue  # older pages put only the operation's name there
            if not _same_endpoint(
                (parsed[0], split_target(parsed[1])[0]), (op.method, op.path), relative=True
            ):
                self.warn(
                    location,
                    "endpoint-mismatch",
                    f"the {what} says '{text}' but the endpoint is {op.method} {op.path}",
                )
        sample = op.request_sample
        if (
            sample
            and sample.method
            and not _same_endpoint(
                (sample.method, sample.path), (op.method, op.path), relative=False
            )
        ):
            self.warn(
                sample.location,
                "endpoint-mismatch",
                f"the sample request is '{sample.start_line}' but the endpoint is {op.method} {op.path}",
            )

    def description(self) -> None:
        if not self.op.summary.strip():
            self.warn(self.op.location, "empty-description", "the endpoint has no description")

    # -- samples against tables ---------------------------------------------------------------------

    def request(self) -> None:
        op = self.op
        sample = op.request_sample
        if op.body is None or sample is None or not sample.has_json or not op.body.properties:
            return
        body = sample.body[0] if isinstance(sample.body, list) and sample.body else sample.body
        if not isinstance(body, dict):
            return
        table = {p.name: p for p in op.body.properties}
        for key in body:
            if key not in table:
                self.warn(
                    _key_location(sample, key),
                    "request-key-undocumented",
                    f"the sample request has '{key}', which the Request Body table does not list",
                )
        for prop in op.body.properties:
            if prop.required and prop.name not in body:
                self.warn(
                    prop.location,
                    "request-key-missing",
                    f"'{prop.name}' is marked Required but the sample request lacks it",
                )
        self.values(sample, body, table, "sample request")

    def response(self) -> None:
        op = self.op
        sample = op.response_sample
        result = op.result
        if sample is None or not sample.has_json or result is None:
            return
        body, object_type = sample.body, None
        if result.kind == "array" and result.item is not None and result.item.kind == "named":
            object_type = self.types.get(result.item.name)
            body = body[0] if isinstance(body, list) and body else None
        elif result.kind == "named":
            object_type = self.types.get(result.name)
        elif not fits(body, result, {}):
            self.warn(
                sample.location._replace(line=sample.body_line),
                "sample-type",
                f"the sample response is {_json_type(body)} but the documented response is {result}",
            )
            return
        if object_type is None or not object_type.properties or not isinstance(body, dict):
            return
        table = {p.name: p for p in object_type.properties}
        for key in body:
            if key not in table:
                self.warn(
                    _key_location(sample, key),
                    "response-key-undocumented",
                    f"the sample response has '{key}', which the {object_type.name} table does not list",
                )
        for prop in object_type.properties:
            if prop.name not in body:
                self.warn(
                    prop.location,
                    "response-key-missing",
                    f"the sample response lacks '{prop.name}' of the {object_type.name} table",
                )
        self.values(sample, body, table, "sample response")

    def values(
        self, sample: Sample, body: dict[str, Any], table: dict[str, Property], what: str
    ) -> None:
        for key, value in body.items():
            prop = table.get(key)
            if prop is None or value is None:
                continue
            problem = _contradiction(value, prop.type, self.types)
            if problem:
                self.warn(
                    _key_location(sample, key),
                    "sample-type",
                    f"in the {what}, '{key}' is {problem} but {prop.type} is documented",
                )

    def query(self) -> None:
        op = self.op
        sample = op.request_sample
        if sample is None or not sample.method:
            return
        given = {key for key, _ in sample.query}
        for param in op.query_params:
            if param.required and param.name not in given:
                self.warn(
                    sample.location,
                    "required-query-missing",
                    f"the sample request lacks the required query parameter '{param.name}'",
                )


def _same_endpoint(stated: tuple[str, str], actual: tuple[str, str], relative: bool) -> bool:
    """Same method and path, placeholders matching any segment; `relative` drops /api/vN/."""
    method, path = stated
    wanted = actual[1]
    if relative:
        wanted = re.sub(r"^/api/v\d+", "", wanted)
    return method == actual[0] and _segments_match(path, wanted)


def _segments_match(a: str, b: str) -> bool:
    left, right = a.strip("/").split("/"), b.strip("/").split("/")
    if len(left) != len(right):
        return False
    return all(
        x.startswith("{") or y.startswith("{") or x.lower() == y.lower()
        for x, y in zip(left, right, strict=False)
    )


def _contradiction(value: Any, ref: TypeRef, types: dict[str, ObjectType]) -> str:
    """How a sample value contradicts its documented type, or "" when it does not."""
    if ref.kind == "datetime" and isinstance(value, str):
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return f"'{value}', not an ISO 8601 date-time,"
        return ""
    if ref.kind == "enum" and isinstance(value, str):
        return ""
    if fits(value, ref, types):
        return ""
    return _json_type(value)


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, float) and not value.is_integer():
        return f"a fractional number ({value})"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _key_location(sample: Sample, key: str) -> Location:
    """Where `"key":` first stands in the sample's body (the body's start when not found)."""
    match = re.search(re.escape(json.dumps(key)) + r"\s*:", sample.body_text)
    if not match:
        return sample.location._replace(line=sample.body_line)
    line_start = sample.body_text.rfind("\n", 0, match.start()) + 1
    line = sample.body_text.count("\n", 0, match.start()) + sample.body_line
    return sample.location._replace(line=line, col=match.start() - line_start + 1)
