"""Find the doc pages (every `.md` file below the folders given, in a stable order) and read them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .cache import digest
from .diagnostics import Diagnostic, Location, PageError
from .untrusted import INCLUDE_LIMIT, PAGE_LIMIT, Refused, page_problem, read_regular


@dataclass(frozen=True)
class PageFile:
    path: Path
    root: str  # the docs folder as the user named it
    file: str  # the page's path below it


def discover(roots: list[Path], warnings: list[Diagnostic] | None = None) -> list[PageFile]:
    """The pages below `roots`; a page that is not a regular file, or links to outside its docs
    folder, is left out with a warning in `warnings`."""
    found: dict[str, PageFile] = {}  # by real path: a page reached twice is one page
    for root in roots:
        if root.is_file():
            found.setdefault(
                os.path.realpath(root), PageFile(root, root.parent.as_posix(), root.name)
            )
            continue
        if not root.is_dir():
            raise PageError(Location("", root.as_posix(), 0), "docs", "no such file or folder")
        real_root = os.path.realpath(root)
        for path, relative in sorted(
            _markdown_files(str(root)), key=lambda found: found[1].split("/")
        ):
            problem = page_problem(path, real_root) or _name_problem(relative)
            if problem:
                if warnings is not None:
                    where = Location(root.as_posix(), _printable(relative), 1, 1)
                    warnings.append(
                        Diagnostic(
                            where, "warning", "page-file", f"the page {problem}; it is skipped"
                        )
                    )
                continue
            # The walk follows no link to a folder, so only a page that is a link needs resolving.
            real = (
                os.path.realpath(path)
                if os.path.islink(path)
                else os.path.join(real_root, relative)
            )
            found.setdefault(real, PageFile(Path(path), root.as_posix(), relative))
    return sorted(found.values(), key=lambda page: (page.root, page.file))


@dataclass
class Read:
    """The pages below the docs folders and their bytes, as read once: these bytes are both hashed
    for the cache and parsed. `diagnostics`: the pages left out (warnings) or unreadable (errors).
    """

    pages: list[PageFile] = field(default_factory=list)
    contents: list[bytes] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    found: int = 0  # pages found, readable or not
    included: dict[tuple[str, tuple[str, ...]], str] = field(default_factory=dict)

    def include_digest(self, path: str, roots: list[str]) -> str:
        """`include_digest`, each include read once a run: the digest checking a cached page is
        the one the run records."""
        key = (path, tuple(roots))
        if key not in self.included:
            self.included[key] = include_digest(path, roots)
        return self.included[key]

    def sources(self) -> list[str]:
        """`root/file:digest` of every page read: what the output depends on, page by page."""
        return [
            f"{p.root}/{p.file}:{digest(c)}" for p, c in zip(self.pages, self.contents, strict=True)
        ]


def read_docs(docs: list[Path]) -> Read:
    read = Read()
    try:
        pages = discover(docs, read.diagnostics)
    except PageError as error:  # a DOCS argument that is neither a file nor a folder
        read.diagnostics.append(error.diagnostic)
        return read
    read.found = len(pages)
    for page in pages:
        try:
            read.contents.append(page_bytes(page.path, Location(page.root, page.file)))
            read.pages.append(page)
        except PageError as error:
            read.diagnostics.append(error.diagnostic)
    return read


def _markdown_files(root: str) -> Iterator[tuple[str, str]]:
    """(path, path below `root`) of every `*.md` that is not a folder, below `root`; neither hidden
    files or folders nor links to folders are entered."""
    stack = [(root, "")]
    while stack:
        folder, below = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            relative = f"{below}/{entry.name}" if below else entry.name
            if entry.is_dir(follow_symlinks=False):
                stack.append((entry.path, relative))
            elif entry.name.endswith(".md") and not _is_folder(entry):
                yield entry.path, relative


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def include_digest(path: str, roots: Iterable[str]) -> str:
    """What an include is now, to tell whether a cached page is fresh: the file it resolves to and
    its bytes, read only under the rules the parser reads includes by (inside a docs folder of
    `roots`, symbolic links resolved; never a FIFO or a device, never more than INCLUDE_LIMIT
    bytes). The path may come from a forged cache entry, or be an include linking out of the docs
    folder, which the parser did not read: such a file is never opened."""
    real = os.path.realpath(path)
    if not any(_within(real, os.path.realpath(root or ".")) for root in roots):
        return f"outside: {real}"
    try:
        where = real if os.path.islink(path) else path  # a link retargeted is a change
        return digest(where, read_regular(path, INCLUDE_LIMIT))
    except Refused as error:
        return f"refused: {real} {error}"
    except (OSError, ValueError):
        return "missing"


def _within(real: str, real_folder: str) -> bool:
    """`untrusted.inside` for paths already resolved."""
    try:
        return os.path.commonpath([real, real_folder]) == real_folder
    except ValueError:
        return False


def page_bytes(path: Path, at: Location) -> bytes:
    """A page's bytes; a located PageError unless it is a regular file of at most PAGE_LIMIT bytes."""
    try:
        return read_regular(path, PAGE_LIMIT)
    except Refused as error:
        raise PageError(
            at._replace(line=1), "page-file", f"the page {error}; it is not read"
        ) from None
    except OSError as error:
        raise PageError(
            at._replace(line=1), "page-file", f"the page cannot be read: {error.strerror or error}"
        ) from None


def _name_problem(relative: str) -> str:
    """Why a page's path cannot be used (it names the page in diagnostics, caches and the generated
    tests): "" when it is text, which a name of bytes that are not UTF-8 is not."""
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:
        return "has a name that is not UTF-8"
    return ""


def _printable(name: str) -> str:
    """`name` with the bytes that are not UTF-8 written as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
