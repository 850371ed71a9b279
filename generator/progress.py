"""Progress on standard error for runs that take more than a moment, when it is a terminal.

Silent when standard error is not a terminal (a log, CI, a pipe), and for the first moment of a
run, so quick runs print nothing but their result. The line is rewritten in place and cleared
when the run ends.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(
        self, stream: TextIO | None = None, delay: float = 0.5, every: float = 0.1
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty())
        self.start = time.monotonic()
        self.delay = delay
        self.every = every
        self.last = 0.0
        self.shown = False

    def __call__(self, what: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.start < self.delay or (now - self.last < self.every and done != total):
            return
        self.last = now
        self.stream.write(f"\r{what}: {done}/{total}\x1b[K")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Take the progress line away, before the run's own output."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False
