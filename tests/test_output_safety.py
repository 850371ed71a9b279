"""`--out` can never destroy what is not the generator's own output, whatever the user points it at,
and a run that is killed or interrupted leaves the previous output complete."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from bench.corpus import build
from generator.manifest import MANIFEST
from tests.pages import tree

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def start(*args: str | Path, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", *map(str, args)],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
        # Ctrl-C as a terminal delivers it: this process may ignore SIGINT (started in the
        # background by a shell without job control), and a child would inherit that.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every file and folder below `folder`, hidden ones included, with contents."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        if "__pycache__" in path.parts:
            continue
        key = path.relative_to(folder).as_posix()
        found[key] = (
            path.read_bytes()
            if path.is_file() and not path.is_symlink()
            else f"dir {path.is_symlink()}"
        )
    return found


def refused(args: list[str], cwd: Path, message: str, prefix: str = "error: ") -> None:
    """The run exits 1 with exactly one line naming the problem, and changes nothing at all."""
    before = snapshot(cwd)
    result = run("generate", *args, cwd=cwd)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stderr.splitlines() == [prefix + message]
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(cwd) == before


@pytest.fixture
def work(docs: Path) -> Path:
    """A user's working tree: the doc pages, a git folder and a file of their own."""
    (docs.parent / ".git").mkdir()
    (docs.parent / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (docs.parent / "notes.txt").write_text("my notes\n")
    return docs.parent


def test_a_file_is_refused(work: Path) -> None:
    refused(
        ["docs", "--out", "notes.txt"],
        work,
        "notes.txt is a file, not an output folder of this generator; give another --out",
    )


def test_a_folder_with_other_content_is_refused(work: Path) -> None:
    (work / "src").mkdir()
    (work / "src" / "app.py").write_text("print('mine')\n")
    refused(
        ["docs", "--out", "src"],
        work,
        f"src is not empty and holds no {MANIFEST}, so it is not an output of this generator; give another --out or empty it",
    )


def test_the_docs_folder_and_folders_inside_or_around_it_are_refused(work: Path) -> None:
    refused(
        ["docs", "--out", "docs"],
        work,
        "docs holds the doc pages docs; give a folder of its own as --out",
    )
    refused(
        ["docs", "--out", "docs/generated"],
        work,
        "docs/generated is inside the doc pages docs; give a folder of its own as --out",
    )
    refused(
        ["docs/rest", "--out", "docs"],
        work,
        "docs holds the doc pages docs/rest; give a folder of its own as --out",
    )


def test_the_current_folder_and_folders_above_it_are_refused(work: Path) -> None:
    refused(
        ["docs", "--out", "."], work, ". is the current folder; give a folder of its own as --out"
    )
    refused(
        [str(work / "docs"), "--out", ".."],
        work / "docs",
        ".. is above the current folder; give a folder of its own as --out",
    )


def test_a_folder_holding_git_is_refused_even_with_a_manifest(work: Path) -> None:
    (work / "repo" / ".git").mkdir(parents=True)
    (work / "repo" / MANIFEST).write_text(
        '{"generator": "superoffice-docs-generator", "files": {}}'
    )
    refused(["docs", "--out", "repo"], work, "repo holds .git; give a folder of its own as --out")


def test_a_link_is_refused(work: Path) -> None:
    (work / "elsewhere").mkdir()
    (work / "link").symlink_to(work / "elsewhere")
    refused(
        ["docs", "--out", "link"], work, "link is a symbolic link; give the folder itself as --out"
    )


def test_docs_without_endpoint_pages_is_an_error_not_an_empty_client(work: Path) -> None:
    assert run("generate", "docs", "--out", "out", cwd=work).returncode == 0
    (work / "empty").mkdir()
    (work / "empty" / "index.md").write_text(
        "---\nuid: tag-Contact\n---\n\n```http\n/api/v1/Contact\n```\n"
    )
    refused(
        ["empty", "--out", "out"],
        work,
        "empty: error: no endpoint pages found (1 pages read, none states an endpoint) [no-endpoints]",
        prefix="",
    )


def test_a_previous_output_is_replaced_and_a_file_added_to_it_is_not_lost(work: Path) -> None:
    assert run("generate", "docs", "--out", "out", cwd=work).returncode == 0
    (work / "out" / "tests" / "__pycache__").mkdir(exist_ok=True)
    (work / "out" / ".mypy_cache").mkdir()
    again = run("generate", "docs", "--out", "out", cwd=work)
    assert again.returncode == 0, again.stderr  # tools' caches in the output do not stop a run
    (work / "out" / "tests" / "my_test.py").write_text("def test_mine(): pass\n")
    refused(
        ["docs", "--out", "out"],
        work,
        "out/tests/my_test.py was not written by this generator; move it away before generating into out",
    )


def test_an_empty_folder_is_used_and_the_output_has_ordinary_permissions(work: Path) -> None:
    (work / "out").mkdir()
    old = os.umask(0o022)
    try:
        assert run("generate", "docs", "--out", "out", cwd=work).returncode == 0
    finally:
        os.umask(old)
    assert (work / "out" / MANIFEST).is_file()
    assert (work / "out").stat().st_mode & 0o777 == 0o755
    assert (work / "out" / "superoffice_client" / "_client.py").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("folder", "folder: Is a directory"),
        ("notes.txt/api.json", "notes.txt/api.json: Not a directory"),
    ],
)
def test_openapi_into_a_folder_or_under_a_file_is_one_located_line(
    work: Path, target: str, message: str
) -> None:
    (work / "folder").mkdir()
    before = snapshot(work)
    result = subprocess.run(
        [sys.executable, "-m", "generator", "openapi", "docs", "-o", target],
        cwd=work,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert (result.returncode, result.stderr.splitlines()) == (
        1,
        [f"error: cannot write {message}"],
    )
    assert snapshot(work) == before


def test_leftovers_of_a_killed_run_are_recovered_by_the_next(work: Path) -> None:
    assert run("generate", "docs", "--out", "out", cwd=work).returncode == 0
    previous = tree(work / "out")
    # Killed between the two renames of the fallback swap: the output is parked, not in place.
    parked = work / ".out.old-x1"
    parked.mkdir()
    os.replace(work / "out", parked / "out")
    shutil.copytree(parked / "out", work / ".out.new-x2")  # and a dead run's staging folder
    (work / ".out.new-x3").mkdir()  # one that died before writing anything
    (work / ".out.new-mine").mkdir()
    (work / ".out.new-mine" / "keep.txt").write_text("not the generator's\n")
    page = work / "docs/rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    result = run("generate", "docs", "--out", "out", cwd=work)
    assert result.returncode == 0, result.stderr
    assert (
        tree(work / "out") != previous
        and "Counts the open tickets"
        in (work / "out/superoffice_client/groups/ticket_entity.py").read_text()
    )
    assert sorted(p.name for p in work.iterdir() if p.name.startswith(".out")) == [".out.new-mine"]


def test_a_run_killed_at_any_moment_leaves_a_complete_output(work: Path, tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    build([work / "docs"], old, 60)
    shutil.copytree(old, new)
    page = next(new.rglob("v1*GetTicketCount.md"))
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    began = time.monotonic()
    assert (
        run("generate", new, "--out", "cold", "--no-cache", "--jobs", "2", cwd=work).returncode == 0
    )
    took = time.monotonic() - began
    fresh = tree(work / "cold")
    assert run("generate", old, "--out", "out", "--no-cache", cwd=work).returncode == 0
    previous = tree(work / "out")
    outcomes = []
    for share in (0.2, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0, 1.05, 1.5):  # of a whole run's time
        delay = took * share
        process = start("generate", new, "--out", "out", "--no-cache", "--jobs", "2", cwd=work)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = tree(work / "out")
        assert now in (
            previous,
            fresh,
        ), f"killed after {delay}s: the output is neither the old nor the new one"
        outcomes.append(now == fresh)
        if now == fresh:  # the run got through: put the old output back for the next trial
            assert run("generate", old, "--out", "out", "--no-cache", cwd=work).returncode == 0
    assert not outcomes[0] and outcomes[-1], outcomes  # the trials spanned the whole run
    deadline = time.monotonic() + 10
    while _workers_of(work) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _workers_of(work) == [], "worker processes outlived their killed parent"
    final = run("generate", new, "--out", "out", "--no-cache", cwd=work)
    assert final.returncode == 0 and tree(work / "out") == fresh
    assert [p.name for p in work.iterdir() if p.name.startswith(".out.")] == []


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid` (a run's pool workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _signal_masks(pid: int) -> str:
    """The signals a process blocks, ignores and catches, for a failure's message."""
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    return " ".join(line for line in lines if line.startswith(("SigBlk", "SigIgn", "SigCgt")))


def _workers_of(work: Path) -> list[int]:
    """Processes still running in `work` (the killed runs' pool workers, had they survived)."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if Path(os.readlink(entry / "cwd")) == work and entry.name != str(os.getpid()):
                    alive.append(int(entry.name))
            except OSError:
                continue
    return alive


def test_ctrl_c_prints_one_line_exits_130_and_keeps_the_output(work: Path, tmp_path: Path) -> None:
    big = tmp_path / "big"
    build([work / "docs"], big, 100)
    assert run("generate", big, "--out", "out", "--no-cache", cwd=work).returncode == 0
    previous = tree(work / "out")
    page = next(big.rglob("v1*GetTicketCount.md"))
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    process = start("generate", big, "--out", "out", "--no-cache", "--jobs", "2", cwd=work)
    # Interrupted once it has forked its workers to parse the pages: surely in the middle of its
    # work, however long the machine takes to get there (a sleep was not: a quick run ended first).
    deadline = time.monotonic() + 60
    while not _children(process.pid) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    signals = _signal_masks(process.pid)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, (signals, stderr[-2000:])
    assert stderr.splitlines() == ["error: interrupted; out is as the last complete run left it"]
    assert tree(work / "out") == previous


def test_concurrent_runs_sharing_a_cache_leave_one_run_s_output(work: Path, tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    build([work / "docs"], old, 40)
    shutil.copytree(old, new)
    page = next(new.rglob("v1*GetTicketCount.md"))
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    outputs = {}
    for name, docs in (("old", old), ("new", new)):
        assert (
            run("generate", docs, "--out", f"cold-{name}", "--no-cache", cwd=work).returncode == 0
        )
        outputs[name] = tree(work / f"cold-{name}")
    for _ in range(2):
        runs = [
            start("generate", docs, "--out", "out", "--cache", "cache", cwd=work)
            for docs in (old, new, old)
        ]
        for process in runs:
            _, stderr = process.communicate(timeout=120)
            assert process.returncode == 0, stderr
        assert tree(work / "out") in (outputs["old"], outputs["new"])
        assert run("generate", new, "--out", "out", "--cache", "cache", cwd=work).returncode == 0
        assert (
            tree(work / "out") == outputs["new"]
        )  # whatever the last run was, the cache does not lie


def test_a_leftover_looking_folder_holding_a_user_file_is_not_removed(work: Path) -> None:
    assert run("generate", "docs", "--out", "out", cwd=work).returncode == 0
    parked = work / ".out.old-mine" / "out"
    shutil.copytree(work / "out", parked)
    (parked / "notes.txt").write_text("mine\n")
    (work / ".out.new-mine").mkdir()
    shutil.copytree(work / "out", work / ".out.new-mine", dirs_exist_ok=True)
    (work / ".out.new-mine" / "draft.py").write_text("mine = 1\n")
    assert run("generate", "docs", "--out", "out", cwd=work).returncode == 0
    assert (parked / "notes.txt").read_text() == "mine\n"
    assert (work / ".out.new-mine" / "draft.py").read_text() == "mine = 1\n"


def test_a_forged_api_signature_in_the_manifest_is_ignored(work: Path) -> None:
    assert run("generate", "docs", "--out", "out", cwd=work).returncode == 0
    manifest = work / "out" / MANIFEST
    data = json.loads(manifest.read_text())
    data["api"] = {"operations": {"v1X_Y": [1, 2]}, "types": 5}
    manifest.write_text(json.dumps(data))
    result = run("generate", "docs", "--out", "out", cwd=work)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    "entry",
    [
        '      "x": 1}}, "files": FILES, "z": {"y": {"w": 1,',
        '      "x": 1}}, "generator": "someone-else", "z": {"y": {"w": 1,',
        '      "x": not json,',
    ],
    ids=["files-again", "generator-again", "not-json"],
)
def test_a_manifest_json_does_not_read_as_ours_is_never_taken_for_one(
    work: Path, entry: str
) -> None:
    """Found by a reviewer: a line of the API's signature that closes it and adds members after
    it, or is no JSON, passed a line-by-line check, and the run removed a file of the user's."""
    assert run("generate", "docs", "--out", "out", cwd=work).returncode == 0
    manifest = work / "out" / MANIFEST
    lines = manifest.read_text().split("\n")
    real = json.dumps(json.loads("\n".join(lines))["files"])
    lines.insert(3, '    "mine.txt": "0",')
    lines.insert(lines.index('    "operations": {') + 1, entry.replace("FILES", real))
    manifest.write_text("\n".join(lines))
    (work / "out" / "mine.txt").write_text("my notes\n")
    assert run("generate", "docs", "--out", "out", cwd=work).returncode == 1
    assert (work / "out" / "mine.txt").read_text() == "my notes\n"


@pytest.mark.parametrize(
    "forge",
    [
        lambda api: api["operations"]["v1TicketEntity_PatchTicketEntity"].update(params=[["path"]]),
        lambda api: api["operations"]["v1TicketEntity_PatchTicketEntity"].update(body=["changes"]),
        lambda api: api["operations"]["v1TicketEntity_PatchTicketEntity"].update(result=[]),
        lambda api: api["types"]["Associate"]["properties"].update(AssociateId=[]),
    ],
    ids=["parameter", "body", "result", "property"],
)
def test_an_api_signature_with_entries_cut_short_is_ignored(
    docs: Path, tmp_path: Path, forge: Any
) -> None:
    """The manifest is the user's to edit: an entry of the API's signature shorter than the
    generator writes it is not a signature of ours (no changes reported), not a crash."""
    from generator.pipeline import generate

    out = tmp_path / "out"
    generate([docs], out, "demo_client", jobs=1)
    data = json.loads((out / MANIFEST).read_text())
    forge(data["api"])
    (out / MANIFEST).write_text(json.dumps(data))
    summary = generate([docs], out, "demo_client", jobs=1)
    assert not summary.errors and summary.api_changes is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("where", ["a generated file", "the manifest", "a leftover staging folder"])
def test_a_fifo_in_the_output_folder_never_blocks_a_run(
    docs: Path, tmp_path: Path, where: str
) -> None:
    """The output folder is the user's: a FIFO there is not a file to read (reading one blocks
    until something writes to it). Found by a differential fuzzer: each of these hung."""
    from tests.test_untrusted import cli

    out, cache = tmp_path / "out", tmp_path / "cache"
    generate = ["generate", docs, "--out", out, "--package", "demo_client", "--cache", cache]
    assert cli(*generate).returncode == 0
    fifo = {
        "a generated file": out / "demo_client/py.typed",  # empty: its size alone matches
        "the manifest": out / MANIFEST,
        "a leftover staging folder": tmp_path / ".out.new-left" / MANIFEST,
    }[where]
    fifo.parent.mkdir(exist_ok=True)
    fifo.unlink(missing_ok=True)
    os.mkfifo(fifo)
    checked, result = cli(*generate, "--check"), cli(*generate)
    if where == "the manifest":  # no manifest of ours: a folder the generator must not replace
        assert checked.returncode == result.returncode == 1 and "error: " in result.stderr
        assert fifo.exists()
        return
    # A staging folder left beside the output is not the output: up to date, as it was.
    assert checked.returncode == (1 if where == "a generated file" else 0)
    assert result.returncode == 0 and (out / "demo_client/py.typed").is_file()


def test_a_run_leaves_the_permissions_and_folders_a_cold_run_leaves(
    docs: Path, tmp_path: Path
) -> None:
    """Generated files whose permissions were changed (one kept as it is, one rendered every run)
    and an empty folder added: the next run, nothing else changed, gives what a cold run gives,
    not only its bytes. Found by a differential fuzzer."""
    import stat

    from generator.pipeline import generate

    def shape(folder: Path) -> dict[str, tuple[bool, int]]:
        return {
            p.relative_to(folder).as_posix(): (p.is_dir(), stat.S_IMODE(p.stat().st_mode))
            for p in folder.rglob("*")
            if "__pycache__" not in p.parts
        }

    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    (out / "demo_client/models/associate.py").chmod(0o600)
    (out / "README.md").chmod(0o755)
    (out / "demo_client/stray").mkdir()
    summary = generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    generate([docs], tmp_path / "cold", "demo_client", cache_root=None, jobs=1)
    assert not summary.unchanged and summary.reused > 0
    assert shape(out) == shape(tmp_path / "cold") and tree(out) == tree(tmp_path / "cold")
