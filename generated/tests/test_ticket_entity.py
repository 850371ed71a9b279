"""Tests of the TicketEntity endpoints, from the samples on their doc pages."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from superoffice_client import ApiError
from superoffice_client.models.o_data_slim_response import ODataSlimResponse
from superoffice_client.models.ticket_entity import TicketEntity

if TYPE_CHECKING:
    from conftest import MockApi


def test_delete_ticket_entity(api: MockApi) -> None:
    """DELETE /api/v1/Ticket/{id}, as documented at samples/rest/response/v1TicketEntity_DeleteTicketEntity.md:2."""
    api.respond(204, b"null", "application/json; charset=utf-8")
    result = api.client.ticket_entity.delete_ticket_entity(
        id=123,
    )
    api.expect(
        "DELETE",
        "/api/v1/Ticket/123",
        {},
    )
    assert result is None


def test_get_all(api: MockApi) -> None:
    """GET /api/v1/Ticket, as documented at rest/Ticket/v1TicketEntity_GetAll.md:78."""
    api.respond(
        200,
        b'{\n  "odata.metadata": "https://www.example.com/api/v1/archive$metadata",\n  "odata.nextLink": "https://www.example.com/api/v1/Ticket?$skip=50",\n  "value": [\n    {\n      "PrimaryKey": 4711,\n      "EntityName": "ticket",\n      "title": "Printer fixed"\n    }\n  ]\n}',
        "application/json; charset=utf-8",
    )
    result = api.client.ticket_entity.get_all(
        select=["title", "status"],
        filter="text",
        order_by="text",
        top=50,
        mode="Full",
        json_safe=False,
    )
    api.expect(
        "GET",
        "/api/v1/Ticket",
        {
            "$select": "title,status",
            "$filter": "text",
            "$orderBy": "text",
            "$top": "50",
            "$mode": "Full",
            "$jsonSafe": "false",
        },
    )
    api.check_model(
        result,
        ODataSlimResponse,
        {
            "odata.metadata": "https://www.example.com/api/v1/archive$metadata",
            "odata.nextLink": "https://www.example.com/api/v1/Ticket?$skip=50",
            "value": [
                {"PrimaryKey": 4711, "EntityName": "ticket", "title": "Printer fixed"}
            ],
        },
    )


def test_get_attachment(api: MockApi) -> None:
    """GET /api/v1/Ticket/{ticketId}/Attachment/{name}, as documented at rest/Ticket/v1TicketEntity_GetAttachment.md:47."""
    api.respond(
        200, b"%PDF-1.4 ....File contents as raw bytes...", "application/octet-stream"
    )
    result = api.client.ticket_entity.get_attachment(
        ticket_id=1,
        name="text",
    )
    api.expect(
        "GET",
        "/api/v1/Ticket/1/Attachment/text",
        {},
    )
    assert result == b"%PDF-1.4 ....File contents as raw bytes..."


def test_get_ticket_count(api: MockApi) -> None:
    """GET /api/v1/Ticket/Count, as documented at rest/Ticket/v1TicketEntity_GetTicketCount.md:48."""
    api.respond(200, b"42", "application/json; charset=utf-8")
    result = api.client.ticket_entity.get_ticket_count(
        status="Open",
        from_="2024-01-01T00:00:00",
        class_="text",
    )
    api.expect(
        "GET",
        "/api/v1/Ticket/Count",
        {"status": "Open", "from": "2024-01-01T00:00:00", "class": "text"},
    )
    assert result == 42


def test_get_ticket_entity(api: MockApi) -> None:
    """GET /api/v1/Ticket/{id}, as documented at rest/Ticket/v1TicketEntity_GetTicketEntity.md:73."""
    api.respond(
        200,
        b'{\n  "TicketId": 4711,\n  "Title": "Printer says \\"PC LOAD LETTER\\" \\\\ again",\n  "CreatedAt": "2024-03-01T09:15:00.1234567+01:00",\n  "UpdatedAt": "2024-03-02T10:00:00+0100",\n  "Owner": {\n    "AssociateId": 12,\n    "Name": "ROBIN",\n    "FullName": "Robin Hood",\n    "LastLogin": "2024-02-28T08:00:00"\n  },\n  "Tags": ["printer", "urgent"],\n  "Priority": null,\n  "CustomFields": {\n    "SuperOffice:1": "yes"\n  },\n  "TableRight": {\n    "Mask": "FULL",\n    "Reason": ""\n  },\n  "_Links": {\n    "Self": "https://www.example.com/api/v1/Ticket/4711"\n  }\n}',
        "application/json; charset=utf-8",
    )
    result = api.client.ticket_entity.get_ticket_entity(
        id=4711,
        select=["title", "status"],
    )
    api.expect(
        "GET",
        "/api/v1/Ticket/4711",
        {"$select": "title,status"},
    )
    api.check_model(
        result,
        TicketEntity,
        {
            "TicketId": 4711,
            "Title": 'Printer says "PC LOAD LETTER" \\ again',
            "CreatedAt": "2024-03-01T09:15:00.1234567+01:00",
            "UpdatedAt": "2024-03-02T10:00:00+0100",
            "Owner": {
                "AssociateId": 12,
                "Name": "ROBIN",
                "FullName": "Robin Hood",
                "LastLogin": "2024-02-28T08:00:00",
            },
            "Tags": ["printer", "urgent"],
            "Priority": None,
            "CustomFields": {"SuperOffice:1": "yes"},
            "TableRight": {"Mask": "FULL", "Reason": ""},
            "_Links": {"Self": "https://www.example.com/api/v1/Ticket/4711"},
        },
    )


def test_patch_ticket_entity(api: MockApi) -> None:
    """PATCH /api/v1/Ticket/{id}, as documented at rest/Ticket/v1TicketEntity_PatchTicketEntity.md:70."""
    api.respond(
        200,
        b'{\n  "TicketId": 4711,\n  "Title": "Printer on fire"\n}',
        "application/json; charset=utf-8",
    )
    result = api.client.ticket_entity.patch_ticket_entity(
        id=1,
        changes=[{"op": "replace", "path": "/Title", "value": "Printer on fire"}],
    )
    api.expect(
        "PATCH",
        "/api/v1/Ticket/1",
        {},
        json_body=[{"op": "replace", "path": "/Title", "value": "Printer on fire"}],
        sends_json=True,
    )
    api.check_model(
        result, TicketEntity, {"TicketId": 4711, "Title": "Printer on fire"}
    )


def test_put_ticket_entity(api: MockApi) -> None:
    """PUT /api/v1/Ticket/{id}, as documented at rest/Ticket/v1TicketEntity_PutTicketEntity.md:74."""
    api.respond(
        200,
        b'{\n  "TicketId": 4711,\n  "Title": "Printer fixed",\n  "CreatedAt": "2024-03-01T09:15:00.1234567+01:00",\n  "UpdatedAt": "2024-03-05T16:20:00.7654321+01:00",\n  "Owner": null,\n  "Tags": [],\n  "Priority": null,\n  "CustomFields": {},\n  "TableRight": null\n}',
        "application/json; charset=utf-8",
    )
    result = api.client.ticket_entity.put_ticket_entity(
        id=1,
        entity={"TicketId": 4711, "Title": "Printer fixed"},
    )
    api.expect(
        "PUT",
        "/api/v1/Ticket/1",
        {},
        json_body={"TicketId": 4711, "Title": "Printer fixed"},
        sends_json=True,
    )
    api.check_model(
        result,
        TicketEntity,
        {
            "TicketId": 4711,
            "Title": "Printer fixed",
            "CreatedAt": "2024-03-01T09:15:00.1234567+01:00",
            "UpdatedAt": "2024-03-05T16:20:00.7654321+01:00",
            "Owner": None,
            "Tags": [],
            "Priority": None,
            "CustomFields": {},
            "TableRight": None,
        },
    )


def test_set_attachment(api: MockApi) -> None:
    """PUT /api/v1/Ticket/{ticketId}/Attachment, as documented at rest/Ticket/v1TicketEntity_SetAttachment.md:9."""
    api.respond(200, b"1", "application/json; charset=utf-8")
    result = api.client.ticket_entity.set_attachment(
        ticket_id=1,
        stream=b"%PDF-1.4 example content \x00\xff",
    )
    api.expect(
        "PUT",
        "/api/v1/Ticket/1/Attachment",
        {},
        content=b"%PDF-1.4 example content \x00\xff",
    )
    assert result == 1


def test_ticket_entity_error(api: MockApi) -> None:
    """A non-2xx answer raises ApiError with SuperOffice's error type and message."""
    error = {
        "ErrorType": "SoException",
        "ErrorMessage": "Something went wrong",
        "Source": "test",
    }
    api.respond(500, json.dumps(error).encode(), "application/json")
    with pytest.raises(ApiError) as raised:
        api.client.ticket_entity.delete_ticket_entity(
            id=123,
        )
    assert raised.value.status_code == 500
    assert raised.value.body == error
    assert "SoException" in str(raised.value)
    assert "Something went wrong" in str(raised.value)
