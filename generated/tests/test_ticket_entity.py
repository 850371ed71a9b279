"""Tests of the TicketEntity endpoints, from the samples on their doc pages.

Each endpoint is called with its sample request's values (CALLS); what it must send and get back
is in samples/ticket_entity.json.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from superoffice_client import Client

if TYPE_CHECKING:
    from conftest import MockApi

SAMPLES = json.loads((Path(__file__).parent / "samples/ticket_entity.json").read_text("utf-8"))

CALLS: dict[str, Callable[[Client], Any]] = {
    "delete_ticket_entity": lambda client: client.ticket_entity.delete_ticket_entity(id=123),
    "get_all": lambda client: client.ticket_entity.get_all(
        select=["title", "status"],
        filter="title begins 'Print'",
        order_by="title asc",
        top=50,
        mode="Full",
        json_safe=False,
    ),
    "get_attachment": lambda client: client.ticket_entity.get_attachment(
        ticket_id=4711, name="report 2024.pdf"
    ),
    "get_ticket_count": lambda client: client.ticket_entity.get_ticket_count(
        status="Open", from_="2024-01-01T00:00:00", class_="text"
    ),
    "get_ticket_entity": lambda client: client.ticket_entity.get_ticket_entity(
        id=4711, select=["title", "status"]
    ),
    "patch_ticket_entity": lambda client: client.ticket_entity.patch_ticket_entity(
        id=1, changes=SAMPLES["patch_ticket_entity"]["request"]
    ),
    "put_ticket_entity": lambda client: client.ticket_entity.put_ticket_entity(
        id=1, entity=SAMPLES["put_ticket_entity"]["request"]
    ),
    "set_attachment": lambda client: client.ticket_entity.set_attachment(
        ticket_id=1, stream=b"%PDF-1.4 example content \x00\xff"
    ),
}


@pytest.mark.parametrize("endpoint", CALLS)
def test_endpoint(api: MockApi, endpoint: str) -> None:
    """The endpoint sends its sample request and decodes its sample response."""
    api.check_endpoint(CALLS[endpoint], SAMPLES[endpoint])


def test_error(api: MockApi) -> None:
    """A non-2xx answer raises ApiError with SuperOffice's error type and message."""
    api.check_error(CALLS["delete_ticket_entity"])


PAGED: dict[str, Callable[[Client], Any]] = {
    "get_all": lambda client: client.ticket_entity.iter_all(
        select=["title", "status"],
        filter="title begins 'Print'",
        order_by="title asc",
        mode="Full",
        json_safe=False,
        page_size=2,
    ),
}


@pytest.mark.parametrize("endpoint", PAGED)
def test_paging(api: MockApi, endpoint: str) -> None:
    """The rows of every page, following odata.nextLink to a page without rows or without a link."""
    api.check_paging(PAGED[endpoint], SAMPLES[endpoint])


@pytest.mark.parametrize("endpoint", PAGED)
def test_paging_stops_when_the_server_repeats_a_page(api: MockApi, endpoint: str) -> None:
    """A next link followed before, or a page with the rows of the one before, ends the rows."""
    api.check_paging_repeats(PAGED[endpoint], SAMPLES[endpoint])
