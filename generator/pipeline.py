"""The pipeline: discover → parse → model → emit → format → write."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .build import build_api
from .diagnostics import Diagnostic
from .discover import discover
from .emit.client import client_files
from .emit.pyview import python_view
from .emit.tests import emitted_test_files
from .format import format_python
from .model import Api
from .parse import ParsedPage, read_page
from .write import write_tree


@dataclass
class Summary:
    pages: int = 0
    skipped: list[ParsedPage] = field(default_factory=list)
    endpoints: int = 0
    groups: int = 0
    models: int = 0
    files: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)


def load(docs: list[Path]) -> tuple[Api, Summary]:
    """Read every page below `docs` into the model. Raises PageError on a page it cannot use."""
    pages = [read_page(page.path, page.root, page.file) for page in discover(docs)]
    api, diagnostics = build_api(pages)
    summary = Summary(
        pages=len(pages),
        skipped=[p for p in pages if p.operation is None],
        endpoints=len(api.operations),
        groups=len(api.groups),
        models=len(api.models),
        diagnostics=sorted(diagnostics),
    )
    return api, summary


def render_files(api: Api, package: str) -> dict[str, str]:
    """Every output file, formatted."""
    view = python_view(api, package)
    files = client_files(view) | emitted_test_files(view, api.types)
    return {path: format_python(text, path) if path.endswith(".py") else text for path, text in files.items()}


def generate(docs: list[Path], out: Path, package: str, strict: bool = False) -> Summary:
    """Write the client for `docs` to `out`; with `strict`, warnings stop the run before writing."""
    api, summary = load(docs)
    if strict and summary.diagnostics:
        return summary
    files = render_files(api, package)
    write_tree(out, files)
    summary.files = len(files)
    return summary
