"""The docstrings of the generated methods: summary, endpoint, `Args:`, `Returns:`, `Raises:`."""

from __future__ import annotations

from ..model import Operation
from .pyparts import PyArg, PyMethod


def method_doc(op: Operation, method: PyMethod) -> str:
    parts = [op.summary or f"{op.method} {op.path}."]
    if op.description:
        parts.append(op.description)
    parts.append(f"Endpoint: ``{op.method} {op.path}``")
    lines = [f"{arg.name}: {one_line(arg.doc) or arg_default_doc(arg)}" for arg in method.args]
    if lines:
        parts.append("Args:\n" + "\n".join(indent(line) for line in lines))
    if op.result is not None:
        parts.append(f"Returns:\n    {method.returns}" + _status_doc(op))
    parts.append(RAISES)
    return "\n\n".join(parts)


RAISES = (
    "Raises:\n    ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...)."
    "\n    ApiConnectionError: No answer (ApiTimeoutError: none in time)."
)


def _status_doc(op: Operation) -> str:
    ok = [s for s in op.statuses if 200 <= s.code < 300 and s.description]
    return f": {one_line(ok[0].description)}" if ok else ""


def arg_default_doc(arg: PyArg) -> str:
    return f"``{arg.wire}``."


def one_line(text: str) -> str:
    return " ".join(text.split())


def indent(line: str, width: int = 92) -> str:
    """An `Args:` entry: indented, continued lines indented further, wrapped at word breaks."""
    if len(line) <= width and not line.startswith(" "):
        return "    " + line  # what the loop below makes of it, without splitting it into words
    lines, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return "\n".join(("    " if i == 0 else "        ") + text for i, text in enumerate(lines))
