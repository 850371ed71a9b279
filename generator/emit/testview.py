"""What each emitted test sends and expects, worked out from the page's samples and tables.

The pages' samples are the reference: the test passes the sample request's values to the
generated method, answers with the sample response, and checks what went over the wire and what
came back. Where a sample is missing, or contradicts the page's own tables, the values are made
from the documented types instead. Sample payloads go to a JSON file beside the tests (they are
data, often hundreds of lines); the test code refers to them by name.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ..examples import example, fits
from ..model import ObjectType, Operation, TypeKind, TypeRef
from ..runtime._values import text as _wire_text  # as the client puts a value in a path or query
from ..untrusted import loads
from ..wire import is_json
from .layout import Keyword
from .literals import py_literal
from .pyparts import PyGroup, PyMethod, quote_path

_INLINE = 60  # longest argument literal written inline; longer ones are read from the samples
BINARY_REQUEST = b"%PDF-1.4 example content \x00\xff"


@dataclass
class PyTest:
    method: PyMethod
    sample: dict[str, Any]  # this test's entry in the samples file: what goes over the wire
    call: list[str | Keyword] = field(default_factory=list)  # the method's arguments
    check: str = "none"  # none | equal | model | models | bytes | datetime | raises
    model_cls: str = ""
    paging: list[str | Keyword] = field(default_factory=list)  # the arguments of `iter_<name>`


def samples_path(group: PyGroup) -> str:
    """Where a group's test module finds its samples, relative to it."""
    return f"samples/{group.module}.json"


@dataclass
class PyTestModule:
    group: PyGroup
    tests: list[PyTest]
    error: PyTest | None  # the call the group's error-path test makes

    @property
    def paged(self) -> list[PyTest]:
        return [t for t in self.tests if t.method.paging is not None]

    @property
    def samples_path(self) -> str:
        return samples_path(self.group)

    @property
    def samples(self) -> str:
        """The samples file: each test's response text, request body and expected result."""
        data = {t.method.name: t.sample for t in self.tests}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def tests_of_group(
    group: PyGroup, types: dict[str, ObjectType], models: dict[str, str]
) -> PyTestModule:
    """`models`: documented type name → model class name."""
    tests = [_test(method, types, models) for method in group.methods]
    return PyTestModule(group, tests, tests[0] if tests else None)


def _test(method: PyMethod, types: dict[str, ObjectType], models: dict[str, str]) -> PyTest:
    op = method.op
    source = op.response_sample.location if op.response_sample else op.location
    path = quote_path(op.path)  # what the client sends: the literal text percent-encoded as needed
    sample: dict[str, Any] = {
        "source": f"{source.file}:{source.line}",
        "method": op.method,
        "path": path,
        "query": {},
    }
    test = PyTest(method, sample)
    for arg in method.parts:
        value = _typed(arg.example, arg.type, types)
        test.call.append(Keyword(arg.name, value))
        sample["path"] = sample["path"].replace(
            "{" + arg.wire + "}", quote(_wire_text(value), safe="")
        )
    for arg in method.query:
        value = _typed(arg.example, arg.type, types)
        if arg.wire.lower() == "$select" and isinstance(value, str) and "," in value:
            value = value.split(",")
        test.call.append(Keyword(arg.name, value))
        sample["query"][arg.wire] = _wire_text(value)
    _request(test, method, types)
    _response(test, op, types, models)
    if method.paging is not None:
        _paging(test, method)
    return test


PAGE_SIZE = 2


def _paging(test: PyTest, method: PyMethod) -> None:
    """`iter_<name>` with the test's arguments, `page_size` for `$top`; the first page's query."""
    paging = method.paging
    assert paging is not None
    top = next(a for a in method.query if a.name == paging.top)
    test.paging = [k for k in test.call if not (isinstance(k, Keyword) and k.name == paging.top)]
    test.paging.append(Keyword(paging.page_size, PAGE_SIZE))
    query = {key: value for key, value in test.sample["query"].items() if key != top.wire}
    test.sample["paging"] = {"query": {**query, top.wire: str(PAGE_SIZE)}}


