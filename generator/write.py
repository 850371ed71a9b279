"""Write the output tree all at once, and only ever over the generator's own output.

The output folder carries a manifest of the files a run wrote. A run replaces `--out` only when it
does not exist, is empty, or holds that manifest and nothing but the files it lists (and the
caches tools leave beside them); anything else is refused before any work is done.

Files go to a staging folder beside the output, manifest first, and the staging folder is swapped
in with one atomic exchange of the two folders where the system has one (Linux `renameat2`), so a
run killed at any moment leaves the previous output or the new one, complete. Runs that write
beside one another hold a lock on the common parent folder; under it, leftovers of dead runs are
recognised by their manifest and cleaned up, and an output lost between two renames is restored.
"""

from __future__ import annotations

import ctypes
import fcntl
import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def manifest_text(files: dict[str, str], api: dict[str, Any] | None = None) -> str:
    """The manifest for a tree of `files`: every path with the SHA-256 of its bytes, and the API's
    signature (see `changelog.signature`) when given, one line per operation and type, so the next
    run can say what changed."""
    digests = {path: file_digest(text) for path, text in sorted(files.items())}
    text = json.dumps({"generator": GENERATOR, "files": digests}, indent=2)
    if api is None:
        return text + "\n"
    sections = []
    for name, entries in sorted(api.items()):
        lines = [
            f"      {json.dumps(key)}: {json.dumps(value, sort_keys=True)}"
            for key, value in sorted(entries.items())
        ]
        body = "{\n" + ",\n".join(lines) + "\n    }" if lines else "{}"
        sections.append(f"    {json.dumps(name)}: {body}")
    return text[: -len("\n}")] + ',\n  "api": {\n' + ",\n".join(sections) + "\n  }\n}\n"


def read_api_signature(folder: Path) -> dict[str, Any] | None:
    """The API signature the last run stored in `folder`'s manifest, or None when there is none."""
    api = _manifest_part(folder, "api")
    return api if isinstance(api, dict) else None


def _manifest_part(folder: Path, key: str) -> Any:
    """One part of the manifest in `folder` when it is ours, else None."""
    try:
        with open(folder / MANIFEST, "rb") as handle:
            data = json.loads(handle.read(64 * 1024 * 1024))
    except (OSError, ValueError, RecursionError):  # RecursionError: arrays nested 100,000 deep
        return None
    if not isinstance(data, dict) or data.get("generator") != GENERATOR:
        return None
    return data.get(key)


