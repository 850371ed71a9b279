"""The last run's output, as a run with work may keep parts of it instead of rendering them again.

A render job whose key (the digest of all it is made from) is the same as in the last run writes
the same files; the previous output still holds them when its manifest lists each with the digest
the cache's record gives. They are then hard-linked into the new output, never read again, while
the tree is exactly as the last run left it (names, inodes, sizes, times: what a no-op run trusts);
otherwise each is read and checked. Only the files a job declares it writes are ever looked at, so
a forged record can at most make a run keep files the output already holds.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .manifest import file_digest_of

if TYPE_CHECKING:
    from .emit.render import Job

Stat = tuple[int, int, int]  # inode, size, mtime_ns


@dataclass
class Previous:
    out: Path
    jobs: dict[str, dict[str, str]]  # the last run's: job key → its files' digests (the cache's)
    listed: dict[str, str]  # what the output's manifest lists: path → digest
    untouched: bool  # the tree is as the last run left it
    walked: dict[str, Stat] = field(default_factory=dict)  # its regular files, as found untouched
    seen: dict[str, Stat] = field(default_factory=dict)  # each kept file as it was vouched for

    def keeps(self, job: Job) -> dict[str, str] | None:
        """The digests of `job`'s files when the output holds exactly them as the job would write
        them; None when it must be rendered."""
        digests = self.jobs.get(job.key) if job.key else None
        if digests is None or sorted(digests) != sorted(job.paths):
            return None
        found = {}
        for path in job.paths:
            status = self._holds(path, digests[path])
            if status is None:
                return None
            found[path] = status
        self.seen.update(found)
        return digests

    def _holds(self, path: str, digest: str) -> Stat | None:
        if self.listed.get(path) != digest:
            return None
        if self.untouched:  # as the walk that found the tree untouched saw it (None: no file)
            return self.walked.get(path)
        try:
            status = os.lstat(self.out / path)
            if not stat.S_ISREG(status.st_mode):
                return None
            if file_digest_of(self.out / path) != digest:
                return None
        except OSError:
            return None
        return _stat(status)

    def changed(self, kept: dict[str, str]) -> bool:
        """Whether a kept file is not, in the output written, the file vouched for (edited while
        the run rendered): then the next run must read them all."""
        for path in kept:
            try:
                status = _stat(os.lstat(self.out / path))
            except OSError:
                return True
            if status != self.seen.get(path):
                return True
        return False


def _stat(status: os.stat_result) -> Stat:
    return (status.st_ino, status.st_size, status.st_mtime_ns)
