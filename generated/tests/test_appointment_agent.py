"""Tests of the AppointmentAgent endpoints, from the samples on their doc pages.

Each endpoint is called with its sample request's values (CALLS); what it must send and get back
is in samples/appointment_agent.json.
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

SAMPLES = json.loads((Path(__file__).parent / "samples/appointment_agent.json").read_text("utf-8"))

CALLS: dict[str, Callable[[Client | AsyncClient], Any]] = {
    "set_activity_status": lambda client: client.appointment_agent.set_activity_status(
        select=["name", "department", "category/id"],
        activity_identifier=["quibusdam", "nostrum"],
        activity_status="Completed",
    ),
    "toggle_activity": lambda client: client.appointment_agent.toggle_activity(
        select=["name", "department", "category/id"], activity_identifier="voluptates"
    ),
}


@pytest.mark.parametrize("endpoint", CALLS)
def test_endpoint(api: MockApi, endpoint: str) -> None:
    """The endpoint sends its sample request and decodes its sample response."""
    api.check_endpoint(CALLS[endpoint], SAMPLES[endpoint])


def test_error(api: MockApi, failure: str) -> None:
    """Each failure raises its class of ApiError (FAILURES in conftest.py)."""
    api.check_error(CALLS["set_activity_status"], failure)
