"""Find the doc pages (every `.md` file below the folders given, in a stable order) and read them."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .cache import digest
from .diagnostics import Diagnostic, Location, PageError
from .untrusted import INCLUDE_LIMIT, PAGE_LIMIT, Refused, page_problem, read_regular


@dataclass(frozen=True)
class PageFile:
    path: str  # as found (a string: a run makes thousands, which pathlib makes slowly)
    root: str  # the docs folder as the user named it
    file: str  # the page's path below it


def discover(roots: list[Path], warnings: list[Diagnostic] | None = None) -> list[PageFile]:
    """The pages below `roots`; a page that is not a regular file, or links to outside its docs
    folder, is left out with a warning in `warnings`."""
    found: dict[str, PageFile] = {}  # by real path: a page reached twice is one page
    for root in roots:
        if root.is_file():
            found.setdefault(
                os.path.realpath(root), PageFile(str(root), root.parent.as_posix(), root.name)
            )
            continue
        if not root.is_dir():
            raise PageError(Location("", root.as_posix(), 0), "docs", "no such file or folder")
        real_root = os.path.realpath(root)
        below = real_root.rstrip("/") + "/"  # ("/" itself ends with one)
        named = root.as_posix()
        for entry, relative in sorted(
            _markdown_files(str(root)), key=lambda found: found[1].split("/")
        ):
            path = entry.path
            # A regular file as the folder listing tells (no system call), or else asked about.
            regular = entry.is_file(follow_symlinks=False)
            problem = ("" if regular else page_problem(path, real_root)) or _name_problem(relative)
            if problem:
                if warnings is not None:
                    where = Location(named, _printable(relative), 1, 1)
                    warnings.append(
                        Diagnostic(
                            where, "warning", "page-file", f"the page {problem}; it is skipped"
                        )
                    )
                continue
            # The walk follows no link to a folder, so only a page that is a link needs resolving.
            real = below + relative if regular else os.path.realpath(path)
            found.setdefault(real, PageFile(path, named, relative))
    return sorted(found.values(), key=lambda page: (page.root, page.file))


# Timestamps may be this coarse (FAT: 2 s): a file changed in the same tick as it was read keeps
# its stat key, so only files changed this long before a run began are vouched for by its record.
_TICK_NS = 3_000_000_000


def stat_key(status: os.stat_result) -> str:
    """A file as the file system tells it apart: any write, rename or replacement changes it."""
    return f"{status.st_dev}:{status.st_ino}:{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}"


def include_key(path: str, real_folder: Callable[[str], str] = os.path.realpath) -> tuple[str, int]:
    """An include as the file system tells it apart: where it really is (its folder resolved by
    `real_folder`; the whole path when the include is itself a link), so that a folder link
    retargeted to the same files moved elsewhere changes it, the link and the file it reaches; and
    its newest change time. "absent" when nothing is there (a page may include a file that does
    not exist), "" when that cannot be told."""
    try:
        link = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return "absent", 0
    except (OSError, ValueError):
        return "", 0
    try:
        target = os.stat(path)
        folder, name = os.path.split(path)
        real = (
            os.path.realpath(path)
            if stat.S_ISLNK(link.st_mode)
            else os.path.join(real_folder(folder), name)
        )
    except (OSError, ValueError):
        return "", 0
    changed = max(link.st_ctime_ns, target.st_ctime_ns)
    return f"{real}|{stat_key(link)}|{stat_key(target)}", changed


@dataclass(frozen=True)
class Vouched:
    """The last run's record of the pages and includes it read (`Read.record`, `include_record`)
    and when it began: a file as it was then need not be read again to tell whether anything
    changed."""

    pages: dict[str, str]  # `root/file` → "stat-key digest"
    includes: dict[str, str]  # include path → "include-key\0digest"
    began_ns: int
    roots: tuple[str, ...] = ()  # the real docs folders the includes' digests were checked against

    def digest(self, name: str, status: os.stat_result) -> str | None:
        """The recorded digest of the page `name`, if its file is the one the record read."""
        if status.st_ctime_ns >= self.began_ns - _TICK_NS:  # ctime ≥ mtime: any change since
            return None
        key, _, known = self.pages.get(name, "").rpartition(" ")
        return known if known and key == stat_key(status) else None

    def include(self, path: str, found: tuple[str, int] | None = None) -> str | None:
        """The recorded digest of the include `path`, if it is the file the record read (`found`:
        its `include_key` taken now, when the caller has it)."""
        recorded, _, known = self.includes.get(path, "").partition("\0")
        if not recorded:
            return None
        key, changed = found or include_key(path)
        return known if key == recorded and changed < self.began_ns - _TICK_NS else None


@dataclass
class Read:
    """The pages below the docs folders and their bytes, as read once: these bytes are both hashed
    for the cache and parsed. `diagnostics`: the pages left out (warnings) or unreadable (errors).
    A page `Vouched` for is not read unless it must be parsed (`content`): its digest is the record's.
    """

    pages: list[PageFile] = field(default_factory=list)
    contents: list[bytes | None] = field(default_factory=list)  # None: vouched for, not read
    digests: list[str] = field(default_factory=list)  # of each page's bytes
    stats: list[str] = field(default_factory=list)  # each page's `stat_key`, taken before reading
    diagnostics: list[Diagnostic] = field(default_factory=list)
    found: int = 0  # pages found, readable or not
    included: dict[tuple[str, tuple[str, ...]], str] = field(default_factory=dict)
    real_paths: dict[str, str] = field(default_factory=dict)  # `_real`'s
    # Each include's `include_key` and newest change, taken before it is read.
    include_keys: dict[str, tuple[str, int]] = field(default_factory=dict)
    vouched: Vouched | None = None  # the last run's record: an include it vouches for is not read
    began_ns: int = field(default_factory=time.time_ns)  # when the run began reading

    def add(self, page: PageFile, vouched: Vouched | None = None) -> None:
        """Read `page` unless `vouched` vouches for it; a page that cannot be read is left out
        with its error."""
        try:
            status = os.stat(page.path)  # before reading: a change meanwhile changes the key
        except OSError:
            status = None  # `page_bytes` tells why
        known = vouched.digest(f"{page.root}/{page.file}", status) if vouched and status else None
        content = None
        if known is None:
            try:
                content = page_bytes(page.path, Location(page.root, page.file))
            except PageError as error:
                self.diagnostics.append(error.diagnostic)
                return
            known = digest(content)
        self._keep(page, content, known, stat_key(status) if status else "")

    def _keep(self, page: PageFile, content: bytes | None, known: str, status: str) -> None:
        self.pages.append(page)
        self.contents.append(content)
        self.digests.append(known)
        self.stats.append(status)

    def content(self, index: int) -> bytes | Diagnostic:
        """The bytes of page `index` (read now if it was vouched for: its digest becomes theirs),
        or why it cannot be read. A vouched page must still be the file discovery found (its stat
        key, taken after reading): one replaced since, by a link out of the docs folder say, which
        discovery would have left out, is not read in its place."""
        content = self.contents[index]
        if content is None:
            page = self.pages[index]
            at = Location(page.root, page.file)
            try:
                content = page_bytes(page.path, at)
                same = stat_key(os.stat(page.path)) == self.stats[index]
            except PageError as error:
                return error.diagnostic
            except OSError:
                same = False
            if not same:
                message = "the page changed while the run read it; it is not read (run again)"
                return Diagnostic(at, "error", "page-file", message)
            self.contents[index], self.digests[index] = content, digest(content)
        return content

    def include_digest(self, path: str, roots: list[str]) -> str:
        """`include_digest`, each include read once a run: the digest checking a cached page is
        the one the run records."""
        key = (path, tuple(roots))
        if key not in self.included:
            found = include_key(path, self._real)  # before reading: a change meanwhile changes it
            self.include_keys.setdefault(path, found)
            # The record's digest, where it was checked against these same docs folders.
            vouched = self.vouched
            if vouched is not None and vouched.roots != self.real_roots(roots):
                vouched = None
            known = vouched.include(path, found) if vouched is not None else None
            self.included[key] = known or include_digest(path, roots, self._real)
        return self.included[key]

    def settled(self, path: str) -> bool:
        """Whether an include checked this run (`include_digest`) had not changed since the run
        began when it was checked: the bytes a page was parsed from, earlier or on another core,
        are then those its digest was taken of. (On a file system with coarse times a change may
        look older: then it is caught as a change by the next run's check of the file.)"""
        return self.include_keys.get(path, ("", 0))[1] < self.began_ns

    def include_record(self, includes: list[str], roots: list[str]) -> dict[str, str]:
        """The includes as this run read them (digests for `roots`), for the next run's `Vouched`."""
        return {
            path: f"{self.include_keys[path][0]}\0{self.include_digest(path, roots)}"
            for path in includes
            if self.include_keys.get(path, ("",))[0]
        }

    def real_roots(self, roots: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        """The real paths of docs folders, as `Vouched.roots` records them."""
        return tuple(self._real(root or ".") for root in roots)

    def _real(self, folder: str) -> str:
        """A folder's real path, resolved once a run: a docs folder, or an include's. (An include's
        own path is resolved every time it is read, a folder link inside the docs may change
        meanwhile: a key made with a folder as it was only has the include read again.)"""
        if folder not in self.real_paths:
            self.real_paths[folder] = os.path.realpath(folder or ".")
        return self.real_paths[folder]

    def sources(self) -> list[str]:
        """The root, file and digest of every page, and the pages left out: what the output
        depends on, page by page. Root and file apart: the same page read from another docs
        folder (`docs` or `docs/Ticket`) is placed, and includes, otherwise."""
        pages = [repr((p.root, p.file, d)) for p, d in zip(self.pages, self.digests, strict=True)]
        return pages + sorted(str(d) for d in self.diagnostics)

    def record(self) -> dict[str, str]:
        """The pages as this run read them, for the next run's `Vouched`."""
        return {
            f"{p.root}/{p.file}": f"{s} {d}"
            for p, s, d in zip(self.pages, self.stats, self.digests, strict=True)
            if s
        }


def read_docs(docs: list[Path], vouched: Vouched | None = None, began_ns: int = 0) -> Read:
    """The pages below `docs`, read (but those `vouched` vouches for) by a run that began at
    `began_ns` (now, when not given)."""
    read = Read(vouched=vouched, began_ns=began_ns or time.time_ns())
    try:
        pages = discover(docs, read.diagnostics)
    except PageError as error:  # a DOCS argument that is neither a file nor a folder
        read.diagnostics.append(error.diagnostic)
        return read
    read.found = len(pages)
    for page in pages:
        read.add(page, vouched)
    return read


def _markdown_files(root: str) -> Iterator[tuple[os.DirEntry[str], str]]:
    """(entry, path below `root`) of every `*.md` that is not a folder, below `root`; neither
    hidden files or folders nor links to folders are entered."""
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
                yield entry, relative


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def include_digest(
    path: str, roots: Iterable[str], real_root: Callable[[str], str] = os.path.realpath
) -> str:
    """What an include is now, to tell whether a cached page is fresh: the file it resolves to and
    its bytes, read only under the rules the parser reads includes by (inside a docs folder of
    `roots`, symbolic links resolved; never a FIFO or a device, never more than INCLUDE_LIMIT
    bytes). The path may come from a forged cache entry, or be an include linking out of the docs
    folder, which the parser did not read: such a file is never opened."""
    try:
        real = os.path.realpath(path)
    except ValueError:  # a NUL: a forged cache's path, never a page's include
        return "missing"
    if not any(_within(real, real_root(root)) for root in roots):
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


def page_bytes(path: str | Path, at: Location) -> bytes:
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
