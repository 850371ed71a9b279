"""What reading one page needs besides its text: where it is, where its diagnostics go, and the
includes it may read (only regular files inside the docs folder)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..diagnostics import Diagnostic, Location, PageError
from ..untrusted import INCLUDE_LIMIT, Refused, inside, lexically_inside, read_regular
from .markdown import Block, Fence, Include, blocks


def decode(data: bytes, at: Location) -> str:
    """A page's text: UTF-8 (a BOM allowed), no NUL, newlines as `\\n`; else a located PageError."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PageError(at._replace(line=line), "encoding", "the page is not UTF-8 text") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise PageError(at._replace(line=line), "encoding", "the page contains a NUL character")
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class PageContext:
    page: Location  # the page's file below the docs folder `page.root`
    folder: Path | None  # the page's own folder, where includes are resolved; None: none is read
    docs: Path | None  # includes are read only from inside it
    diagnostics: list[Diagnostic] = field(default_factory=list)
    includes: list[str] = field(default_factory=list)  # files included (or tried), for caches

    def at(self, line: int, col: int = 1, file: str = "") -> Location:
        return Location(self.page.root, file or self.page.file, line, col)

    def warn(self, location: Location, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(location, "warning", code, message))

    def expand(self, page_blocks: list[Block]) -> list[Block]:
        """The blocks with each include replaced by the fenced blocks of the included file."""
        out: list[Block] = []
        for block in page_blocks:
            if isinstance(block, Include):
                out.extend(self._include(block))
            else:
                out.append(block)
        return out

    def _include(self, block: Include) -> list[Fence]:
        """The fenced blocks of an included file: only a regular file inside the docs folder,
        symbolic links resolved, of at most INCLUDE_LIMIT bytes, is opened; else a warning."""
        target = block.target.split("#")[0].split("?")[0]
        where = self.at(block.line)
        named = f"the included file '{block.target}'"
        if self.folder is None:
            self.warn(where, "include", f"{named} does not exist")
            return []
        docs = str(self.docs if self.docs is not None else self.folder)
        path = os.path.normpath(os.path.join(self.folder, target))
        if os.path.isabs(target) or target[:1] in ("/", "\\") or not lexically_inside(path, docs):
            self.warn(where, "include", f"{named} is outside the docs folder; it is not read")
            return []
        display = os.path.normpath(os.path.join(os.path.dirname(self.page.file), target)).replace(
            os.sep, "/"
        )
        self.includes.append(path)
        if not os.path.exists(path):
            self.warn(where, "include", f"{named} does not exist")
            return []
        if not inside(path, docs):
            self.warn(where, "include", f"{named} links to outside the docs folder; it is not read")
            return []
        try:
            text = decode(read_regular(path, INCLUDE_LIMIT), self.at(1, file=display))
        except Refused as error:
            self.warn(where, "include", f"{named} {error}; it is not read")
            return []
        except (PageError, OSError) as error:
            self.warn(where, "include", f"{named} cannot be read: {error}")
            return []
        fences = [b for b in blocks(text) if isinstance(b, Fence)]
        if not fences:
            self.warn(where, "include", f"{named} holds no fenced block")
        return [replace(f, file=display) for f in fences]