@dataclass
class FileChanges:
    """How a tree of files differs from an output folder (paths relative to it, sorted)."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def compare_tree(out: Path, files: dict[str, str]) -> FileChanges:
    """What replacing `out` with `files` changes: files added, changed (other bytes) and removed
    (anything else below `out` but tools' leftovers, and the manifest unless `files` has it)."""
    changes = FileChanges()
    for path, text in sorted(files.items()):
        try:
            old = (out / path).read_bytes() if not (out / path).is_symlink() else None
        except OSError:
            old = None
        if old is None:
            changes.added.append(path)
        elif old != text.encode("utf-8"):
            changes.changed.append(path)
        else:
            changes.unchanged += 1
    if out.is_dir():
        changes.removed = sorted(_foreign(out, files))
    return changes


def read_manifest(folder: Path) -> dict[str, str] | None:
    """The files the manifest in `folder` lists (path → digest), or None when it holds none of ours."""
    files = _manifest_part(folder, "files")
    if not isinstance(files, dict):
        return None
    return {str(path): str(value) for path, value in files.items()}


def check_target(out: Path, protected: list[tuple[Path, str]]) -> None:
    """Refuse, with one line, an `out` whose replacement would lose anything that is not a previous
    output: a file, a link, a folder with other content, `.git`, the current folder or one above
    it, or one that holds or is inside a `protected` path (the doc pages, the cache)."""
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
    if not target.exists():
        return
    if not target.is_dir():
        raise OutputError(
            f"{out} is a file, not an output folder of this generator; give another --out"
        )
    if not any(target.iterdir()):
        return
    if (target / ".git").exists():
        raise OutputError(f"{out} holds .git; give a folder of its own as --out")
    listed = read_manifest(target)
    if listed is None:
        raise OutputError(
            f"{out} is not empty and holds no {MANIFEST}, so it is not an output of this generator; give another --out or empty it"
        )
    foreign = next(_foreign(target, listed), None)
    if foreign is not None:
        raise OutputError(
            f"{out}/{foreign} was not written by this generator; move it away before generating into {out}"
        )


def _foreign(folder: Path, listed: dict[str, str]) -> Iterator[str]:
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


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the lock of `out`'s parent folder (waiting for another run that holds it), and leave
    no other run's leftovers behind."""
    parent = Path(os.path.abspath(out)).parent
    parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(parent, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another run writing to {parent} ...", file=sys.stderr)
            fcntl.flock(fd, fcntl.LOCK_EX)
        _recover(Path(os.path.abspath(out)))
        yield
    finally:
        os.close(fd)  # releases the lock


def _recover(out: Path) -> None:
    """Put back an output a killed run had moved away, and remove dead runs' staging folders."""
    leftovers = sorted(out.parent.glob(f".{out.name}.new-*")) + sorted(
        out.parent.glob(f".{out.name}.old-*")
    )
    for folder in leftovers:
        if not folder.is_dir() or folder.is_symlink():
            continue
        moved = folder / out.name  # where the two-rename swap parks the previous output
        if not out.exists() and _ours(moved) and sorted(os.listdir(folder)) == [out.name]:
            os.replace(moved, out)
        parked_only = sorted(os.listdir(folder)) in ([], [out.name]) and (
            not moved.exists() or _ours(moved)
        )
        if _ours(folder) or parked_only:
            shutil.rmtree(folder, ignore_errors=True)


def _ours(folder: Path) -> bool:
    """A folder the generator wrote and nobody added to: empty, or holding a manifest of ours and
    nothing it does not list (tools' leftovers aside)."""
    if not folder.is_dir() or folder.is_symlink():
        return False
    listed = read_manifest(folder)
    if listed is None:
        return not any(folder.iterdir())
    return next(_foreign(folder, listed), None) is None


def write_tree(out: Path, files: dict[str, str], api: dict[str, Any] | None = None) -> None:
    """Replace `out` with exactly `files` (relative path → text) and their manifest. Call it
    under `locked(out)`, after `check_target`."""
    out = Path(os.path.abspath(out))
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        os.chmod(
            staging, 0o777 & ~_umask()
        )  # mkdtemp's 0700 is not what an output folder should have
        (staging / MANIFEST).write_text(
            manifest_text(files, api), encoding="utf-8"
        )  # first: marks it ours
        for relative, text in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            if not _link_if_same(out / relative, target, data):
                target.write_bytes(data)
        if not out.exists():
            os.replace(staging, out)
        elif _exchange(staging, out):
            shutil.rmtree(staging, ignore_errors=True)  # now the previous output
        else:
            parked = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.replace(out, parked / out.name)
            os.replace(staging, out)
            shutil.rmtree(parked, ignore_errors=True)
    except BaseException:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
        raise


def write_file(path: Path, text: str) -> None:
    """Write one file of the generator's own (an OpenAPI document) in one step: a reader, or a
    run that fails half-way, never sees it half-written. An existing file is replaced only when it
    holds such a document already."""
    if path.is_file() and not _is_openapi(path):
        raise OutputError(f"{path} exists and is not an OpenAPI document; give another file")
    parent = Path(os.path.abspath(path)).parent
    if not parent.exists():
        parent.mkdir(parents=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.new-", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise


def _is_openapi(path: Path) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(4096)
    return b'"openapi"' in head or b"openapi:" in head


def _link_if_same(old: Path, target: Path, data: bytes) -> bool:
    """Hard-link an unchanged file from the previous output instead of writing it again (safe:
    the lock keeps any other run from changing the previous output meanwhile)."""
    try:
        if old.is_symlink() or old.stat().st_size != len(data) or old.read_bytes() != data:
            return False
        os.link(old, target)
    except OSError:
        return False
    return True


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where that is not possible."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    return renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0


def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None, use_errno=True)
