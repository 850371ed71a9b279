"""Tests of the TicketAgent endpoints, from the samples on their doc pages."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from superoffice_client import ApiError
from superoffice_client.models.associate import Associate
from superoffice_client.models.check_result import CheckResult
from superoffice_client.models.ticket_agent_get_ticket_list_item import (
    TicketAgentGetTicketListItem,
)

if TYPE_CHECKING:
    from conftest import MockApi


def test_check_text(api: MockApi) -> None:
    """POST /api/v1/Agents/Ticket/CheckText, as documented at agent/Ticket_Agent/v1TicketAgent_CheckText.md:73."""
    api.respond(
        200,
        b'{\n  "class": "B",\n  "from": "2024-01-01T00:00:00Z",\n  "ToDict": "y",\n  "to_dict": "z",\n  "Text\\\\Path": "C:\\\\temp"\n}',
        "application/json; charset=utf-8",
    )
    result = api.client.ticket_agent.check_text(
        self_2="text",
        select="text",
        text='He said """ and left \\',
        class_="A",
        field_1st_place=True,
        odata_type="#Ticket",
        to_dict="x",
    )
    api.expect(
        "POST",
        "/api/v1/Agents/Ticket/CheckText",
        {"self": "text", "$select": "text"},
        json_body={
            "Text": 'He said """ and left \\',
            "class": "A",
            "1stPlace": True,
            "odata.type": "#Ticket",
            "ToDict": "x",
        },
        sends_json=True,
    )
    api.check_model(
        result,
        CheckResult,
        {
            "class": "B",
            "from": "2024-01-01T00:00:00Z",
            "ToDict": "y",
            "to_dict": "z",
            "Text\\Path": "C:\\temp",
        },
    )


def test_get_owner(api: MockApi) -> None:
    """POST /api/v1/Agents/Ticket/GetOwner, as documented at agent/Ticket_Agent/v1TicketAgent_GetOwner.md:62."""
    api.respond(
        200,
        b'{\n  "AssociateId": 12,\n  "Name": "ROBIN",\n  "FullName": "Robin Hood",\n  "LastLogin": "2024-02-28T08:00:00"\n}',
        "application/json; charset=utf-8",
    )
    result = api.client.ticket_agent.get_owner(
        ticket_id=4711,
    )
    api.expect(
        "POST",
        "/api/v1/Agents/Ticket/GetOwner",
        {},
        json_body={"TicketId": 4711},
        sends_json=True,
    )
    api.check_model(
        result,
        Associate,
        {
            "AssociateId": 12,
            "Name": "ROBIN",
            "FullName": "Robin Hood",
            "LastLogin": "2024-02-28T08:00:00",
        },
    )


def test_get_ticket_list(api: MockApi) -> None:
    """POST /api/v1/Agents/Ticket/GetTicketList, as documented at agent/Ticket_Agent/v1TicketAgent_GetTicketList.md:52."""
    api.respond(
        200,
        b'[\n  {\n    "TicketId": 4711,\n    "Title": "Printer fixed",\n    "CreatedAt": "2024-03-01T09:15:00.1234567+01:00"\n  },\n  {\n    "TicketId": 4712,\n    "Title": "Coffee machine",\n    "CreatedAt": "2024-03-04T11:00:00+01:00"\n  }\n]',
        "application/json; charset=utf-8",
    )
    result = api.client.ticket_agent.get_ticket_list(
        ticket_ids=[1],
    )
    api.expect(
        "POST",
        "/api/v1/Agents/Ticket/GetTicketList",
        {},
        json_body=[1],
        sends_json=True,
    )
    expected = [
        {
            "TicketId": 4711,
            "Title": "Printer fixed",
            "CreatedAt": "2024-03-01T09:15:00.1234567+01:00",
        },
        {
            "TicketId": 4712,
            "Title": "Coffee machine",
            "CreatedAt": "2024-03-04T11:00:00+01:00",
        },
    ]
    assert isinstance(result, list) and len(result) == len(expected)
    for item, wire in zip(result, expected):
        api.check_model(item, TicketAgentGetTicketListItem, wire)


def test_is_ticket_open(api: MockApi) -> None:
    """POST /api/v1/Agents/Ticket/IsTicketOpen, as documented at agent/Ticket_Agent/v1TicketAgent_IsTicketOpen__old.md:46."""
    api.respond(200, b"true", "application/json; charset=utf-8")
    result = api.client.ticket_agent.is_ticket_open(
        ticket_id=4711,
    )
    api.expect(
        "POST",
        "/api/v1/Agents/Ticket/IsTicketOpen",
        {},
        json_body={"TicketId": 4711},
        sends_json=True,
    )
    assert result == True


def test_ticket_agent_error(api: MockApi) -> None:
    """A non-2xx answer raises ApiError with SuperOffice's error type and message."""
    error = {
        "ErrorType": "SoException",
        "ErrorMessage": "Something went wrong",
        "Source": "test",
    }
    api.respond(500, json.dumps(error).encode(), "application/json")
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
    assert raised.value.body == error
    assert "SoException" in str(raised.value)
    assert "Something went wrong" in str(raised.value)
