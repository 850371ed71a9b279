"""The cache's page shards: a line an entry, so an entry reused is written again as it was read
and a forged line is a miss for its own entry only, never an error."""

from __future__ import annotations

import json
from pathlib import Path

from generator.cache import Cache, PageEntry, digest
from generator.codec import encode
from generator.model import ParsedPage
from generator.parse.page import read_page

ROOT = Path(__file__).resolve().parent.parent
DOCS = str(ROOT / "docs_input")
PAGE = "rest/Ticket/v1TicketEntity_DeleteTicketEntity.md"
HOME = (DOCS, PAGE)
KEYS = [digest(str(n)) for n in range(200)]


def _parsed() -> ParsedPage:
    return read_page(f"{DOCS}/{PAGE}", DOCS, PAGE)


def _in_shard_0(count: int) -> list[str]:
    return [key for key in KEYS if int(key[0], 16) == 0][:count]


def _write_shard_0(folder: Path, lines: list[str]) -> None:
    Cache(folder, "version")._write_text("pages-0.json", "\n".join(lines))


def test_a_forged_line_is_a_miss_for_its_own_entry_only(tmp_path: Path) -> None:
    good, *forged = _in_shard_0(6)
    elsewhere = next(key for key in KEYS if key[0] != "0")
    entry = json.dumps([[], encode(_parsed(), HOME)])
    bad_location = json.loads(entry)
    bad_location[1][1][7] = [-1, 1]  # Operation.location, written [line, col]
    _write_shard_0(
        tmp_path,
        [
            f"{good} {entry}",
            f"{forged[0]} {json.dumps(bad_location)}",
            f"{forged[1]} {entry[:-1]}",  # not JSON
            f"{forged[2]}{entry}",  # no space
            f"{forged[3]} " + "[" * 100_000 + "]" * 100_000,  # too deep to decode
            f"{forged[4]} NaN",
            f"{elsewhere} {entry}",  # of another shard
            "",
        ],
    )

    cache = Cache(tmp_path, "version")

    hit: PageEntry | None = cache.page(good, HOME)
    assert hit is not None and hit[1] == _parsed()
    assert all(cache.page(key, HOME) is None for key in [*forged, elsewhere])


def test_an_entry_reused_is_written_again_as_it_was_read(tmp_path: Path) -> None:
    reused, parsed_again = _in_shard_0(2)
    spaced = json.dumps([[], encode(_parsed(), HOME)], indent=None, separators=(" , ", " : "))
    _write_shard_0(tmp_path, [f"{reused} {spaced}"])
    cache = Cache(tmp_path, "version")
    assert cache.page(reused, HOME) is not None
    cache.put_page(parsed_again, [], json.dumps(encode(_parsed(), HOME)))

    cache.save_pages()

    written = (tmp_path / "pages-0.json").read_text("utf-8").splitlines()[1:]
    assert f"{reused} {spaced}" in written and len(written) == 2
    assert Cache(tmp_path, "version").page(parsed_again, HOME) is not None
