"""generated/ is exactly what the generator makes from docs_input/ (a reviewed diff when it changes)."""

from __future__ import annotations

from pathlib import Path

from generator.pipeline import load, render_files

ROOT = Path(__file__).resolve().parent.parent


def test_generated_is_up_to_date_with_docs_input() -> None:
    api, _ = load([ROOT / "docs_input"])
    fresh = render_files(api, "superoffice_client")
    committed = {
        p.relative_to(ROOT / "generated").as_posix(): p.read_text(encoding="utf-8")
        for p in (ROOT / "generated").rglob("*")
        if p.is_file() and not any(part.startswith((".", "__pycache__")) for part in p.relative_to(ROOT / "generated").parts)
    }
    assert sorted(committed) == sorted(fresh), "run: python -m generator generate"
    stale = [path for path in fresh if committed[path] != fresh[path]]
    assert stale == [], "run: python -m generator generate"
