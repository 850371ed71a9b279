"""Work spread over the machine's cores, results in input order (so output stays deterministic).

Each `map` forks a fresh pool, so the workers inherit everything the parent has built so far
(the model, the view, the cache) and only items and results cross between processes. The task
and what it reads besides its item (its context) are handed to each worker by the pool's
initializer: with fork they are inherited, never pickled. Where the platform cannot fork, or the
work is small, it runs in-process; small work `begin`s in one forked child instead, while the
caller goes on.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn, Protocol, TypeVar

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
    ) -> Pending[R]:
        """`map`, begun now: the results when the Pending is called. A few items (one page
        changed) go to one process forked now, so that the caller goes on meanwhile on the other
        core; many wait for the call and its pool."""
        if self.jobs > 1 and 0 < len(items) < _SMALL and hasattr(os, "fork"):
            return _Forked(fn, context, items, progress)
        return _Later(lambda: self.map(fn, context, items, progress))

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


class Pending(Protocol[R]):
    """Work begun (`Workers.begin`): called, its results; cancelled, dropped."""

    def __call__(self) -> list[R]: ...

    def cancel(self) -> None: ...


class _Later:
    """Work done in-process when its results are asked for."""

    def __init__(self, work: Callable[[], list[R]]) -> None:
        self._work = work

    def __call__(self) -> list[Any]:
        return self._work()

    def cancel(self) -> None:
        pass


class _Forked:
    """Work done by a child process forked now; calling waits for its results. Should the child
    fail, the work is done again in-process (so that a bug raises its own exception here)."""

    def __init__(
        self,
        fn: Callable[[C, T], R],
        context: C,
        items: Sequence[T],
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self._redo: Callable[[], list[Any]] = lambda: [fn(context, item) for item in items]
        self._progress = progress
        self._pid = 0
        self._reading, writing = os.pipe()
        try:
            # SIGINT held as for a pool; the child does all its work with it held (then ignored),
            # so one sent as it forks never runs the parent's code in the child.
            with _held(signal.SIGINT):
                self._pid = os.fork()
                if self._pid == 0:
                    _child(fn, context, items, self._reading, writing)
            os.close(writing)
        except BaseException:  # Ctrl-C as the fork returned: the child goes too
            self.cancel()
            with contextlib.suppress(OSError):
                os.close(writing)
            raise

    def __call__(self) -> list[Any]:
        import pickle  # the child's results only, from a pipe this process made: never a file's

        try:
            with os.fdopen(self._reading, "rb") as child:
                self._reading = -1  # closed with `child`
                data = child.read()
            _, status = os.waitpid(self._pid, 0)
            self._pid = 0
        except BaseException:  # Ctrl-C while waiting
            self.cancel()
            raise
        done: list[Any] = pickle.loads(data) if status == 0 else self._redo()
        if self._progress is not None:
            self._progress(len(done), len(done))
        return done

    def cancel(self) -> None:
        """Stop the child and let go of it (once it has given its results, there is none)."""
        if self._reading >= 0:
            with contextlib.suppress(OSError):
                os.close(self._reading)
            self._reading = -1
        if self._pid > 0:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
                os.waitpid(self._pid, 0)
            self._pid = 0


def _child(
    fn: Callable[[C, T], R], context: C, items: Sequence[T], reading: int, writing: int
) -> NoReturn:
    """A forked child's whole life: the results, pickled, down the pipe."""
    import pickle

    code = 1
    try:
        os.close(reading)
        _start_worker(fn, context)
        with os.fdopen(writing, "wb") as out:
            out.write(pickle.dumps([fn(context, item) for item in items], protocol=5))
        code = 0
    finally:
        os._exit(code)


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
