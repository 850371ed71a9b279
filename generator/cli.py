"""`python -m generator generate [DOCS ...] [--out DIR] [--package NAME] [--strict]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .diagnostics import PageError
from .emit.openapi import openapi_text
from .format import InvalidOutput
from .naming import package_problem
from .pipeline import Summary, check, generate, load
from .report import FORMATS
from .write import OutputError, write_file


def _package_name(text: str) -> str:
    problem = package_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Turn API reference pages written in markdown into a typed, tested Python client.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="generate the client package and its tests")
    gen.add_argument("docs", nargs="*", type=Path, default=[Path("docs_input")], metavar="DOCS",
                     help="doc pages, or folders searched for *.md (default: docs_input)")
    gen.add_argument("--out", type=Path, default=Path("generated"), metavar="DIR",
                     help="output folder, replaced as a whole (default: generated)")
    gen.add_argument("--package", type=_package_name, default="superoffice_client", metavar="NAME",
                     help="name of the generated Python package (default: superoffice_client)")
    gen.add_argument("--strict", action="store_true", help="fail (exit 1) when there are warnings")
    gen.add_argument("--cache", type=Path, default=Path(".cache/generator"), metavar="DIR",
                     help="where parsed pages and formatted files are kept between runs (default: .cache/generator)")
    gen.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    gen.add_argument("--jobs", type=int, default=None, metavar="N",
                     help="processes to parse and format with (default: one per core)")
    gen.add_argument("--timings", action="store_true", help="print the seconds each stage took")

    lint = commands.add_parser("lint", help="report what is wrong or suspicious in the pages")
    lint.add_argument("docs", nargs="*", type=Path, default=[Path("docs_input")], metavar="DOCS",
                      help="doc pages, or folders searched for *.md (default: docs_input)")
    lint.add_argument("--format", choices=sorted(FORMATS), default="text",
                      help="text (file:line:col: severity code: message), json or sarif (default: text)")
    lint.add_argument("--strict", action="store_true", help="exit 1 on warnings too")

    spec = commands.add_parser("openapi", help="export the pages as an OpenAPI 3.1 document")
    spec.add_argument("docs", nargs="*", type=Path, default=[Path("docs_input")], metavar="DOCS",
                      help="doc pages, or folders searched for *.md (default: docs_input)")
    spec.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                      help="write to FILE (YAML when it ends in .yaml or .yml) instead of standard output")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "lint":
        return _lint(args)
    if args.command == "openapi":
        return _openapi(args)
    try:
        cache = None if args.no_cache else args.cache
        summary = generate(args.docs, args.out, args.package, args.strict, cache, args.jobs)
    except PageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1
    except OutputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"error: interrupted; {args.out} is as the last complete run left it", file=sys.stderr)
        return 130
    except InvalidOutput as error:
        print(f"error: internal: {error} (please report it with the pages that caused it)", file=sys.stderr)
        return 1
    _report(summary, args.out)
    if args.timings:
        stages = ", ".join(f"{stage} {seconds:.3f}s" for stage, seconds in summary.seconds.items())
        print(f"timings: {stages or 'no stage ran'}")
    if args.strict and summary.diagnostics:
        print(f"error: {len(summary.diagnostics)} warnings with --strict; nothing written", file=sys.stderr)
        return 1
    return 0


def _lint(args: argparse.Namespace) -> int:
    try:
        pages, diagnostics = check(args.docs)
    except PageError as error:  # the DOCS themselves are missing
        print(f"error: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(FORMATS[args.format](diagnostics, pages))
    if any(d.severity == "error" for d in diagnostics):
        return 1
    return 1 if args.strict and diagnostics else 0


def _openapi(args: argparse.Namespace) -> int:
    try:
        api, summary = load(args.docs)
    except PageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    yaml_output = args.output is not None and args.output.suffix.lower() in (".yaml", ".yml")
    text = openapi_text(api, yaml_output)
    if args.output is None:
        sys.stdout.write(text)
    else:
        try:
            write_file(args.output, text)
        except OutputError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        except OSError as error:
            print(f"error: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return 1
        print(f"{summary.endpoints} operations, {len(api.types)} schemas, {len(summary.diagnostics)} warnings; written to {args.output}", file=sys.stderr)
    return 0


def _report(summary: Summary, out: Path) -> None:
    for diagnostic in summary.diagnostics:
        print(diagnostic, file=sys.stderr)
    if summary.unchanged:
        written = f"{out} is up to date"
    else:
        written = f"{summary.files} files written to {out}" if summary.files else "nothing written"
    print(
        f"{summary.pages} pages read ({summary.skipped} skipped: {_skipped(summary)}), "
        f"{summary.endpoints} endpoints in {summary.groups} groups, {summary.models} models{_matched(summary)}, "
        f"{len(summary.diagnostics)} warnings; {written}"
    )


def _skipped(summary: Summary) -> str:
    """Why pages were skipped: `not endpoint pages`, or `2 not endpoint pages, 1 duplicate uid`."""
    if not summary.duplicates:
        return "not endpoint pages"
    not_endpoints = summary.skipped - summary.duplicates
    reasons = [f"{not_endpoints} not endpoint page{'s' if not_endpoints != 1 else ''}"] if not_endpoints else []
    return ", ".join([*reasons, f"{summary.duplicates} duplicate uid{'s' if summary.duplicates != 1 else ''}"])


def _matched(summary: Summary) -> str:
    if not summary.matched:
        return ""
    return f" ({summary.matched} anonymous type{'s' if summary.matched != 1 else ''} matched to named ones)"
