"""Tests of the TicketEntity endpoints, from the samples on their doc pages.

What each test sends and expects is in samples/ticket_entity.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from superoffice_client import ApiError
from superoffice_client.models import ODataSlimResponse, TicketEntity

if TYPE_CHECKING:
    from conftest import MockApi

SAMPLES = json.loads((Path(__file__).parent / "samples/ticket_entity.json").read_text("utf-8"))


def test_delete_ticket_entity(api: MockApi) -> None:
    """DELETE /api/v1/Ticket/{id}, as documented at samples/rest/response/v1TicketEntity_DeleteTicketEntity.md:2."""
    sample = api.replay(SAMPLES["test_delete_ticket_entity"])
    result = api.client.ticket_entity.delete_ticket_entity(id=123)
    api.expect(sample)
    assert result is None


def test_get_all(api: MockApi) -> None:
    """GET /api/v1/Ticket, as documented at rest/Ticket/v1TicketEntity_GetAll.md:78."""
    sample = api.replay(SAMPLES["test_get_all"])
    result = api.client.ticket_entity.get_all(
        select=["title", "status"],
        filter="title begins 'Print'",
        order_by="title asc",
        top=50,
        mode="Full",
        json_safe=False,
    )
    api.expect(sample)
    api.check_model(result, ODataSlimResponse, sample["expected"])


def test_get_attachment(api: MockApi) -> None:
    """GET /api/v1/Ticket/{ticketId}/Attachment/{name}, as documented at rest/Ticket/v1TicketEntity_GetAttachment.md:47."""
    sample = api.replay(SAMPLES["test_get_attachment"])
    result = api.client.ticket_entity.get_attachment(ticket_id=4711, name="report 2024.pdf")
    api.expect(sample)
    assert result == sample["response"].encode()


def test_get_ticket_count(api: MockApi) -> None:
    """GET /api/v1/Ticket/Count, as documented at rest/Ticket/v1TicketEntity_GetTicketCount.md:48."""
    sample = api.replay(SAMPLES["test_get_ticket_count"])
    result = api.client.ticket_entity.get_ticket_count(
        status="Open", from_="2024-01-01T00:00:00", class_="text"
    )
    api.expect(sample)
    assert result == sample["expected"]


def test_get_ticket_entity(api: MockApi) -> None:
    """GET /api/v1/Ticket/{id}, as documented at rest/Ticket/v1TicketEntity_GetTicketEntity.md:73."""
    sample = api.replay(SAMPLES["test_get_ticket_entity"])
    result = api.client.ticket_entity.get_ticket_entity(id=4711, select=["title", "status"])
    api.expect(sample)
    api.check_model(result, TicketEntity, sample["expected"])


def test_patch_ticket_entity(api: MockApi) -> None:
    """PATCH /api/v1/Ticket/{id}, as documented at rest/Ticket/v1TicketEntity_PatchTicketEntity.md:70."""
    sample = api.replay(SAMPLES["test_patch_ticket_entity"])
    result = api.client.ticket_entity.patch_ticket_entity(id=1, changes=sample["request"])
    api.expect(sample)
    api.check_model(result, TicketEntity, sample["expected"])


def test_put_ticket_entity(api: MockApi) -> None:
    """PUT /api/v1/Ticket/{id}, as documented at rest/Ticket/v1TicketEntity_PutTicketEntity.md:74."""
    sample = api.replay(SAMPLES["test_put_ticket_entity"])
    result = api.client.ticket_entity.put_ticket_entity(id=1, entity=sample["request"])
    api.expect(sample)
    api.check_model(result, TicketEntity, sample["expected"])


def test_set_attachment(api: MockApi) -> None:
    """PUT /api/v1/Ticket/{ticketId}/Attachment, as documented at rest/Ticket/v1TicketEntity_SetAttachment.md:9."""
    sample = api.replay(SAMPLES["test_set_attachment"])
    result = api.client.ticket_entity.set_attachment(
        ticket_id=1, stream=b"%PDF-1.4 example content \x00\xff"
    )
    api.expect(sample)
    assert result == sample["expected"]


def test_ticket_entity_error(api: MockApi) -> None:
    """A non-2xx answer raises ApiError with SuperOffice's error type and message."""
    sample = SAMPLES["test_delete_ticket_entity"]
    api.fail(500, {"ErrorType": "SoException", "ErrorMessage": "Something went wrong"})
    with pytest.raises(ApiError) as raised:
        api.client.ticket_entity.delete_ticket_entity(id=123)
    assert raised.value.status_code == 500
    assert raised.value.body == {"ErrorType": "SoException", "ErrorMessage": "Something went wrong"}
    assert str(raised.value).endswith("[SoException]: Something went wrong")
