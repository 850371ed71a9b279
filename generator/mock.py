"""A mock SuperOffice API made from the pages: every endpoint served on 127.0.0.1 (stdlib only).

A request is matched by method and path template (anything before `/api/` is the tenant's and is
ignored; placeholders match any one segment; literal segments win over placeholders). The answer
is the page's sample response: its status, content type and body; where the page has none, or
its JSON does not have the documented type, an example made from the documented type. Required
query parameters and required body properties are checked: a request without them gets 400, an
unknown route 404, both with a SuperOffice error body (`{"ErrorType": ..., "ErrorMessage": ...}`).
Each request is logged in one line on standard error.
"""

from __future__ import annotations

import json
import re
import sys
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from .examples import example, fits
from .model import Api, Operation
from .untrusted import loads

_BINARY = b"GIF89a binary content"


@dataclass
class Route:
    op: Operation
    pattern: re.Pattern[str]
    placeholders: int
    status: int
    content_type: str
    body: bytes
    required_query: list[str]
    required_keys: list[str]
    needs_body: bool


def routes(api: Api) -> list[Route]:
    """A route per endpoint, the most literal first."""
    found = []
    for op in api.operations:
        pattern, numeric = _pattern(op)
        status, content_type, body = _answer(op, api)
        keys: list[str] = []
        needs_body = False
        if op.body is not None:
            properties = op.body.properties
            if not properties and op.body.type.kind == "named" and op.body.type.name in api.types:
                properties = api.types[op.body.type.name].properties
            keys = [p.name for p in properties if p.required]
            needs_body = not op.body.spread and op.body.type.kind != "binary"
        required_query = [p.name for p in op.query_params if p.required]
        found.append(
            Route(
                op,
                pattern,
                op.path.count("{") - numeric,
                status,
                content_type,
                body,
                required_query,
                keys,
                needs_body,
            )
        )
    return sorted(found, key=lambda r: (r.placeholders, r.op.path, r.op.method))


def _pattern(op: Operation) -> tuple[re.Pattern[str], int]:
    """The regular expression of an endpoint's path, and how many of its placeholders take
    numbers only (an integer path part: `/List/{id}` is not `/List/{name}`)."""
    integers = {p.name.lower() for p in op.path_params if p.type.kind == "integer"}
    numeric = 0
    parts = []
    for part in re.split(r"(\{[^/{}]*\})", op.path.rstrip("/")):
        if part.startswith("{") and part.endswith("}"):
            is_number = part[1:-1].lower() in integers
            numeric += is_number
            parts.append(r"-?\d+" if is_number else "[^/]+")
        else:
            parts.append(re.escape(part))
    return re.compile(r"^(?:/.*?)??" + "".join(parts) + r"/?$", re.IGNORECASE), numeric


def _answer(op: Operation, api: Api) -> tuple[int, str, bytes]:
    """(status, content type, body) of an endpoint's answer: its sample's, or made from its type."""
    sample = op.response_sample
    status, content_type, text = op.success_status, "application/json; charset=utf-8", None
    if sample is not None:
        status = sample.status if sample.status is not None else status
        content_type = sample.header("Content-Type") or ""
        text = sample.body_text
    result = op.result
    if status >= 400 or status == 204 or result is None:
        return status, content_type if text else "", (text or "").encode()
    if result.kind == "binary":
        if text:
            return status, content_type, text.encode()
        return status, "application/octet-stream", _BINARY
    if sample is not None and sample.has_json and fits(sample.body, result, api.types):
        return status, content_type, sample.body_text.encode()
    value = example(result, api.types)
    return status, "application/json; charset=utf-8", json.dumps(value, indent=2).encode()


def _error(status: int, error_type: str, message: str) -> tuple[int, str, bytes]:
    body = json.dumps({"ErrorType": error_type, "ErrorMessage": message}).encode()
    return status, "application/json; charset=utf-8", body


def respond(
    table: list[Route], method: str, target: str, body: bytes
) -> tuple[int, str, bytes, str]:
    """(status, content type, body, the endpoint's uid or "") for one request."""
    parts = urlsplit(target)
    path = parts.path
    matching = [r for r in table if r.pattern.match(path)]
    route = next((r for r in matching if r.op.method == method), None)
    if route is None:
        allowed = sorted({r.op.method for r in matching})
        why = f"; the path takes {', '.join(allowed)}" if allowed else ""
        return (*_error(404, "EndpointNotFound", f"No endpoint {method} {path}{why}"), "")
    query = {key for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    missing = [name for name in route.required_query if name not in query]
    if missing:
        message = f"The query parameter '{missing[0]}' is required by {route.op.uid}"
        return (*_error(400, "ArgumentException", message), route.op.uid)
    if route.needs_body and not body.strip():
        return (
            *_error(400, "ArgumentException", f"{route.op.uid} needs a request body"),
            route.op.uid,
        )
    if route.required_keys:
        try:
            sent = (
                loads(body.decode("utf-8")) if body.strip() else {}
            )  # any client may send anything
        except ValueError:
            return (
                *_error(400, "SerializationException", "The request body is not valid JSON"),
                route.op.uid,
            )
        present = set(sent) if isinstance(sent, dict) else set()
        missing = [key for key in route.required_keys if key not in present]
        if missing:
            message = f"The request body lacks '{missing[0]}', which {route.op.uid} requires"
            return (*_error(400, "ArgumentException", message), route.op.uid)
    return route.status, route.content_type, route.body, route.op.uid


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    table: list[Route] = []
    log = sys.stderr

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        status, content_type, content, uid = respond(self.table, self.command, self.path, body)
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(content)))
        self.end_headers()
        if self.command != "HEAD" and status != 204:
            self.wfile.write(content)
        print(
            f"{self.client_address[0]} {self.command} {self.path} -> {status} {uid or '(no endpoint)'}",
            file=self.log,
            flush=True,
        )

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _serve

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # one line per request is written by _serve


def start(api: Api, port: int = 0) -> ThreadingHTTPServer:
    """A server for `api` on 127.0.0.1:`port` (0: a free one), serving in a daemon thread; stop
    it with `shutdown()` and `server_close()`."""
    handler = type("Handler", (_Handler,), {"table": routes(api)})
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="mock-api", daemon=True).start()
    return server


def serve(docs: list[Path], port: int) -> int:
    """The `mock` command: serve until interrupted."""
    from .load import load
    from .report import fatal

    api, summary = load(docs)
    if api is None:
        return fatal(summary.errors)
    try:
        server = start(api, port)
    except OSError as error:
        print(
            f"error: cannot listen on 127.0.0.1:{port}: {error.strerror or error}", file=sys.stderr
        )
        return 1
    where = " ".join(doc.as_posix() for doc in docs)
    print(
        f"serving {summary.endpoints} endpoints from {where} on http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C stops)",
        flush=True,
    )
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
    return 0
