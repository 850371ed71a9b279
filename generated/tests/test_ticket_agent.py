"""Tests of the TicketAgent endpoints, from the samples on their doc pages.

What each test sends and expects is in samples/ticket_agent.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from superoffice_client import ApiError
from superoffice_client.models import Associate, CheckResult, TicketAgentGetTicketListItem

if TYPE_CHECKING:
    from conftest import MockApi

SAMPLES = json.loads((Path(__file__).parent / "samples/ticket_agent.json").read_text("utf-8"))


def test_check_text(api: MockApi) -> None:
    """POST /api/v1/Agents/Ticket/CheckText, as documented at agent/Ticket_Agent/v1TicketAgent_CheckText.md:73."""
    sample = api.replay(SAMPLES["test_check_text"])
    result = api.client.ticket_agent.check_text(
        self_2="text",
        select="text",
        text='He said """ and left \\',
        class_="A",
        field_1st_place=True,
        odata_type="#Ticket",
        to_dict="x",
    )
    api.expect(sample)
    api.check_model(result, CheckResult, sample["expected"])


def test_get_owner(api: MockApi) -> None:
    """POST /api/v1/Agents/Ticket/GetOwner, as documented at agent/Ticket_Agent/v1TicketAgent_GetOwner.md:62."""
    sample = api.replay(SAMPLES["test_get_owner"])
    result = api.client.ticket_agent.get_owner(ticket_id=4711)
    api.expect(sample)
    api.check_model(result, Associate, sample["expected"])


def test_get_ticket_list(api: MockApi) -> None:
    """POST /api/v1/Agents/Ticket/GetTicketList, as documented at agent/Ticket_Agent/v1TicketAgent_GetTicketList.md:52."""
    sample = api.replay(SAMPLES["test_get_ticket_list"])
    result = api.client.ticket_agent.get_ticket_list(ticket_ids=sample["request"])
    api.expect(sample)
    api.check_models(result, TicketAgentGetTicketListItem, sample["expected"])


def test_is_ticket_open(api: MockApi) -> None:
    """POST /api/v1/Agents/Ticket/IsTicketOpen, as documented at agent/Ticket_Agent/v1TicketAgent_IsTicketOpen__old.md:46."""
    sample = api.replay(SAMPLES["test_is_ticket_open"])
    result = api.client.ticket_agent.is_ticket_open(ticket_id=4711)
    api.expect(sample)
    assert result == sample["expected"]


def test_ticket_agent_error(api: MockApi) -> None:
    """A non-2xx answer raises ApiError with SuperOffice's error type and message."""
    sample = SAMPLES["test_check_text"]
    api.fail(500, {"ErrorType": "SoException", "ErrorMessage": "Something went wrong"})
    with pytest.raises(ApiError) as raised:
        api.client.ticket_agent.check_text(
            self_2="text",
            select="text",
            text='He said """ and left \\',
            class_="A",
            field_1st_place=True,
            odata_type="#Ticket",
            to_dict="x",
        )
    assert raised.value.status_code == 500
    assert raised.value.body == {"ErrorType": "SoException", "ErrorMessage": "Something went wrong"}
    assert str(raised.value).endswith("[SoException]: Something went wrong")
