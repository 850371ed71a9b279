"""The cache's codec: a parsed page round-trips, in the compact form the cache keeps, and data a
run never writes is Invalid (a miss), never an error of another kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.codec import Invalid, decode, encode
from generator.diagnostics import Location
from generator.model import ParsedPage, Property, TypeRef
from generator.parse.page import read_page

ROOT = Path(__file__).resolve().parent.parent
DOCS = str(ROOT / "docs_input")
PAGE = "rest/Ticket/v1TicketEntity_DeleteTicketEntity.md"  # its samples are included files
HOME = (DOCS, PAGE)


def test_a_page_round_trips_with_its_own_locations_written_as_line_and_column() -> None:
    parsed = read_page(f"{DOCS}/{PAGE}", DOCS, PAGE)
    assert parsed.operation is not None and parsed.operation.response_sample is not None
    included = parsed.operation.response_sample.location
    assert included.file != PAGE  # a location in an included file: written whole

    data = encode(parsed, HOME)

    assert encode(parsed.operation.location, HOME) == parsed.operation.location.line  # column 1
    assert encode(parsed.operation.location._replace(col=7), HOME) == [
        parsed.operation.location.line,
        7,
    ]
    assert encode(included, HOME) == list(included)
    assert encode(TypeRef("integer", "int32"), HOME) == "integer|int32|"
    assert json.dumps(data).count(PAGE) == 1  # as ParsedPage.file, in no location
    assert decode(ParsedPage, data, HOME) == parsed


def test_a_location_written_as_line_and_column_is_in_the_home_it_is_decoded_in() -> None:
    assert decode(Location, [3, 4], ("docs", "a.md")) == Location("docs", "a.md", 3, 4)
    assert decode(Location, 3, ("docs", "a.md")) == Location("docs", "a.md", 3, 1)
    assert decode(Location, ["docs", "b.md", 3, 4], ("docs", "a.md")) == ("docs", "b.md", 3, 4)


@pytest.mark.parametrize(
    "data",
    [[-1, 4], [3, -1], [True, 4], [3, 1 << 63], ["3", 4], [3.0, 4], [3], [3, 4, 5], {}]
    + [-1, True, 1 << 63, 3.0, "3"],
)
def test_a_forged_location_is_invalid(data: object) -> None:
    with pytest.raises(Invalid):
        decode(Location, data, ("docs", "a.md"))
    with pytest.raises(Invalid):  # and inside a record, where its common forms are decoded inline
        decode(Property, ["p", "string||", "", data, False], ("docs", "a.md"))


@pytest.mark.parametrize("data", [[3, 4], 3])
def test_a_location_written_as_line_and_column_is_invalid_without_a_home(data: object) -> None:
    with pytest.raises(Invalid):
        decode(Location, data)
    with pytest.raises(Invalid):
        decode(Property, ["p", "string||", "", data, False])


def test_a_plain_type_written_as_one_string_is_the_shared_value() -> None:
    first = decode(TypeRef, "integer|int32|")

    assert first == TypeRef("integer", "int32")
    assert decode(TypeRef, "integer|int32|") is first
    assert decode(Property, ["p", "integer|int32|", "", 1, False], HOME).type is first
    assert decode(TypeRef, ["array", "", "", "named||Ticket", []]) == TypeRef(
        "array", item=TypeRef("named", name="Ticket")
    )


def test_a_type_whose_name_holds_the_separator_is_written_as_a_list() -> None:
    odd = TypeRef("named", name="A|B")

    assert encode(odd) == ["named", "", "A|B", None, []]
    assert decode(TypeRef, encode(odd)) == odd


@pytest.mark.parametrize(
    "forged", ["integer|int32", "integer|int32||", "no-such-kind||", "named||a\ud800", ""]
)
def test_a_forged_plain_type_is_invalid(forged: str) -> None:
    with pytest.raises(Invalid):
        decode(TypeRef, forged)
    with pytest.raises(Invalid):
        decode(Property, ["p", forged, "", 1, False], HOME)


def test_equal_encodings_of_a_plain_type_give_one_shared_value() -> None:
    first = decode(TypeRef, ["integer", "int32", "", None, []])

    assert decode(TypeRef, ["integer", "int32", "", None, []]) is first
    assert first == TypeRef("integer", "int32")


@pytest.mark.parametrize(
    "forged",
    [["integer", 32, "", None, []], ["integer", "int32", "", None, [1]], ["integer", "int32", ""]],
)
def test_a_forged_type_like_a_shared_one_is_invalid(forged: object) -> None:
    decode(TypeRef, ["integer", "int32", "", None, []])  # shared
    decode(TypeRef, ["integer", "32", "", None, []])  # shared

    with pytest.raises(Invalid):
        decode(TypeRef, forged)


def test_a_record_s_plain_type_is_the_shared_value() -> None:
    plain = ["integer", "int32", "", None, []]
    prop = decode(Property, ["p", plain, "", [1, 1], False], ("root", "file"))
    assert prop.type is decode(TypeRef, plain)
    assert prop.location == Location("root", "file", 1, 1)


@pytest.mark.parametrize(
    "forged",
    [
        [["integer"], "int32", "", None, []],  # unhashable where a shared one's key is
        ["integer", {"a": 1}, "", None, []],
        ["integer", 32, "", None, []],
        ["integer", "int32", "", None, [1]],
        ["no-such-kind", "", "", None, []],
    ],
)
def test_a_forged_type_inside_a_record_is_invalid(forged: object) -> None:
    decode(TypeRef, ["integer", "int32", "", None, []])  # a shared one, made first
    with pytest.raises(Invalid):
        decode(Property, ["p", forged, "", [1, 1], False], ("root", "file"))
