"""Find the doc pages: every `.md` file below the folders given, in a stable order."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, Location, PageError
from .untrusted import PAGE_LIMIT, Refused, page_problem, read_regular


@dataclass(frozen=True)
class PageFile:
    path: Path
    root: str  # the docs folder as the user named it
    file: str  # the page's path below it


def discover(roots: list[Path], warnings: list[Diagnostic] | None = None) -> list[PageFile]:
    """The pages below `roots`; a page that is not a regular file, or links to outside its docs
    folder, is left out with a warning in `warnings`."""
    found: dict[Path, PageFile] = {}
    for root in roots:
        if root.is_file():
            found.setdefault(root.resolve(), PageFile(root, root.parent.as_posix(), root.name))
            continue
        if not root.is_dir():
            raise PageError(Location("", root.as_posix(), 0), "docs", "no such file or folder")
        real_root = os.path.realpath(root)
        for path in sorted(root.rglob("*.md")):
            relative = path.relative_to(root)
            if any(part.startswith(".") for part in relative.parts) or path.is_dir():
                continue
            problem = page_problem(path, real_root) or _name_problem(relative)
            if problem:
                if warnings is not None:
                    where = Location(root.as_posix(), _printable(relative.as_posix()), 1, 1)
                    warnings.append(Diagnostic(where, "warning", "page-file", f"the page {problem}; it is skipped"))
                continue
            found.setdefault(path.resolve(), PageFile(path, root.as_posix(), relative.as_posix()))
    return sorted(found.values(), key=lambda page: (page.root, page.file))


def page_bytes(path: Path, at: Location) -> bytes:
    """A page's bytes; a located PageError unless it is a regular file of at most PAGE_LIMIT bytes."""
    try:
        return read_regular(path, PAGE_LIMIT)
    except Refused as error:
        raise PageError(at._replace(line=1), "page-file", f"the page {error}; it is not read") from None
    except OSError as error:
        raise PageError(at._replace(line=1), "page-file", f"the page cannot be read: {error.strerror or error}") from None


def _name_problem(relative: Path) -> str:
    """Why a page's path cannot be used (it names the page in diagnostics, caches and the generated
    tests): "" when it is text, which a name of bytes that are not UTF-8 is not."""
    try:
        relative.as_posix().encode("utf-8")
    except UnicodeEncodeError:
        return "has a name that is not UTF-8"
    return ""


def _printable(name: str) -> str:
    """`name` with the bytes that are not UTF-8 written as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
