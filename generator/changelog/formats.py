"""The changes as the `generate` summary's line and as the `diff` command's formats: text (one
line per change), markdown (a changelog section) and JSON."""

from __future__ import annotations

import json
from dataclasses import asdict

from .change import Change, bump


def one_line(changes: list[Change]) -> str:
    """`API since the last run: 1 breaking, 2 compatible changes (semver: major)`."""
    breaking = sum(1 for c in changes if c.impact == "breaking")
    compatible = len(changes) - breaking
    return f"API since the last run: {breaking} breaking, {compatible} compatible change{'s' if compatible != 1 else ''} (semver: {bump(changes)})"


def _located(change: Change) -> str:
    if change.old and change.new and change.old != change.new:
        return f"{change.new} (was {change.old})"
    return change.where


def as_text(changes: list[Change]) -> str:
    lines = [f"{_located(c)}: {c.impact} {c.kind}: {c.subject}: {c.message}" for c in changes]
    lines.append(_total(changes))
    return "\n".join(lines) + "\n"


def _total(changes: list[Change]) -> str:
    breaking = sum(1 for c in changes if c.impact == "breaking")
    return f"{len(changes)} change{'s' if len(changes) != 1 else ''}: {breaking} breaking, {len(changes) - breaking} compatible; semver: {bump(changes)}"


def as_markdown(changes: list[Change]) -> str:
    lines = [f"# API changes (semver: {bump(changes)})", ""]
    for impact, title in (("breaking", "Breaking changes"), ("compatible", "Compatible changes")):
        chosen = [c for c in changes if c.impact == impact]
        if not chosen:
            continue
        lines += [f"## {title}", ""]
        for c in chosen:
            was = f" (was `{c.old}`)" if c.old and c.new and c.old != c.new else ""
            lines.append(f"- **{c.subject}**: {c.message} ({c.kind}, {c.bump}) — `{c.where}`{was}")
        lines.append("")
    if not changes:
        lines += ["No changes.", ""]
    return "\n".join(lines)


def as_json(changes: list[Change]) -> str:
    breaking = sum(1 for c in changes if c.impact == "breaking")
    data = {
        "bump": bump(changes),
        "breaking": breaking,
        "compatible": len(changes) - breaking,
        "changes": [asdict(c) for c in changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}
