"""Regeneration with the cache: nothing changed does nothing, and any change gives the cold output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from generator.pipeline import generate
from generator.summary import Summary
from tests.pages import tree

ROOT = Path(__file__).resolve().parent.parent


def run(docs: Path, out: Path, cache: Path | None) -> tuple[dict[str, bytes], bool]:
    summary = generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    return tree(out), summary.unchanged


def test_nothing_changed_does_nothing_and_a_changed_page_gives_the_cold_output(
    docs: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first, unchanged = run(docs, tmp_path / "out", cache)
    assert not unchanged
    again, unchanged = run(docs, tmp_path / "out", cache)
    assert unchanged and again == first

    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    incremental, unchanged = run(docs, tmp_path / "out", cache)
    cold, _ = run(docs, tmp_path / "cold", None)
    assert not unchanged
    assert incremental == cold
    assert incremental != first


def test_a_changed_include_reparses_the_page_that_includes_it(docs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run(docs, tmp_path / "out", cache)
    fragment = docs / "samples/rest/response/v1TicketEntity_DeleteTicketEntity.md"
    fragment.write_text(
        fragment.read_text().replace(
            "204 TicketEntity deleted.", "202 Accepted, to be gone for good."
        )
    )
    incremental, unchanged = run(docs, tmp_path / "out", cache)
    cold, _ = run(docs, tmp_path / "cold", None)
    assert not unchanged and incremental == cold


def test_a_page_parsed_again_for_its_include_is_cached_anew(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its key (its own bytes) is unchanged, yet its entry is new: the shard holding it is written."""
    from generator import load

    cache = tmp_path / "cache"
    run(docs, tmp_path / "out", cache)
    fragment = docs / "samples/rest/response/v1TicketEntity_DeleteTicketEntity.md"
    fragment.write_text(fragment.read_text().replace("204 TicketEntity deleted.", "202 Accepted."))
    run(docs, tmp_path / "out", cache)
    parsed: list[str] = []
    original = load._parse_one
    monkeypatch.setattr(
        load, "_parse_one", lambda _, item: parsed.append(item[0].file) or original(_, item)
    )
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    run(docs, tmp_path / "out", cache)
    assert parsed == ["rest/Ticket/v1TicketEntity_GetTicketCount.md"]


def test_an_edited_or_removed_output_is_regenerated(docs: Path, tmp_path: Path) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    first, _ = run(docs, out, cache)
    (out / "demo_client/_call.py").write_text("broken")
    again, unchanged = run(docs, out, cache)
    assert not unchanged and again == first
    shutil.rmtree(out)
    again, unchanged = run(docs, out, cache)
    assert not unchanged and again == first


def test_a_corrupt_cache_is_ignored(docs: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first, _ = run(docs, tmp_path / "out", cache)
    stores = list(cache.rglob("*.json"))
    assert stores
    for store in stores:
        store.write_bytes(b"not a cache file")
    again, unchanged = run(docs, tmp_path / "out", cache)
    assert not unchanged and again == first


@pytest.mark.parametrize("forged", ["not json", "[1, 2]", '{"pages": "many"}'])
def test_a_record_whose_counts_are_forged_makes_a_run_with_work(
    docs: Path, tmp_path: Path, forged: str
) -> None:
    """A run with nothing to do repeats the record's counts: ones that are not valid make it
    do the work instead."""
    import json

    from generator.cache import Cache, fingerprint

    cache = tmp_path / "cache"
    first, _ = run(docs, tmp_path / "out", cache)
    (folder,) = [p for p in cache.iterdir() if p.is_dir()]
    state = json.loads((folder / "state.json").read_bytes().partition(b"\n")[2])
    state[4] = forged  # LastRun.counts
    Cache(folder, fingerprint())._write("state.json", state)
    again, unchanged = run(docs, tmp_path / "out", cache)
    assert not unchanged and again == first
    _, unchanged = run(docs, tmp_path / "out", cache)
    assert unchanged  # the record written anew holds valid counts


def test_importing_the_package_does_not_import_every_group(tmp_path: Path, docs: Path) -> None:
    generate([docs], tmp_path / "out", "demo_client", jobs=1)
    code = "import sys, demo_client; print(sorted(m for m in sys.modules if m.startswith('demo_client.')))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path / "out",
        capture_output=True,
        text=True,
        check=True,
    )
    assert (
        out.stdout.strip()
        == "['demo_client._auth', 'demo_client._base', 'demo_client._call', 'demo_client._client', 'demo_client._errors', 'demo_client._io', 'demo_client._log', 'demo_client._model', 'demo_client._options', 'demo_client._response', 'demo_client._values', 'demo_client._version']"
    )


def test_a_run_reuses_the_files_of_unchanged_groups_and_never_a_changed_file(
    docs: Path, tmp_path: Path
) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    edited = out / "demo_client/groups/ticket_agent.py"
    edited.write_text(edited.read_text().replace("def get_owner", "def get_owner_edited"))
    # The edited file and the changed page's are rendered anew.
    summary = _regenerated_after_a_page_change(docs, out, cache, tmp_path / "cold")
    assert summary.reused > 0  # the Appointment agent's files, its models, their tests


