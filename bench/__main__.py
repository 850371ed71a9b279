"""`python -m bench`: how fast the generator and the client it generates are, at the reference's scale.

Builds a scaled corpus (N distinct endpoint pages made from docs_input/ and, when present,
../shared/corpus/restful), then measures, as medians of several runs, each in a fresh process:
cold generation, a no-op regeneration, a regeneration after one page changed (checked byte-identical
to a cold run), the read+tokenize floor; then the generated package's import time beside a bare
`import httpx`, the first call into a group, the per-call overhead against plain httpx, and the
decode of a 60-property model. Prints a table and writes report.json and report.md.

This module is the command line, the order of the measurements and the scripts timed inside the
generated package; `measure` runs and times the processes, `report` writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from .corpus import build
from .measure import (
    PACKAGE,
    ROOT,
    cold_generations,
    emitted,
    floor,
    generate,
    openapi_python_client,
    python_timing,
    run,
    scaling,
    stages,
    tree,
)
from .report import write_report
from .wide import WIDE_PROPERTIES, write_wide_page

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
# The body streams, as from a network: given as `content=`, plain httpx would skip reading it.
answer_headers = {{"Content-Type": "application/json", "Content-Length": str(len(body))}}
transport = httpx.MockTransport(lambda request: httpx.Response(200, stream=httpx.ByteStream(body), headers=answer_headers))
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


def _add_paragraph(text: str, words: str) -> str:
    return text.rstrip("\n") + f"\n\n{words}\n"


def _describe_property(text: str, words: str) -> str:
    """The page with the first row of its first property table described anew."""
    lines = text.split("\n")
    row = lines.index(next(line for line in lines if line.startswith("| Property Name"))) + 2
    cells = lines[row].rstrip().rstrip("|").split("|")
    lines[row] = "|".join([*cells[:-1], f" {words} "]) + "|"
    return "\n".join(lines)


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
    # The generator's own modules compiled, as `pip install` leaves them: on this machine
    # (PYTHONDONTWRITEBYTECODE) a module edited since its last compile would otherwise be compiled
    # from source by every timed run.
    run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")])
    results: dict[str, Any] = {"pages": made["pages"], "cores": os.cpu_count()}

    cold_runs = cold_generations(docs, out, cache, args.runs)
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

    pages = [
        p
        for p in sorted(docs.rglob("*.md"))
        if "samples" not in p.parts and "GetWide" not in p.name
    ]
    typed = next(p for p in pages if "\n| Property Name" in p.read_text("utf-8"))
    # Two kinds of edit: a paragraph added to a page, and a property described anew in a page's
    # type table (which other groups' models and tests may show).
    for name, page, edit in (
        ("one_changed_s", pages[0], _add_paragraph),
        ("one_type_changed_s", typed, _describe_property),
    ):
        one_runs = []
        for i in range(args.runs):
            page.write_text(edit(page.read_text("utf-8"), f"Changed by the benchmark, run {i}."))
            one_runs.append(generate(docs, out, cache))
        results[name] = statistics.median(r[0] for r in one_runs)
        # Where the median run spent its time: the stages `--timings` names, and the rest of the
        # process (start-up, imports, the last run's record, the manifest, the exit).
        seconds, _, output = sorted(one_runs)[len(one_runs) // 2]
        spent = stages(output)[0]
        results[f"{name}_stages"] = {**spent, "rest": seconds - sum(spent.values())}
    cold_check = work / "cold-check"
    generate(docs, cold_check, None)
    results["incremental_equals_cold"] = tree(out) == tree(cold_check)
    print(
        f"bench: one page changed {results['one_changed_s']:.2f} s, "
        f"its type table {results['one_type_changed_s']:.2f} s",
        flush=True,
    )

    results["floor_s"] = statistics.median(floor(docs) for _ in range(args.runs))
    results["cold_over_floor"] = cold / results["floor_s"]

    # Compile the package as `pip install` does (and as httpx is): this machine sets
    # PYTHONDONTWRITEBYTECODE, so imports would otherwise compile it from source every time.
    run([sys.executable, "-m", "compileall", "-q", str(out / PACKAGE)])
    # Alternating fresh processes, so that load and the file cache weigh on both sides alike.
    package_times, httpx_times = [], []
    for _ in range(max(21, args.runs)):  # a fresh process varies by ±20%: many pairs
        package_times.append(python_timing(IMPORT.format(module=PACKAGE), out))
        httpx_times.append(python_timing(IMPORT.format(module="httpx"), out))
    import_package, import_httpx = statistics.median(package_times), statistics.median(httpx_times)
    results.update(
        import_package_s=import_package,
        import_httpx_s=import_httpx,
        import_ratio=import_package / import_httpx,
    )
    results["first_call_s"] = statistics.median(
        python_timing(FIRST_CALL.format(package=PACKAGE), out) for _ in range(args.runs)
    )

    # Each fresh process lays out memory and hashes differently, which moves a call's time by
    # ±10% here: the medians of several processes, each measuring both sides.
    runs = [
        json.loads(
            run(
                [sys.executable, "-c", PER_CALL.format(package=PACKAGE, payload=str(payload))],
                cwd=out,
            )[2]
            .strip()
            .splitlines()[-1]
        )
        for _ in range(max(5, args.runs))
    ]

    def median(key: str) -> float:
        return statistics.median(calls[key] for calls in runs)

    def ratio(ours: str, plain: str) -> float:
        return statistics.median(calls[ours] / calls[plain] for calls in runs)

    results.update(
        call_generated_us=median("generated") * 1e6,
        call_plain_us=median("plain") * 1e6,
        call_ratio=ratio("generated", "plain"),
        async_call_generated_us=median("async_generated") * 1e6,
        async_call_plain_us=median("async_plain") * 1e6,
        async_call_ratio=ratio("async_generated", "async_plain"),
        call_runs=len(runs),
        payload_bytes=runs[0]["payload_bytes"],
        decode_us=median("decode") * 1e6,
        decode_all_fields_us=median("decode_all") * 1e6,
        decode_properties=WIDE_PROPERTIES,
    )
    results.update(openapi_python_client(docs, work, cold))
    sizes = [int(size) for size in args.scale.split(",") if size.strip()]
    results["scaling"] = scaling(sources, sizes, args.runs, work)
    write_report(results, args.report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
