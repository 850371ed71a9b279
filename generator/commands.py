"""The commands besides `generate`: `lint`, `openapi` and `diff` (see README)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from . import baseline
from .baseline import Accepted
from .load import check, load
from .manifest import OutputError
from .report import FORMATS, fatal
from .write import write_file


def lint(args: argparse.Namespace, accepted: Accepted) -> int:
    pages, diagnostics = check(args.docs)
    if args.write_baseline is not None:
        kept = [d for d in diagnostics if d.severity == "warning" and d.code not in accepted.ignore]
        try:
            _write_text(args.write_baseline, baseline.text(kept))
        except OSError as error:
            print(
                f"error: cannot write {args.write_baseline}: {error.strerror or error}",
                file=sys.stderr,
            )
            return 1
        print(
            f"{len(kept)} warnings written to the baseline {args.write_baseline}", file=sys.stderr
        )
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


def openapi(args: argparse.Namespace, accepted: Accepted) -> int:
    from .emit.openapi import openapi_text

    api, summary = load(args.docs)
    if api is None:
        return fatal(summary.errors)
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
        print(
            f"{summary.endpoints} operations, {len(api.types)} schemas, {len(summary.diagnostics)} warnings; written to {args.output}",
            file=sys.stderr,
        )
    return 0


def diff(args: argparse.Namespace, accepted: Accepted) -> int:
    from .changelog import FORMATS as CHANGELOG
    from .changelog import diff

    old, before = load([args.old])
    if old is None:
        return fatal(before.errors)
    new, after = load([args.new])
    if new is None:
        return fatal(after.errors)
    sys.stdout.write(CHANGELOG[args.format](diff(old, new)))
    return 0
