"""What earlier runs made, kept outside the output so unchanged work is not done again.

Entries are keyed by the hash of what they were made from, together with the generator's own
fingerprint (its code, its templates, and the versions of the libraries that shape the output),
so a hit is always byte-for-byte what a cold run would produce. Each run keeps only the entries
it used.

A cache folder may come from elsewhere (a restored CI cache), so nothing in it can run: its files
are JSON (the parsed pages' shards a line an entry: its key, a space and its JSON, so an entry
reused is written again as it was read, never encoded anew), read only as regular files below a
size limit, and each starts with a header line carrying the format, the generator's fingerprint
and an HMAC of the rest keyed by that fingerprint (and by GENERATOR_CACHE_KEY when set). Anything
unreadable, stale, mismatched or not exactly the data a run writes is a miss. The parsed pages
are decoded by `codec`, which checks every value against the model's types; a sample's body is
kept as text, parsed as safe JSON when it is used.

The HMAC proves an entry was written by this generator's version, not by whom: anyone who has the
generator can compute the fingerprint. So the cache holds only parsed pages, checked as above: a
forged entry can say no more than a crafted page could, and generated code is never taken from
the cache. Set GENERATOR_CACHE_KEY to a secret (e.g. a CI secret) to have entries written without
it refused.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import codec
from .model import ParsedPage
from .resources import TEMPLATES
from .untrusted import Refused, read_regular
from .versions import installed_version

PACKAGE = Path(__file__).resolve().parent
_SHARDS = 16  # parsed pages are kept in shards by key, so one changed page rewrites one shard
FORMAT = 5  # of the files; 1 was pickles, which are never read; 2 wrote locations whole, a shard
# as one JSON object; 3 each JSON sample's body twice, as text and as its value; 4 every TypeRef
# and Location as a list
_MAGIC = "superoffice-docs-generator cache"
_LIMIT = 256 << 20  # bytes in one cache file
PageEntry = tuple[list[tuple[str, str]], ParsedPage]  # (include, digest) pairs, the parsed page


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode() if isinstance(part, str) else part)
        h.update(b"\0")
    return h.hexdigest()


def fingerprint() -> str:
    """The generator's code, templates and the libraries that shape its output."""
    files = sorted(PACKAGE.rglob("*.py")) + sorted(p for p in TEMPLATES.rglob("*") if p.is_file())
    libraries = [
        f"{name} {installed_version(name)}"
        for name in ("black", "jinja2", "markdown-it-py", "pyyaml")
    ]
    return digest(
        str(sys.version_info[:2]),
        *libraries,
        *(f"{p.relative_to(PACKAGE.parent)}\0" + p.read_text("utf-8") for p in files),
    )


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)


@dataclass
class Store:
    pages: dict[str, str] = field(default_factory=dict)  # page key → its PageEntry's JSON text


