"""What a run reports: counts, diagnostics, stage times and the changes it made."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic

if TYPE_CHECKING:  # not imported at run time: a run with nothing to do needs neither
    from .changelog import Change
    from .manifest import FileChanges

Progress = Callable[[str, int, int], None]
"""Told how far a stage is: (what is counted, done, total)."""


@dataclass
class Counts:
    """What the summary line says, and all a run records of it for the next, no-op, run to repeat."""

    pages: int = 0
    skipped: int = 0  # pages not generated: not endpoint pages, and `duplicates`
    duplicates: int = 0  # endpoint pages left out because another page has their uid
    endpoints: int = 0
    groups: int = 0
    models: int = 0
    matched: int = 0  # anonymous types replaced by the named type with their table
    files: int = 0
    black_formatted: int = 0  # Python files the templates' layout could not vouch for
    diagnostics: list[Diagnostic] = field(default_factory=list)


@dataclass
class Summary(Counts):
    reused: int = 0  # files taken from the previous output: their inputs had not changed
    jobs: dict[str, dict[str, str]] = field(
        default_factory=dict, repr=False
    )  # job key → files' digests
    unchanged: bool = False  # nothing to do: inputs and output were as the last run left them
    includes: list[str] = field(default_factory=list)  # files the pages included
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, for the benchmark
    changes: FileChanges | None = (
        None  # what the run changed (or, checking, would change) in the output
    )
    api_changes: list[Change] | None = (
        None  # the API's changes since the output's last run, when known
    )
    planned: dict[str, str] = field(
        default_factory=dict, repr=False
    )  # checking: the files a run would write

    @property
    def errors(self) -> list[Diagnostic]:
        """The fatal problems: when there is one, the run wrote nothing."""
        return [d for d in self.diagnostics if d.severity == "error"]

    def counts(self) -> Counts:
        return Counts(**{f.name: getattr(self, f.name) for f in fields(Counts)})

    @classmethod
    def repeating(cls, counts: Counts) -> Summary:
        """The summary of a run that found nothing to do: the last run's counts, unchanged."""
        return cls(**{f.name: getattr(counts, f.name) for f in fields(Counts)}, unchanged=True)

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start


def stage(progress: Progress | None, what: str) -> Callable[[int, int], None] | None:
    """`progress` for one stage's count."""
    if progress is None:
        return None
    return lambda done, total: progress(what, done, total)
