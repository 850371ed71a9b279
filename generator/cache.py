"""What earlier runs made, kept outside the output so unchanged work is not done again.

Entries are keyed by the hash of what they were made from, together with the generator's own
fingerprint (its code, its templates, and the versions of the libraries that shape the output),
so a hit is always byte-for-byte what a cold run would produce. Each run keeps only the entries
it used. The folder is private to the user running the generator: its files are pickles.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE.parent / "templates"


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def fingerprint() -> str:
    """The generator's code, templates and the libraries that shape its output."""
    import black
    import jinja2
    import markdown_it
    import yaml

    files = sorted(PACKAGE.rglob("*.py")) + sorted(p for p in TEMPLATES.rglob("*") if p.is_file())
    versions = f"{sys.version_info[:2]} {black.__version__} {jinja2.__version__} {markdown_it.__version__} {yaml.__version__}"
    return digest(versions, *(f"{p.relative_to(PACKAGE.parent)}\0" + p.read_text("utf-8") for p in files))


@dataclass
class Store:
    version: str = ""
    pages: dict[str, Any] = field(default_factory=dict)  # page key → (include digests, ParsedPage)
    formatted: dict[str, str] = field(default_factory=dict)  # digest of unformatted source → formatted
    state: dict[str, Any] = field(default_factory=dict)  # the last run: input and output digests, summary


class Cache:
    """One output folder's cache; a Cache(None) remembers nothing."""

    def __init__(self, folder: Path | None, version: str) -> None:
        self.folder = folder
        self.version = version
        self._old = self._load()
        self._new = Store(version)

    @classmethod
    def for_output(cls, root: Path | None, out: Path) -> Cache:
        version = fingerprint()
        if root is None:
            return cls(None, version)
        return cls(root / digest(str(out.resolve()))[:16], version)

    def _load(self) -> Store:
        if self.folder is None:
            return Store()
        try:
            with open(self.folder / "store.pickle", "rb") as handle:
                store = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return Store()
        return store if isinstance(store, Store) and store.version == self.version else Store()

    # -- entries ---------------------------------------------------------------------------------

    def page(self, key: str) -> Any:
        entry = self._old.pages.get(key)
        if entry is not None:
            self._new.pages[key] = entry
        return entry

    def put_page(self, key: str, entry: Any) -> None:
        self._new.pages[key] = entry

    def formatted(self, key: str) -> str | None:
        text = self._old.formatted.get(key)
        if text is not None:
            self._new.formatted[key] = text
        return text

    def put_formatted(self, key: str, text: str) -> None:
        self._new.formatted[key] = text

    @property
    def last_run(self) -> dict[str, Any]:
        return self._old.state

    def record_run(self, state: dict[str, Any]) -> None:
        self._new.state = state

    def save(self) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.folder, prefix=".store-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(self._new, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.folder / "store.pickle")
        except OSError:
            pass  # a cache that cannot be written only costs time next run
