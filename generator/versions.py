"""Installed distributions' versions, found without importing `importlib.metadata`.

Every run asks for a few (the libraries in the cache's fingerprint, the tool's own for
`--version`), and `importlib.metadata` with the `email` package it imports costs a run ~40 ms:
a sixth of a run that finds nothing to do. A distribution installed as wheels install it (a
`name-version.dist-info` folder on `sys.path`) is read here, from its METADATA's Version line;
anything else (an egg, a zip, two installs in one folder) is left to `importlib.metadata`, as is
the order of `sys.path`, which both follow.
"""

from __future__ import annotations

import functools
import os
import re
import sys


def installed_version(name: str) -> str | None:
    """The version of the distribution `name` that imports would use, or None when none is installed."""
    wanted = _normalized(name)
    for entry in sys.path:
        names = _listing(entry or ".")
        if names is None:  # a zip or another file: what it holds is importlib.metadata's to read
            return _from_metadata(name)
        found = [item for item in names if _project(item) == wanted]
        if found:
            version = _read(os.path.join(entry or ".", found[0])) if len(found) == 1 else None
            return version if version is not None else _from_metadata(name)
    return _from_metadata(name)


@functools.cache
def _listing(entry: str) -> list[str] | None:
    """The names in a folder on sys.path; [] when there is none, None for a file (a zip)."""
    try:
        return os.listdir(entry)
    except NotADirectoryError:
        return None
    except OSError:
        return [] if not os.path.isfile(entry) else None


def _project(item: str) -> str | None:
    """The normalized project name of a distribution's metadata folder or egg, else None."""
    for suffix in (".dist-info", ".egg-info", ".egg"):
        if item.endswith(suffix):
            return _normalized(item[: -len(suffix)].partition("-")[0])
    return None


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _read(folder: str) -> str | None:
    """The Version line of a .dist-info folder's METADATA; None for anything else."""
    if not folder.endswith(".dist-info"):
        return None
    try:
        with open(os.path.join(folder, "METADATA"), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("Version:"):
                    return line[len("Version:") :].strip()
                if not line.strip():
                    return None  # the headers ended without one
    except (OSError, UnicodeDecodeError):
        return None
    return None


def _from_metadata(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None
