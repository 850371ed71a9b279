"""The pipeline: discover → parse → model → emit → format → write.

Pages are parsed and files formatted on all cores; a cache outside the output remembers parsed
pages and formatted files by content, and the last run's inputs and outputs, so a run with
nothing changed does nothing and a run with one page changed redoes only what that page touches.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .build import build_api
from .cache import Cache, digest
from .diagnostics import Diagnostic, Location, PageError
from .discover import PageFile, discover
from .emit.render import Job
from .format import format_python
from .lint import lint_pages
from .model import Api
from .parse import ParsedPage, read_page
from .workers import Workers
from .write import check_target, locked, write_tree

# What the emit workers need, set by the parent before it forks them (they inherit it).
_JOBS: list[Job] = []
_FORMATTED: dict[str, str] = {}


@dataclass
class Summary:
    pages: int = 0
    skipped: int = 0  # pages not generated: not endpoint pages, and `duplicates`
    duplicates: int = 0  # endpoint pages left out because another page has their uid
    endpoints: int = 0
    groups: int = 0
    models: int = 0
    matched: int = 0  # anonymous types replaced by the named type with their table
    files: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    unchanged: bool = False  # nothing to do: inputs and output were as the last run left them
    includes: list[str] = field(default_factory=list)  # files the pages included
    sources: list[str] = field(default_factory=list)  # "file:digest" of every page read
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, for the benchmark

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start


def _parse_one(page: PageFile) -> ParsedPage | Diagnostic:
    try:
        return read_page(page.path, page.root, page.file)
    except PageError as error:
        return error.diagnostic


def _emit_one(index: int) -> list[tuple[str, str, str]]:
    """Render job `index` and format its Python files: (path, text, digest of the unformatted
    source, "" for files that are not Python)."""
    out = []
    for path, text in _JOBS[index]().items():
        if not path.endswith(".py"):
            out.append((path, text, ""))
            continue
        key = digest(text)
        out.append((path, _FORMATTED.get(key) or format_python(text, path), key))
    return out


def _file_digest(path: str) -> str:
    try:
        return digest(Path(path).read_bytes())
    except OSError:
        return "missing"


def parse_pages(
    pages: list[PageFile], contents: list[bytes], cache: Cache, workers: Workers
) -> tuple[list[ParsedPage], list[Diagnostic]]:
    """Every page parsed (from the cache where it and its includes are unchanged), and the
    located errors of those that cannot be endpoints, in file order."""
    keys = [digest(cache.version, p.root, p.file, c) for p, c in zip(pages, contents)]
    results: list[ParsedPage | Diagnostic | None] = []
    for key in keys:
        entry = cache.page(key)
        fresh = entry is not None and all(_file_digest(path) == d for path, d in entry[0])
        results.append(entry[1] if fresh else None)
    todo = [i for i, parsed in enumerate(results) if parsed is None]
    for i, result in zip(todo, workers.map(_parse_one, [pages[i] for i in todo])):
        if isinstance(result, ParsedPage):
            cache.put_page(keys[i], ([(path, _file_digest(path)) for path in result.includes], result))
        results[i] = result
    parsed = [r for r in results if isinstance(r, ParsedPage)]
    return parsed, [r for r in results if isinstance(r, Diagnostic)]


def check(docs: list[Path], workers: Workers | None = None) -> tuple[int, list[Diagnostic]]:
    """(pages read, every diagnostic) for `docs`, errors included rather than raised: the linter."""
    pages = discover(docs)
    contents = [page.path.read_bytes() for page in pages]
    parsed, errors = parse_pages(pages, contents, Cache(None, ""), workers or Workers())
    _, diagnostics = build_api(parsed)
    return len(pages), sorted(errors + diagnostics + lint_pages(parsed))


def read_docs(docs: list[Path]) -> tuple[list[PageFile], list[bytes]]:
    """Every page below `docs` and its bytes."""
    pages = discover(docs)
    return pages, [page.path.read_bytes() for page in pages]


def load(
    docs: list[Path],
    cache: Cache | None = None,
    workers: Workers | None = None,
    summary: Summary | None = None,
    read: tuple[list[PageFile], list[bytes]] | None = None,
) -> tuple[Api, Summary]:
    """Read every page below `docs` into the model (`read`: the pages, when already read).
    Raises PageError on a page it cannot use."""
    summary = summary or Summary()
    cache = cache or Cache(None, "")
    with summary.timed("discover"):
        pages, contents = read or read_docs(docs)
    with summary.timed("parse"):
        parsed, errors = parse_pages(pages, contents, cache, workers or Workers(1))
    if errors:
        raise PageError(errors[0].location, errors[0].code, errors[0].message)
    summary.sources = _sources((pages, contents))
    summary.includes = sorted({path for page in parsed for path in page.includes})
    with summary.timed("model"):
        api, diagnostics = build_api(parsed)
        diagnostics += lint_pages(parsed)
    # The pages and the model live until the end of the run: keep the cycle collector from
    # scanning them again and again (in the workers too) while the emitters allocate.
    gc.freeze()
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        raise PageError(errors[0].location, errors[0].code, errors[0].message)
    if not api.operations:
        where = Location("", " ".join(doc.as_posix() for doc in docs), 0)
        raise PageError(where, "no-endpoints", f"no endpoint pages found ({len(parsed)} pages read, none states an endpoint)")
    summary.pages = len(parsed)
    summary.duplicates = len(api.duplicates)
    summary.skipped = sum(1 for p in parsed if p.operation is None) + summary.duplicates
    summary.endpoints = len(api.operations)
    summary.groups = len(api.groups)
    summary.models = len(api.models)
    summary.matched = len(api.matched)
    summary.diagnostics = sorted(diagnostics)
    return api, summary


def render_files(
    api: Api,
    package: str,
    cache: Cache | None = None,
    workers: Workers | None = None,
    summary: Summary | None = None,
    package_version: str = "0.1.0",
) -> dict[str, str]:
    """Every output file: rendered, its Python formatted by black (or taken from the cache)."""
    from .emit.client import client_jobs
    from .emit.pyview import python_view
    from .emit.tests import test_jobs

    global _JOBS, _FORMATTED
    summary = summary or Summary()
    cache = cache or Cache(None, "")
    with summary.timed("view"):
        view = python_view(api, package, package_version)
        _JOBS = client_jobs(view) + test_jobs(view, api.types)
        _FORMATTED = cache.formatted_entries
    try:
        with summary.timed("render and format"):
            results = (workers or Workers(1)).map(_emit_one, range(len(_JOBS)))
    finally:
        _JOBS, _FORMATTED = [], {}
    files = {}
    for path, text, key in (item for batch in results for item in batch):
        files[path] = text
        if key:
            cache.put_formatted(key, text)
    return files


def _inputs(version: str, package: str, sources: list[str], includes: list[str]) -> str:
    """Everything a run's output depends on, as one digest."""
    return digest(version, package, *sources, *(f"{path}:{_file_digest(path)}" for path in includes))


