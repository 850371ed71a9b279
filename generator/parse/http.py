"""The `http` blocks of a page: the endpoint line, query examples, and sample messages."""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..diagnostics import Diagnostic, Location
from ..model import Sample
from ..untrusted import UnsafeJson, line_col, loads

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_ALIASES = {"DEL": "DELETE"}
# Linear on any line: the method, then a target that runs to the end of the (stripped) line; a
# trailing HTTP version is split off with rsplit, not a regex that backtracks over whitespace.
_REQUEST_LINE = re.compile(r"(?P<method>[A-Za-z]++)\s++(?P<target>/\S.*+)")
_VERSION = re.compile(r"HTTP/[\d.]+")


def request_line(line: str) -> tuple[str, str] | None:
    """(METHOD, target) of `POST /api/v1/x?y=1`, the method upper-cased; None if not one."""
    match = _REQUEST_LINE.fullmatch(line.strip())
    if not match:
        return None
    method = match["method"].upper()
    method = _ALIASES.get(method, method)
    if method not in METHODS:
        return None
    target = match["target"]
    rest = target.rsplit(None, 1)
    if len(rest) == 2 and _VERSION.fullmatch(rest[1]):
        target = rest[0]
    return method, target


def split_target(target: str) -> tuple[str, list[tuple[str, str]]]:
    """A request target split into its path and its query pairs (percent-decoded)."""
    path, _, query = target.partition("?")
    pairs = []
    for part in query.split("&") if query else []:
        key, _, value = part.partition("=")
        pairs.append((unquote(key), unquote(value)))
    return path, pairs


def is_json(content_type: str | None) -> bool:
    if not content_type:
        return False
    mime = content_type.split(";")[0].strip().lower()
    return mime.endswith("/json") or mime.endswith("+json")


def sample(content: str, location: Location) -> Sample:
    """A sample message: start line, headers up to the first blank line, then the body."""
    lines = content.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
        location = location._replace(line=location.line + 1)
    start = lines[0].strip() if lines else ""
    headers: list[tuple[str, str]] = []
    index = 1
    while index < len(lines) and lines[index].strip():
        name, sep, value = lines[index].partition(":")
        if sep and name.strip() and " " not in name.strip():
            headers.append((name.strip(), value.strip()))
        index += 1
    body_text = "\n".join(lines[index + 1 :]).strip()
    return Sample(location, start, headers, body_text, body_line=location.line + index + 1)


def decode_json(sample: Sample, diagnostics: list[Diagnostic], what: str) -> None:
    """Parse the sample's body as JSON when it is declared or looks so; warn where it fails."""
    text = sample.body_text
    declared = is_json(sample.header("Content-Type"))
    if not text or not (declared or text[:1] in ("{", "[")):
        return
    try:
        sample.body = loads(text)
        sample.has_json = True
    except UnsafeJson as error:
        lines, col = line_col(text, error.pos)
        at = sample.location._replace(line=sample.body_line + lines, col=col)
        diagnostics.append(Diagnostic(at, "warning", "sample-json", f"invalid JSON in the {what}: {error.message}"))
