"""Work spread over the machine's cores, results in input order (so output stays deterministic).

Each `map` forks a fresh pool, so the workers inherit everything the parent has built so far
(the model, the view, the cache) and only items and results cross between processes. The task
and what it reads besides its item (its context) are handed to each worker by the pool's
initializer: with fork they are inherited, never pickled. Where the platform cannot fork, or the
work is small, it runs in-process.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
C = TypeVar("C")

_PR_SET_PDEATHSIG = 1
_SMALL = 64  # below this many items a pool costs more than it saves


_TASK: dict[str, Any] = (
    {}
)  # in a worker process: the task and context its pool's initializer gave it


def _start_worker(fn: Callable[[Any, Any], Any], context: Any) -> None:
    _TASK.update(fn=fn, context=context)
    # Collect garbage even when the parent does not: black's syntax trees are cyclic.
    gc.enable()
    # Ctrl-C is the parent's to report; a worker only stops with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Die with the parent, even when it is killed (-9) and cannot tell the pool to stop.
    if sys.platform == "linux":
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() == 1:  # the parent died before the line above took effect
        os._exit(1)


class Workers:
    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = jobs if jobs is not None else (os.cpu_count() or 1)

    def map(
        self,
        fn: Callable[[C, T], R],
        context: C,
        items: Sequence[T],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[R]:
        """`fn(context, item)` of every item, in order; `progress(done, total)` is told after each one."""
        if self.pools(len(items)):
            # Imported only for a pool: a run with little to do (one page changed) makes none.
            import multiprocessing

            if "fork" in multiprocessing.get_all_start_methods():
                return self._pooled(fn, context, items, progress)
        return _counted((fn(context, item) for item in items), len(items), progress)

    def pools(self, items: int) -> bool:
        """Whether `map` hands this many items to a pool of processes (where the platform forks)."""
        return self.jobs > 1 and items >= _SMALL

    def begin(
        self,
        fn: Callable[[C, T], R],
        context: C,
        items: Sequence[T],
        progress: Callable[[int, int], None] | None = None,
    ) -> Callable[[], list[R]]:
        """`map`, begun now: the results when the function returned is called. A few items (one
        page changed) go to one process forked now, so that the caller goes on meanwhile on the
        other core; many wait for the call and its pool."""
        if self.jobs > 1 and 0 < len(items) < _SMALL and hasattr(os, "fork"):
            return _forked(fn, context, items, progress)
        return lambda: self.map(fn, context, items, progress)

    def _pooled(
        self,
        fn: Callable[[C, T], R],
        context: C,
        items: Sequence[T],
        progress: Callable[[int, int], None] | None,
    ) -> list[R]:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        forking = get_context("fork")
        chunk = max(1, min(16, len(items) // (self.jobs * 8)))  # small chunks: no idle tail
        pool = ProcessPoolExecutor(
            self.jobs, mp_context=forking, initializer=_start_worker, initargs=(fn, context)
        )
        try:
            # Ctrl-C is held back while the pool forks its workers and starts its thread (on the
            # first submit): one arriving in an at-fork handler is lost ("Exception ignored"),
            # one arriving before the thread started has the pool's shutdown raise RuntimeError.
            # Held, it arrives right after, as a KeyboardInterrupt the command reports.
            with _held(signal.SIGINT):
                results = pool.map(_run, items, chunksize=chunk)
            done = _counted(results, len(items), progress)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)  # the work not begun is dropped
            raise
        pool.shutdown(wait=True)
        return done


def _forked(
    fn: Callable[[C, T], R],
    context: C,
    items: Sequence[T],
    progress: Callable[[int, int], None] | None,
) -> Callable[[], list[R]]:
    """`fn(context, item)` of every item, worked out by a child process forked now; the function
    returned waits for them. Should the child fail, the work is done again in-process (so that a
    bug raises its own exception here)."""
    import pickle  # the child's results only, from a pipe this process made: never a file's

    reading, writing = os.pipe()
    with _held(signal.SIGINT):  # as for a pool: Ctrl-C is the parent's, after the fork
        pid = os.fork()
    if pid == 0:  # the child: it never returns
        code = 1
        try:
            os.close(reading)
            _start_worker(fn, context)
            with os.fdopen(writing, "wb") as out:
                out.write(pickle.dumps([fn(context, item) for item in items], protocol=5))
            code = 0
        finally:
            os._exit(code)
    os.close(writing)

    def results() -> list[R]:
        try:
            with os.fdopen(reading, "rb") as child:
                data = child.read()
            _, status = os.waitpid(pid, 0)
        except BaseException:  # Ctrl-C while waiting: the child goes too
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            raise
        done: list[R] = pickle.loads(data) if status == 0 else [fn(context, i) for i in items]
        if progress is not None:
            progress(len(done), len(done))
        return done

    return results


@contextlib.contextmanager
def _held(signum: int) -> Iterator[None]:
    """Signal `signum` is blocked in this thread (and the threads it starts) meanwhile; one sent
    is delivered when it ends."""
    old = signal.pthread_sigmask(signal.SIG_BLOCK, [])  # the mask as it is, changing nothing
    try:
        # Inside the try: the call runs the handlers of signals already pending once the mask is
        # changed, and a KeyboardInterrupt from them must not leave `signum` blocked.
        signal.pthread_sigmask(signal.SIG_BLOCK, {signum})
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _run(item: Any) -> Any:
    return _TASK["fn"](_TASK["context"], item)


def _counted(
    results: Iterator[R], total: int, progress: Callable[[int, int], None] | None
) -> list[R]:
    if progress is None:
        return list(results)
    done = []
    for result in results:
        done.append(result)
        progress(len(done), total)
    return done
