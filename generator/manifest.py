"""The manifest an output folder carries, and the refusal of any folder that is not such an output.

The manifest lists the files a run wrote (each with its SHA-256) and the API's signature. A run
replaces `--out` only when it does not exist, is empty, or holds that manifest and nothing but the
files it lists (and the caches tools leave beside them); anything else is refused before any work
is done (`check_target`). Writing the folder is `write`'s job.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .untrusted import Refused, read_regular

MANIFEST = ".generator-manifest.json"
GENERATOR = "superoffice-docs-generator"
# What tools leave in an output folder (pytest, mypy, ruff, `pip install ./generated`): not the
# user's work, so it does not stop a run, and it goes with the old tree.
_TOOL_LEFTOVERS = ("__pycache__", ".pytest_cache", ".mypy_cache", ".ruff_cache", "build", "dist")


class OutputError(Exception):
    """The output folder cannot be written without touching what is not the generator's."""


def file_digest(text: str) -> str:
    """The SHA-256 of a generated file's bytes, as the manifest lists it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_digest_of(path: Path) -> str:
    """`file_digest` of what a file of the output holds; "" when it is no regular file."""
    data = read_output(path)
    return "" if data is None else hashlib.sha256(data).hexdigest()


def read_output(path: Path, limit: int = 256 << 20) -> bytes | None:
    """What a file in an output folder holds, or None when it is not a regular file, holds more
    than `limit` bytes or cannot be read. The folder is the user's: a FIFO put there must not
    block the run."""
    try:
        return read_regular(path, limit)
    except (OSError, Refused):
        return None


def manifest_text(
    files: dict[str, str],
    api: dict[str, Any] | None = None,
    kept: dict[str, str] | None = None,
) -> str:
    """The manifest for a tree of `files` and `kept` files (path → digest): every path with the
    SHA-256 of its bytes, and the API's signature (see `changelog.api_signature`) when given, one
    line per operation and type, so the next run can say what changed. An entry taken from the
    previous manifest (`Kept`) is written as it was."""
    digests = {path: file_digest(text) for path, text in files.items()} | (kept or {})
    # As `json.dumps(..., indent=2)` writes it, which does so in Python, not C: thousands of files.
    listed = ",\n".join(
        f"    {_string(path)}: {_string(digests[path])}" for path in sorted(digests)
    )
    text = (
        f'{{\n  "generator": {_string(GENERATOR)},\n  "files": '
        + (f"{{\n{listed}\n  }}" if listed else "{}")
        + "\n}"
    )
    if api is None:
        return text + "\n"
    sections = []
    for name, entries in sorted(api.items()):
        lines = [
            f"      {_string(key)}: {value.line if type(value) is Kept else _sorted(value)}"
            for key, value in sorted(entries.items())
        ]
        body = "{\n" + ",\n".join(lines) + "\n    }" if lines else "{}"
        sections.append(f"    {_string(name)}: {body}")
    return text[: -len("\n}")] + _API + ",\n".join(sections) + _API_END


@dataclass(frozen=True)
class Kept:
    """An entry of the API's signature as the previous manifest wrote it (see
    `changelog.api_signature.Reuse`): equal to another when their lines are."""

    line: str


_API, _API_END = ',\n  "api": {\n', "\n  }\n}\n"  # around the signature's sections
_string = json.encoder.encode_basestring_ascii  # a string as `json.dumps` writes it
_sorted = json.JSONEncoder(sort_keys=True).encode  # `json.dumps(value, sort_keys=True)`, made once
_scan = json.decoder.scanstring  # (a JSON string's value, where it ends) from after its quote


def _api_lines(api: str) -> dict[str, dict[str, str]] | None:
    """The API entries, section → key → the entry's encoding, of a manifest's text after `_API`,
    if every line is as `manifest_text` writes it (so the entries are its only members); else None.
    """
    lines: dict[str, dict[str, str]] = {}
    section: dict[str, str] | None = None
    try:
        for line in api.split("\n")[:-3]:  # the signature's, then "  }", "}" and ""
            if line.startswith('      "') and section is not None:
                key, end = _scan(line, 7)
                if line[end : end + 2] != ": ":
                    return None
                section[key] = line[end + 2 :].removesuffix(",")
            elif line.startswith('    "') and section is None:
                name, end = _scan(line, 5)
                if line[end:] == ": {":
                    section = lines.setdefault(name, {})
                elif line[end:] not in (": {}", ": {},"):
                    return None
            elif line in ("    }", "    },") and section is not None:
                section = None
            else:
                return None
    except ValueError:  # not a line `manifest_text` writes
        return None
    return lines


def read_api_signature(folder: Path) -> dict[str, Any] | None:
    """The API signature the last run stored in `folder`'s manifest, or None when there is none."""
    listing = read_listing(folder)
    return listing.api if listing is not None else None


@dataclass(frozen=True)
class Listing:
    """What the manifest of an output says: the files it lists (path → digest), and the API's
    signature (see `changelog.api_signature`) when it holds one: its entries as written (`lines`,
    when the manifest is as `manifest_text` writes it), parsed only when asked for (`api`)."""

    files: dict[str, str] = field(default_factory=dict)
    lines: dict[str, dict[str, str]] | None = None
    signature: str | dict[str, Any] | None = field(default=None, repr=False)  # JSON, or parsed

    @functools.cached_property
    def api(self) -> dict[str, Any] | None:
        if not isinstance(self.signature, str):
            return self.signature
        try:
            api = json.loads(self.signature)
        except (ValueError, RecursionError):
            return None
        return api if isinstance(api, dict) else None


