"""The commands: `generate`, `lint`, `openapi`, `diff` and `mock` (see README)."""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import baseline
from .baseline import Accepted, BaselineError
from .config import ConfigError, read_config
from .diagnostics import PageError
from .emit.openapi import openapi_text
from .format import InvalidOutput
from .naming import package_problem
from .pipeline import Summary, check, generate, load
from .progress import Progress
from .report import FORMATS, TOOL, _version
from .write import FileChanges, OutputError, write_file

# Built-in defaults, applied after the command line and pyproject.toml (see `_settle`).
DEFAULTS: dict[str, Any] = {
    "docs": ["docs_input"],
    "out": "generated",
    "package": "superoffice_client",
    "strict": False,
    "jobs": None,
    "cache": ".cache/generator",
    "ignore": [],
    "baseline": None,
    "package_version": "0.1.0",
}


def _package_name(text: str) -> str:
    problem = package_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return text


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{jobs} is not a number of processes; give 1 or more")
    return jobs


def _codes(text: str) -> list[str]:
    try:
        return baseline.codes(text)
    except BaselineError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535; 0 picks a free one)")
    return port


def _prog() -> str:
    """The command as the user typed it: `superoffice-docs-generator`, or `python -m generator`."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return "python -m generator" if name in ("", "__main__.py", "-c") else name


def _docs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("docs", nargs="*", type=Path, default=None, metavar="DOCS",
                        help="doc pages, or folders searched for *.md (default: docs_input)")


def _accepting(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action=argparse.BooleanOptionalAction, default=None,
                        help="exit 1 when there are warnings (that are neither ignored nor in the baseline)")
    parser.add_argument("--ignore", action="append", type=_codes, default=None, metavar="CODE[,CODE]",
                        help="do not report these warning codes")
    parser.add_argument("--baseline", type=Path, default=None, metavar="FILE",
                        help="do not report the findings FILE lists (see --write-baseline)")


def _package_version(text: str) -> str:
    if not re.fullmatch(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?", text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a version such as 0.1.0 or 1.2.0rc1")
    return text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Turn API reference pages written in markdown into a typed, tested Python client.",
        epilog="Settings may also come from [tool.superoffice-docs-generator] in ./pyproject.toml; flags override them.",
    )
    parser.add_argument("--version", action="version", version=f"{TOOL} {_version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="generate the client package and its tests")
    _docs(gen)
    gen.add_argument("--out", type=Path, default=None, metavar="DIR",
                     help="output folder, replaced as a whole (default: generated)")
    gen.add_argument("--package", type=_package_name, default=None, metavar="NAME",
                     help="name of the generated Python package (default: superoffice_client)")
    gen.add_argument("--package-version", type=_package_version, default=None, metavar="VERSION",
                     help="the generated package's version, in its pyproject and __version__ (default: 0.1.0)")
    _accepting(gen)
    gen.add_argument("--check", action="store_true",
                     help="write nothing; exit 1 when the output is not what a run would write, listing the files")
    gen.add_argument("--diff", action="store_true", help="with --check, show the differences as a unified diff")
    gen.add_argument("--cache", type=Path, default=None, metavar="DIR",
                     help="where parsed pages are kept between runs (default: .cache/generator)")
    gen.add_argument("--no-cache", action="store_true", default=None, help="neither read nor write the cache")
    gen.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                     help="processes to parse and format with (default: one per core)")
    gen.add_argument("--timings", action="store_true", help="print the seconds each stage took")
    gen.add_argument("--verify-format", action="store_true",
                     help="run black over every generated file and fail if it would change any")

    lint = commands.add_parser("lint", help="report what is wrong or suspicious in the pages")
    _docs(lint)
    lint.add_argument("--format", choices=sorted(FORMATS), default="text",
                      help="text (file:line:col: severity code: message), json or sarif (default: text)")
    _accepting(lint)
    lint.add_argument("--write-baseline", type=Path, default=None, metavar="FILE",
                      help="write the warnings found to FILE, to be given to --baseline later")

    spec = commands.add_parser("openapi", help="export the pages as an OpenAPI 3.1 document")
    _docs(spec)
    spec.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                      help="write to FILE (YAML when it ends in .yaml or .yml) instead of standard output")

    changes = commands.add_parser("diff", help="what changed in the API between two versions of the pages")
    changes.add_argument("old", type=Path, metavar="OLD_DOCS", help="the pages before")
    changes.add_argument("new", type=Path, metavar="NEW_DOCS", help="the pages after")
    changes.add_argument("--format", choices=["text", "markdown", "json"], default="text",
                         help="text (one line per change), markdown (a changelog section) or json (default: text)")

    mock = commands.add_parser("mock", help="serve the pages' endpoints with their sample responses")
    _docs(mock)
    mock.add_argument("--port", type=_port, default=8000, metavar="N",
                      help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")
    return parser


def _settle(args: argparse.Namespace, config: dict[str, Any]) -> None:
    """Fill in what the command line left out: from pyproject.toml, else the built-in default."""
    given = dict(vars(args))
    for dest, default in DEFAULTS.items():
        if dest not in given:
            continue
        value = given[dest]
        if dest == "docs" and not value:
            value = None
        if dest == "ignore" and value is not None:
            value = [code for codes in value for code in codes]
        if value is None:
            value = config.get(dest, default)
            if dest == "cache" and value is False:
                args.no_cache, value = True, default
            value = _typed(dest, value)
        setattr(args, dest, value)
    if "no_cache" in given and args.no_cache is None:
        args.no_cache = False


def _typed(dest: str, value: Any) -> Any:
    """A value from pyproject.toml or the defaults as the command line would have made it."""
    if value is None:
        return None
    if dest == "docs":
        return [Path(item) for item in value]
    if dest in ("out", "cache", "baseline"):
        return Path(value)
    if dest == "package":
        try:
            return _package_name(value)
        except argparse.ArgumentTypeError as error:
            raise ConfigError(f"pyproject.toml: package: {error}") from None
    if dest == "package_version":
        try:
            return _package_version(value)
        except argparse.ArgumentTypeError as error:
            raise ConfigError(f"pyproject.toml: package-version: {error}") from None
    if dest == "ignore":
        try:
            return baseline.codes(",".join(value))
        except BaselineError as error:
            raise ConfigError(f"pyproject.toml: ignore: {error}") from None
    return value


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        _settle(args, read_config() if args.command != "diff" else {})
        accepted = _accepted(args)
    except (ConfigError, BaselineError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2 if isinstance(error, ConfigError) else 1
    if args.command == "lint":
        return _lint(args, accepted)
    if args.command == "openapi":
        return _openapi(args)
    if args.command == "diff":
        return _diff(args)
    if args.command == "mock":
        from .mock import serve

        return serve(args.docs, args.port)
    return _generate(args, accepted)


def _accepted(args: argparse.Namespace) -> Accepted:
    if "ignore" not in vars(args):
        return Accepted()
    writing = getattr(args, "write_baseline", None) is not None  # a new one: the old is not read
    known = baseline.read(args.baseline) if args.baseline is not None and not writing else None
    return Accepted(set(args.ignore), known)


def _generate(args: argparse.Namespace, accepted: Accepted) -> int:
    progress = Progress()
    try:
        cache = None if args.no_cache else args.cache
        summary = generate(
            args.docs, args.out, args.package, args.strict, cache, args.jobs,
            check=args.check, shown=accepted.shown, progress=progress, package_version=args.package_version,
            verify_format=args.verify_format,
        )
    except PageError as error:
        progress.clear()
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        progress.clear()
        print(f"error: {error.filename or ''}: {error.strerror or error}", file=sys.stderr)
        return 1
    except OutputError as error:
        progress.clear()
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        progress.clear()
        print(f"error: interrupted; {args.out} is as the last complete run left it", file=sys.stderr)
        return 130
    except InvalidOutput as error:
        progress.clear()
        print(f"error: internal: {error} (please report it with the pages that caused it)", file=sys.stderr)
        return 1
    progress.clear()
    shown = accepted.shown(summary.diagnostics)
    for diagnostic in shown:
        print(diagnostic, file=sys.stderr)
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
        print(f"timings: {stages or 'no stage ran'}; black formatted {summary.black_formatted} files, {summary.reused} files reused")
    if args.strict and shown:
        print(f"error: {len(shown)} warnings with --strict; nothing written", file=sys.stderr)
        return 1
    return 0


def _lint(args: argparse.Namespace, accepted: Accepted) -> int:
    try:
        pages, diagnostics = check(args.docs)
    except PageError as error:  # the DOCS themselves are missing
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.write_baseline is not None:
        kept = [d for d in diagnostics if d.severity == "warning" and d.code not in accepted.ignore]
        try:
            _write_text(args.write_baseline, baseline.text(kept))
        except OSError as error:
            print(f"error: cannot write {args.write_baseline}: {error.strerror or error}", file=sys.stderr)
            return 1
        print(f"{len(kept)} warnings written to the baseline {args.write_baseline}", file=sys.stderr)
        return 1 if any(d.severity == "error" for d in diagnostics) else 0
    shown = accepted.shown(diagnostics)
    sys.stdout.write(FORMATS[args.format](shown, pages, accepted.note()))
    if any(d.severity == "error" for d in shown):
        return 1
    return 1 if args.strict and shown else 0


def _write_text(path: Path, text: str) -> None:
    """Write `path` in one step: a reader never sees it half-written."""
    parent = Path(os.path.abspath(path)).parent
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.new-", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        mask = os.umask(0o022)
        os.umask(mask)
        os.chmod(temp, 0o666 & ~mask)
        os.replace(temp, path)
    except BaseException:
        os.unlink(temp)
        raise


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


def _diff(args: argparse.Namespace) -> int:
    from .changelog import FORMATS as CHANGELOG, diff

    try:
        old, _ = load([args.old])
        new, _ = load([args.new])
    except PageError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(CHANGELOG[args.format](diff(old, new)))
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
    parts = [(len(changes.added), "added"), (len(changes.changed), "changed"), (len(changes.removed), "removed"), (changes.unchanged, "unchanged")]
    shown = [(count, verb) for count, verb in parts if count]
    first, *rest = shown or [(0, "changed")]
    return ", ".join([f"{_plural(first[0], 'file')} {first[1]}", *(f"{count} {verb}" for count, verb in rest)])


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
    for verb, paths in (("added", changes.added), ("changed", changes.changed), ("removed", changes.removed)):
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
            sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")


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
    reasons = [f"{not_endpoints} not endpoint page{'s' if not_endpoints != 1 else ''}"] if not_endpoints else []
    return ", ".join([*reasons, f"{summary.duplicates} duplicate uid{'s' if summary.duplicates != 1 else ''}"])


def _matched(summary: Summary) -> str:
    if not summary.matched:
        return ""
    return f" ({summary.matched} anonymous type{'s' if summary.matched != 1 else ''} matched to named ones)"
