"""HTTP message text, as pages and samples write it: methods, request lines, targets, media types.

Plain string rules with no markdown in them, shared by the parser (which reads samples once into
the model), the linter (which reads the endpoint a heading states) and the emitters.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_ALIASES = {"DEL": "DELETE"}
# Linear on any line: the method, then a target that runs to the end of the (stripped) line; a
# trailing HTTP version is split off with rsplit, not a regex that backtracks over whitespace.
_REQUEST_LINE = re.compile(r"(?P<method>[A-Za-z]++)\s++(?P<target>/\S.*+)")
_VERSION = re.compile(r"HTTP/[\d.]+")
_STATUS_LINE = re.compile(r"HTTP/\S++\s++(\d{3})\b\s*+(.*+)")
# Media types whose body is raw bytes, not JSON or text: what an upload's Content-Type names.
_UPLOAD = re.compile(r"^(image/|audio/|video/|application/(octet-stream|pdf|zip)|multipart/)")


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


def status_line(line: str) -> tuple[int, str] | None:
    """(status, reason) of `HTTP/1.1 200 OK`; None if not one."""
    match = _STATUS_LINE.match(line.strip())
    return (int(match[1]), match[2].strip()) if match else None


def split_target(target: str) -> tuple[str, list[tuple[str, str]]]:
    """A request target split into its path and its query pairs (percent-decoded)."""
    path, _, query = target.partition("?")
    pairs = []
    for part in query.split("&") if query else []:
        key, _, value = part.partition("=")
        pairs.append((unquote(key), unquote(value)))
    return path, pairs


def media_type(content_type: str | None) -> str:
    """`application/json` of `application/json; charset=utf-8`, lower case; "" for none."""
    return (content_type or "").split(";")[0].strip().lower()


def is_json(content_type: str | None) -> bool:
    mime = media_type(content_type)
    return mime.endswith("/json") or mime.endswith("+json")


def is_binary(content_type: str | None) -> bool:
    """A content type that says the body is neither JSON nor text."""
    mime = media_type(content_type)
    return bool(mime) and not is_json(mime) and not mime.startswith("text/")


def is_upload(content_type: str) -> bool:
    """A request content type (or a comma-separated list of them) naming a binary upload."""
    return any(_UPLOAD.match(t.strip()) for t in content_type.split(","))
