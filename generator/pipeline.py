"""The pipeline: discover → parse → model → emit → format → write.

Pages are parsed and files rendered on all cores (`load`, `output`); black formats only the files
the templates' layout cannot vouch for (`format.vouched`). A cache outside the output remembers
parsed pages by content, and the last run's inputs and outputs (`incremental`), so a run with
nothing changed does nothing and a run with one page changed parses only that page. Fatal
problems are diagnostics in the summary (`summary.errors`): such a run writes nothing.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import codec
from .cache import Cache
from .diagnostics import Diagnostic
from .discover import read_docs
from .incremental import (
    LastRun,
    as_left,
    counts_text,
    last_run,
    outputs,
    recorded_counts,
    unchanged,
    vouched,
)
from .lifetime import exiting, left_to_exit
from .manifest import Listing, check_place, check_target
from .summary import Progress, Summary
from .write import locked

if (
    TYPE_CHECKING
):  # typing only; imported where a run needs them, so a run with nothing to do skips them
    from .changelog.api_signature import Reuse
    from .model import Api
    from .output import Tree
    from .previous import Previous
    from .workers import Workers


def _all(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return diagnostics


@dataclass
class Run:
    """How to run: what `generate` needs besides the pages, the output and the package."""

    strict: bool = False
    cache_root: Path | None = None
    jobs: int | None = None
    check: bool = False  # compare with the output instead of writing it
    shown: Callable[[list[Diagnostic]], list[Diagnostic]] = _all  # the warnings --strict counts
    progress: Progress | None = None
    verify_format: bool = False  # run black over every file, and fail where it would change one
    package_version: str = "0.1.0"  # the generated package's, in its pyproject and __version__


def generate(
    docs: list[Path],
    out: Path,
    package: str,
    strict: bool = False,
    cache_root: Path | None = None,
    jobs: int | None = None,
    **options: Any,
) -> Summary:
    """Write the client for `docs` to `out`, unless the summary holds errors (`summary.errors`);
    with `strict`, warnings (those `shown` keeps) stop the run before writing too; with `check`,
    write nothing and say in `summary.changes` what a run would change."""
    run = Run(strict, cache_root, jobs, **options)
    collecting = gc.isenabled()
    gc.disable()  # a run makes little cyclic garbage, and collections would rescan every page
    try:
        if run.check:
            return _check_output(docs, out, package, run)
        return _generate(docs, out, package, run)
    finally:
        if not exiting():
            gc.unfreeze()
            if collecting:
                gc.enable()


def _generate(docs: list[Path], out: Path, package: str, run: Run) -> Summary:
    protected = [(doc, "the doc pages") for doc in docs]
    if run.cache_root is not None:
        protected.append((run.cache_root, "the cache"))
    check_place(out, protected)  # before any work: a refused --out costs the user nothing
    with locked(out):
        return _generate_locked(docs, out, package, run, protected)


def _generate_locked(
    docs: list[Path], out: Path, package: str, run: Run, protected: list[tuple[Path, str]]
) -> Summary:
    key = f"{package}=={run.package_version}"  # what the last run's output was made for
    cache = Cache.for_output(run.cache_root, out)
    last = last_run(cache)
    summary = Summary()
    began_ns = time.time_ns()
    with summary.timed("discover"):
        read = read_docs(docs, vouched(last), began_ns)
    left = as_left(last, cache, out)
    if unchanged(last, cache, key, read, read.sources(), left):
        assert last is not None
        counts = recorded_counts(last)
        if counts is not None:  # nothing written: `out` need not be checked again
            return Summary.repeating(counts)
    # Under the lock, and only now that there is work: what `out` holds (a run that writes
    # nothing need not look), which another run may have changed meanwhile.
    listed = check_target(out, protected, as_written=left)
    from .load import load
    from .workers import Workers

    workers = Workers(run.jobs)
    api, summary = load(docs, cache, workers, summary, read, run.progress)
    if api is None or (run.strict and run.shown(summary.diagnostics)):
        return summary
    read.contents.clear()  # parsed: only their digests are needed from here on
    sources = read.sources()  # after the parse: a page read for it has its bytes' digest
    cache.save_pages()  # now, not at the end: the workers forked to render need not carry them
    # The pages and the model live until the end of the run: keep the cycle collector from
    # scanning them again and again (in the workers too) while the emitters allocate.
    gc.freeze()
    previous = _previous(cache, last, out, listed.files) if not run.verify_format else None
    from .changelog.api_signature import entry_sources

    api_sources = entry_sources(api)
    reuse = _reuse(api_sources, last, listed, previous)
    tree, api_signature = _output(
        api, lambda: listed.api, package, workers, summary, run, previous, reuse
    )
    from .manifest import compare_tree
    from .write import write_tree

    with summary.timed("write"):
        summary.changes = compare_tree(out, tree.files, tree.kept)
        write_tree(out, tree.files, api_signature, tree.kept)
    summary.files = len(tree)
    from .incremental import include_roots, inputs

    roots = include_roots(read)
    digest = inputs(cache.version, key, read, sources, summary.includes)
    if not all(read.settled(path) for path in summary.includes):
        digest = ""  # an include changed as the run read it: the next run does the work again
    written = outputs(out)
    if previous is not None and previous.changed(tree.kept):
        written = ""  # a kept file edited while the run rendered: the next run reads them all
    state = LastRun(
        key,
        digest,
        summary.includes,
        written,
        counts_text(summary.counts()),
        cache.version,
        read.record(),
        read.include_record(summary.includes, roots),
        began_ns,
        api_sources,
        list(read.real_roots(roots)),
    )
    cache.record_run(codec.encode(state), summary.jobs)
    cache.save()
    left_to_exit(api, tree, read, previous, listed, api_signature, last, state, cache)
    return summary


def _previous(
    cache: Cache, last: LastRun | None, out: Path, listed: dict[str, str]
) -> Previous | None:
    """The previous output as this run may keep parts of it; `listed` is what its manifest lists."""
    from .previous import Previous

    jobs: dict[str, dict[str, str]] | None = codec.decode_or_none(
        dict[str, dict[str, str]], cache.last_jobs
    )
    if last is None or last.version != cache.version or jobs is None:
        return None
    # The tree walked again, not taken from the no-op check: an edit made since then is seen.
    walked: dict[str, tuple[int, int, int]] = {}
    untouched = last.outputs == outputs(out, walked)
    return Previous(out, jobs, listed, untouched, walked if untouched else {})


def _reuse(
    sources: dict[str, dict[str, str]],
    last: LastRun | None,
    listed: Listing,
    previous: Previous | None,
) -> Reuse | None:
    """The last run's API signature entries for this run to take where their sources are the
    same: only while the output is as the last run left it (`Previous.untouched`), so its
    manifest's lines are the last run's own."""
    from .changelog.api_signature import Reuse

    if last is None or previous is None or not previous.untouched or listed.lines is None:
        return None
    return Reuse(sources, last.api_sources, listed.lines)


def _output(
    api: Api,
    last_api: Callable[[], dict[str, Any] | None],
    package: str,
    workers: Workers,
    summary: Summary,
    run: Run,
    previous: Previous | None = None,
    reuse: Reuse | None = None,
) -> tuple[Tree, dict[str, Any]]:
    """The files a run writes (black-checked with `verify_format`) and the API's signature for the
    manifest; `summary` learns how the API changed since `last_api`, the signature the output's
    manifest holds."""
    from .changelog import signature
    from .format import InvalidOutput
    from .output import render_files, unformatted

    tree = render_files(api, package, workers, summary, run.progress, run.package_version, previous)
    if run.verify_format:
        differ = unformatted(tree.files, workers)
        if differ:
            raise InvalidOutput(
                f"black would change {len(differ)} generated files the templates vouched for: {', '.join(differ[:5])}"
            )
    api_signature = signature(api, reuse=reuse)
    last = reuse.last() if reuse is not None else last_api()
    summary.api_changes = _api_changes(last, api_signature)
    return tree, api_signature


def _api_changes(previous: dict[str, Any] | None, current: dict[str, Any]) -> list[Any] | None:
    """The API's changes since the signature a previous output's manifest holds; None when it
    holds none, or one not shaped as this generator writes them (the folder is the user's)."""
    from .changelog import compare

    if previous is None:
        return None
    try:
        return compare(previous, current)
    except (LookupError, TypeError, AttributeError, ValueError, RecursionError):
        return None  # LookupError: a key missing, or a list cut short


def _check_output(docs: list[Path], out: Path, package: str, run: Run) -> Summary:
    """What a run would change in `out`, written nowhere (the cache is read, not written)."""
    from .load import load
    from .manifest import MANIFEST, compare_tree, manifest_text, read_api_signature
    from .workers import Workers

    cache = Cache.for_output(run.cache_root, out)
    workers = Workers(run.jobs)
    api, summary = load(docs, cache, workers, Summary(), None, run.progress)
    if api is None:
        return summary
    tree, api_signature = _output(
        api, lambda: read_api_signature(out), package, workers, summary, run
    )
    expected = {**tree.files, MANIFEST: manifest_text(tree.files, api_signature)}
    summary.changes = compare_tree(out, expected)
    summary.planned = expected
    summary.files = len(tree)
    return summary
