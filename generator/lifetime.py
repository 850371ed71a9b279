"""What a run lets the end of the process drop instead of freeing it.

`python -m generator` ends with `os._exit` (see `__main__`): the system takes back the process's
memory at once. The pages' cache entries, the model and the view are millions of objects, and
letting go of them during the run frees them one by one (a tenth of a second at 3,000 pages) for
nothing. `__main__` turns keeping on; a program calling the pipeline (the tests) gets its memory
back as usual.
"""

from __future__ import annotations

_kept: list[object] | None = None


def keep_until_exit() -> None:
    """From now on, `left_to_exit` keeps what it is given until the process ends."""
    global _kept
    _kept = []


def exiting() -> bool:
    """Whether the process ends with the run (`keep_until_exit` was called): then the cycle
    collector a run turns off stays off, since its first collection would scan every object the
    run made (~20 ms at 3,000 pages) just before the system frees them all."""
    return _kept is not None


def left_to_exit(*objects: object) -> None:
    """`objects` are no longer needed: kept for the exit to drop when `keep_until_exit` was called."""
    if _kept is not None:
        _kept.extend(objects)