def _request(test: PyTest, method: PyMethod, types: dict[str, ObjectType]) -> None:
    op = method.op
    given = op.request_sample.body if op.request_sample and op.request_sample.has_json else None
    if method.fields or (op.body and op.body.spread):
        sent = {}
        for arg in method.fields:
            if (
                isinstance(given, dict)
                and arg.wire in given
                and (given[arg.wire] is not None or not arg.required)
            ):
                value = given[arg.wire]  # null included: the client must send it as null
            elif isinstance(given, dict) and not arg.required:
                continue  # left out, so not sent
            else:
                value = example(arg.type or TypeRef("any"), types)
            sent[arg.wire] = value
            if len(py_literal(value)) <= _INLINE:
                test.call.append(Keyword(arg.name, value))
            else:
                test.call.append(f"{arg.name}={_sample(method)}[{py_literal(arg.wire)}]")
        test.sample["request"] = sent
    elif method.body is not None and method.binary:
        test.sample["content"] = BINARY_REQUEST.decode("latin-1")
        test.call.append(Keyword(method.body.name, BINARY_REQUEST))
    elif method.body is not None:
        body_type = method.body.type or TypeRef("any")
        fitting = given is not None and fits(given, body_type, types)
        test.sample["request"] = given if fitting else example(body_type, types)
        test.call.append(f"{method.body.name}={_sample(method)}")


def _response(
    test: PyTest, op: Operation, types: dict[str, ObjectType], models: dict[str, str]
) -> None:
    sample = op.response_sample
    status = op.success_status
    content_type: str | None = "application/json; charset=utf-8"
    if sample is not None:
        status = sample.status if sample.status is not None else status
        content_type = sample.header("Content-Type")
    text = sample.body_text if sample is not None else ""
    result = op.result
    if status >= 400:
        test.check = "raises"
    elif result is None or status == 204:
        test.check = "none"
    elif result.kind == "binary":
        text, content_type, expected = _binary_response(text, content_type)
        test.sample["expected_base64"] = base64.b64encode(expected).decode("ascii")
        test.check = "bytes"
    else:
        if sample is not None and sample.has_json and fits(sample.body, result, types):
            value = sample.body
        else:
            value = example(result, types)
            text = json.dumps(value, indent=2)
            content_type = "application/json; charset=utf-8"
        test.sample["expected"] = value
        named = result.item if result.kind == "array" else result
        if (
            value is not None
            and named is not None
            and named.kind == "named"
            and named.name in models
        ):
            test.model_cls = models[named.name]
            test.check = "models" if result.kind == "array" else "model"
        elif value is not None and result.kind == "datetime":
            test.check = "datetime"
        else:
            test.check = "equal"
    test.sample.update(status=status, content_type=content_type, response=text, check=test.check)
    if test.model_cls:
        test.sample["model"] = test.model_cls


def _binary_response(text: str, content_type: str | None) -> tuple[str, str | None, bytes]:
    """A binary result's response text and content type, and the bytes the client must return:
    the body itself, or, sent as JSON, the string it holds, base64-decoded when it is base64 and
    else as UTF-8 (the reference's samples hold placeholders like "GIF89....File contents...")."""
    if not text:
        return "GIF89a binary content", "application/octet-stream", b"GIF89a binary content"
    if not is_json(content_type):
        return text, content_type, text.encode()
    try:
        value = loads(text)  # the pages' strict reader: bounded nesting, no NaN
    except ValueError:
        value = None
    if not isinstance(value, str):  # not the JSON string the client expects: answer with one
        value = base64.b64encode(b"GIF89a binary content").decode("ascii")
        text = json.dumps(value)
    try:
        return text, content_type, base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        return text, content_type, value.encode()


def _sample(method: PyMethod) -> str:
    """The expression for a test's sample request body in the emitted module."""
    return f'SAMPLES[{py_literal(method.name)}]["request"]'


def _typed(text: str | None, ref: TypeRef | None, types: dict[str, ObjectType]) -> Any:
    """A documented example's wire text as the Python value the argument takes."""
    ref = ref or TypeRef("string")
    if text is None:
        value = example(ref, types)
        return value if not isinstance(value, (dict, list)) else "text"
    return ARGUMENTS[ref.kind](text)


def _as_text(text: str) -> Any:
    return text


ARGUMENTS: dict[TypeKind, Callable[[str], Any]] = {
    "string": _as_text,
    "integer": lambda text: int(text) if re.fullmatch(r"-?\d+", text) else text,
    "number": _as_text,
    "boolean": lambda text: text.lower() == "true" if text.lower() in ("true", "false") else text,
    "datetime": _as_text,
    "binary": _as_text,
    "object": _as_text,
    "array": _as_text,
    "named": _as_text,
    "enum": _as_text,
    "any": _as_text,
}
