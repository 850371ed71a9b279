"""The sample blocks of a page read once into the model: start line, headers, body (JSON decoded)."""

from __future__ import annotations

from ..diagnostics import Diagnostic, Location
from ..model import Sample
from ..untrusted import line_col
from ..wire import request_line, split_target, status_line


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
    found = Sample(location, start, headers, body_text, body_line=location.line + index + 1)
    request = request_line(start)
    if request is not None:
        found.method = request[0]
        found.path, found.query = split_target(request[1])
    response = status_line(start)
    if response is not None:
        found.status, found.reason = response
    return found


def decode_json(sample: Sample, diagnostics: list[Diagnostic], what: str) -> None:
    """Parse the sample's body as JSON when it is declared or looks so; warn where it fails."""
    error = sample.read_json()
    if error is not None:
        lines, col = line_col(sample.body_text, error.pos)
        at = sample.location._replace(line=sample.body_line + lines, col=col)
        diagnostics.append(
            Diagnostic(at, "warning", "sample-json", f"invalid JSON in the {what}: {error.message}")
        )
