"""Tests of the TicketAgent endpoints, from the samples on their doc pages.

Each endpoint is called with its sample request's values (CALLS); what it must send and get back
is in samples/ticket_agent.json.
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

SAMPLES = json.loads((Path(__file__).parent / "samples/ticket_agent.json").read_text("utf-8"))

CALLS: dict[str, Callable[[Client | AsyncClient], Any]] = {
    "add_message": lambda client: client.ticket_agent.add_message(
        ticket_id=4711, body="<p>The printer works again.</p>", connection_info=None, cc=None
    ),
    "check_text": lambda client: client.ticket_agent.check_text(
        self_2="text",
        select="text",
        text='He said """ and left \\',
        class_="A",
        field_1st_place=True,
        odata_type="#Ticket",
        to_dict="x",
    ),
    "get_attachment_stream": lambda client: client.ticket_agent.get_attachment_stream(
        attachment_id=12
    ),
    "get_owner": lambda client: client.ticket_agent.get_owner(ticket_id=4711),
    "get_ticket_list": lambda client: client.ticket_agent.get_ticket_list(
        ticket_ids=SAMPLES["get_ticket_list"]["request"]
    ),
    "is_ticket_open": lambda client: client.ticket_agent.is_ticket_open(ticket_id=4711),
}


@pytest.mark.parametrize("endpoint", CALLS)
def test_endpoint(api: MockApi, endpoint: str) -> None:
    """The endpoint sends its sample request and decodes its sample response."""
    api.check_endpoint(CALLS[endpoint], SAMPLES[endpoint])


def test_error(api: MockApi, failure: str) -> None:
    """Each failure raises its class of ApiError (FAILURES in conftest.py)."""
    api.check_error(CALLS["add_message"], failure)
