"""The `generate` command: run the pipeline, print its diagnostics and a summary line."""

from __future__ import annotations

import argparse
import difflib
import signal
import sys
from pathlib import Path
from typing import Any

from .baseline import Accepted
from .format import InvalidOutput
from .manifest import FileChanges, OutputError
from .pipeline import generate
from .progress import Progress
from .report import fatal
from .summary import Summary


def run_generate(args: argparse.Namespace, accepted: Accepted) -> int:
    progress = Progress()
    try:
        cache = None if args.no_cache else args.cache
        summary = generate(
            args.docs,
            args.out,
            args.package,
            args.strict,
            cache,
            args.jobs,
            check=args.check,
            shown=accepted.shown,
            progress=progress,
            package_version=args.package_version,
            verify_format=args.verify_format,
        )
    except OSError as error:
        progress.clear()
        print(f"error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1
    except OutputError as error:
        progress.clear()
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        # One Ctrl-C is the whole answer: a second (or one Python delivers again while it shuts
        # down) must not turn the exit status 130 into death by the signal.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        progress.clear()
        print(
            f"error: interrupted; {args.out} is as the last complete run left it", file=sys.stderr
        )
        return 130
    except InvalidOutput as error:
        progress.clear()
        print(
            f"error: internal: {error} (please report it with the pages that caused it)",
            file=sys.stderr,
        )
        return 1
    progress.clear()
    if summary.errors:
        return fatal(summary.errors)
    shown = accepted.shown(summary.diagnostics)
    sys.stderr.write("".join(f"{diagnostic}\n" for diagnostic in shown))  # one write: thousands
    if summary.api_changes:
        from .changelog import one_line

        print(one_line(summary.api_changes))
    if args.check:
        assert summary.changes is not None
        print(_summary_line(summary, shown, accepted, _checked(summary.changes, args.out)))
        _list_changes(summary, args.out, args.diff)
        if args.strict and shown:
            print(f"error: {len(shown)} warnings with --strict", file=sys.stderr)
            return 1
        return 1 if summary.changes else 0
    print(_summary_line(summary, shown, accepted, _written(summary, args.out)))
    if args.timings:
        stages = ", ".join(f"{stage} {seconds:.3f}s" for stage, seconds in summary.seconds.items())
        print(
            f"timings: {stages or 'no stage ran'}; black formatted {summary.black_formatted} files, {summary.reused} files reused"
        )
    if args.strict and shown:
        print(f"error: {len(shown)} warnings with --strict; nothing written", file=sys.stderr)
        return 1
    return 0


def _summary_line(summary: Summary, shown: list[Any], accepted: Accepted, tail: str) -> str:
    return (
        f"{summary.pages} pages read ({summary.skipped} skipped: {_skipped(summary)}), "
        f"{summary.endpoints} endpoints in {summary.groups} groups, {summary.models} models{_matched(summary)}, "
        f"{len(shown)} warnings{accepted.note()}; {tail}"
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def _counted(changes: FileChanges) -> str:
    """`1 file added, 2 changed, 1 removed, 20 unchanged`, leaving out the zeros."""
    parts = [
        (len(changes.added), "added"),
        (len(changes.changed), "changed"),
        (len(changes.removed), "removed"),
        (changes.unchanged, "unchanged"),
    ]
    shown = [(count, verb) for count, verb in parts if count]
    first, *rest = shown or [(0, "changed")]
    return ", ".join(
        [f"{_plural(first[0], 'file')} {first[1]}", *(f"{count} {verb}" for count, verb in rest)]
    )


def _written(summary: Summary, out: Path) -> str:
    if summary.unchanged:
        return f"{out} is up to date"
    if summary.changes is None:
        return "nothing written"
    if not summary.changes:
        return f"no file changed in {out} ({_plural(summary.changes.unchanged, 'file')})"
    return f"{_counted(summary.changes)} in {out}"


def _checked(changes: FileChanges, out: Path) -> str:
    if not changes:
        return f"{out} is up to date"
    return f"{out} is stale: {_counted(changes)}"


def _list_changes(summary: Summary, out: Path, show_diff: bool) -> None:
    changes = summary.changes
    assert changes is not None
    for verb, paths in (
        ("added", changes.added),
        ("changed", changes.changed),
        ("removed", changes.removed),
    ):
        for path in paths:
            print(f"  {verb}: {(out / path).as_posix()}")
    if not show_diff:
        return
    for path in [*changes.changed, *changes.added, *changes.removed]:
        before = _lines(out / path) if path not in changes.added else []
        after = summary.planned.get(path, "").splitlines(keepends=True)
        name = (out / path).as_posix()
        old_name = name if path not in changes.added else "/dev/null"
        new_name = name if path not in changes.removed else "/dev/null"
        for line in difflib.unified_diff(before, after, old_name, new_name):
            sys.stdout.write(
                line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
            )


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
    except OSError:
        return []


def _skipped(summary: Summary) -> str:
    """Why pages were skipped: `not endpoint pages`, or `2 not endpoint pages, 1 duplicate uid`."""
    if not summary.duplicates:
        return "not endpoint pages"
    not_endpoints = summary.skipped - summary.duplicates
    reasons = (
        [f"{not_endpoints} not endpoint page{'s' if not_endpoints != 1 else ''}"]
        if not_endpoints
        else []
    )
    return ", ".join(
        [*reasons, f"{summary.duplicates} duplicate uid{'s' if summary.duplicates != 1 else ''}"]
    )


def _matched(summary: Summary) -> str:
    if not summary.matched:
        return ""
    return f" ({summary.matched} anonymous type{'s' if summary.matched != 1 else ''} matched to named ones)"
