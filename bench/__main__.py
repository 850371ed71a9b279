"""`python -m bench`: how fast the generator and the client it generates are, at the reference's scale.

Builds a scaled corpus (N distinct endpoint pages made from docs_input/ and, when present,
../shared/corpus/restful), then measures, as medians of several runs, each in a fresh process:
cold generation, a no-op regeneration, a regeneration after one page changed (checked byte-identical
to a cold run), the read+tokenize floor; then the generated package's import time beside a bare
`import httpx`, the first call into a group, the per-call overhead against plain httpx, and the
decode of a 60-property model. Prints a table and writes report.json and report.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .corpus import build
from .wide import WIDE_PROPERTIES, write_wide_page

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "bench_client"


def run(args: list[str], cwd: Path = ROOT) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in MB (the process and its workers), and stdout+stderr of a command."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    output = process.stdout.read() if process.stdout else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"bench: {' '.join(args)} failed:\n{output[-3000:]}")
    return seconds, usage.ru_maxrss // 1024, output


def generate(docs: Path, out: Path, cache: Path | None) -> tuple[float, int, str]:
    cache_args = ["--cache", str(cache)] if cache else ["--no-cache"]
    command = [
        sys.executable,
        "-m",
        "generator",
        "generate",
        str(docs),
        "--out",
        str(out),
        "--package",
        PACKAGE,
        "--timings",
    ]
    return run(command + cache_args)


def stages(output: str) -> tuple[dict[str, float], int]:
    """The seconds of each stage, and how many files black had to format, from `--timings`."""
    line = next(line for line in output.splitlines() if line.startswith("timings: "))
    times, _, formatted = line[len("timings: ") :].partition("; black formatted ")
    parts = (part.rsplit(" ", 1) for part in times.split(", "))
    return {name: float(seconds.rstrip("s")) for name, seconds in parts}, int(formatted.split()[0])


def emitted(out: Path) -> tuple[int, int]:
    """(Python files, lines of Python) in an output folder."""
    files = list(out.rglob("*.py"))
    return len(files), sum(p.read_bytes().count(b"\n") for p in files)


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def floor(docs: Path) -> float:
    """Read every page and tokenize it with markdown-it-py, as the parser configures it; nothing else."""
    code = (
        "import sys, time; from pathlib import Path; from markdown_it import MarkdownIt\n"
        "md = MarkdownIt('commonmark', {'html': True}).enable('table')\n"
        "t = time.perf_counter()\n"
        "for p in sorted(Path(sys.argv[1]).rglob('*.md')): md.parse(p.read_text('utf-8'))\n"
        "print(time.perf_counter() - t)\n"
    )
    return float(run([sys.executable, "-c", code, str(docs)])[2])


def python_timing(code: str, cwd: Path) -> float:
    return float(run([sys.executable, "-c", code], cwd=cwd)[2].strip().splitlines()[-1])


IMPORT = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"

FIRST_CALL = """
import time, httpx, json
t = time.perf_counter()
import {package}
client = {package}.Client("https://x/Cust1", token="t", transport=httpx.MockTransport(lambda r: httpx.Response(200, json={{"Id": 1}})))
t1 = time.perf_counter()
client.bench_agent.get_wide(wide_id=1)
print(time.perf_counter() - t1)
"""

PER_CALL = """
import json, time, statistics, httpx
from {package} import Client
from {package}.models import BenchWide
payload = json.loads(open({payload!r}).read())
body = json.dumps(payload).encode()
transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body, headers={{"Content-Type": "application/json"}}))
client = Client("https://x/Cust1", token="t", language="en", transport=transport)
plain = httpx.Client(base_url="https://x/Cust1", transport=transport, headers={{"Authorization": "Bearer t", "Accept": "application/json", "Accept-Language": "en", "SO-Language": "en"}})
def generated():
    return client.bench_agent.get_wide(wide_id=1)
def raw():
    return plain.request("GET", "/api/v1/Agents/Bench/GetWide/1").json()
def best(fns, n=500, rounds=28):
    # Each function's fastest round; the rounds alternate, so that a machine busy with something
    # else slows both alike (14,000 calls each, as 7 rounds of 2,000 were).
    times = [[] for _ in fns]
    for _ in range(rounds):
        for fn, spent in zip(fns, times):
            t = time.perf_counter()
            for _ in range(n):
                fn()
            spent.append((time.perf_counter() - t) / n)
    return [min(spent) for spent in times]
for _ in range(200): generated(); raw()
g, r = best([generated, raw])
import asyncio
from {package} import AsyncClient
async def async_calls():
    aclient = AsyncClient("https://x/Cust1", token="t", language="en", transport=transport)
    aplain = httpx.AsyncClient(base_url="https://x/Cust1", transport=transport, headers=plain.headers)
    async def best_async(fns, n=500, rounds=28):
        times = [[] for _ in fns]
        for _ in range(rounds):
            for fn, spent in zip(fns, times):
                t = time.perf_counter()
                for _ in range(n):
                    await fn()
                spent.append((time.perf_counter() - t) / n)
        return [min(spent) for spent in times]
    async def agenerated():
        return await aclient.bench_agent.get_wide(wide_id=1)
    async def araw():
        return (await aplain.request("GET", "/api/v1/Agents/Bench/GetWide/1")).json()
    for _ in range(200): await agenerated(); await araw()
    return await best_async([agenerated, araw])
