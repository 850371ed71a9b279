"""Tests of the AppointmentAgent endpoints, from the samples on their doc pages."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from superoffice_client import ApiError

if TYPE_CHECKING:
    from conftest import MockApi


def test_set_activity_status(api: MockApi) -> None:
    """POST /api/v1/Agents/Appointment/SetActivityStatus, as documented at agent/Appointment_Agent/v1AppointmentAgent_SetActivityStatus.md:76."""
    api.respond(204, b"null", "application/json; charset=utf-8")
    result = api.client.appointment_agent.set_activity_status(
        select=["name", "department", "category/id"],
        activity_identifier=["quibusdam", "nostrum"],
        activity_status="Completed",
    )
    api.expect(
        "POST",
        "/api/v1/Agents/Appointment/SetActivityStatus",
        {"$select": "name,department,category/id"},
        json_body={
            "ActivityIdentifier": ["quibusdam", "nostrum"],
            "ActivityStatus": "Completed",
        },
        sends_json=True,
    )
    assert result is None


def test_toggle_activity(api: MockApi) -> None:
    """POST /api/v1/Agents/Appointment/ToggleActivity, as documented at agent/Appointment_Agent/v1AppointmentAgent_ToggleActivity.md:80."""
    api.respond(200, b'"Completed"', "application/json; charset=utf-8")
    result = api.client.appointment_agent.toggle_activity(
        select=["name", "department", "category/id"],
        activity_identifier="voluptates",
    )
    api.expect(
        "POST",
        "/api/v1/Agents/Appointment/ToggleActivity",
        {"$select": "name,department,category/id"},
        json_body={"ActivityIdentifier": "voluptates"},
        sends_json=True,
    )
    assert result == "Completed"


def test_appointment_agent_error(api: MockApi) -> None:
    """A non-2xx answer raises ApiError with SuperOffice's error type and message."""
    error = {
        "ErrorType": "SoException",
        "ErrorMessage": "Something went wrong",
        "Source": "test",
    }
    api.respond(500, json.dumps(error).encode(), "application/json")
    with pytest.raises(ApiError) as raised:
        api.client.appointment_agent.set_activity_status(
            select=["name", "department", "category/id"],
            activity_identifier=["quibusdam", "nostrum"],
            activity_status="Completed",
        )
    assert raised.value.status_code == 500
    assert raised.value.body == error
    assert "SoException" in str(raised.value)
    assert "Something went wrong" in str(raised.value)
