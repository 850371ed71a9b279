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

from superoffice_client import AsyncClient, Client

if TYPE_CHECKING:
    from conftest import MockApi

SAMPLES = json.loads((Path(__file__).parent / "samples/ticket_entity.json").read_text("utf-8"))

CALLS: dict[str, Callable[[Client | AsyncClient], Any]] = {
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


def test_error(api: MockApi, failure: str) -> None:
    """Each failure raises its class of ApiError (FAILURES in conftest.py)."""
    api.check_error(CALLS["delete_ticket_entity"], failure)
