"""How arguments go on the wire: path parts and query values as text, bodies as JSON.

The generator imports `text` too, to work out what its emitted tests expect on the wire.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any
from urllib.parse import quote

from ._model import NOT_GIVEN, to_wire


def text(value: Any) -> str:
    """A path or query value as text: booleans lower-case, lists comma-separated."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ",".join(text(item) for item in value)
    return str(value)


def given(values: Mapping[str, Any] | None) -> dict[str, Any]:
    """The arguments the caller gave: those left out (NOT_GIVEN) dropped, None kept."""
    return {key: value for key, value in (values or {}).items() if value is not NOT_GIVEN}


def fill(path: str, parts: Mapping[str, Any]) -> str:
    """The path with its parts put in, percent-encoded. A part that is None or "" is refused
    before anything is sent, naming its argument, and so are "." and "..", which would address
    another resource (``/List/..`` is ``/``; servers and httpx undo their percent-encoding)."""
    template = path  # named in errors; a part put in cannot hold a placeholder: braces are encoded
    for name, value in parts.items():
        if type(value) is int:  # the usual id: text as it is, and safe in a path
            part = str(value)
        elif value is None or value is NOT_GIVEN or value == "":
            raise ValueError(f"{name} must not be {value!r}: it is part of the path {template}")
        else:
            part = text(value)
            if part in (".", ".."):
                raise ValueError(
                    f"{name} must not be {part!r}: it would change the path {template}"
                )
            if not (part.isascii() and part.isalnum()):
                part = quote(part, safe="")
        path = path.replace("{" + name + "}", part)
    return path


def json_body(value: Any) -> bytes:
    """A JSON body, written as httpx writes one; None too, as null (httpx's json=None sends
    none)."""
    dumped = json.dumps(to_wire(value), ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return dumped.encode()