def test_each_page_is_read_once_so_the_bytes_hashed_for_the_cache_are_the_bytes_parsed(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page read twice (once to hash, once to parse) could be edited in between and its new
    text cached under the old bytes' key."""
    import os
    from collections import Counter

    from generator import discover

    reads: Counter[str] = Counter()
    original = discover.read_regular

    def counting(path: str | Path, limit: int) -> bytes:
        reads[os.path.realpath(path)] += 1
        return original(path, limit)

    monkeypatch.setattr(discover, "read_regular", counting)
    parsed: list[bytes] = []
    from generator import load

    parse = load.parse_pages

    def recording(read: discover.Read, *args: object, **kwargs: object) -> object:
        parsed.extend(read.contents)
        return parse(read, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(load, "parse_pages", recording)
    summary = generate(
        [docs], tmp_path / "out", "demo_client", cache_root=tmp_path / "cache", jobs=1
    )
    included = {os.path.realpath(docs / path) for path in summary.includes} | {
        os.path.realpath(path) for path in summary.includes
    }
    pages = [
        os.path.realpath(p)
        for p in sorted(docs.rglob("*.md"))
        if os.path.realpath(p) not in included
    ]
    assert pages and all(reads[page] == 1 for page in pages), {
        page: reads[page] for page in pages if reads[page] != 1
    }
    assert sorted(parsed) == sorted(
        p.read_bytes() for p in docs.rglob("*.md")
    )  # includes are pages too


def test_an_include_is_read_once_a_run_so_the_run_records_the_bytes_it_checked(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read again at the end, an include edited during the run would be recorded as the output's
    input, and the next run would take the stale output for current."""
    cache = tmp_path / "cache"
    run(docs, tmp_path / "out", cache)
    digested = _include_reads(monkeypatch)
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    run(docs, tmp_path / "out", cache)
    assert digested and sorted(digested) == sorted(set(digested))


def _include_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The includes each later run reads to check them."""
    from generator import discover

    digested: list[str] = []
    original = discover.include_digest

    def counting(path: str, roots: list[str], real_root: Callable[[str], str]) -> str:
        digested.append(path)
        return original(path, roots, real_root)

    monkeypatch.setattr(discover, "include_digest", counting)
    return digested


def _page_reads(monkeypatch: pytest.MonkeyPatch, docs: Path) -> list[str]:
    """The pages each later run reads as pages (not as includes), as paths below `docs`."""
    import os

    from generator import discover
    from generator.diagnostics import Location

    reads: list[str] = []
    original = discover.page_bytes

    def counting(path: str | Path, at: Location) -> bytes:
        reads.append(os.path.relpath(path, docs))
        return original(path, at)

    monkeypatch.setattr(discover, "page_bytes", counting)
    return reads


def test_a_run_keeps_the_unchanged_output_files_unread_unless_the_output_was_touched(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from generator import manifest, previous, write

    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    reads: list[str] = []
    for module, name in (
        (previous, "file_digest_of"),
        (manifest, "read_output"),
        (write, "read_output"),
    ):
        original = getattr(module, name)

        def counting(path: Path, *args: Any, original: Callable[..., object] = original) -> object:
            if out in Path(os.path.abspath(path)).parents:
                reads.append(Path(path).relative_to(out).as_posix())
            return original(path, *args)

        monkeypatch.setattr(module, name, counting)
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    summary = generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    read = list(reads)
    generate([docs], tmp_path / "cold", "demo_client", cache_root=None, jobs=1)
    assert tree(out) == tree(tmp_path / "cold")
    kept = "demo_client/groups/appointment_agent.py"
    assert summary.reused > 0 and (out / kept).is_file()
    assert read and kept not in read  # only files rendered anew are compared with the old ones

    # A file of the output touched since: the tree is no longer as the last run left it, so the
    # files a run would keep are read and checked (the edited one is rendered anew).
    edited = out / "demo_client/groups/ticket_agent.py"
    edited.write_text(edited.read_text().replace("def get_owner", "def get_owner_edited"))
    page.write_text(page.read_text().replace("Counts the open tickets", "Counts all tickets"))
    reads.clear()
    summary = generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    read = list(reads)
    generate([docs], tmp_path / "cold2", "demo_client", cache_root=None, jobs=1)
    assert tree(out) == tree(tmp_path / "cold2") and summary.reused > 0
    assert kept in read
    assert manifest.read_manifest(out) == manifest.read_manifest(tmp_path / "cold2")


def test_a_run_with_nothing_changed_reads_only_the_files_that_changed(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import discover

    monkeypatch.setattr(discover, "_TICK_NS", 0)  # the files were written just before the run
    cache = tmp_path / "cache"
    first, _ = run(docs, tmp_path / "out", cache)
    reads = _page_reads(monkeypatch, docs)
    digested = _include_reads(monkeypatch)
    again, unchanged = run(docs, tmp_path / "out", cache)
    assert unchanged and again == first and reads == [] and digested == []

    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_bytes(page.read_bytes())  # touched: read again, and found the same
    fragment = docs / "samples/rest/response/v1TicketEntity_DeleteTicketEntity.md"
    fragment.write_bytes(fragment.read_bytes())
    again, unchanged = run(docs, tmp_path / "out", cache)
    assert unchanged and again == first
    assert sorted(reads) == [  # an include is a page too
        "rest/Ticket/v1TicketEntity_GetTicketCount.md",
        "samples/rest/response/v1TicketEntity_DeleteTicketEntity.md",
    ]
    assert digested and all(path.endswith(fragment.name) for path in digested)


def test_a_run_with_one_page_changed_reads_that_page_only(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The pages the last run's record vouches for are found in the cache by their recorded
    digests, not read again."""
    from generator import discover

    monkeypatch.setattr(discover, "_TICK_NS", 0)  # the files were written just before the run
    cache = tmp_path / "cache"
    run(docs, tmp_path / "out", cache)
    reads = _page_reads(monkeypatch, docs)
    digested = _include_reads(monkeypatch)
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    incremental, unchanged = run(docs, tmp_path / "out", cache)
    assert not unchanged and reads == ["rest/Ticket/v1TicketEntity_GetTicketCount.md"]
    assert digested == []  # nor any include: the record vouches for them all
    cold, _ = run(docs, tmp_path / "cold", None)
    assert incremental == cold


def test_pages_are_parsed_on_the_other_core_while_the_cache_decodes_the_rest(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only then: a run whose cache holds no page has nothing to do meanwhile. (Other work on the
    other core, the files rendered, the previous output removed, measured slower: forking a
    process holding the model costs more than they take.)"""
    from generator.workers import Workers

    begun: list[tuple[str, int]] = []
    original = Workers.begin

    def recording(self: Workers, fn: Any, context: Any, items: Any, progress: Any = None) -> Any:
        begun.append((fn.__name__, len(items)))
        return original(self, fn, context, items, progress)

    monkeypatch.setattr(Workers, "begin", recording)
    cache = tmp_path / "cache"
    generate([docs], tmp_path / "out", "demo_client", cache_root=cache, jobs=2)
    assert begun == []  # the cache held no page to decode meanwhile
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    generate([docs], tmp_path / "out", "demo_client", cache_root=cache, jobs=2)
    assert begun == [("_parse_one", 1)]
    cold, _ = run(docs, tmp_path / "cold", None)
    assert tree(tmp_path / "out") == cold
    _, unchanged = run(docs, tmp_path / "out", cache)
    assert unchanged


def test_an_include_edited_as_its_page_is_parsed_is_parsed_again_by_the_next_run(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parser reads it, then it changes, then the run hashes it: neither the page's entry nor
    the run's record may pair the old text with the new digest, or the next run would keep the
    output made from the old (found by a reviewer; older than the overlap, which widened it)."""
    from generator import load

    fragment = docs / "samples/rest/response/v1TicketEntity_DeleteTicketEntity.md"
    original = load._parse_one

    def parsed_then_edited(context: None, item: Any) -> Any:
        result = original(context, item)
        if item[0].file == "rest/Ticket/v1TicketEntity_DeleteTicketEntity.md":
            text = fragment.read_text().replace(
                "204 TicketEntity deleted.", "202 Edited meanwhile."
            )
            fragment.write_text(text)
        return result

    monkeypatch.setattr(load, "_parse_one", parsed_then_edited)
    cache = tmp_path / "cache"
    run(docs, tmp_path / "out", cache)
    monkeypatch.setattr(load, "_parse_one", original)
    incremental, unchanged = run(docs, tmp_path / "out", cache)
    cold, _ = run(docs, tmp_path / "cold", None)
    assert not unchanged and incremental == cold
    _, unchanged = run(docs, tmp_path / "out", cache)
    assert unchanged  # settled: the run after does nothing


def test_an_include_changed_since_the_record_vouched_for_it_is_read_again(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import discover

    monkeypatch.setattr(discover, "_TICK_NS", 0)  # the files were written just before the run
    cache = tmp_path / "cache"
    run(docs, tmp_path / "out", cache)
    digested = _include_reads(monkeypatch)
    fragment = docs / "samples/rest/response/v1TicketEntity_DeleteTicketEntity.md"
    fragment.write_text(fragment.read_text().replace("204 TicketEntity deleted.", "202 Accepted."))
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    incremental, unchanged = run(docs, tmp_path / "out", cache)
    assert not unchanged and digested == [str(fragment)]
    cold, _ = run(docs, tmp_path / "cold", None)
    assert incremental == cold


def test_an_include_is_vouched_for_only_as_checked_against_the_same_docs_folders(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record's digest says whether an include was inside the docs folders of its run: a run
    reading other folders checks each include anew."""
    from generator import discover
    from generator.discover import Vouched, read_docs

    monkeypatch.setattr(discover, "_TICK_NS", 0)
    fragment = str(docs / "samples/rest/response/v1TicketEntity_DeleteTicketEntity.md")
    key, _ = discover.include_key(fragment)
    vouched = Vouched({}, {fragment: f"{key}\0recorded"}, 1 << 62, (os.path.realpath(docs),))
    read = read_docs([docs], vouched)
    assert read.include_digest(fragment, [str(docs)]) == "recorded"
    other = str(docs / "samples")
    assert read.include_digest(fragment, [other]) == discover.include_digest(fragment, [other])


@pytest.mark.parametrize("direction", ["outside-to-inside", "inside-to-outside"])
def test_an_include_folder_link_retargeted_to_the_same_files_moved_is_read_again(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, direction: str
) -> None:
    """Moved, the files keep their inodes and times: where an include really is is part of what
    the record vouches for (found by a reviewer: the run kept the last run's digests)."""
    from generator import discover

    monkeypatch.setattr(discover, "_TICK_NS", 0)
    outside, hidden = tmp_path / "outside" / "samples", docs / ".samples"  # hidden: no pages
    outside.parent.mkdir()
    first, then = (outside, hidden) if direction == "outside-to-inside" else (hidden, outside)
    (docs / "samples").rename(first)
    (docs / "samples").symlink_to(first)
    cache = tmp_path / "cache"
    run(docs, tmp_path / "out", cache)
    first.rename(then)
    (docs / "samples").unlink()
    (docs / "samples").symlink_to(then)
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"  # some work to do
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    incremental, _ = run(docs, tmp_path / "out", cache)
    cold, _ = run(docs, tmp_path / "cold", None)
    assert incremental == cold


def test_a_page_vouched_for_but_missing_from_the_cache_is_read_and_parsed(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record vouches for the page's digest, but the cache lost its entry: the page is read
    then, and cached under the digest of the bytes read."""
    from generator import discover

    monkeypatch.setattr(discover, "_TICK_NS", 0)
    cache = tmp_path / "cache"
    run(docs, tmp_path / "out", cache)
    for shard in cache.rglob("pages-*.json"):
        shard.unlink()
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    reads = _page_reads(monkeypatch, docs)
    incremental, unchanged = run(docs, tmp_path / "out", cache)
    read = list(reads)
    cold, _ = run(docs, tmp_path / "cold", None)
    assert not unchanged and incremental == cold
    assert page.relative_to(docs).as_posix() in read and len(read) == len(set(read)) > 1
    reads.clear()
    page.write_text(page.read_text().replace("Counts the open tickets", "Counts all tickets"))
    run(docs, tmp_path / "out", cache)  # the entries made above are found by their digests
    assert reads == ["rest/Ticket/v1TicketEntity_GetTicketCount.md"]


@pytest.mark.parametrize("swap", ["deleted", "fifo", "folder", "link out", "link in", "edited"])
def test_a_vouched_page_replaced_before_its_cache_miss_is_read_stops_the_run(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swap: str
) -> None:
    """Discovery found the page as the record vouches for it, but the cache lost its entry, and
    by the time it is read the file is another: a located error, nothing written. Above all a
    link to a page outside the docs folder (which discovery would have left out) is not read in
    its place."""
    import os

    from generator import discover, pipeline

    monkeypatch.setattr(discover, "_TICK_NS", 0)
    cache, out = tmp_path / "cache", tmp_path / "out"
    first, _ = run(docs, out, cache)
    for shard in cache.rglob("pages-*.json"):
        shard.unlink()
    other = docs / "rest/Ticket/v1TicketEntity_DeleteTicketEntity.md"
    other.write_text(other.read_text() + "\nDeleted for good.\n")  # so that the run has work
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    outside = tmp_path / "outside.md"
    outside.write_text(page.read_text().replace("Counts the tickets", "Read from outside"))
    inside = docs / "rest/Ticket/elsewhere.txt"  # not a page itself: no `.md`
    inside.write_text(outside.read_text())
    discovered = pipeline.read_docs

    def read_then_swap(*args: Any) -> discover.Read:
        read = discovered(*args)
        assert read.contents[[p.path for p in read.pages].index(str(page))] is None  # vouched
        if swap == "edited":
            page.write_text(outside.read_text())
            return read
        page.unlink()
        if swap == "fifo":
            os.mkfifo(page)
        elif swap == "folder":
            page.mkdir()
        elif swap == "link out":
            page.symlink_to(outside)
        elif swap == "link in":
            page.symlink_to(inside)
        return read

    monkeypatch.setattr(pipeline, "read_docs", read_then_swap)
    summary = generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    assert [(e.location.file, e.code) for e in summary.errors] == [
        ("rest/Ticket/v1TicketEntity_GetTicketCount.md", "page-file")
    ]
    assert tree(out) == first


def test_a_page_changed_as_the_last_run_began_is_read_even_if_its_file_looks_the_same(
    docs: Path, tmp_path: Path
) -> None:
    """On a file system with coarse timestamps an edit can leave size and times as they were: the
    record vouches only for files that changed well before its run began."""
    import os

    from generator import codec
    from generator.cache import Cache
    from generator.discover import stat_key
    from generator.incremental import last_run

    cache_root, out = tmp_path / "cache", tmp_path / "out"
    run(docs, out, cache_root)
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    cache = Cache.for_output(cache_root, out)
    last = last_run(cache)
    assert last is not None
    name = f"{docs.as_posix()}/rest/Ticket/v1TicketEntity_GetTicketCount.md"
    recorded = last.pages[name].split(" ")[1]
    last.pages[name] = f"{stat_key(os.stat(page))} {recorded}"  # as if the edit left it alike
    cache.record_run(codec.encode(last), cache.last_jobs)
    cache.save()

    incremental, unchanged = run(docs, out, cache_root)
    cold, _ = run(docs, tmp_path / "cold", None)
    assert not unchanged and incremental == cold


def test_a_forged_include_path_holding_a_nul_does_not_crash_the_run(
    docs: Path, tmp_path: Path
) -> None:
    from generator import codec
    from generator.cache import Cache
    from generator.incremental import last_run

    cache_root, out = tmp_path / "cache", tmp_path / "out"
    first, _ = run(docs, out, cache_root)
    cache = Cache.for_output(cache_root, out)
    last = last_run(cache)
    assert last is not None
    last.includes.append(f"{docs}/a\x00b/c.md")
    cache.record_run(codec.encode(last), cache.last_jobs)
    cache.save()
    again, unchanged = run(docs, out, cache_root)
    assert again == first and not unchanged


def test_an_include_folder_retargeted_during_a_run_is_never_read_outside_the_docs(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each check of an include resolves its path afresh: a folder link inside the docs pointed
    outside them after the first check (here as `check_target` returns, standing for another
    process) is never followed."""
    import os

    from generator import discover, pipeline

    os.rename(docs / "samples", docs / "samples_real")
    os.symlink("samples_real", docs / "samples")
    secret = tmp_path / "secret"
    shutil.copytree(docs / "samples_real", secret)
    other = tmp_path / "docs2"  # a second docs folder: the parse checks includes under its root
    other.mkdir()
    shutil.copy(docs / "index.md", other / "index.md")

    def both(out: Path, cache: Path) -> None:
        generate([docs, other], out, "demo_client", cache_root=cache, jobs=1)

    both(tmp_path / "out", tmp_path / "cache")
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    opened: list[str] = []
    read = discover.read_regular

    def recording(path: str | Path, limit: int) -> bytes:
        opened.append(os.path.realpath(path))
        return read(path, limit)

    monkeypatch.setattr(discover, "read_regular", recording)
    check = pipeline.check_target

    def check_then_retarget(out: Path, protected: list[tuple[Path, str]], **how: Any) -> Any:
        listed = check(out, protected, **how)
        os.unlink(docs / "samples")
        os.symlink(secret, docs / "samples")
        return listed

    monkeypatch.setattr(pipeline, "check_target", check_then_retarget)
    both(tmp_path / "out", tmp_path / "cache")
    assert opened and not [path for path in opened if path.startswith(f"{secret}/")]


def test_a_run_from_the_cache_reports_every_finding_a_cold_run_reports(
    docs: Path, tmp_path: Path
) -> None:
    """The linter's findings are kept with each cached page: pages taken from the cache still
    report theirs."""
    cache = tmp_path / "cache"
    generate([docs], tmp_path / "out", "demo_client", cache_root=cache, jobs=1)
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    incremental = generate([docs], tmp_path / "out", "demo_client", cache_root=cache, jobs=1)
    cold = generate([docs], tmp_path / "cold", "demo_client", jobs=1)
    linted = {d.code for d in cold.diagnostics} & {"sample-type", "endpoint-mismatch"}
    assert linted and incremental.diagnostics == cold.diagnostics


@pytest.mark.parametrize(
    "claim",
    [
        "demo_client/groups/ticket_entity.py",  # a file another job renders anew
        ".generator-manifest.json",  # the manifest itself
        "../secret.txt",  # a file outside the output
        None,  # no file at all
    ],
)
def test_a_forged_jobs_record_cannot_make_a_run_keep_what_the_job_does_not_write(
    docs: Path, tmp_path: Path, claim: str | None
) -> None:
    import hashlib
    import json

    from generator.cache import Cache, digest, fingerprint

    cache, out = tmp_path / "cache", tmp_path / "out"
    (tmp_path / "secret.txt").write_text("secret\n")
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    outside = tmp_path / "hardlink.py"
    (outside).hardlink_to(out / "demo_client/groups/ticket_entity.py")
    before = outside.read_bytes()
    record = Cache(cache / digest(str(out.resolve()))[:16], fingerprint())
    jobs = record.last_jobs
    listed = json.loads((out / ".generator-manifest.json").read_text())["files"]
    for files in jobs.values():
        if "demo_client/groups/appointment_agent.py" in files:
            if claim is None:
                files.clear()
            else:
                files[claim] = (
                    listed.get(claim) or hashlib.sha256((out / claim).read_bytes()).hexdigest()
                )
    record._write("jobs.json", jobs)  # anyone can: the HMAC is keyed by the fingerprint
    _regenerated_after_a_page_change(docs, out, cache, tmp_path / "cold")
    assert outside.read_bytes() == before  # never written through a kept file's link


def test_an_output_file_edited_during_a_run_is_not_vouched_for_afterwards(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator import output

    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    kept = out / "demo_client/groups/appointment_agent.py"
    render = output.render_files

    def edited_meanwhile(*args: object, **kwargs: object) -> object:
        tree_ = render(*args, **kwargs)  # type: ignore[arg-type]
        with open(kept, "a") as handle:  # an editor saves it while the run renders
            handle.write("# mine\n")
        return tree_

    monkeypatch.setattr(output, "render_files", edited_meanwhile)
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    monkeypatch.setattr(output, "render_files", render)
    _regenerated_after_a_page_change(docs, out, cache, tmp_path / "cold")


def test_an_output_file_rewritten_with_its_size_and_mtime_restored_is_read_and_rendered_anew(
    docs: Path, tmp_path: Path
) -> None:
    """The output tree is told by inode and ctime too, as pages are: `sed -i` then `touch -r`."""
    import os

    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    kept = out / "demo_client/groups/appointment_agent.py"
    before = kept.stat()
    text = kept.read_text()
    edited = text.replace("def ", "def_", 1)
    assert len(edited) == len(text) and edited != text
    replacement = kept.with_suffix(".new")
    replacement.write_text(edited)
    os.replace(replacement, kept)  # another inode, same size
    os.utime(kept, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same mtime
    _regenerated_after_a_page_change(docs, out, cache, tmp_path / "cold")


def test_a_type_edited_renders_again_only_the_tests_of_the_groups_that_reach_it(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.emit import tests

    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    rendered: list[str] = []
    render = tests._group_tests

    def recording(view: Any, fill: Any, group: Any, *args: Any) -> dict[str, str]:
        rendered.append(group.module)
        return render(view, fill, group, *args)

    monkeypatch.setattr(tests, "_group_tests", recording)
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketEntity.md"
    page.write_text(page.read_text().replace("| Primary key |", "| The ticket's primary key |"))
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    assert rendered == ["ticket_entity"]  # the Appointment agent's tests name no ticket
    monkeypatch.setattr(tests, "_group_tests", render)
    generate([docs], tmp_path / "cold", "demo_client", cache_root=None, jobs=1)
    assert tree(out) == tree(tmp_path / "cold")
    assert "The ticket's primary key" in (out / "demo_client/models/ticket_entity.py").read_text()


def _regenerated_after_a_page_change(docs: Path, out: Path, cache: Path, cold: Path) -> Summary:
    """A page's text edited, `out` generated again with the cache: it must be what a cold run
    (into `cold`) makes of the pages."""
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the", "Counts all of the", 1))
    summary = generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    generate([docs], cold, "demo_client", cache_root=None, jobs=1)
    assert tree(out) == tree(cold)
    return summary


def test_a_parameter_s_or_a_header_s_description_edited_gives_the_cold_output(
    docs: Path, tmp_path: Path
) -> None:
    """The view, which the job keys print, holds an operation's parameters as its method's
    arguments only, and no headers: an edit to either still gives what a cold run gives."""
    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    count = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    count.write_text(count.read_text().replace("The ticket status to count.", "Which status."))
    status = docs / "agent/Appointment_Agent/v1AppointmentAgent_SetActivityStatus.md"
    status.write_text(status.read_text().replace("you must provide XSRF", "provide the XSRF"))
    summary = generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    generate([docs], tmp_path / "cold", "demo_client", cache_root=None, jobs=1)
    assert tree(out) == tree(tmp_path / "cold") and summary.reused > 0
    assert "Which status." in (out / "demo_client/groups/ticket_entity.py").read_text()


# The job keys name an operation and a type by what the model made them from (`Api.op_sources`,
# `Api.type_sources`), not by printing them: an edit on another page that changes them must
# still render them again.

_PROPS = "| Property Name | Type |  Description |"
_STATUS = "## Response:\n\n| Response | Description |\n|---|---|\n| 200 | OK |"


def _returning(docs: Path, uid: str, result: str, *rows: str) -> Path:
    group = uid.split("_")[0].removeprefix("v1")
    path = docs / group / f"{uid}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    front = f"---\nuid: {uid}\n---\n\n"
    endpoint = f"```http\nPOST /api/v1/Agents/{group}/{uid}\n```\n\n"
    body = f"### Response body: {result}\n\n" + "\n".join([_PROPS, "|---|---|---|", *rows])
    path.write_text(front + endpoint + f"{_STATUS}\n\n{body}\n")
    return path


def _incremental_is_cold(docs: Path, tmp_path: Path, edit: Callable[[], None]) -> dict[str, bytes]:
    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    edit()
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    generate([docs], tmp_path / "cold", "demo_client", cache_root=None, jobs=1)
    assert tree(out) == tree(tmp_path / "cold")
    return tree(out)


def test_an_operation_whose_result_another_page_now_names_is_rendered_again(
    tmp_path: Path,
) -> None:
    """Its page unchanged, its anonymous result matches the named type another page's table
    now describes: its method returns that type."""
    docs = tmp_path / "docs"
    rows = ("| Id | int32 | Key |", "| Name | string | |")
    _returning(docs, "v1AAgent_GetThings", "array", *rows)
    named = _returning(docs, "v1BAgent_GetThing", "Thing", rows[0], "| Title | string | |")
    output = _incremental_is_cold(
        docs, tmp_path, lambda: _returning(docs, "v1BAgent_GetThing", "Thing", *rows)
    )
    assert named.exists() and b"list[Thing]" in output["demo_client/groups/a_agent.py"]


def test_a_type_another_page_adds_a_property_to_renders_again_the_tests_reaching_it(
    tmp_path: Path,
) -> None:
    """The type is merged from both pages: the first page's group's tests show the property the
    second page added."""
    docs = tmp_path / "docs"
    rows = ("| Id | int32 | Key |", "| Name | string | |")
    _returning(docs, "v1AAgent_GetThing", "Thing", *rows)
    _returning(docs, "v1BAgent_GetThing", "Thing", *rows)
    output = _incremental_is_cold(
        docs,
        tmp_path,
        lambda: _returning(docs, "v1BAgent_GetThing", "Thing", *rows, "| Added | string | |"),
    )
    assert b"Added" in output["tests/samples/a_agent.json"]


def test_a_model_whose_property_s_type_another_page_now_documents_is_rendered_again(
    tmp_path: Path,
) -> None:
    """Its type unchanged, the model's field takes the class another page's table now makes."""
    docs = tmp_path / "docs"
    _returning(docs, "v1AAgent_GetThing", "Thing", "| Id | int32 | Key |", "| Part | Part | |")
    _returning(docs, "v1BAgent_GetOther", "Other", "| Id | int32 | Key |")
    output = _incremental_is_cold(
        docs,
        tmp_path,
        lambda: _returning(docs, "v1BAgent_GetOther", "Part", "| Label | string | |"),
    )
    assert b"part: Part | None" in output["demo_client/models/thing.py"]


def test_a_group_whose_result_type_another_page_changes_pages_as_the_cold_run_does(
    tmp_path: Path,
) -> None:
    """A GET with `$top` pages when its result type, documented on another page, has `value` and
    `odata.nextLink`: the other page's edit adds or takes away its group's paging methods."""
    docs = tmp_path / "docs"
    listing = docs / "rest/v1Thing_GetAll.md"
    listing.parent.mkdir(parents=True)
    listing.write_text(
        "---\nuid: v1Thing_GetAll\n---\n\n```http\nGET /api/v1/Thing\n```\n\n"
        "## Query String Parameters\n\n| Parameter Name | Type |  Description |\n|---|---|---|\n"
        "| $top | int32 | Rows |\n\n"
        f"{_STATUS}\n\n### Response body: ThingList\n"
    )
    rows = ("| value | array | Rows |", "| odata.nextLink | string | Next |")
    _returning(docs, "v1BAgent_GetList", "ThingList", *rows)
    output = _incremental_is_cold(
        docs, tmp_path, lambda: _returning(docs, "v1BAgent_GetList", "ThingList", rows[0])
    )
    assert b"def iter_all" not in output["demo_client/groups/thing.py"]
    docs_again = tmp_path / "again"
    shutil.copytree(docs, docs_again)
    output = _incremental_is_cold(
        docs_again,
        tmp_path / "second",
        lambda: _returning(docs_again, "v1BAgent_GetList", "ThingList", *rows),
    )
    assert b"def iter_all" in output["demo_client/groups/thing.py"]


def test_the_same_pages_read_from_another_docs_folder_are_generated_anew(
    docs: Path, tmp_path: Path
) -> None:
    """`docs` then `docs/rest`: the files are the same, but their places (below the docs folder,
    as the output names them) and what their includes may reach are not."""
    for index in docs.glob("*.md"):
        index.unlink()  # so that `docs/agent docs/rest docs/samples` reads what `docs` reads
    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    folders = [docs / "agent", docs / "rest", docs / "samples"]
    summary = generate(folders, out, "demo_client", cache_root=cache, jobs=1)
    generate(folders, tmp_path / "cold", "demo_client", cache_root=None, jobs=1)
    assert not summary.unchanged and tree(out) == tree(tmp_path / "cold")


# The manifest's API signature: an entry made from the same pages as in the last run is taken
# from the output's manifest, while the output is as the last run left it.


def _encoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The API entries the manifest encodes anew from now on, in a list."""
    from generator import manifest

    made: list[str] = []
    original = manifest._sorted

    def counting(value: Any) -> str:
        made.append(value.get("path") or value.get("at"))
        return original(value)

    monkeypatch.setattr(manifest, "_sorted", counting)
    return made


def test_the_manifest_keeps_the_api_entries_of_unchanged_pages_and_is_the_cold_one(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    encoded = _encoded(monkeypatch)
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("## Response", "Moved down a line.\n\n## Response"))
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    made_here = list(encoded)
    generate([docs], tmp_path / "cold", "demo_client", cache_root=None, jobs=1)
    assert tree(out) == tree(tmp_path / "cold")
    assert "/api/v1/Ticket/Count" in made_here  # the changed page's operation
    assert 0 < len(made_here) < len(encoded) - len(made_here)  # the cold run encoded them all


def test_the_api_changes_a_run_taking_entries_reports_are_those_of_a_run_making_them_all(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compared with the last run's signature read from its lines, the entries taken as they
    were: the same changes as when every entry is made and the whole manifest parsed."""
    cache = tmp_path / "cache"
    for out in (tmp_path / "out", tmp_path / "plain"):
        generate([docs], out, "demo_client", cache_root=cache if out.name == "out" else None)
    page = docs / "agent/Ticket_Agent/v1TicketAgent_GetOwner.md"
    page.write_text(
        page.read_text().replace(
            "| TicketId | Integer | The ticket. |",
            "| TicketId | Integer | The ticket. **Required** |",
        )
    )
    (docs / "agent/Ticket_Agent/v1TicketAgent_CheckText.md").unlink()
    encoded = _encoded(monkeypatch)
    taking = generate([docs], tmp_path / "out", "demo_client", cache_root=cache, jobs=1)
    taken = len(encoded)
    making = generate([docs], tmp_path / "plain", "demo_client", cache_root=None, jobs=1)
    assert 0 < taken < len(encoded) - taken  # the run with the cache took most entries
    assert taking.api_changes is not None
    assert {(c.kind, c.subject) for c in taking.api_changes} >= {
        ("parameter-required", "v1TicketAgent_GetOwner"),
        ("endpoint-removed", "v1TicketAgent_CheckText"),
    }
    assert taking.api_changes == making.api_changes
    assert tree(tmp_path / "out") == tree(tmp_path / "plain")


def test_a_manifest_read_as_written_is_parsed_but_for_its_api_entries_until_asked_for(
    docs: Path, tmp_path: Path
) -> None:
    import json

    from generator.manifest import MANIFEST, read_listing

    generate([docs], tmp_path / "out", "demo_client", jobs=1)
    whole = json.loads((tmp_path / "out" / MANIFEST).read_text())
    listing = read_listing(tmp_path / "out", as_written=True)
    assert listing is not None and listing.lines is not None
    assert isinstance(listing.signature, str)  # not parsed yet
    assert listing.files == whole["files"] and listing.api == whole["api"]
    assert {
        section: {key: json.loads(line) for key, line in entries.items()}
        for section, entries in listing.lines.items()
    } == whole["api"]


@pytest.mark.parametrize(
    "edit",
    [
        lambda text: text.replace("\n  }\n}\n", '\n  },\n  "files": {}\n}\n'),  # a member after
        lambda text: text.replace('"operations": {\n', '"operations" : {\n'),
        lambda text: text.replace("\n    },\n", '\n    },\n  "files": {},\n', 1),
    ],
    ids=["member-after", "spacing", "member-between"],
)
def test_a_manifest_not_as_written_is_read_whole_as_json_reads_it(
    docs: Path, tmp_path: Path, edit: Callable[[str], str]
) -> None:
    """The files a manifest lists decide what a run may replace: one edited by hand says what
    JSON says it says, its later members too."""
    import json

    from generator.manifest import MANIFEST, read_listing

    generate([docs], tmp_path / "out", "demo_client", jobs=1)
    manifest = tmp_path / "out" / MANIFEST
    manifest.write_text(edit(manifest.read_text()))
    whole = json.loads(manifest.read_text())
    listing = read_listing(tmp_path / "out", as_written=True)
    assert listing is not None and listing.lines is None
    assert listing.files == whole["files"] and listing.api == whole.get("api")


def test_a_manifest_edited_by_hand_gives_none_of_its_entries_to_the_next_one(
    docs: Path, tmp_path: Path
) -> None:
    cache, out = tmp_path / "cache", tmp_path / "out"
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    manifest = out / ".generator-manifest.json"
    text = manifest.read_text()
    assert '"method": "GET"' in text
    manifest.write_text(text.replace('"method": "GET"', '"method": "HEAD"'))
    page = docs / "rest/Ticket/v1TicketEntity_GetTicketCount.md"
    page.write_text(page.read_text().replace("Counts the tickets", "Counts the open tickets"))
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    generate([docs], tmp_path / "cold", "demo_client", cache_root=None, jobs=1)
    assert manifest.read_text() == (tmp_path / "cold/.generator-manifest.json").read_text()


def test_an_operation_whose_spread_body_another_page_documents_gets_its_new_arguments(
    tmp_path: Path,
) -> None:
    """Its request carrier has no table of its own: its arguments are the properties another
    page's table gives the type, and an edit there changes the operation's signature entry."""
    docs = tmp_path / "docs"
    page = docs / "AAgent/v1AAgent_DoThing.md"
    page.parent.mkdir(parents=True)
    endpoint = "```http\nPOST /api/v1/Agents/AAgent/v1AAgent_DoThing\n```\n\n"
    page.write_text(f"---\nuid: v1AAgent_DoThing\n---\n\n{endpoint}## Request body: request\n\n")
    rows = ("| Id | int32 | Key |",)
    _returning(docs, "v1BAgent_GetRequest", "AAgentDoThingRequest", *rows)
    output = _incremental_is_cold(
        docs,
        tmp_path,
        lambda: _returning(
            docs, "v1BAgent_GetRequest", "AAgentDoThingRequest", *rows, "| Added | string | |"
        ),
    )
    assert b'"Added"' in output[".generator-manifest.json"]


def test_the_package_s_own_files_are_kept_until_a_group_a_model_or_the_version_changes(
    tmp_path: Path,
) -> None:
    """The client, the indexes, the runtime, the pyproject and the conftest are keyed by the
    package's names: kept while they stay, rendered again when a group or a model comes, or the
    version changes."""
    docs, cache, out = tmp_path / "docs", tmp_path / "cache", tmp_path / "out"
    _returning(docs, "v1AAgent_GetThing", "Thing", "| Id | int32 | Key |")
    generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    _returning(docs, "v1AAgent_GetThing", "Thing", "| Id | int32 | The key |")
    summary = generate([docs], out, "demo_client", cache_root=cache, jobs=1)
    assert summary.changes is not None and "demo_client/_client.py" not in summary.changes.changed
    assert summary.reused >= 10  # the package's own files, the runtime's among them
    generate([docs], out, "demo_client", cache_root=cache, jobs=1, package_version="2.0.0")
    generate([docs], tmp_path / "cold", "demo_client", jobs=1, package_version="2.0.0")
    assert tree(out) == tree(tmp_path / "cold")
    assert '"2.0.0"' in (out / "demo_client/_version.py").read_text()
    _returning(docs, "v1BAgent_GetThing", "Thing", "| Id | int32 | The key |")  # a group only
    generate([docs], out, "demo_client", cache_root=cache, jobs=1, package_version="2.0.0")
    generate([docs], tmp_path / "cold2", "demo_client", jobs=1, package_version="2.0.0")
    assert tree(out) == tree(tmp_path / "cold2")
    assert "b_agent" in (out / "demo_client/_client.py").read_text()
    _returning(docs, "v1BAgent_GetOther", "Other", "| Id | int32 | Key |")  # and a model
    generate([docs], out, "demo_client", cache_root=cache, jobs=1, package_version="2.0.0")
    generate([docs], tmp_path / "cold3", "demo_client", jobs=1, package_version="2.0.0")
    assert tree(out) == tree(tmp_path / "cold3")
    assert "Other" in (out / "demo_client/models/__init__.py").read_text()
