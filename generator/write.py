"""Write the output tree all at once: into a temporary folder, then swapped in.

A run that fails anywhere before the swap leaves the previous output exactly as it was, and files
of pages that were removed disappear with the old tree. A file whose text is what the old tree
already holds is hard-linked from it rather than written again (most of a regeneration).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def _link_if_same(old: Path, target: Path, data: bytes) -> bool:
    try:
        if old.stat().st_size != len(data) or old.read_bytes() != data:
            return False
        os.link(old, target)
    except OSError:
        return False
    return True


def write_tree(out: Path, files: dict[str, str]) -> None:
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
    try:
        for relative, text in sorted(files.items()):
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            data = text.encode("utf-8")
            if not _link_if_same(out / relative, target, data):
                target.write_bytes(data)
        old = None
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
            os.replace(out, old / out.name)
        os.replace(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
