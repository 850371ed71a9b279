"""What a run records for the next one, so that a run with nothing changed does nothing.

The record (`LastRun`, kept in the cache) holds the digest of everything the output depends on
(the generator, the package, every page's bytes, every include) and of the output tree as the run
left it (names, sizes, times). The next run with the same digests returns the record's counts
without parsing, decoding or rendering anything; it reads only the pages and includes whose
files changed since the record was made (`discover.Vouched`), and a run with work finds the
other pages in the cache by their recorded digests. A forged record can at most make a run keep
the output folder as it is, or take a page for the version of it the cache holds (which a forged
cache entry can do too).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG

from . import codec
from .cache import Cache, digest, json_text, json_value
from .discover import Read, Vouched
from .summary import Counts


@dataclass
class LastRun:
    """The cache's record of a run (not its Summary: only what the next run needs)."""

    package: str  # "name==version" the output was made for
    inputs: str  # the digest of everything the output depends on
    includes: list[str]
    outputs: str  # the digest of the output tree's names, sizes and times
    # What the summary line said: `Counts` as JSON text, decoded only by a run with nothing to do
    # (a run with work would decode thousands of diagnostics for nothing).
    counts: str
    version: str  # the generator's fingerprint
    pages: dict[str, str]  # the pages as the run read them (`Read.record`)
    included: dict[str, str]  # the includes as the run read them (`Read.include_record`)
    began_ns: int  # when the run began reading the pages
    # What each entry of the API signature in the output's manifest was made from (see
    # `changelog.api_signature.entry_sources`).
    api_sources: dict[str, dict[str, str]]
    include_roots: list[str]  # the real docs folders `included` was checked against


def counts_text(counts: Counts) -> str:
    """`counts` as `LastRun.counts` holds them."""
    return json_text(codec.encode(counts))


def recorded_counts(last: LastRun) -> Counts | None:
    """The counts `last` recorded; None when they are not a valid record's."""
    counts: Counts | None = codec.decode_or_none(Counts, json_value(last.counts))
    return counts


def vouched(last: LastRun | None) -> Vouched | None:
    if last is None:
        return None
    return Vouched(last.pages, last.included, last.began_ns, tuple(last.include_roots))


def last_run(cache: Cache) -> LastRun | None:
    last: LastRun | None = codec.decode_or_none(LastRun, cache.last_run)
    return last


def inputs(version: str, package: str, read: Read, sources: list[str], includes: list[str]) -> str:
    """Everything a run's output depends on, as one digest (`includes` may come from the cache:
    only those inside the pages' docs folders are read; none the last run's record vouches for)."""
    roots = include_roots(read)
    return digest(
        version,
        package,
        *sources,
        *(f"{path}:{read.include_digest(path, roots)}" for path in includes),
    )


def include_roots(read: Read) -> list[str]:
    """The docs folders a run's includes are checked against."""
    return sorted({page.root for page in read.pages})


def outputs(out: Path, files: dict[str, tuple[int, int, int]] | None = None) -> str:
    """The output tree as it stands: names, inodes, sizes and times. `files`, when given, learns
    each regular file's inode, size and mtime (`previous.Stat`), by its path below `out`."""
    if not out.is_dir():
        return ""
    entries: list[str] = []
    _stats(str(out), "", entries, {} if files is None else files)
    return digest(*entries)


def _stats(
    folder: str, below: str, entries: list[str], files: dict[str, tuple[int, int, int]]
) -> None:
    try:
        with os.scandir(folder) as found:
            listed = sorted(found, key=lambda entry: entry.name)
    except OSError as error:
        entries.append(f"{below}: {error.strerror}")
        return
    for entry in listed:
        name = f"{below}{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            if entry.name != "__pycache__":
                entries.append(f"{name}/")  # an empty folder added is a change too
                _stats(entry.path, f"{name}/", entries, files)
        else:
            stat = entry.stat(follow_symlinks=False)  # a link is told by its own times: never fails
            entries.append(
                f"{name}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}"
            )
            if S_ISREG(stat.st_mode):
                files[name] = (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def as_left(last: LastRun | None, cache: Cache, out: Path) -> bool:
    """Whether the output is as the last run, of this generator, left it (names, inodes, sizes and
    times): the files its manifest lists are those it wrote, and the manifest is its own."""
    return last is not None and last.version == cache.version and last.outputs == outputs(out)


def unchanged(
    last: LastRun | None, cache: Cache, package: str, read: Read, sources: list[str], left: bool
) -> bool:
    """Whether the last run made the output from exactly these inputs, and it is still as that
    run left it (`left`: `as_left`)."""
    if last is None or not left or last.package != package:
        return False
    return last.inputs == inputs(cache.version, package, read, sources, last.includes)
