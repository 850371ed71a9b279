"""A scaled corpus: N distinct endpoint pages made from real ones.

Each copy `k` of the source pages renames its groups, paths, uids and named types with the suffix
`X{k}`, so every page is a distinct endpoint while the pages of one copy share their types the way
the real reference does (a carrier such as AppointmentEntity appears on several pages). Include
fragments are copied along, so includes resolve as in the source.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from generator.discover import discover
from generator.parse.page import read_page

_TYPE_CELL = re.compile(r"^(\|[^|\n]*\|\s*)([A-Za-z_][A-Za-z0-9_]*)(\s*\|)", re.M)
_BODY_HEADING = re.compile(r"^((?:#+\s*)?Response body:\s*)([A-Za-z_][A-Za-z0-9_]*)", re.M | re.I)
_RESPONSE_HEADING = re.compile(r"^(#+\s*Response:\s*)([A-Za-z_][A-Za-z0-9_]*)", re.M | re.I)


def sources(roots: list[Path]) -> list[tuple[Path, Path, str, set[str]]]:
    """(root, file, text, named types) of every endpoint page below the roots."""
    found = []
    uids = set()
    for page in discover(roots):
        parsed = read_page(page.path, page.root, page.file)
        if parsed.operation is None or parsed.operation.uid in uids:
            continue
        uids.add(parsed.operation.uid)
        names = {t.name for t in parsed.types if not t.inline}
        for t in parsed.types:
            names |= {p.type.name for p in t.properties if p.type.kind == "named"}
        found.append(
            (Path(page.root), Path(page.file), Path(page.path).read_text(encoding="utf-8"), names)
        )
    return found


def _rename(text: str, op_group: str, suffix: str, types: set[str]) -> str:
    def type_cell(m: re.Match[str]) -> str:
        return m[1] + (m[2] + suffix if m[2] in types else m[2]) + m[3]

    def heading(m: re.Match[str]) -> str:
        return m[1] + (m[2] + suffix if m[2] in types else m[2])

    text = _TYPE_CELL.sub(type_cell, text)
    text = _BODY_HEADING.sub(heading, text)
    text = _RESPONSE_HEADING.sub(heading, text)
    text = re.sub(r"\b(v\d+[A-Za-z0-9]+)_", lambda m: f"{m[1]}{suffix}_", text)
    # /api/v1/Agents/Appointment/X → /api/v1/Agents/AppointmentX7/X ; /api/v1/Contact/{id} → /api/v1/ContactX7/{id}
    text = re.sub(r"(/api/v\d+/Agents/)([A-Za-z0-9]+)", lambda m: m[1] + m[2] + suffix, text)
    text = re.sub(r"(/api/v\d+/)(?!Agents/)([A-Za-z0-9]+)", lambda m: m[1] + m[2] + suffix, text)
    text = re.sub(
        r"^(# (?:GET|POST|PUT|PATCH|DEL|DELETE) )(Agents/)?([A-Za-z0-9]+)",
        lambda m: m[1] + (m[2] or "") + m[3] + suffix,
        text,
        flags=re.M,
    )
    return text


def build(roots: list[Path], out: Path, pages: int) -> dict[str, int]:
    """Write `pages` distinct endpoint pages below `out`; returns what was made."""
    shutil.rmtree(out, ignore_errors=True)
    source = sources(roots)
    if not source:
        raise SystemExit("bench: no endpoint pages to scale")
    made = 0
    copy = 0
    while made < pages:
        suffix = f"X{copy}"
        folder = out / f"copy{copy:04d}"
        for root, file, text, names in source:
            if made >= pages:
                break
            target = folder / root.name / file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_rename(text, "", suffix, names), encoding="utf-8")
            made += 1
        for root in {r for r, *_ in source}:
            samples = root / "samples"
            if samples.is_dir() and not (folder / root.name / "samples").exists():
                shutil.copytree(samples, folder / root.name / "samples")
        copy += 1
    return {"pages": made, "copies": copy, "source_pages": len(source)}
