"""Reading what the pages (and the cache) hand us without trusting it.

Doc pages come from repositories that accept outside contributions, and the cache may be restored
from elsewhere. Nothing read from them may execute, read outside the docs folder, hang or crash
the generator, so every file and every JSON sample goes through here:

- `read_regular` opens only regular files below a size limit, never a FIFO or a device (it checks
  before opening and again on the opened descriptor, which is opened non-blocking);
- `inside` says whether a path, symbolic links resolved, lies in a folder;
- `loads` decodes JSON strictly: no NaN or Infinity, no number that is not finite or has more than
  `MAX_DIGITS` digits, no lone surrogate, no nesting deeper than `MAX_DEPTH`; `problem` checks an
  already decoded value against the same rules, so every later stage only sees safe JSON.
"""

from __future__ import annotations

import json
import math
import os
import re
import stat
from pathlib import Path
from typing import Any

PAGE_LIMIT = (
    1 << 20
)  # bytes in a page: 30 times the largest real one; markdown-it needs ~10 s for 1 MiB of table rows
INCLUDE_LIMIT = 1 << 20  # bytes in an included file
MAX_DEPTH = 64  # nesting of a JSON sample: far beyond any real one, far below what Python parses
MAX_DIGITS = 1000  # digits of a JSON integer; Python refuses to convert more than 4300
_INT_BOUND = 10**MAX_DIGITS


def size_text(limit: int) -> str:
    return f"{limit >> 20} MiB" if limit >= 1 << 20 else f"{limit} bytes"


class Refused(Exception):
    """A file that is not read: not a regular file, or too large."""


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (symbolic links followed). Raises Refused when it is
    not a regular file or holds more than `limit` bytes, OSError when it cannot be opened."""
    if not stat.S_ISREG(os.stat(path).st_mode):  # before opening: opening a device can act
        raise Refused("is not a regular file")
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_NOCTTY", 0)
        | getattr(os, "O_BINARY", 0)
    )
    fd = os.open(path, flags)
    try:
        status = os.fstat(fd)  # what was opened, should it have changed since
        if not stat.S_ISREG(status.st_mode):
            raise Refused("is not a regular file")
        if status.st_size > limit:
            raise Refused(f"is larger than {size_text(limit)}")
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:
            raise Refused(f"is larger than {size_text(limit)}")
        return b"".join(chunks)
    finally:
        os.close(fd)


def inside(path: str | Path, folder: str | Path) -> bool:
    """Whether `path` lies in `folder`, both with their symbolic links resolved."""
    real, base = os.path.realpath(path), os.path.realpath(folder)
    try:
        return os.path.commonpath([real, base]) == base
    except ValueError:  # different drives
        return False


def page_problem(path: str | Path, real_root: str) -> str:
    """Why the page at `path` (found below the docs folder whose real path is `real_root`) is not
    read, or "" when it is a regular file inside it. (The folder walk does not follow links to
    folders, so only the page itself can be a link: one lstat per page, realpath only for links.)"""
    try:
        mode = os.lstat(path).st_mode
        if stat.S_ISLNK(mode):
            mode = os.stat(path).st_mode
            if stat.S_ISREG(mode) and not inside(path, real_root):
                return "links to outside the docs folder"
    except OSError:
        return "is a broken link or cannot be read"
    if not stat.S_ISREG(mode):
        return "is not a regular file"
    return ""


def lexically_inside(path: str, folder: str) -> bool:
    """Whether the normalised `path` lies in the normalised `folder` (no file system access)."""
    real, base = os.path.normpath(os.path.abspath(path)), os.path.normpath(os.path.abspath(folder))
    try:
        return os.path.commonpath([real, base]) == base
    except ValueError:
        return False


# -- JSON ---------------------------------------------------------------------------------------


class UnsafeJson(ValueError):
    """JSON that is invalid or that later stages could not handle; `pos` is where, in the text."""

    def __init__(self, message: str, pos: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.pos = pos


class _Rejected(Exception):
    def __init__(self, message: str, token: str) -> None:
        super().__init__(message)
        self.message = message
        self.token = token


def _constant(name: str) -> Any:
    raise _Rejected(f"'{name}' is not a JSON number", name)


def _int(text: str) -> int:
    if len(text) - text.startswith("-") > MAX_DIGITS:
        raise _Rejected(f"a number with more than {MAX_DIGITS} digits", text)
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Rejected(f"the number '{text[:20]}' is out of range", text)
    return value


_DECODER = json.JSONDecoder(parse_constant=_constant, parse_int=_int, parse_float=_float)
_SURROGATE = re.compile(
    r"\\u(d[89ab][0-9a-f]{2})(\\ud[c-f][0-9a-f]{2})?|\\ud[c-f][0-9a-f]{2}", re.I
)


def loads(text: str) -> Any:
    """`text` decoded as safe JSON. Raises UnsafeJson."""
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise UnsafeJson(error.msg, error.pos) from None
    except _Rejected as error:
        raise UnsafeJson(error.message, max(0, text.find(error.token))) from None
    except RecursionError:
        raise UnsafeJson(f"nested deeper than {MAX_DEPTH} levels", _deep_position(text)) from None
    found = problem(value)
    if found is not None:
        raise UnsafeJson(found, _position_of(found, text))
    return value


def problem(value: Any) -> str | None:
    """What makes a decoded JSON value unsafe, or None. Iterative: any depth is checked safely."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        kind = type(item)
        if kind is str:
            if not item.isascii() and not _encodes(item):
                return "a string holds a lone surrogate (\\ud800-\\udfff), which is not text"
        elif kind is dict or kind is list:
            if depth > MAX_DEPTH:
                return f"nested deeper than {MAX_DEPTH} levels"
            if kind is dict:
                for key, inner in item.items():
                    if type(key) is not str:
                        return "an object key that is not a string"
                    stack.append((key, depth))
                    stack.append((inner, depth + 1))
            else:
                stack.extend((inner, depth + 1) for inner in item)
        elif kind is int:
            if not -_INT_BOUND < item < _INT_BOUND:
                return f"a number with more than {MAX_DIGITS} digits"
        elif kind is float:
            if not math.isfinite(item):
                return "a number that is not finite"
        elif item is not None and kind is not bool:
            return f"a value that is not JSON ({kind.__name__})"
    return None


def _encodes(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _position_of(message: str, text: str) -> int:
    if "surrogate" in message:
        for match in _SURROGATE.finditer(text):
            if (
                match[1] is None or match[2] is None
            ):  # a high one without its low one, or a low one alone
                return match.start()
        return 0
    if "nested" in message:
        return _deep_position(text)
    return 0


def _deep_position(text: str) -> int:
    """Where the text opens its (MAX_DEPTH + 1)th nested bracket; 0 if it never does."""
    depth = 0
    in_string = escaped = False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return index
        elif char in "]}":
            depth -= 1
    return 0


def line_col(text: str, pos: int) -> tuple[int, int]:
    """(lines before `pos` in `text`, 1-based column of `pos`)."""
    pos = max(0, min(pos, len(text)))
    return text.count("\n", 0, pos), pos - (text.rfind("\n", 0, pos) + 1) + 1
