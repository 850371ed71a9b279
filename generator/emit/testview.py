"""What each emitted test sends and expects, worked out from the page's samples and tables.

The pages' samples are the reference: the test passes the sample request's values to the
generated method, answers with the sample response, and checks what went over the wire and what
came back. Where a sample is missing, or contradicts the page's own tables, the values are made
from the documented types instead.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from ..examples import example, fits
from ..model import ObjectType, Operation, TypeRef
from .pyview import PyGroup, PyMethod

_STATUS_LINE = re.compile(r"^HTTP/\S+\s+(\d{3})\b")


@dataclass
class PyTest:
    name: str
    method: PyMethod
    call: list[tuple[str, str]]  # (argument, Python expression)
    status: int
    content: bytes
    content_type: str | None
    path: str  # the expected path, parts filled in and percent-encoded
    query: dict[str, str]
    json: Any  # the expected JSON body, or None
    sends_json: bool
    sends_content: bytes | None
    check: str  # none | equal | model | models | bytes | datetime | raises
    expected: Any
    model_cls: str = ""
    model_module: str = ""

    @property
    def doc(self) -> str:
        op = self.method.op
        source = op.response_sample.location if op.response_sample else op.location
        return f"{op.method} {op.path}, as documented at {source.file}:{source.line}."


@dataclass
class PyTestModule:
    group: PyGroup
    tests: list[PyTest]
    models: list[tuple[str, str]]  # (module, class) the checks import
    error: PyTest | None  # the call the group's error-path test makes
    has_datetime: bool


def tests_of_group(group: PyGroup, types: dict[str, ObjectType], models: dict[str, tuple[str, str]]) -> PyTestModule:
    tests = [_test(method, types, models) for method in group.methods]
    imported = sorted({(t.model_module, t.model_cls) for t in tests if t.model_cls})
    error = tests[0] if tests else None
    return PyTestModule(group, tests, imported, error, any(t.check == "datetime" for t in tests))


def _test(method: PyMethod, types: dict[str, ObjectType], models: dict[str, tuple[str, str]]) -> PyTest:
    op = method.op
    call: list[tuple[str, str]] = []
    path = op.path
    for arg in method.parts:
        value = _typed(arg.param.example if arg.param else None, arg.type, types)
        call.append((arg.name, repr(value)))
        path = path.replace("{" + arg.wire + "}", quote(_wire_text(value), safe=""))
    query: dict[str, str] = {}
    for arg in method.query:
        value = _typed(arg.param.example if arg.param else None, arg.type, types)
        if arg.wire.lower() == "$select" and isinstance(value, str) and "," in value:
            value = value.split(",")
        call.append((arg.name, repr(value)))
        query[arg.wire] = _wire_text(value)
    sent_json: Any = None
    sends_json = False
    sends_content = None
    sample = op.request_sample.body if op.request_sample and op.request_sample.has_json else None
    if method.fields or (op.body and op.body.spread):
        given = sample if isinstance(sample, dict) else None
        sent_json = {}
        for arg in method.fields:
            value = given.get(arg.wire) if given is not None else example(arg.type or TypeRef("any"), types)
            if value is not None:
                call.append((arg.name, repr(value)))
                sent_json[arg.wire] = value
        sends_json = True
    elif method.body is not None and method.binary:
        sends_content = b"%PDF-1.4 example content \x00\xff"
        call.append((method.body.name, repr(sends_content)))
    elif method.body is not None:
        body_type = method.body.type or TypeRef("any")
        sent_json = sample if sample is not None and fits(sample, body_type, types) else example(body_type, types)
        call.append((method.body.name, repr(sent_json)))
        sends_json = True
    test = PyTest(
        name=f"test_{method.name}",
        method=method,
        call=call,
        status=200,
        content=b"",
        content_type="application/json; charset=utf-8",
        path=path,
        query=query,
        json=sent_json,
        sends_json=sends_json,
        sends_content=sends_content,
        check="none",
        expected=None,
    )
    _response(test, op, types, models)
    return test


def _response(test: PyTest, op: Operation, types: dict[str, ObjectType], models: dict[str, tuple[str, str]]) -> None:
    sample = op.response_sample
    status = op.success_status
    if sample is not None:
        match = _STATUS_LINE.match(sample.start_line)
        status = int(match[1]) if match else status
        test.content_type = sample.header("Content-Type")
    test.status = status
    if status >= 400:
        test.content = sample.body_text.encode() if sample else b""
        test.check = "raises"
        return
    result = op.result
    if result is None or status == 204:
        test.content = sample.body_text.encode() if sample else b""
        return
    if result.kind == "binary":
        test.content = sample.body_text.encode() if sample and sample.body_text else b"GIF89a\x00\x01binary"
        test.check, test.expected = "bytes", test.content
        return
    if sample is not None and sample.has_json and fits(sample.body, result, types):
        value = sample.body
        test.content = sample.body_text.encode()
    else:
        value = example(result, types)
        test.content = json.dumps(value, indent=2).encode()
        test.content_type = "application/json; charset=utf-8"
    test.expected = value
    named = result.item if result.kind == "array" else result
    if value is not None and named is not None and named.kind == "named" and named.name in models:
        test.model_module, test.model_cls = models[named.name]
        test.check = "models" if result.kind == "array" else "model"
    elif value is not None and result.kind == "datetime":
        test.check = "datetime"
    else:
        test.check = "equal"


def _typed(text: str | None, ref: TypeRef | None, types: dict[str, ObjectType]) -> Any:
    """A documented example's wire text as the Python value the argument takes."""
    ref = ref or TypeRef("string")
    if text is None:
        value = example(ref, types)
        return value if not isinstance(value, (dict, list)) else "text"
    if ref.kind == "integer" and re.fullmatch(r"-?\d+", text):
        return int(text)
    if ref.kind == "boolean" and text.lower() in ("true", "false"):
        return text.lower() == "true"
    return text


def _wire_text(value: Any) -> str:
    """How the client puts a value in a path or query (the runtime's `_text`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(_wire_text(v) for v in value)
    return str(value)
