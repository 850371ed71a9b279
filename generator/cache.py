"""What earlier runs made, kept outside the output so unchanged work is not done again.

Entries are keyed by the hash of what they were made from, together with the generator's own
fingerprint (its code, its templates, and the versions of the libraries that shape the output),
so a hit is always byte-for-byte what a cold run would produce. Each run keeps only the entries
it used. The folder is private to the user running the generator: its files are pickles.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from importlib.metadata import version
from typing import Any

from .resources import TEMPLATES

PACKAGE = Path(__file__).resolve().parent
_SHARDS = 16  # parsed pages are kept in shards by key, so one changed page rewrites one shard


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def fingerprint() -> str:
    """The generator's code, templates and the libraries that shape its output."""
    files = sorted(PACKAGE.rglob("*.py")) + sorted(p for p in TEMPLATES.rglob("*") if p.is_file())
    libraries = [f"{name} {version(name)}" for name in ("black", "jinja2", "markdown-it-py", "pyyaml")]
    return digest(str(sys.version_info[:2]), *libraries, *(f"{p.relative_to(PACKAGE.parent)}\0" + p.read_text("utf-8") for p in files))


@dataclass
class Store:
    pages: dict[str, Any] = field(default_factory=dict)  # page key → (include digests, ParsedPage)
    formatted: dict[str, str] = field(default_factory=dict)  # digest of unformatted source → formatted


class Cache:
    """One output folder's cache; a Cache(None) remembers nothing."""

    def __init__(self, folder: Path | None, version: str) -> None:
        self.folder = folder
        self.version = version
        self._loaded: Store | None = None
        self._new = Store()
        self._state: dict[str, Any] = {}

    @classmethod
    def for_output(cls, root: Path | None, out: Path) -> Cache:
        version = fingerprint()
        if root is None:
            return cls(None, version)
        return cls(root / digest(str(out.resolve()))[:16], version)

    def _read(self, name: str) -> Any:
        """A cache file's (version, value), or None when it is missing, unreadable or stale."""
        if self.folder is None:
            return None
        load = marshal.load if name.endswith(".marshal") else pickle.load
        try:
            with open(self.folder / name, "rb") as handle:
                stamp, value = load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return value if stamp == self.version else None

    @property
    def _old(self) -> Store:
        """The entries of the last run, read on first use (a run with nothing to do never reads them)."""
        if self._loaded is None:
            pages: dict[str, Any] = {}
            for shard in range(_SHARDS):
                part = self._read(f"pages-{shard:x}.pickle")
                pages.update(part if isinstance(part, dict) else {})
            formatted = self._read("formatted.marshal")
            self._loaded = Store(pages, formatted if isinstance(formatted, dict) else {})
        return self._loaded

    @property
    def formatted_entries(self) -> dict[str, str]:
        """All formatted files of the last run, for workers to look up (read-only)."""
        return self._old.formatted

    # -- entries ---------------------------------------------------------------------------------

    def page(self, key: str) -> Any:
        entry = self._old.pages.get(key)
        if entry is not None:
            self._new.pages[key] = entry
        return entry

    def put_page(self, key: str, entry: Any) -> None:
        self._new.pages[key] = entry

    def put_formatted(self, key: str, text: str) -> None:
        self._new.formatted[key] = text

    @property
    def last_run(self) -> dict[str, Any]:
        """What the last run read and wrote, kept in a file of its own so checking it is cheap."""
        state = self._read("state.pickle")
        return state if isinstance(state, dict) else {}

    def record_run(self, state: dict[str, Any]) -> None:
        self._state = state

    def save(self) -> None:
        """Write what this run used; a part (a shard) the same as the last run's is left alone."""
        if self.folder is None:
            return
        old = self._old
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for shard in range(_SHARDS):
                new = {k: v for k, v in self._new.pages.items() if int(k[0], 16) % _SHARDS == shard}
                if new.keys() != {k for k in old.pages if int(k[0], 16) % _SHARDS == shard}:
                    self._write(f"pages-{shard:x}.pickle", new)
            if self._new.formatted.keys() != old.formatted.keys():
                self._write("formatted.marshal", self._new.formatted)
            self._write("state.pickle", self._state)
        except OSError:
            pass  # a cache that cannot be written only costs time next run

    def _write(self, name: str, value: Any) -> None:
        assert self.folder is not None
        fd, temp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as handle:
            if name.endswith(".marshal"):
                marshal.dump((self.version, value), handle)
            else:
                pickle.dump((self.version, value), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, self.folder / name)
