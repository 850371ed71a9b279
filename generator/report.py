"""Diagnostics as users read them: compiler-style text, JSON, or SARIF 2.1.0 for code-review tools."""

from __future__ import annotations

import json
import sys
from collections import Counter

from .diagnostics import CODES, Diagnostic
from .versions import installed_version

TOOL = "superoffice-docs-generator"


def _version() -> str:
    return installed_version(TOOL) or "0.0.0"


def fatal(errors: list[Diagnostic]) -> int:
    """Print the errors that stopped a command, one line each in the compiler's form; its exit status."""
    for error in errors:
        print(error, file=sys.stderr)
    return 1


def counts(diagnostics: list[Diagnostic]) -> str:
    by = Counter(d.severity for d in diagnostics)
    return f"{by['error']} errors, {by['warning']} warnings"


def as_text(diagnostics: list[Diagnostic], pages: int, note: str = "") -> str:
    """One line per finding, then the count (`note`: what was left out, e.g. ` (5 known from the baseline)`)."""
    lines = [str(d) for d in diagnostics]
    lines.append(f"{pages} pages checked: {counts(diagnostics)}{note}")
    return "\n".join(lines) + "\n"


def as_json(diagnostics: list[Diagnostic], pages: int, note: str = "") -> str:
    items = [
        {
            "file": d.location.path,
            "line": d.location.line,
            "column": d.location.col,
            "severity": d.severity,
            "code": d.code,
            "message": d.message,
        }
        for d in diagnostics
    ]
    by = Counter(d.severity for d in diagnostics)
    data = {"pages": pages, "errors": by["error"], "warnings": by["warning"], "diagnostics": items}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_sarif(diagnostics: list[Diagnostic], pages: int, note: str = "") -> str:
    used = sorted({d.code for d in diagnostics} | set(CODES))
    rules = [{"id": code, "shortDescription": {"text": CODES.get(code, code)}} for code in used]
    results = [
        {
            "ruleId": d.code,
            "ruleIndex": used.index(d.code),
            "level": d.severity,
            "message": {"text": d.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": d.location.path},
                        "region": {
                            "startLine": max(d.location.line, 1),
                            "startColumn": max(d.location.col, 1),
                        },
                    }
                }
            ],
        }
        for d in diagnostics
    ]
    driver = {"name": TOOL, "version": _version(), "rules": rules}
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results}],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": as_text, "json": as_json, "sarif": as_sarif}