def read_listing(folder: Path, as_written: bool = False) -> Listing | None:
    """What the manifest in `folder` says, or None when it holds none of ours, as JSON reads it.
    One the last run wrote and nobody touched since (`as_written`: the caller knows it by the
    output's names, inodes, sizes and times) is parsed but for its API's signature (megabytes,
    which a run with one page changed needs little of): its entries are kept as their lines until
    asked for. (Any other is parsed whole: a line-by-line check could be fooled by a line that
    closes the signature, and its files decide what a run may replace.)"""
    data = read_output(folder / MANIFEST, 64 << 20)
    if data is None:
        return None
    lines = None
    try:
        if as_written:
            head, found, api = data.decode("utf-8").partition(_API)
            lines = _api_lines(api) if found and api.endswith(_API_END) else None
        manifest = json.loads(head + "\n}" if lines is not None else data)
    except (ValueError, RecursionError):  # RecursionError: arrays nested 100,000 deep
        return None
    if not isinstance(manifest, dict) or manifest.get("generator") != GENERATOR:
        return None
    files = manifest.get("files")
    if not isinstance(files, dict):
        return None
    listed = {str(path): str(value) for path, value in files.items()}
    if lines is not None:
        return Listing(listed, lines, "{\n" + api[: -len("\n}\n")])
    signature = manifest.get("api")
    return Listing(listed, None, signature if isinstance(signature, dict) else None)


@dataclass
class FileChanges:
    """How a tree of files differs from an output folder (paths relative to it, sorted)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def compare_tree(
    out: Path, files: dict[str, str], kept: dict[str, str] | None = None
) -> FileChanges:
    """What replacing `out` with `files` and the `kept` files (those it holds as they are)
    changes: files added, changed (other bytes) and removed (anything else below `out` but tools'
    leftovers, and the manifest unless `files` has it)."""
    changes = FileChanges(unchanged=len(kept or {}))
    for path, text in sorted(files.items()):
        old = read_output(out / path) if not (out / path).is_symlink() else None
        if old is None:
            changes.added.append(path)
        elif old != text.encode("utf-8"):
            changes.changed.append(path)
        else:
            changes.unchanged += 1
    if out.is_dir():
        changes.removed = sorted(foreign_paths(out, {**files, **(kept or {})}))
    return changes


def read_manifest(folder: Path) -> dict[str, str] | None:
    """The files the manifest in `folder` lists (path → digest), or None when it holds none of ours."""
    listing = read_listing(folder)
    return listing.files if listing is not None else None


def check_place(out: Path, protected: list[tuple[Path, str]]) -> None:
    """`check_target` without looking inside `out`: refuse a link, the current folder or one above
    it, or one that holds or is inside a `protected` path."""
    target = Path(os.path.abspath(out))
    if target.is_symlink():
        raise OutputError(f"{out} is a symbolic link; give the folder itself as --out")
    resolved = target.resolve()
    here = Path.cwd().resolve()
    if resolved == here or resolved in here.parents:
        raise OutputError(
            f"{out} is {'the current folder' if resolved == here else 'above the current folder'}; give a folder of its own as --out"
        )
    for path, what in protected:
        other = path.resolve()
        if resolved == other or resolved in other.parents:
            raise OutputError(f"{out} holds {what} {path}; give a folder of its own as --out")
        if other in resolved.parents:
            raise OutputError(f"{out} is inside {what} {path}; give a folder of its own as --out")


def check_target(out: Path, protected: list[tuple[Path, str]], as_written: bool = False) -> Listing:
    """Refuse, with one line, an `out` whose replacement would lose anything that is not a previous
    output: a file, a link, a folder with other content, `.git`, the current folder or one above
    it, or one that holds or is inside a `protected` path (the doc pages, the cache). What the
    previous output's manifest says; an empty listing when there is none."""
    check_place(out, protected)
    target = Path(os.path.abspath(out))
    if not target.exists():
        return Listing()
    if not target.is_dir():
        raise OutputError(
            f"{out} is a file, not an output folder of this generator; give another --out"
        )
    if not any(target.iterdir()):
        return Listing()
    if (target / ".git").exists():
        raise OutputError(f"{out} holds .git; give a folder of its own as --out")
    listing = read_listing(target, as_written)
    if listing is None:
        raise OutputError(
            f"{out} is not empty and holds no {MANIFEST}, so it is not an output of this generator; give another --out or empty it"
        )
    foreign = next(foreign_paths(target, listing.files), None)
    if foreign is not None:
        raise OutputError(
            f"{out}/{foreign} was not written by this generator; move it away before generating into {out}"
        )
    return listing


def foreign_paths(folder: Path, listed: dict[str, str]) -> Iterator[str]:
    """Paths below `folder` that are neither in its manifest nor tools' leftovers."""
    for base, dirs, names in os.walk(folder):
        relative = Path(base).relative_to(folder)
        dirs[:] = sorted(
            d for d in dirs if d not in _TOOL_LEFTOVERS and not d.endswith(".egg-info")
        )
        for name in sorted(names):
            path = (relative / name).as_posix()
            if path != MANIFEST and path not in listed and not name.endswith((".pyc", ".pyo")):
                yield path
        for name in dirs:
            if os.path.islink(os.path.join(base, name)):
                yield (relative / name).as_posix()
