"""Work spread over the machine's cores, results in input order (so output stays deterministic)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_SMALL = 64  # below this many items a pool costs more than it saves


class Workers:
    """A lazily started process pool; `map` runs in-process when the work is small."""

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = jobs if jobs is not None else (os.cpu_count() or 1)
        self._pool: Executor | None = None

    def map(self, fn: Callable[[T], R], items: Sequence[T]) -> list[R]:
        if self.jobs <= 1 or len(items) < _SMALL:
            return [fn(item) for item in items]
        if self._pool is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=context)
        chunk = max(1, len(items) // (self.jobs * 4))
        return list(self._pool.map(fn, items, chunksize=chunk))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
