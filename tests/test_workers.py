"""The workers: a little work begun goes to one forked process while the caller goes on, and
Ctrl-C stops a pool promptly and leaves the process as it found it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.workers import Workers, _held

ROOT = Path(__file__).resolve().parent.parent


def _script(source: str) -> subprocess.CompletedProcess[str]:
    """`source` (which imports the generator from {root}) run by a Python of its own."""
    return subprocess.run(
        [sys.executable, "-c", source.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        timeout=60,
    )


# Ctrl-C arrives as the pool forks its workers (an at-fork hook sends it): the run stops with a
# KeyboardInterrupt once the pool has started, and the work not yet begun is dropped.
_INTERRUPTED_AT_FORK = """
import os, signal, sys, time
from multiprocessing import Value
sys.path.insert(0, {root!r})
from generator.workers import Workers
signal.signal(signal.SIGINT, signal.default_int_handler)
ran = Value("i", 0)
def work(_, item):
    with ran.get_lock():
        ran.value += 1
    time.sleep(0.01)
    return item
os.register_at_fork(after_in_parent=lambda: os.kill(os.getpid(), signal.SIGINT))
try:
    Workers(2).map(work, None, list(range(400)))
    print("finished", ran.value)
except KeyboardInterrupt:
    print("interrupted", ran.value)
"""


def test_ctrl_c_as_the_pool_forks_stops_it_before_the_work_not_begun() -> None:
    result = _script(_INTERRUPTED_AT_FORK)
    outcome, ran = result.stdout.split()
    assert outcome == "interrupted", result.stderr
    assert int(ran) < 400  # the chunks queued but not begun were cancelled


def test_an_interrupt_raised_as_the_signal_is_blocked_leaves_it_unblocked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """CPython runs the handlers of pending signals once pthread_sigmask has changed the mask: a
    KeyboardInterrupt from there must not leave SIGINT blocked for the rest of the process."""
    real = signal.pthread_sigmask

    def blocking_then_interrupted(how: int, mask: object) -> object:
        old = real(how, mask)  # type: ignore[arg-type]
        if how == signal.SIG_BLOCK and signal.SIGINT in set(mask):  # type: ignore[call-overload]
            raise KeyboardInterrupt
        return old

    before = real(signal.SIG_BLOCK, [])
    monkeypatch.setattr(signal, "pthread_sigmask", blocking_then_interrupted)
    with pytest.raises(KeyboardInterrupt), _held(signal.SIGINT):
        pass
    assert real(signal.SIG_BLOCK, []) == before


def _pid_and(_: None, item: int) -> tuple[int, int]:
    return os.getpid(), item * 2


def test_a_little_work_begun_is_done_by_a_child_while_the_caller_goes_on() -> None:
    pending = Workers(2).begin(_pid_and, None, [1, 2, 3])
    pids, results = zip(*pending(), strict=True)
    assert results == (2, 4, 6)  # in order
    assert set(pids) != {os.getpid()} and len(set(pids)) == 1  # one forked process
    with pytest.raises(ChildProcessError):
        os.waitpid(pids[0], os.WNOHANG)  # and it was waited for


def test_with_one_job_the_work_begun_is_done_in_process_when_asked_for() -> None:
    done: list[int] = []

    def work(_: None, item: int) -> tuple[int, int]:
        done.append(item)
        return _pid_and(None, item)

    pending = Workers(1).begin(work, None, [1, 2])
    assert done == []
    assert pending() == [(os.getpid(), 2), (os.getpid(), 4)]


def _fails_in_a_child(parent: int, item: int) -> int:
    if os.getpid() != parent:
        os._exit(3)  # the child dies without a result
    return item + 1


def test_work_whose_child_dies_is_done_again_in_process() -> None:
    assert Workers(2).begin(_fails_in_a_child, os.getpid(), [1, 2])() == [2, 3]


def _raises(_: None, item: int) -> int:
    raise LookupError(f"no {item}")


def test_an_error_in_work_begun_is_raised_by_the_caller_as_its_own() -> None:
    pending = Workers(2).begin(_raises, None, [7])
    with pytest.raises(LookupError, match="no 7"):
        pending()


# Ctrl-C arrives as the child forks for work begun, in both processes (the terminal sends it to
# the whole group): the parent reports it once; the child never runs the parent's code.
_INTERRUPTED_AS_WORK_BEGINS = """
import os, signal, sys, time
sys.path.insert(0, {root!r})
from generator.workers import Workers
signal.signal(signal.SIGINT, signal.default_int_handler)
me = os.getpid()
interrupt = lambda: os.kill(os.getpid(), signal.SIGINT)
os.register_at_fork(after_in_child=interrupt, after_in_parent=interrupt)
try:
    print(Workers(2).begin(lambda _, item: item, None, [1, 2])(), flush=True)
except KeyboardInterrupt:
    print("interrupted", "parent" if os.getpid() == me else "child", flush=True)
time.sleep(0.2)  # a child left running would print meanwhile
try:
    print("left", os.waitpid(-1, os.WNOHANG))
except ChildProcessError:
    print("no child left")
"""


def test_ctrl_c_as_work_begins_is_the_parent_s_alone() -> None:
    result = _script(_INTERRUPTED_AS_WORK_BEGINS)
    assert result.stdout.splitlines() == ["interrupted parent", "no child left"], result.stderr


_CANCELLED = """
import os, sys, time
sys.path.insert(0, {root!r})
from generator.workers import Workers
pending = Workers(2).begin(lambda _, item: time.sleep(item), None, [60])
began = time.monotonic()
pending.cancel()
pending.cancel()  # twice: nothing more to do
try:
    os.waitpid(-1, os.WNOHANG)
    print("a child left")
except ChildProcessError:
    print("cancelled", time.monotonic() - began < 10)
"""


def test_work_begun_and_cancelled_stops_its_child_at_once() -> None:
    result = _script(_CANCELLED)
    assert result.stdout.split() == ["cancelled", "True"], result.stderr
