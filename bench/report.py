"""The benchmark's report: each figure against its target, printed and written to report.json
and report.md."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def _row(name: str, value: str, target: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("met" if ok else "MISSED")
    return f"| {name} | {value} | {target} | {verdict} |"


def write_report(r: dict[str, Any], folder: Path) -> None:
    stage_total = sum(r["stages_s"].values()) or 1.0
    shares = ", ".join(f"{k} {v / stage_total:.0%}" for k, v in r["stages_s"].items())
    rows = [
        "| measure | figure | target | |",
        "|---|---|---|---|",
        _row(
            f"cold generate, {r['pages']} pages",
            f"{r['cold_s']:.2f} s ({r['pages_per_s']:.0f} pages/s)",
            "",
            None,
        ),
        _row("read + tokenize floor", f"{r['floor_s']:.2f} s", "", None),
        _row("cold / floor", f"{r['cold_over_floor']:.1f}×", "≤ 2×", r["cold_over_floor"] <= 2),
        _row("no-op regenerate", f"{r['noop_s']:.2f} s", "≤ 0.3 s", r["noop_s"] <= 0.3),
        _row(
            "one page changed (a paragraph added)",
            f"{r['one_changed_s']:.2f} s",
            "≤ 1 s",
            r["one_changed_s"] <= 1,
        ),
        _row(
            "one page changed (a type table's row)",
            f"{r['one_type_changed_s']:.2f} s",
            "≤ 1 s",
            r["one_type_changed_s"] <= 1,
        ),
        _row(
            "incremental output = cold output",
            str(r["incremental_equals_cold"]),
            "True",
            r["incremental_equals_cold"],
        ),
        _row("peak RSS (cold)", f"{r['peak_rss_mb']} MB", "≤ 200 MB", r["peak_rss_mb"] <= 200),
        _row("Python lines emitted per endpoint", f"{r['lines_per_endpoint']:.0f}", "", None),
        _row(
            "files black had to format", f"{r['black_formatted']} of {r['python_files']}", "", None
        ),
        _row(
            "import package / import httpx",
            f"{r['import_package_s'] * 1e3:.0f} ms / {r['import_httpx_s'] * 1e3:.0f} ms = {r['import_ratio']:.2f}×",
            "≤ 1.1×",
            r["import_ratio"] <= 1.1,
        ),
        _row("first call into a group", f"{r['first_call_s'] * 1e3:.1f} ms", "", None),
        _row(
            f"call overhead, Client ({r['payload_bytes']} B JSON; medians of {r['call_runs']} processes)",
            f"{r['call_generated_us']:.0f} µs / {r['call_plain_us']:.0f} µs; ratio {r['call_ratio']:.2f}×",
            "≤ 1.10×",
            r["call_ratio"] <= 1.10,
        ),
        _row(
            "call overhead, AsyncClient",
            f"{r['async_call_generated_us']:.0f} µs / {r['async_call_plain_us']:.0f} µs; ratio {r['async_call_ratio']:.2f}×",
            "≤ 1.10×",
            r["async_call_ratio"] <= 1.10,
        ),
        _row(
            f"decode a {r['decode_properties']}-property model",
            f"{r['decode_us']:.2f} µs",
            "≤ 10 µs",
            r["decode_us"] <= 10,
        ),
        _row("… and read every field", f"{r['decode_all_fields_us']:.1f} µs", "", None),
        _row(
            "openapi-python-client, same API (our export)",
            (
                f"{r['opc_s']:.1f} s, {r['opc_rss_mb']} MB = {r['opc_ratio']:.1f}× our cold run"
                if "opc_s" in r
                else r["opc"]
            ),
            "≥ 4× slower",
            r["opc_ratio"] >= 4 if "opc_s" in r else None,
        ),
    ]
    for row in r["scaling"]:
        per_page = row["cold_s"] / row["pages"] * 1e3
        rows.append(
            _row(
                f"cold, {row['pages']} pages",
                f"{row['cold_s']:.2f} s ({per_page:.2f} ms/page), {row['cold_s'] / row['floor_s']:.1f}× floor, {row['peak_rss_mb']} MB",
                "linear",
                None,
            )
        )
    table = "\n".join(rows)
    one = ", ".join(f"{k} {v:.2f} s" for k, v in r["one_changed_s_stages"].items())
    text = (
        f"# Benchmark\n\n{r['summary']}\n\nOn {r['cores']} cores. Stage shares of cold "
        f"generation: {shares}. A run with one page changed (a paragraph added), its median: {one}."
        f"\n\n{table}\n"
    )
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(r, indent=2) + "\n", "utf-8")
    (folder / "report.md").write_text(text, "utf-8")
    print()
    print(text)
    print(f"bench: report written to {folder}")
