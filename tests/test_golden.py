"""generated/ is exactly what the generator makes from docs_input/ (a reviewed diff when it changes)."""

from __future__ import annotations

from pathlib import Path

from generator.load import load
from generator.output import render_files

ROOT = Path(__file__).resolve().parent.parent


def test_generated_is_up_to_date_with_docs_input() -> None:
    api, _ = load([ROOT / "docs_input"])
    assert api is not None
    fresh = render_files(api, "superoffice_client").files
    committed = {
        p.relative_to(ROOT / "generated").as_posix(): p.read_text(encoding="utf-8")
        for p in (ROOT / "generated").rglob("*")
        if p.is_file()
        and not any(
            part.startswith((".", "__pycache__"))
            for part in p.relative_to(ROOT / "generated").parts
        )
    }
    assert sorted(committed) == sorted(fresh), "run: python -m generator generate"
    stale = [path for path in fresh if committed[path] != fresh[path]]
    assert stale == [], "run: python -m generator generate"


def test_templates_emit_what_black_would_write() -> None:
    """The templates emit black's layout: black, run over the raw output (the emitter's `KEEP`
    marks taken out), changes nothing, so it need not run at generate time."""
    from generator.format import KEEP, format_python
    from generator.output import render_jobs

    api, _ = load([ROOT / "docs_input"])
    assert api is not None
    jobs = render_jobs(api, "superoffice_client")
    raw = {path: text.replace(KEEP, "") for job in jobs for path, text in job().items()}
    reshaped = [
        path
        for path, text in raw.items()
        if path.endswith(".py") and format_python(text, path) != text
    ]
    assert reshaped == []