class Cache:
    """One output folder's cache; a Cache(None) remembers nothing."""

    def __init__(self, folder: Path | None, version: str) -> None:
        self.folder = folder
        self.version = version
        self._loaded: Store | None = None
        self._new = Store()
        # Entries parsed by this run, as the JSON texts of their includes and page: joined only
        # as their shard is written, so a run never holds two copies of every page's text.
        self._made: dict[str, tuple[str, str]] = {}
        self._state: Any = {}
        self._jobs: Any = {}

    @classmethod
    def for_output(cls, root: Path | None, out: Path) -> Cache:
        version = fingerprint()
        if root is None:
            return cls(None, version)
        return cls(root / digest(str(out.resolve()))[:16], version)

    def _key(self) -> bytes:
        return (self.version + "\0" + os.environ.get("GENERATOR_CACHE_KEY", "")).encode()

    def _read(self, name: str) -> Any:
        """A cache file's value as plain JSON data, or None when it is missing, unreadable, stale
        or was not written by this generator. Never raises, never runs anything."""
        return json_value(self._text(name))

    def _text(self, name: str) -> str | None:
        """A cache file's text below its header, or None when it is missing, unreadable, stale or
        was not written by this generator. Never raises."""
        if self.folder is None:
            return None
        try:
            data = read_regular(self.folder / name, _LIMIT)
            head, newline, payload = data.partition(b"\n")
            header = _DECODER.decode(head.decode("utf-8")) if newline and len(head) < 1024 else None
            if not (
                isinstance(header, dict)
                and header.get("cache") == _MAGIC
                and header.get("format") == FORMAT
                and header.get("version") == self.version
                and isinstance(header.get("hmac"), str)
            ):
                return None
            mac = hmac.new(self._key(), payload, hashlib.sha256).hexdigest()
            if not hmac.compare_digest(mac, header["hmac"]):
                return None
            return payload.decode("utf-8")
        except (OSError, Refused, ValueError, MemoryError):
            return None

    @property
    def _old(self) -> Store:
        """The entries of the last run, read on first use (a run with nothing to do never reads them)."""
        if self._loaded is None:
            pages: dict[str, str] = {}
            for shard in range(_SHARDS):
                for line in (self._text(f"pages-{shard:x}.json") or "").split("\n"):
                    key, _, entry = line.partition(" ")
                    if _shard(key) == shard:
                        pages[key] = entry
            self._loaded = Store(pages)
        return self._loaded

    # -- entries ---------------------------------------------------------------------------------

    def holds(self, key: str) -> bool:
        """Whether the last run kept an entry for `key` (valid or not: `page` decodes it)."""
        return key in self._old.pages

    def page(self, key: str, home: codec.Home) -> PageEntry | None:
        """The last run's entry for the page at `home` (its root and file, which `key` is made
        from): valid model objects, or None (a miss)."""
        text = self._old.pages.get(key)
        if text is None:
            return None
        entry: PageEntry | None = codec.decode_or_none(PageEntry, json_value(text), home)
        if entry is not None:
            self._new.pages[key] = text
        return entry

    def put_page(self, key: str, includes: list[tuple[str, str]], page: str) -> None:
        """Keep a page parsed by this run: its (include, digest) pairs and the page as
        `page_json` made it (in the worker that parsed it)."""
        self._made[key] = (json_text(includes), page)

    @property
    def last_run(self) -> Any:
        """What the last run recorded (plain JSON data, to be decoded by the caller), None if nothing."""
        return self._read("state.json")

    @property
    def last_jobs(self) -> Any:
        """The last run's render jobs (plain JSON data, to be decoded by the caller): read apart
        from `last_run`, since only a run that renders needs them."""
        return self._read("jobs.json")

    def record_run(self, state: Any, jobs: Any) -> None:
        """Keep `state` and `jobs` (plain JSON data) for the next run's `last_run` and `last_jobs`."""
        self._state, self._jobs = state, jobs

    def save_pages(self) -> None:
        """Write the pages this run used, and let go of them: a part (a shard) the same as the last
        run's is left alone."""
        if self.folder is None:
            return
        old = self._old
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            kept, made = _by_shard(self._new.pages), _by_shard(self._made)
            for shard, before in enumerate(_by_shard(old.pages)):
                if not made[shard] and kept[shard].keys() == before.keys():
                    continue  # the last run's entries, unchanged (one parsed again is written)
                new = kept[shard] | {
                    k: f"[{includes},{page}]" for k, (includes, page) in made[shard].items()
                }  # a PageEntry's encoding
                lines = (f"{k} {v}" for k, v in sorted(new.items()))  # JSON holds no newline
                self._write_text(f"pages-{shard:x}.json", "\n".join(lines))
        except (OSError, ValueError):
            pass  # a cache that cannot be written only costs time next run
        self._loaded, self._new, self._made = Store(), Store(), {}

    def save(self) -> None:
        """Write the run's record (after `save_pages`)."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._write("state.json", self._state)
            self._write("jobs.json", self._jobs)
            for stale in (
                *self.folder.glob("*.pickle"),
                *self.folder.glob("*.marshal"),
                self.folder / "formatted.json",
            ):
                stale.unlink(missing_ok=True)  # an older generator's files: never read
        except (OSError, ValueError):
            pass  # a cache that cannot be written only costs time next run

    def _write(self, name: str, value: Any) -> None:
        """Write `value` (plain JSON data) as the cache file `name`."""
        self._write_text(name, json_text(value))

    def _write_text(self, name: str, payload: str) -> None:
        assert self.folder is not None
        data = payload.encode("utf-8")
        header = {
            "cache": _MAGIC,
            "format": FORMAT,
            "version": self.version,
            "hmac": hmac.new(self._key(), data, hashlib.sha256).hexdigest(),
        }
        fd, temp = tempfile.mkstemp(dir=self.folder, prefix=f".{name}-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(json.dumps(header).encode() + b"\n" + data)
            os.replace(temp, self.folder / name)
        except BaseException:
            os.unlink(temp)
            raise


def page_json(page: ParsedPage, home: codec.Home) -> str:
    """A parsed page, read at `home` (its root and file), as the cache keeps it: encoded now
    (later stages may share its objects), as compact text."""
    return json_text(codec.encode(page, home))


def json_value(text: str | None) -> Any:
    """`text` as plain JSON data, or None when there is none or it is not JSON."""
    if text is None:
        return None
    try:
        return _DECODER.decode(text)
    except (ValueError, RecursionError, MemoryError):
        return None


def json_text(value: Any) -> str:
    """`value` as compact JSON in ASCII: one character outside Latin-1 (an emoji on one page)
    would otherwise make a whole shard's text four bytes a character, slower to decode and split."""
    return json.dumps(value, separators=(",", ":"), allow_nan=False, check_circular=False)


def _shard(key: str) -> int:
    """The shard a page key belongs to; -1 for a key that is not a digest (never ours)."""
    if len(key) != 64 or key.strip("0123456789abcdef"):
        return -1
    return int(key[0], 16) % _SHARDS


def _by_shard(entries: dict[str, Any]) -> list[dict[str, Any]]:
    """`entries` split by shard (those of no shard left out)."""
    shards: list[dict[str, Any]] = [{} for _ in range(_SHARDS)]
    for key, value in entries.items():
        shard = _shard(key)
        if shard >= 0:
            shards[shard][key] = value
    return shards
