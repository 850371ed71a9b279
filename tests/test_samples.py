"""Samples are read once, into the model: later stages never parse a start line again."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from generator.codec import Invalid, decode, encode
from generator.model import ParsedPage, Sample
from tests.pages import page, parse, sample_request, sample_response


def test_a_sample_request_gives_its_method_path_and_query() -> None:
    parsed = parse(
        page(
            sample_request(
                '{"a": 1}', start="post /api/v1/Agents/Demo/DoThing?$select=a,b&x=%20y HTTP/1.1"
            )
        )
    )
    sample = parsed.operation.request_sample if parsed.operation else None
    assert sample is not None
    assert (sample.method, sample.path, sample.query) == (
        "POST",
        "/api/v1/Agents/Demo/DoThing",
        [("$select", "a,b"), ("x", " y")],
    )
    assert sample.start_line.startswith("post ") and sample.status is None
    assert sample.body == {"a": 1} and sample.has_json


def test_a_sample_response_gives_its_status_and_reason() -> None:
    parsed = parse(page(sample_response('{"a": 1}', status="201 Created")))
    sample = parsed.operation.response_sample if parsed.operation else None
    assert sample is not None
    assert (sample.status, sample.reason, sample.method) == (201, "Created", "")


def test_a_start_line_that_is_neither_leaves_both_unset() -> None:
    parsed = parse(page(sample_response('{"a": 1}', status="")))
    sample = parsed.operation.response_sample if parsed.operation else None
    assert sample is not None and sample.status is None


def test_samples_round_trip_through_the_cache_codec_and_forged_ones_are_refused() -> None:
    parsed = parse(
        page(
            sample_request('{"a": 1}', start="GET /api/v1/Agents/Demo/DoThing?x=1"),
            sample_response("[1]"),
        )
    )
    assert decode(ParsedPage, encode(parsed)) == parsed
    sample = parsed.operation.request_sample if parsed.operation else None
    assert sample is not None
    data = encode(sample)
    data[_field(Sample, "method")] = "FETCH"  # not one the parser produces
    with pytest.raises(Invalid):
        decode(Sample, data)


def test_the_cache_keeps_a_sample_body_once_as_text_parsed_as_safe_json_when_used() -> None:
    parsed = parse(page(sample_response('{"kept": [1, 2]}')))
    sample = parsed.operation.response_sample if parsed.operation else None
    assert sample is not None and sample.has_json
    data = encode(sample)
    assert "kept" not in repr(data).replace(repr(sample.body_text), "")  # not its value too
    assert decode(Sample, data).body == {"kept": [1, 2]} and decode(Sample, data).has_json
    # A forged entry's body that is not safe JSON (a lone surrogate) is no JSON, as on a page.
    data[_field(Sample, "body_text")] = '{"kept": "\\ud800"}'
    forged = decode(Sample, data)
    assert forged.body is None and not forged.has_json


def _field(cls: type, name: str) -> int:
    """Where a dataclass's field is in its encoding."""
    return [f.name for f in fields(cls) if f.init].index(name)


def test_the_sample_response_of_a_binary_result_is_never_json_fresh_or_from_the_cache() -> None:
    from generator.parse.page import read_page

    root = Path(__file__).resolve().parent.parent / "docs_input"
    file = "agent/Ticket_Agent/v1TicketAgent_GetAttachmentStream.md"
    parsed = read_page(root / file, str(root), file)
    sample = parsed.operation.response_sample if parsed.operation else None
    assert sample is not None and sample.body_text.startswith('"') and sample.binary
    assert not sample.has_json and sample.body is None
    again = decode(ParsedPage, encode(parsed, (str(root), file)), (str(root), file))
    kept = again.operation.response_sample if again.operation else None
    assert kept is not None and not kept.has_json and kept.body is None
