"""Read the pages into the model: discover → parse and lint each page (on every core, from the
cache where it can) → build. The linter and the generator share this one path; problems, fatal
ones too, come back as diagnostics, never as exceptions."""

from __future__ import annotations

from pathlib import Path

from .build import build_api
from .cache import Cache, digest, page_json
from .diagnostics import Diagnostic, Location, PageError
from .discover import PageFile, Read, read_docs
from .lint import lint_page
from .model import Api, ParsedPage
from .summary import Progress, Summary, stage
from .workers import Workers


def _parse_one(_: None, item: tuple[PageFile, bytes]) -> tuple[ParsedPage, str] | Diagnostic:
    """The page parsed and linted, and its encoding for the cache (made here, on every core, not
    in the parent); or its error."""
    from .parse.page import page_from_bytes

    page, data = item
    try:
        parsed = page_from_bytes(data, page.path, page.root, page.file)
    except PageError as error:
        return error.diagnostic
    parsed.diagnostics.extend(lint_page(parsed))
    return parsed, page_json(parsed, (page.root, page.file))


def parse_pages(
    read: Read, cache: Cache, workers: Workers, progress: Progress | None = None
) -> tuple[list[ParsedPage], list[Diagnostic]]:
    """Every page parsed (from the cache where it and its includes are unchanged), and the
    located errors of those that cannot be endpoints, in file order. A page is read only when it
    is parsed: one the last run's record vouches for is found in the cache by its digest. The
    pages the cache does not hold are parsed (on the other core, when few) while it decodes the
    others."""
    pages = read.pages
    keys = [_key(cache, page, d) for page, d in zip(pages, read.digests, strict=True)]
    results: list[ParsedPage | Diagnostic | None] = [None] * len(pages)
    missing = {i for i, key in enumerate(keys) if not cache.holds(key)}
    jobs = _readable(read, sorted(missing), results, workers)
    counted = stage(progress, "pages parsed")
    items = [(pages[i], content) for i, content in jobs]
    pending = workers.begin(_parse_one, None, items, counted) if len(missing) < len(pages) else None
    stale = []  # held by the cache, but not as a valid entry, or an include changed since
    try:
        for i, (page_file, key) in enumerate(zip(pages, keys, strict=True)):
            if i in missing:
                continue
            entry = cache.page(key, (page_file.root, page_file.file))
            if entry is not None and all(
                read.include_digest(path, [page_file.root]) == d for path, d in entry[0]
            ):
                entry[1].source = _source(key, entry[0])
                results[i] = entry[1]
            else:
                stale.append(i)
    except BaseException:
        if pending is not None:
            pending.cancel()
        raise
    made = pending() if pending is not None else workers.map(_parse_one, None, items, counted)
    _keep_parsed(read, cache, jobs, made, results)
    jobs = _readable(read, stale, results, workers)
    items = [(pages[i], content) for i, content in jobs]
    _keep_parsed(read, cache, jobs, workers.map(_parse_one, None, items, counted), results)
    return [r for r in results if isinstance(r, ParsedPage)], [
        r for r in results if isinstance(r, Diagnostic)
    ]


def _readable(
    read: Read,
    indexes: list[int],
    results: list[ParsedPage | Diagnostic | None],
    workers: Workers,
) -> list[tuple[int, bytes]]:
    """(index, bytes) of the pages at `indexes` to parse; an unreadable one's error is its result."""
    jobs = []
    for i in indexes:
        content = read.content(i)
        if isinstance(content, Diagnostic):
            results[i] = content
        else:
            jobs.append((i, content))
    if workers.pools(len(jobs)):
        import generator.parse.page  # noqa: F401  imported once, before the pool forks: markdown-it is costly
    return jobs


def _keep_parsed(
    read: Read,
    cache: Cache,
    jobs: list[tuple[int, bytes]],
    made: list[tuple[ParsedPage, str] | Diagnostic],
    results: list[ParsedPage | Diagnostic | None],
) -> None:
    """Each page parsed, kept in the cache, or its error, as its result. An include that changed
    as the run went may have been read by the parser before the change and hashed after it: its
    digest is kept as unsettled, which no later check matches, so the next run parses it anew."""
    for (i, _), result in zip(jobs, made, strict=True):
        if isinstance(result, Diagnostic):
            results[i] = result
            continue
        parsed, encoded = result
        page = read.pages[i]
        includes = []
        for path in parsed.includes:
            known = read.include_digest(path, [page.root])
            includes.append((path, known if read.settled(path) else _UNSETTLED))
        key = _key(cache, page, read.digests[i])
        cache.put_page(key, includes, encoded)
        parsed.source = _source(key, includes)
        results[i] = parsed


_UNSETTLED = "unsettled"  # an include's digest no check gives (see `_keep_parsed`)


def _key(cache: Cache, page: PageFile, page_digest: str) -> str:
    """A page's key in the cache: its place and its bytes' digest, for this generator."""
    return digest(cache.version, page.root, page.file, page_digest)


def _source(key: str, includes: list[tuple[str, str]]) -> str:
    """What a page was parsed from (`ParsedPage.source`): its key, and its includes' digests."""
    return digest(key, *(f"{path}\0{include}" for path, include in includes))


def _model(
    docs: list[Path],
    cache: Cache,
    workers: Workers,
    summary: Summary,
    read: Read | None,
    progress: Progress | None,
) -> tuple[Api, list[ParsedPage], Read]:
    with summary.timed("discover"):
        read = read or read_docs(docs)
    with summary.timed("parse"):
        parsed, errors = parse_pages(read, cache, workers, progress)
    with summary.timed("model"):
        api, diagnostics = build_api(parsed)  # the pages' diagnostics hold the linter's too
    summary.diagnostics = sorted(read.diagnostics + errors + diagnostics)
    return api, parsed, read


def check(docs: list[Path], workers: Workers | None = None) -> tuple[int, list[Diagnostic]]:
    """(pages found, every diagnostic) for `docs`: the linter."""
    summary = Summary()
    _, _, read = _model(docs, Cache(None, ""), workers or Workers(), summary, None, None)
    return read.found, summary.diagnostics


def load(
    docs: list[Path],
    cache: Cache | None = None,
    workers: Workers | None = None,
    summary: Summary | None = None,
    read: Read | None = None,
    progress: Progress | None = None,
) -> tuple[Api | None, Summary]:
    """Every page below `docs` (or those `read` holds) in the model, and the run's summary; no
    model when the summary holds an error (`summary.errors`)."""
    summary = summary or Summary()
    api, parsed, read = _model(
        docs, cache or Cache(None, ""), workers or Workers(1), summary, read, progress
    )
    if not summary.errors and not api.operations:
        where = Location("", " ".join(doc.as_posix() for doc in docs), 0)
        message = f"no endpoint pages found ({len(parsed)} pages read, none states an endpoint)"
        summary.diagnostics.append(Diagnostic(where, "error", "no-endpoints", message))
    summary.includes = sorted({path for page in parsed for path in page.includes})
    summary.pages = len(parsed)
    summary.duplicates = len(api.duplicates)
    summary.skipped = sum(1 for p in parsed if p.operation is None) + summary.duplicates
    summary.endpoints = len(api.operations)
    summary.groups = len(api.groups)
    summary.models = len(api.models)
    summary.matched = len(api.matched)
    return (None if summary.errors else api), summary