ag, ar = asyncio.run(async_calls())
def decode(n=20000):
    t = time.perf_counter()
    for _ in range(n):
        BenchWide.from_dict(payload)
    return (time.perf_counter() - t) / n
def decode_all(n=2000):
    t = time.perf_counter()
    for _ in range(n):
        m = BenchWide.from_dict(payload)
        for name in BenchWide._fields:
            getattr(m, name)
    return (time.perf_counter() - t) / n
d = min(decode() for _ in range(5))
a = min(decode_all() for _ in range(5))
print(json.dumps({{"generated": g, "plain": r, "async_generated": ag, "async_plain": ar, "decode": d, "decode_all": a, "payload_bytes": len(body)}}))
"""


def median_of(runs: int, measure: Any) -> tuple[float, list[Any]]:
    results = [measure() for _ in range(runs)]
    values = [r[0] if isinstance(r, tuple) else r for r in results]
    return statistics.median(values), results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--pages", type=int, default=3000, help="endpoint pages in the scaled corpus (default 3000)"
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=3,
        help="runs per measurement; the median is reported (default 3)",
    )
    parser.add_argument(
        "--scale",
        default="",
        metavar="N,N,...",
        help="also measure cold generation at these page counts, e.g. 300,1000,3000,10000",
    )
    parser.add_argument(
        "--report",
        type=Path,
        default=ROOT / "bench" / "report",
        help="folder for report.json and report.md",
    )
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        return _bench(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _bench(args: argparse.Namespace, work: Path) -> int:
    sources = [ROOT / "docs_input"] + [
        p for p in [ROOT.parent / "shared" / "corpus" / "restful"] if p.is_dir()
    ]
    docs = work / "docs"
    made = build(sources, docs, args.pages - 1)
    payload = write_wide_page(docs / "bench")
    made["pages"] += 1
    print(
        f"bench: {made['pages']} pages from {made['source_pages']} source pages ({made['copies']} copies)",
        flush=True,
    )

    out, cache = work / "out", work / "cache"
    results: dict[str, Any] = {"pages": made["pages"], "cores": os.cpu_count()}

    cold_runs = _cold_runs(docs, out, cache, args.runs)
    cold = statistics.median(r[0] for r in cold_runs)
    summary = next(line for line in cold_runs[0][2].splitlines() if " pages read " in line)
    results["summary"] = summary
    results["cold_s"] = cold
    results["peak_rss_mb"] = max(r[1] for r in cold_runs)
    results["stages_s"], results["black_formatted"] = stages(cold_runs[len(cold_runs) // 2][2])
    endpoints = int(summary.split(" endpoints in ")[0].rsplit(" ", 1)[1])
    results["python_files"], lines = emitted(out)
    results["lines_per_endpoint"] = lines / endpoints
    results["pages_per_s"] = made["pages"] / cold
    print(f"bench: cold {cold:.2f} s", flush=True)

    results["noop_s"] = statistics.median(generate(docs, out, cache)[0] for _ in range(args.runs))
    print(f"bench: no-op {results['noop_s']:.2f} s", flush=True)

    page = next(
        p
        for p in sorted(docs.rglob("*.md"))
        if "samples" not in p.parts and "GetWide" not in p.name
    )
    one_runs = []
    for i in range(args.runs):
        text = page.read_text("utf-8")
        page.write_text(text.rstrip("\n") + f"\n\nChanged by the benchmark, run {i}.\n", "utf-8")
        one_runs.append(generate(docs, out, cache)[0])
    results["one_changed_s"] = statistics.median(one_runs)
    cold_check = work / "cold-check"
    generate(docs, cold_check, None)
    results["incremental_equals_cold"] = tree(out) == tree(cold_check)
    print(f"bench: one page changed {results['one_changed_s']:.2f} s", flush=True)

    results["floor_s"] = statistics.median(floor(docs) for _ in range(args.runs))
    results["cold_over_floor"] = cold / results["floor_s"]

    # Compile the package as `pip install` does (and as httpx is): this machine sets
    # PYTHONDONTWRITEBYTECODE, so imports would otherwise compile it from source every time.
    run([sys.executable, "-m", "compileall", "-q", str(out / PACKAGE)])
    import_package = statistics.median(
        python_timing(IMPORT.format(module=PACKAGE), out) for _ in range(max(5, args.runs))
    )
    import_httpx = statistics.median(
        python_timing(IMPORT.format(module="httpx"), out) for _ in range(max(5, args.runs))
    )
    results.update(
        import_package_s=import_package,
        import_httpx_s=import_httpx,
        import_ratio=import_package / import_httpx,
    )
    results["first_call_s"] = statistics.median(
        python_timing(FIRST_CALL.format(package=PACKAGE), out) for _ in range(args.runs)
    )

    calls = json.loads(
        run(
            [sys.executable, "-c", PER_CALL.format(package=PACKAGE, payload=str(payload))], cwd=out
        )[2]
        .strip()
        .splitlines()[-1]
    )
    results.update(
        call_generated_us=calls["generated"] * 1e6,
        call_plain_us=calls["plain"] * 1e6,
        call_ratio=calls["generated"] / calls["plain"],
        async_call_generated_us=calls["async_generated"] * 1e6,
        async_call_plain_us=calls["async_plain"] * 1e6,
        async_call_ratio=calls["async_generated"] / calls["async_plain"],
        payload_bytes=calls["payload_bytes"],
        decode_us=calls["decode"] * 1e6,
        decode_all_fields_us=calls["decode_all"] * 1e6,
        decode_properties=WIDE_PROPERTIES,
    )
    results.update(_openapi_python_client(docs, work, cold))
    sizes = [int(size) for size in args.scale.split(",") if size.strip()]
    results["scaling"] = _scaling(sources, sizes, args.runs, work)
    _report(results, args.report)
    return 0


def _cold_runs(docs: Path, out: Path, cache: Path, runs: int) -> list[tuple[float, int, str]]:
    """Cold generations, each from nothing: no output, no cache."""
    results = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        results.append(generate(docs, out, cache))
    return results


def _scaling(sources: list[Path], sizes: list[int], runs: int, work: Path) -> list[dict[str, Any]]:
    """Cold generation, the floor and peak RSS at each size: the cost must grow linearly."""
    rows = []
    for size in sizes:
        docs, out, cache = (
            work / f"scale-{size}",
            work / f"scale-{size}-out",
            work / f"scale-{size}-cache",
        )
        build(sources, docs, size)
        cold_runs = _cold_runs(docs, out, cache, runs)
        cold = statistics.median(r[0] for r in cold_runs)
        floor_s = statistics.median(floor(docs) for _ in range(runs))
        rows.append(
            {
                "pages": size,
                "cold_s": cold,
                "floor_s": floor_s,
                "peak_rss_mb": max(r[1] for r in cold_runs),
            }
        )
        print(f"bench: {size} pages cold {cold:.2f} s, floor {floor_s:.2f} s", flush=True)
        shutil.rmtree(docs), shutil.rmtree(out, ignore_errors=True), shutil.rmtree(
            cache, ignore_errors=True
        )
    return rows


def _openapi_python_client(docs: Path, work: Path, cold: float) -> dict[str, Any]:
    """openapi-python-client on our OpenAPI export of the same corpus, when it is installed."""
    tool = shutil.which(
        "openapi-python-client",
        path=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    )
    if tool is None:
        return {"opc": "not installed (pip install -e '.[test]')"}
    spec = work / "api.json"
    run([sys.executable, "-m", "generator", "openapi", str(docs), "-o", str(spec)])
    target = work / "opc"
    env_path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    command = [
        "env",
        f"PATH={env_path}",
        tool,
        "generate",
        "--path",
        str(spec),
        "--meta",
        "none",
        "--output-path",
        str(target),
    ]
    seconds, rss, _ = run(command, cwd=work)
    print(f"bench: openapi-python-client {seconds:.1f} s", flush=True)
    return {"opc_s": seconds, "opc_rss_mb": rss, "opc_ratio": seconds / cold}


def _row(name: str, value: str, target: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("met" if ok else "MISSED")
    return f"| {name} | {value} | {target} | {verdict} |"


def _report(r: dict[str, Any], folder: Path) -> None:
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
        _row("one page changed", f"{r['one_changed_s']:.2f} s", "≤ 1 s", r["one_changed_s"] <= 1),
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
            f"call overhead, Client ({r['payload_bytes']} B JSON)",
            f"{r['call_generated_us']:.0f} µs / {r['call_plain_us']:.0f} µs = {r['call_ratio']:.2f}×",
            "≤ 1.10×",
            r["call_ratio"] <= 1.10,
        ),
        _row(
            "call overhead, AsyncClient",
            f"{r['async_call_generated_us']:.0f} µs / {r['async_call_plain_us']:.0f} µs = {r['async_call_ratio']:.2f}×",
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
    text = f"# Benchmark\n\n{r['summary']}\n\nOn {r['cores']} cores. Stage shares of cold generation: {shares}.\n\n{table}\n"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "report.json").write_text(json.dumps(r, indent=2) + "\n", "utf-8")
    (folder / "report.md").write_text(text, "utf-8")
    print()
    print(text)
    print(f"bench: report written to {folder}")


if __name__ == "__main__":
    sys.exit(main())
