"""Doc pages and caches are untrusted input: nothing read from them may execute, read outside the
docs folder, hang, or crash the tool. Each test is a reproducer of a defect that did one of these,
run through the CLI in a subprocess with a time bound (a hang detector, not a benchmark) and a
memory bound, and checks the exit status, the located line on stderr, and that there is no
traceback."""

from __future__ import annotations

import base64
import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.pages import page, sample_request, sample_response, table

ROOT = Path(__file__).resolve().parent.parent
BOUND = 30  # seconds: every case here takes well under 2 s; the old code took minutes or forever
LOCATED = re.compile(r"^\S+\.md:\d+:\d+: (warning|error): .* \[[a-z-]+\]$")


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))


def cli(*args: str | Path, bound: float = BOUND) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGS` from the project's root, killed (and failing the test) past `bound`."""
    command = [sys.executable, "-m", "generator", *map(str, args)]
    preexec = _limit_memory if sys.platform.startswith("linux") else None
    try:
        result = subprocess.run(
            command, cwd=ROOT, capture_output=True, text=True, timeout=bound, preexec_fn=preexec
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"HANG: {' '.join(command[2:])} did not finish within {bound} s")
    assert "Traceback" not in result.stderr, result.stderr
    return result


def located(stderr: str, code: str) -> list[str]:
    """The located lines on stderr with the given diagnostic code."""
    return [
        line for line in stderr.splitlines() if LOCATED.match(line) and line.endswith(f" [{code}]")
    ]


def docs_with(tmp_path: Path, text: str, name: str = "page.md") -> Path:
    docs = tmp_path / "docs"
    docs.mkdir(exist_ok=True)
    (docs / name).write_text(text, encoding="utf-8")
    return docs


def run_all(docs: Path, out: Path) -> dict[str, subprocess.CompletedProcess[str]]:
    """generate (no cache), lint and openapi on the same pages. (openapi prints errors, and only
    counts its warnings.)"""
    return {
        "generate": cli("generate", docs, "--out", out, "--no-cache", "--jobs", "1"),
        "lint": cli("lint", docs),
        "openapi": cli("openapi", docs, "-o", out.parent / "api.json"),
    }


def read_shard(path: Path) -> dict[str, Any]:
    """The entries of a cache's page shard by key: a line each, its key, a space and its JSON."""
    lines = path.read_text("utf-8").split("\n")[1:]
    return {key: json.loads(entry) for key, _, entry in (line.partition(" ") for line in lines)}


def write_shard(writer: Any, path: Path, entries: dict[str, Any]) -> None:
    """`entries` as the page shard at `path`, written by the Cache `writer`."""
    writer._write_text(path.name, "\n".join(f"{k} {json.dumps(v)}" for k, v in entries.items()))


# -- 1. the cache does not run code ------------------------------------------------------------


class _Planted:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def test_a_planted_pickle_in_the_cache_does_not_run(tmp_path: Path) -> None:
    out, cache, marker = tmp_path / "out", tmp_path / "cache", tmp_path / "PWNED"
    assert cli("generate", "docs_input", "--out", out, "--cache", cache).returncode == 0
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (folder,) = [p for p in cache.iterdir() if p.is_dir()]
    payload = pickle.dumps((0, _Planted(marker)))
    for name in ["state.pickle", "formatted.marshal", *(f"pages-{i:x}.pickle" for i in range(16))]:
        (folder / name).write_bytes(payload)
    for name in [p.name for p in folder.glob("*.json")]:
        (folder / name).write_bytes(payload)
    again = cli("generate", "docs_input", "--out", out, "--cache", cache)
    assert again.returncode == 0 and not marker.exists()
    assert "is up to date" not in again.stdout  # every entry was a miss: a cold run
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == first


def test_crafted_cache_entries_are_misses(tmp_path: Path) -> None:
    """Entries with a valid header and HMAC (anyone can compute them) but data the generator never
    writes: wrong types, NaN, huge and deep values, keys that are not digests."""
    from generator.cache import Cache, fingerprint

    out, cache = tmp_path / "out", tmp_path / "cache"
    assert cli("generate", "docs_input", "--out", out, "--cache", cache).returncode == 0
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (folder,) = [p for p in cache.iterdir() if p.is_dir()]
    writer = Cache(folder, fingerprint())
    state = json.loads((folder / "state.json").read_bytes().partition(b"\n")[2])
    counts = json.loads(state[4])  # LastRun.counts: Counts as JSON text
    counts[0] = "three"  # Summary.pages
    state[4] = json.dumps(counts)
    writer._write("state.json", state)
    deep: list[object] = ["string", "", "", None, []]
    for _ in range(300):  # a valid TypeRef, an array of arrays 300 levels deep
        deep = ["array", "", "", deep, []]
    for shard in folder.glob("pages-*.json"):
        entries = read_shard(shard)
        for key, (includes, parsed) in list(entries.items()):
            if parsed[1] is None:
                continue
            parsed[1][3] = "FETCH"  # Operation.method
            entries["x" + key[1:]] = entries["0" * 64] = [includes, [[]] * 9]
            entries[key] = [
                includes,
                [
                    parsed[0],
                    None,
                    [
                        [
                            "T",
                            [["p", deep, "", ["", "", 1, 1], False]],
                            "",
                            ["", "", 1, 1],
                            True,
                            False,
                        ]
                    ],
                    [],
                    "",
                    [],
                ],
            ]
        write_shard(writer, shard, entries)
    again = cli("generate", "docs_input", "--out", out, "--cache", cache)
    assert again.returncode == 0 and "is up to date" not in again.stdout
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == first


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_cache_does_not_block(tmp_path: Path) -> None:
    out, cache = tmp_path / "out", tmp_path / "cache"
    assert cli("generate", "docs_input", "--out", out, "--cache", cache).returncode == 0
    (folder,) = [p for p in cache.iterdir() if p.is_dir()]
    for name in ["state.json", *(p.name for p in folder.glob("pages-*.json"))]:
        (folder / name).unlink()
        os.mkfifo(folder / name)
    assert cli("generate", "docs_input", "--out", out, "--cache", cache).returncode == 0


# -- 2. includes and pages are read only from inside the docs folder -----------------------------


def _including(target: str) -> str:
    return page("## Sample response", f"[!include[sample]({target})]")


SECRET = '```http_\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{"secret": "TOP-SECRET-4711"}\n```\n'


def _no_secret(out: Path) -> None:
    for path in out.rglob("*"):
        if path.is_file():
            assert b"TOP-SECRET-4711" not in path.read_bytes(), path


@pytest.mark.parametrize("target", ["/dev/zero", "ABSOLUTE", "../outside/secret.md"])
def test_an_include_outside_the_docs_folder_is_not_read(tmp_path: Path, target: str) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text(SECRET)
    target = str(tmp_path / "outside" / "secret.md") if target == "ABSOLUTE" else target
    docs = docs_with(tmp_path, _including(target))
    runs = run_all(docs, tmp_path / "out")
    for command, result in runs.items():
        assert result.returncode == 0, (command, result.stderr)
        assert command == "openapi" or located(result.stderr + result.stdout, "include") == [
            f"{docs.as_posix()}/page.md:15:1: warning: the included file '{target}' is outside the docs folder; it is not read [include]"
        ], command
    _no_secret(tmp_path / "out")
    assert "TOP-SECRET" not in (tmp_path / "api.json").read_text()


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_an_include_that_links_outside_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text(SECRET)
    docs = docs_with(tmp_path, _including("link.md"))
    (docs / "link.md").symlink_to(tmp_path / "outside" / "secret.md")
    (docs / "zero.md").symlink_to("/dev/zero")
    for command, result in run_all(docs, tmp_path / "out").items():
        assert result.returncode == 0, result.stderr
        if command == "openapi":
            continue
        lines = located(result.stderr + result.stdout, "include")
        assert lines == [
            f"{docs.as_posix()}/page.md:15:1: warning: the included file 'link.md' links to outside the docs folder; it is not read [include]"
        ], command
        skipped = located(result.stderr + result.stdout, "page-file")
        assert [line.split(": warning")[0] for line in skipped] == [
            f"{docs.as_posix()}/{n}:1:1" for n in ("link.md", "zero.md")
        ]
    _no_secret(tmp_path / "out")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_an_included_fifo_does_not_block(tmp_path: Path) -> None:
    docs = docs_with(tmp_path, _including("fifo.md"))
    os.mkfifo(docs / "fifo.md")
    for command, result in run_all(docs, tmp_path / "out").items():
        assert result.returncode == 0, result.stderr
        assert command == "openapi" or located(result.stderr + result.stdout, "include") == [
            f"{docs.as_posix()}/page.md:15:1: warning: the included file 'fifo.md' is not a regular file; it is not read [include]"
        ], command
    cached = cli("generate", docs, "--out", tmp_path / "out2", "--cache", tmp_path / "cache")
    assert (
        cached.returncode == 0
        and cli(
            "generate", docs, "--out", tmp_path / "out2", "--cache", tmp_path / "cache"
        ).returncode
        == 0
    )


def test_a_huge_include_is_not_read(tmp_path: Path) -> None:
    docs = docs_with(tmp_path, _including("big.md"))
    (docs / "big.md").write_text("```json\n" + "1" * (2 << 20) + "\n```\n")
    result = cli("lint", docs)
    assert located(result.stdout, "include") == [
        f"{docs.as_posix()}/page.md:15:1: warning: the included file 'big.md' is larger than 1 MiB; it is not read [include]"
    ]


def test_a_huge_page_is_a_located_error(tmp_path: Path) -> None:
    docs = docs_with(tmp_path, page("x" * (2 << 20)))
    result = cli("generate", docs, "--out", tmp_path / "out", "--no-cache")
    assert result.returncode == 1 and not (tmp_path / "out").exists()
    assert result.stderr.splitlines() == [
        f"{docs.as_posix()}/page.md:1:1: error: the page is larger than 1 MiB; it is not read [page-file]"
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_no_include_path_outside_the_docs_folder_is_opened_to_check_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache records each include with a digest of its file, and checks it on the next run:
    that check opened whatever path it was given, so an include linking out of the docs folder (which
    the parser refuses) and the paths of a forged entry (or of a forged last run) were opened and
    read. They are not any more: only files inside the docs folder are."""
    from generator import cache as cache_module
    from generator import discover
    from generator.cache import Cache, fingerprint
    from generator.cli import main

    (tmp_path / "outside").mkdir()
    secret = tmp_path / "outside" / "secret.md"
    secret.write_text(SECRET)
    docs = docs_with(tmp_path, _including("link.md"))
    (docs / "link.md").symlink_to(secret)
    out, cache = tmp_path / "out", tmp_path / "cache"
    opened: list[str] = []
    original = discover.read_regular

    def recording(path: str | Path, limit: int) -> bytes:
        opened.append(os.path.realpath(path))
        return original(path, limit)

    monkeypatch.setattr(discover, "read_regular", recording)
    monkeypatch.chdir(tmp_path)
    assert (
        main(["generate", str(docs), "--out", str(out), "--cache", str(cache), "--jobs", "1"]) == 0
    )
    (folder,) = [p for p in cache.iterdir() if p.is_dir()]
    writer = Cache(folder, fingerprint())
    state = json.loads((folder / "state.json").read_bytes().partition(b"\n")[2])
    state[2] = [str(secret), "/etc/passwd"]  # LastRun.includes
    writer._write("state.json", state)
    for shard in folder.glob("pages-*.json"):
        entries = read_shard(shard)
        for entry in entries.values():
            entry[0] = [[str(secret), "forged"], ["/etc/passwd", "forged"]]
        write_shard(writer, shard, entries)
    assert cache_module.read_regular is not recording  # the cache's own files are read as before
    assert (
        main(["generate", str(docs), "--out", str(out), "--cache", str(cache), "--jobs", "1"]) == 0
    )
    real_docs = os.path.realpath(docs)
    assert [path for path in opened if not path.startswith(real_docs + os.sep)] == []
    _no_secret(out)


@pytest.mark.skipif(sys.platform != "linux", reason="file names of bytes that are not UTF-8")
def test_a_page_whose_name_is_not_utf8_is_skipped_with_a_located_warning(tmp_path: Path) -> None:
    """Its name, decoded with surrogates, could not be hashed for the cache key: a traceback."""
    docs = docs_with(tmp_path, page())
    with open(os.path.join(os.fsencode(docs), b"\xff\xfe.md"), "w", encoding="utf-8") as handle:
        handle.write(page())
    for command, result in run_all(docs, tmp_path / "out").items():
        assert result.returncode == 0, (command, result.stderr)
        assert command == "openapi" or located(result.stderr + result.stdout, "page-file") == [
            f"{docs.as_posix()}/\\xff\\xfe.md:1:1: warning: the page has a name that is not UTF-8; it is skipped [page-file]"
        ], command


def test_a_manifest_nested_too_deep_is_not_ours_rather_than_a_traceback(tmp_path: Path) -> None:
    docs = docs_with(tmp_path, page())
    out = tmp_path / "out"
    assert cli("generate", docs, "--out", out, "--no-cache").returncode == 0
    (out / ".generator-manifest.json").write_text(
        '{"generator": "superoffice-docs-generator", "files": '
        + "[" * 100_000
        + "]" * 100_000
        + "}"
    )
    result = cli("generate", docs, "--out", out, "--no-cache")
    assert result.returncode == 1 and result.stderr.startswith(
        f"error: {out} is not empty and holds no .generator-manifest.json"
    )


# -- 3. every page parses in time linear in its size ----------------------------------------------


def _in_time(tmp_path: Path, text: str) -> dict[str, subprocess.CompletedProcess[str]]:
    docs = docs_with(tmp_path, text)
    return run_all(docs, tmp_path / "out")


def test_a_long_run_of_spaces_in_the_endpoint_line_does_not_hang(tmp_path: Path) -> None:
    runs = _in_time(
        tmp_path, page(endpoint="```http\nGET /api/v1/Demo" + " " * 80_000 + "y\n```\n")
    )
    assert all(r.returncode == 0 for r in runs.values())


def test_a_long_run_of_spaces_in_a_query_example_does_not_hang(tmp_path: Path) -> None:
    query = "## Query String Parameters\n\n" + table(
        "| Parameter Name | Type | Description |", "| $select | string | x |"
    )
    example = "```http\nGET /api/v1/Agents/Demo/DoThing?$select=a" + " " * 80_000 + "y\n```\n"
    runs = _in_time(tmp_path, page(query, example))
    assert all(r.returncode == 0 for r in runs.values())


def test_unclosed_tags_do_not_hang(tmp_path: Path) -> None:
    runs = _in_time(tmp_path, page("<div>" + "<a" * 50_000, "<see cref='x" + " " * 50_000))
    assert all(r.returncode == 0 for r in runs.values())


def test_a_long_run_of_capitals_in_a_name_does_not_hang(tmp_path: Path) -> None:
    body = table("| Property Name | Type | Description |", f"| {'A' * 30_000} | string | x |")
    runs = _in_time(tmp_path, page("## Request Body: request", body))
    assert all(r.returncode == 0 for r in runs.values())


def test_a_yaml_alias_bomb_is_a_located_error(tmp_path: Path) -> None:
    levels = "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10)
    )
    front = (
        "---\nuid: v1DemoAgent_DoThing\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + levels
        + "title: *a9\n---\n\n"
    )
    for command, result in _in_time(tmp_path, page(front=front)).items():
        assert result.returncode == 1, command
        lines = located(result.stderr + result.stdout, "front-matter")
        assert len(lines) == 1 and ":5:" in lines[0] and "more than 16 aliases" in lines[0], (
            command,
            result.stderr,
        )
    assert not (tmp_path / "out").exists()


def test_a_run_of_include_lines_parses_in_linear_time(tmp_path: Path) -> None:
    """Each include line made markdown-it's setext-heading rule scan every following line of the
    run, then took only its own line: 20,000 include lines took minutes."""
    docs = docs_with(
        tmp_path, page("## Sample response", "\n".join(["[!include[sample](inc.md)]"] * 20_000))
    )
    (docs / "inc.md").write_text(
        '```http_\nHTTP/1.1 200 OK\nContent-Type: application/json\n\n{"id": 1}\n```\n'
    )
    result = cli("lint", docs, bound=20)
    assert result.returncode == 0, result.stdout


# -- 4. odd samples and front matter are located diagnostics, not tracebacks ----------------------


AGENT_BODY = table("| Property Name | Type | Description |", "| Field | object | x |")


@pytest.mark.parametrize(
    "body, message",
    [
        ('{"Id": ' + "7" * 5000 + "}", "a number with more than 1000 digits"),
        ('{"Name": "\\ud800"}', "lone surrogate"),
        ("[" * 5000 + "]" * 5000, "nested deeper than 64 levels"),
        ('{"Value": NaN}', "'NaN' is not a JSON number"),
        ('{"Value": -Infinity}', "'-Infinity' is not a JSON number"),
        ('{"Value": 1e400}', "is out of range"),
    ],
    ids=["big-int", "surrogate", "deep", "nan", "infinity", "overflow"],
)
def test_an_unsafe_json_sample_is_a_located_warning(
    tmp_path: Path, body: str, message: str
) -> None:
    text = page(
        "## Response: object",
        table("| Response | Description |", "| 200 | OK |"),
        sample_response(body),
    )
    runs = _in_time(tmp_path, text)
    for command, result in runs.items():
        assert result.returncode == 0, (command, result.stderr)
        lines = located(result.stderr + result.stdout, "sample-json")
        assert command == "openapi" or len(lines) == 1 and message in lines[0], (command, lines)
    emitted = "".join(p.read_text("utf-8") for p in (tmp_path / "out").rglob("*.py"))
    assert "nan" not in emitted.lower().split() and "inf" not in emitted.split()
    api = (tmp_path / "api.json").read_text("utf-8")
    assert "NaN" not in api and "Infinity" not in api


def test_an_agent_field_nested_400_deep_is_a_located_warning(tmp_path: Path) -> None:
    text = page(
        "## Request Body: request",
        AGENT_BODY,
        sample_request('{"Field": ' + "[" * 400 + "]" * 400 + "}"),
    )
    for command, result in _in_time(tmp_path, text).items():
        assert result.returncode == 0, (command, result.stderr)
        lines = located(result.stderr + result.stdout, "sample-json")
        assert (
            command == "openapi" or len(lines) == 1 and "nested deeper than 64 levels" in lines[0]
        ), (command, lines)


def test_arrays_of_arrays_nested_5000_deep_are_not_a_type(tmp_path: Path) -> None:
    body = table("| Property Name | Type | Description |", f"| Field | int{'[]' * 5000} | x |")
    for command, result in _in_time(tmp_path, page("## Request Body: request", body)).items():
        assert result.returncode == 0, (command, result.stderr)
        assert (
            command == "openapi" or len(located(result.stderr + result.stdout, "unknown-type")) == 1
        )


def test_front_matter_nested_10000_deep_is_a_located_error(tmp_path: Path) -> None:
    front = "---\nuid: v1DemoAgent_DoThing\ndeep: " + "[" * 10_000 + "]" * 10_000 + "\n---\n\n"
    for command, result in _in_time(tmp_path, page(front=front)).items():
        assert result.returncode == 1, command
        lines = located(result.stderr + result.stdout, "front-matter")
        assert (
            len(lines) == 1 and ":3:56:" in lines[0] and "nested deeper than 50 levels" in lines[0]
        ), (command, lines)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "value",
    ["9" * 5000, "0x" + "f" * 5000, ":".join(["59"] * 3000), "[1, {b: 0x" + "f" * 5000 + "}]"],
    ids=["decimal", "hex", "sexagesimal", "nested"],
)
def test_a_huge_integer_in_front_matter_is_a_located_error(tmp_path: Path, value: str) -> None:
    """pyyaml's int() refused a decimal integer of more than 4,300 digits with a ValueError (a
    traceback), and read hexadecimal and sexagesimal ones of any length, which str() then refused.
    """
    for key in ("big", "uid"):
        front = f"---\nuid: v1DemoAgent_DoThing\ntitle: x\n{key}: {value}\n---\n\n".replace(
            "uid: v1DemoAgent_DoThing\ntitle: x\nuid:", "title: x\nuid:"
        )
        for command, result in _in_time(tmp_path, page(front=front)).items():
            assert result.returncode == 1, (command, result.stdout, result.stderr)
            lines = located(result.stderr + result.stdout, "front-matter")
            assert len(lines) == 1, (command, result.stdout, result.stderr)
        assert not (tmp_path / "out").exists()


# -- fuzz: real-shaped pages, mangled --------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PAGES = sorted((ROOT / "docs_input").rglob("*.md"))
ODD_JSON = [
    "[" * 3000 + "]" * 3000,
    '{"a": ' + "9" * 4400 + "}",
    '{"a": NaN, "b": -Infinity, "c": 1e999}',
    '{"\\ud800": "\\udfff"}',
    '{"a": ' + '{"b": ' * 70 + "1" + "}" * 70 + "}",
    '{"a": "\\u0000\\u2028\\"\\\\"}',
    "[" + ",".join(["1"] * 2000) + "]",
    '{"a": 1, "a": 2}',
    "{}",
    "[]",
    '"text"',
    "null",
]
ODD_TEXT = [
    "\U0001f600",
    "\u202e",
    "\x0b",
    "\ufeff",
    "\u00a0" * 40,
    "{SuperOffice.A.B}",
    "<see cref='T:A.B'/>",
    "|",
    "`",
    "```",
    "---",
    "A" * 3000,
    " " * 3000 + "x",
]


