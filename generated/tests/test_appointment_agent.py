"""Tests of the AppointmentAgent endpoints, from the samples on their doc pages.

What each test sends and expects is in samples/appointment_agent.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from superoffice_client import ApiError

if TYPE_CHECKING:
    from conftest import MockApi

SAMPLES = json.loads((Path(__file__).parent / "samples/appointment_agent.json").read_text("utf-8"))


def test_set_activity_status(api: MockApi) -> None:
    """POST /api/v1/Agents/Appointment/SetActivityStatus, as documented at agent/Appointment_Agent/v1AppointmentAgent_SetActivityStatus.md:76."""
    sample = api.replay(SAMPLES["test_set_activity_status"])
    result = api.client.appointment_agent.set_activity_status(
        select=["name", "department", "category/id"],
        activity_identifier=["quibusdam", "nostrum"],
        activity_status="Completed",
    )
    api.expect(sample)
    assert result is None


def test_toggle_activity(api: MockApi) -> None:
    """POST /api/v1/Agents/Appointment/ToggleActivity, as documented at agent/Appointment_Agent/v1AppointmentAgent_ToggleActivity.md:80."""
    sample = api.replay(SAMPLES["test_toggle_activity"])
    result = api.client.appointment_agent.toggle_activity(
        select=["name", "department", "category/id"], activity_identifier="voluptates"
    )
    api.expect(sample)
    assert result == sample["expected"]


def test_appointment_agent_error(api: MockApi) -> None:
    """A non-2xx answer raises ApiError with SuperOffice's error type and message."""
    sample = SAMPLES["test_set_activity_status"]
    api.fail(500, {"ErrorType": "SoException", "ErrorMessage": "Something went wrong"})
    with pytest.raises(ApiError) as raised:
        api.client.appointment_agent.set_activity_status(
            select=["name", "department", "category/id"],
            activity_identifier=["quibusdam", "nostrum"],
            activity_status="Completed",
        )
    assert raised.value.status_code == 500
    assert raised.value.body == {"ErrorType": "SoException", "ErrorMessage": "Something went wrong"}
    assert str(raised.value).endswith("[SoException]: Something went wrong")
