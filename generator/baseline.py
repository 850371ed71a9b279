"""Accepting known flaws: warning codes to ignore (`--ignore`), and a baseline file of the
findings a project has accepted (`--baseline`), so that only new ones are reported and
`--strict` can guard a reference that has flaws today.

A finding is known by its page (its path, normalised), its code and its message with line numbers
taken out: not by its line, so the baseline survives lines shifting, rows and sections moving,
and pages being read in another order (`lint docs/b docs/a`). The same finding twice on a page is
counted: a third one is new.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import CODES, ERROR_CODES, Diagnostic
from .untrusted import loads

GENERATOR = "superoffice-docs-generator"
_LINE = re.compile(r"(\.md):\d+(?::\d+)?")

Key = tuple[str, str, str]


class BaselineError(Exception):
    """A baseline that cannot be read or written, or a code that cannot be ignored."""


def key(diagnostic: Diagnostic) -> Key:
    path = posixpath.normpath(diagnostic.location.path)
    return path, diagnostic.code, _LINE.sub(r"\1", diagnostic.message)


def codes(text: str) -> list[str]:
    """`CODE[,CODE]` as a list, each a known warning code."""
    found = [code.strip() for code in text.split(",") if code.strip()]
    for code in found:
        if code in ERROR_CODES:
            raise BaselineError(f"'{code}' is an error, not a warning; errors cannot be ignored")
        if code not in CODES:
            raise BaselineError(
                f"unknown warning code '{code}' (the codes are listed by README's lint section)"
            )
    return found


@dataclass
class Accepted:
    """What is not reported: the `ignore`d codes and the findings of a baseline."""

    ignore: set[str] = field(default_factory=set)
    baseline: Counter[Key] | None = None
    ignored: int = 0  # counted by the last `shown`
    known: int = 0
    fixed: int = 0  # baseline entries no longer found

    def shown(self, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """The findings still to report: errors, and warnings neither ignored nor in the baseline."""
        left = Counter(self.baseline or ())
        shown = []
        self.ignored = self.known = 0
        for diagnostic in diagnostics:
            if diagnostic.severity == "error":
                shown.append(diagnostic)
            elif diagnostic.code in self.ignore:
                self.ignored += 1
            elif self.baseline and left[found := key(diagnostic)] > 0:
                left[found] -= 1
                self.known += 1
            else:
                shown.append(diagnostic)
        self.fixed = sum(left.values())
        return shown

    def note(self) -> str:
        """` (5 known from the baseline, 2 ignored)`, or "" when nothing was left out."""
        parts = []
        if self.known:
            parts.append(f"{self.known} known from the baseline")
        if self.fixed:
            parts.append(
                f"{self.fixed} baseline entr{'ies' if self.fixed != 1 else 'y'} no longer found"
            )
        if self.ignored:
            parts.append(f"{self.ignored} ignored")
        return f" ({', '.join(parts)})" if parts else ""


def read(path: Path) -> Counter[Key]:
    try:
        data = loads(path.read_text(encoding="utf-8"))  # a baseline comes with the pages: untrusted
    except OSError as error:
        raise BaselineError(f"cannot read the baseline {path}: {error.strerror or error}") from None
    except ValueError as error:
        raise BaselineError(f"{path} is not a baseline: {error}") from None
    entries = (
        data.get("findings")
        if isinstance(data, dict) and data.get("generator") == GENERATOR
        else None
    )
    if not isinstance(entries, list):
        raise BaselineError(f"{path} is not a baseline of {GENERATOR}")
    known: Counter[Key] = Counter()
    for entry in entries:
        try:
            known[(str(entry["file"]), str(entry["code"]), str(entry["message"]))] += int(
                entry.get("count", 1)
            )
        except (KeyError, TypeError, ValueError):
            raise BaselineError(
                f"{path}: an entry is not {{file, code, message, count}}: {entry!r}"
            ) from None
    return known


def text(diagnostics: list[Diagnostic]) -> str:
    """A baseline accepting every warning in `diagnostics`: sorted, so it diffs well."""
    counted = Counter(key(d) for d in diagnostics if d.severity == "warning")
    entries = [
        {"file": file, "code": code, "message": message, "count": count}
        for (file, code, message), count in sorted(counted.items())
    ]
    return (
        json.dumps({"generator": GENERATOR, "findings": entries}, indent=2, ensure_ascii=False)
        + "\n"
    )