def _mutate(text: str, edits: list[tuple[int, int, int, int]]) -> str:
    lines = text.split("\n")
    for kind, a, b, c in edits:
        if not lines:
            lines = [""]
        i, j = a % len(lines), b % len(lines)
        if kind == 0:
            del lines[i]
        elif kind == 1:
            lines.insert(i, lines[i])
        elif kind == 2:
            lines[i], lines[j] = lines[j], lines[i]
        elif kind == 3:
            lines = lines[: i + 1]
            lines[-1] = lines[-1][: c % (len(lines[-1]) + 1)]
        elif kind == 4 and lines[i]:
            k = c % len(lines[i])
            lines[i] = (
                lines[i][:k] + chr((ord(lines[i][k]) + 1 + c % 7) % 0xD7FF or 1) + lines[i][k + 1 :]
            )
        elif kind == 5:
            lines = (
                [line for line in lines if not line.startswith("```")]
                if c % 2
                else [line for n, line in enumerate(lines) if n != i or not line.startswith("```")]
            )
        elif kind == 6:
            k = c % (len(lines[i]) + 1)
            lines[i] = lines[i][:k] + ODD_TEXT[b % len(ODD_TEXT)] + lines[i][k:]
        elif kind == 7 and lines[i].startswith("#"):
            lines[i] = "#" * (1 + c % 6) + lines[i].lstrip("#")
        elif kind == 8:
            cells = lines[i].split("|")
            if len(cells) > 3:
                p, q = 1 + c % (len(cells) - 2), 1 + b % (len(cells) - 2)
                cells[p], cells[q] = cells[q], cells[p]
                lines[i] = "|".join(cells)
        elif kind == 9:
            blank = next(
                (
                    n
                    for n in range(i, len(lines))
                    if not lines[n].strip()
                    and n > 0
                    and lines[n - 1].startswith(
                        ("Content-Type", "HTTP/", "POST", "GET", "PUT", "PATCH")
                    )
                ),
                None,
            )
            lines.insert(blank + 1 if blank is not None else i, ODD_JSON[c % len(ODD_JSON)])
    return "\n".join(lines)


