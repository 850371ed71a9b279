"""Write the output tree all at once, and only ever over the generator's own output (which
`manifest.check_target` vouches for before any work is done).

Files go to a staging folder beside the output, manifest first, and the staging folder is swapped
in with one atomic exchange of the two folders where the system has one (Linux `renameat2`), so a
run killed at any moment leaves the previous output or the new one, complete. Runs that write
beside one another hold a lock on the common parent folder; under it, leftovers of dead runs are
recognised by their manifest and cleaned up, and an output lost between two renames is restored.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .manifest import (
    MANIFEST,
    OutputError,
    foreign_paths,
    manifest_text,
    read_manifest,
    read_output,
)


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
    return next(foreign_paths(folder, listed), None) is None


def write_tree(
    out: Path,
    files: dict[str, str],
    api: dict[str, Any] | None = None,
    kept: dict[str, str] | None = None,
) -> None:
    """Replace `out` with exactly `files` (relative path → text), the `kept` files (path → digest)
    `out` holds as they are, and their manifest. Call it under `locked(out)`, after
    `check_target`."""
    kept = kept or {}
    out = Path(os.path.abspath(out))
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        os.chmod(
            staging, 0o777 & ~_umask()
        )  # mkdtemp's 0700 is not what an output folder should have
        (staging / MANIFEST).write_text(
            manifest_text(files, api, kept), encoding="utf-8"
        )  # first: marks it ours
        for folder in sorted({os.path.dirname(path) for path in (*kept, *files)} - {""}):
            (staging / folder).mkdir(parents=True, exist_ok=True)
        mode = 0o666 & ~_umask()  # a new file's: a file kept keeps it too
        for relative in kept:
            _keep(os.path.join(out, relative), os.path.join(staging, relative), mode)
        for relative, text in sorted(files.items()):
            target = staging / relative
            data = text.encode("utf-8")
            if not _link_if_same(out / relative, target, data, mode):
                with open(target, "xb") as handle:  # a new file, never one linked to another
                    handle.write(data)
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


def _keep(old: str, target: str, mode: int) -> None:
    """Hard-link (else copy) a file of the previous output that this run keeps as it is; copy it
    when its permissions are no longer `mode`, as a cold run would write it."""
    try:
        status = os.lstat(old)
        if not stat.S_ISREG(status.st_mode):
            raise OutputError(f"{old} is no longer a file; run again")
        if stat.S_IMODE(status.st_mode) == mode:
            try:
                os.link(old, target, follow_symlinks=False)
                return
            except OSError:
                pass
        shutil.copyfile(old, target, follow_symlinks=False)  # a new file: made with `mode`
    except OSError as error:
        raise OutputError(f"{old} changed during this run ({error.strerror}); run again") from None


def _link_if_same(old: Path, target: Path, data: bytes, mode: int) -> bool:
    """Hard-link an unchanged file from the previous output instead of writing it again (safe:
    the lock keeps any other run from changing the previous output meanwhile), unless its
    permissions are no longer `mode`."""
    try:
        status = old.lstat()
        if (
            not stat.S_ISREG(status.st_mode)
            or stat.S_IMODE(status.st_mode) != mode
            or status.st_size != len(data)
            or read_output(old) != data
        ):
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
