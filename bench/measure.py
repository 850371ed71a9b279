"""The benchmark's measurements: a command's wall time and peak RSS in a fresh process, a
generation (cold, each from nothing; or at several sizes), the read+tokenize floor, the stages'
seconds, the emitted Python, and openapi-python-client on the same corpus."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .corpus import build

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


def cold_generations(docs: Path, out: Path, cache: Path, runs: int) -> list[tuple[float, int, str]]:
    """Cold generations, each from nothing: no output, no cache."""
    results = []
    for _ in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
        results.append(generate(docs, out, cache))
    return results


def scaling(sources: list[Path], sizes: list[int], runs: int, work: Path) -> list[dict[str, Any]]:
    """Cold generation, the floor and peak RSS at each size: the cost must grow linearly."""
    rows = []
    for size in sizes:
        docs, out, cache = (
            work / f"scale-{size}",
            work / f"scale-{size}-out",
            work / f"scale-{size}-cache",
        )
        build(sources, docs, size)
        cold_runs = cold_generations(docs, out, cache, runs)
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


def openapi_python_client(docs: Path, work: Path, cold: float) -> dict[str, Any]:
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
