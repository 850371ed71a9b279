"""The pool of workers: Ctrl-C stops it promptly and leaves the process as it found it."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.workers import _held

ROOT = Path(__file__).resolve().parent.parent

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
    result = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_AT_FORK.format(root=str(ROOT))],
        capture_output=True,
        text=True,
        timeout=60,
    )
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