def _sources(read: tuple[list[PageFile], list[bytes]]) -> list[str]:
    return [f"{p.root}/{p.file}:{digest(c)}" for p, c in zip(*read)]


def _outputs(out: Path) -> str:
    """The output tree as it stands: names, sizes and modification times."""
    if not out.is_dir():
        return ""
    entries = []
    for folder, dirs, names in os.walk(out):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            stat = os.stat(os.path.join(folder, name))
            entries.append(f"{os.path.relpath(os.path.join(folder, name), out)}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest(*entries)


def generate(
    docs: list[Path],
    out: Path,
    package: str,
    strict: bool = False,
    cache_root: Path | None = None,
    jobs: int | None = None,
    package_version: str = "0.1.0",
) -> Summary:
    """Write the client for `docs` to `out`; with `strict`, warnings stop the run before writing."""
    collecting = gc.isenabled()
    gc.disable()  # a run makes little cyclic garbage, and collections would rescan every page
    try:
        return _generate(docs, out, package, strict, cache_root, jobs, package_version)
    finally:
        if collecting:
            gc.enable()


def _generate(
    docs: list[Path], out: Path, package: str, strict: bool, cache_root: Path | None, jobs: int | None, package_version: str
) -> Summary:
    protected = [(doc, "the doc pages") for doc in docs]
    if cache_root is not None:
        protected.append((cache_root, "the cache"))
    check_target(out, protected)  # before any work: a refused --out costs the user nothing
    with locked(out):
        check_target(out, protected)  # again: another run may have written it meanwhile
        return _generate_locked(docs, out, package, strict, cache_root, jobs, package_version)


def _generate_locked(
    docs: list[Path], out: Path, package: str, strict: bool, cache_root: Path | None, jobs: int | None, package_version: str
) -> Summary:
    summary = Summary()
    key = f"{package}=={package_version}"  # what the last run's output was made for
    cache = Cache.for_output(cache_root, out)
    last = cache.last_run
    read = read_docs(docs)
    if last and last["package"] == key and last["outputs"] == _outputs(out):
        if last["inputs"] == _inputs(cache.version, key, _sources(read), last["includes"]):
            unchanged: Summary = last["summary"]
            unchanged.unchanged, unchanged.seconds = True, {}
            return unchanged
    workers = Workers(jobs)
    api, summary = load(docs, cache, workers, summary, read)
    if strict and summary.diagnostics:
        return summary
    files = render_files(api, package, cache, workers, summary, package_version)
    with summary.timed("write"):
        write_tree(out, files)
    summary.files = len(files)
    cache.record_run(
        {
            "package": key,
            "inputs": _inputs(cache.version, key, summary.sources, summary.includes),
            "includes": summary.includes,
            "outputs": _outputs(out),
            "summary": summary,
        }
    )
    cache.save()
    return summary
