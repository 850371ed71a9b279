"""A reference folder as it is: group index pages are skipped, never mistaken for endpoints."""

from __future__ import annotations

import pytest

from generator.diagnostics import PageError
from tests.pages import parse

LINKS = "\n* [GET Contact/{id}](v1ContactEntity_GetContactEntity.md)\n\n* [DEL Contact/{id}](v1ContactEntity_DeleteContactEntity.md)\n"
TAGGED = (
    "---\nuid: tag-Contact\ntitle: Contact\ngenerated: true\ncontent_type: reference\n---\n\n```http\n/api/v1/Contact\n```\n"
    + LINKS
)
UNNAMED = "---\ntitle: Contact agent\n---\n\n```http\n/api/v1/Agents/Contact\n```\n" + LINKS
REPEATED = TAGGED * 12


@pytest.mark.parametrize(
    "text",
    [TAGGED, UNNAMED, REPEATED, "```http\n/api/v1/Contact\n```\n" + LINKS],
    ids=["tag uid", "no uid", "repeated", "no front matter"],
)
def test_an_index_page_is_skipped_as_not_an_endpoint(text: str) -> None:
    page = parse(text, name="rest/Contact/index.md")
    assert page.operation is None
    assert page.skipped.startswith("not an endpoint page (an index page")
    assert page.diagnostics == []


def test_an_endpoint_uid_with_a_block_without_method_is_still_a_located_error() -> None:
    text = (
        "---\nuid: v1ContactEntity_GetAll\n---\n\n# GET Contact\n\n```http\n/api/v1/Contact\n```\n"
    )
    with pytest.raises(PageError) as raised:
        parse(text, name="rest/Contact/v1ContactEntity_GetAll.md")
    assert str(raised.value).startswith("rest/Contact/v1ContactEntity_GetAll.md:7:1: error: ")
    assert str(raised.value).endswith(" [no-endpoint]")


def test_a_page_that_states_its_method_is_an_endpoint_whatever_its_uid() -> None:
    text = "---\nuid: tag-Contact\n---\n\n# GET Contact\n\n```http\nGET /api/v1/Contact\n```\n"
    page = parse(text, name="rest/Contact/odd.md")
    assert page.operation is not None and page.operation.method == "GET"
