"""The command line: `generate`, `lint`, `openapi`, `diff` and `mock` (see README), each run by
`generate_command` or `commands`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from . import baseline
from .baseline import Accepted, BaselineError
from .config import ConfigError, read_config
from .report import FORMATS, TOOL, _version
from .settings import codes, jobs, package_name, package_version, port, settle


def _prog() -> str:
    """The command as the user typed it: `superoffice-docs-generator`, or `python -m generator`."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return "python -m generator" if name in ("", "__main__.py", "-c") else name


def _docs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "docs",
        nargs="*",
        type=Path,
        default=None,
        metavar="DOCS",
        help="doc pages, or folders searched for *.md (default: docs_input)",
    )


def _accepting(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--strict",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="exit 1 when there are warnings (that are neither ignored nor in the baseline)",
    )
    parser.add_argument(
        "--ignore",
        action="append",
        type=codes,
        default=None,
        metavar="CODE[,CODE]",
        help="do not report these warning codes",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        default=None,
        metavar="FILE",
        help="do not report the findings FILE lists (see --write-baseline)",
    )


class _ShowVersion(argparse.Action):
    """`--version`: the version is looked up only when asked for (it can cost a run ~25 ms)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="show the version and exit",
        )

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        print(f"{TOOL} {_version()}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description="Turn API reference pages written in markdown into a typed, tested Python client.",
        epilog="Settings may also come from [tool.superoffice-docs-generator] in ./pyproject.toml; flags override them.",
    )
    parser.add_argument("--version", action=_ShowVersion)
    commands = parser.add_subparsers(dest="command", required=True)
    gen = commands.add_parser("generate", help="generate the client package and its tests")
    _docs(gen)
    gen.add_argument(
        "--out",
        type=Path,
        default=None,
        metavar="DIR",
        help="output folder, replaced as a whole (default: generated)",
    )
    gen.add_argument(
        "--package",
        type=package_name,
        default=None,
        metavar="NAME",
        help="name of the generated Python package (default: superoffice_client)",
    )
    gen.add_argument(
        "--package-version",
        type=package_version,
        default=None,
        metavar="VERSION",
        help="the generated package's version, in its pyproject and __version__ (default: 0.1.0)",
    )
    _accepting(gen)
    gen.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when the output is not what a run would write, listing the files",
    )
    gen.add_argument(
        "--diff", action="store_true", help="with --check, show the differences as a unified diff"
    )
    gen.add_argument(
        "--cache",
        type=Path,
        default=None,
        metavar="DIR",
        help="where parsed pages are kept between runs (default: .cache/generator)",
    )
    gen.add_argument(
        "--no-cache", action="store_true", default=None, help="neither read nor write the cache"
    )
    gen.add_argument(
        "--jobs",
        type=jobs,
        default=None,
        metavar="N",
        help="processes to parse and format with (default: one per core)",
    )
    gen.add_argument("--timings", action="store_true", help="print the seconds each stage took")
    gen.add_argument(
        "--verify-format",
        action="store_true",
        help="run black over every generated file and fail if it would change any",
    )

    lint = commands.add_parser("lint", help="report what is wrong or suspicious in the pages")
    _docs(lint)
    lint.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text (file:line:col: severity: message [code]), json or sarif (default: text)",
    )
    _accepting(lint)
    lint.add_argument(
        "--write-baseline",
        type=Path,
        default=None,
        metavar="FILE",
        help="write the warnings found to FILE, to be given to --baseline later",
    )

    spec = commands.add_parser("openapi", help="export the pages as an OpenAPI 3.1 document")
    _docs(spec)
    spec.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="FILE",
        help="write to FILE (YAML when it ends in .yaml or .yml) instead of standard output",
    )

    changes = commands.add_parser(
        "diff", help="what changed in the API between two versions of the pages"
    )
    changes.add_argument("old", type=Path, metavar="OLD_DOCS", help="the pages before")
    changes.add_argument("new", type=Path, metavar="NEW_DOCS", help="the pages after")
    changes.add_argument(
        "--format",
        choices=["text", "markdown", "json"],
        default="text",
        help="text (one line per change), markdown (a changelog section) or json (default: text)",
    )

    mock = commands.add_parser(
        "mock", help="serve the pages' endpoints with their sample responses"
    )
    _docs(mock)
    mock.add_argument(
        "--port",
        type=port,
        default=8000,
        metavar="N",
        help="port on 127.0.0.1 (default: 8000; 0 picks a free one)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settle(args, read_config() if args.command != "diff" else {})
        accepted = _accepted(args)
    except (ConfigError, BaselineError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2 if isinstance(error, ConfigError) else 1
    if args.command == "mock":
        from .mock import serve

        return serve(args.docs, args.port)
    if args.command == "generate":
        from .generate_command import run_generate

        return run_generate(args, accepted)
    from . import commands

    return {"lint": commands.lint, "openapi": commands.openapi, "diff": commands.diff}[
        args.command
    ](args, accepted)


def _accepted(args: argparse.Namespace) -> Accepted:
    if "ignore" not in vars(args):
        return Accepted()
    writing = getattr(args, "write_baseline", None) is not None  # a new one: the old is not read
    known = baseline.read(args.baseline) if args.baseline is not None and not writing else None
    return Accepted(set(args.ignore), known)