edits = st.lists(
    st.tuples(
        st.integers(0, 9), st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6)
    ),
    min_size=1,
    max_size=6,
)


# FUZZ_EXAMPLES: .ci/run sets a longer campaign than the suite's.
@settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(which=st.integers(0, len(PAGES) - 1), changes=edits)
def test_a_mangled_real_page_gives_output_or_a_located_diagnostic(
    tmp_path_factory: pytest.TempPathFactory, which: int, changes: list[tuple[int, int, int, int]]
) -> None:
    import ast

    from generator.load import check
    from generator.pipeline import generate

    tmp = tmp_path_factory.mktemp("fuzz")
    docs, out = tmp / "docs", tmp / "out"
    source = PAGES[which]
    for other in PAGES:  # the page's neighbours too, so includes and shared types are there
        target = docs / other.relative_to(ROOT / "docs_input")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(other.read_bytes())
    mangled = _mutate(source.read_text("utf-8"), changes)
    (docs / source.relative_to(ROOT / "docs_input")).write_text(mangled, encoding="utf-8")
    _, diagnostics = check([docs])
    assert all(d.location.file and d.location.line >= 0 for d in diagnostics)
    summary = generate([docs], out, "fuzz_client", cache_root=None, jobs=1, verify_format=True)
    if summary.errors:
        assert all(
            error.location.file and str(error).startswith(str(docs)) for error in summary.errors
        )
        assert not out.exists()
        return
    assert summary.files > 0
    for path in out.rglob("*.py"):
        ast.parse(path.read_text("utf-8"), str(path))
    for path in out.rglob("*.json"):
        json.loads(path.read_text("utf-8"))


def test_a_binary_result_s_json_sample_nested_past_any_limit_is_answered_with_a_placeholder() -> (
    None
):
    """Found by the fuzz campaign: the test view read a binary result's JSON sample with Python's
    own decoder, which a deep enough array took past the recursion limit."""
    from generator.emit.testview import _binary_response

    deep = "[" * 100_000 + "]" * 100_000
    text, content_type, expected = _binary_response(deep, "application/json")
    assert content_type == "application/json" and expected == b"GIF89a binary content"
    assert json.loads(text) == base64.b64encode(expected).decode("ascii")
