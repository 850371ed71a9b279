"""Tests of the EdgeAgent endpoints, from the samples on their doc pages.

Each endpoint is called with its sample request's values (CALLS); what it must send and get back
is in samples/edge_agent.json.
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

SAMPLES = json.loads((Path(__file__).parent / "samples/edge_agent.json").read_text("utf-8"))

CALLS: dict[str, Callable[[Client], Any]] = {
    "datetime_": lambda client: client.edge_agent.datetime_(model="m", timeout_=7, mode="Wide"),
    "echo": lambda client: client.edge_agent.echo(
        model="m", list_of="l", self_2="s", timeout_=5, str="text", datetime="2024-01-02T03:04:05"
    ),
}


@pytest.mark.parametrize("endpoint", CALLS)
def test_endpoint(api: MockApi, endpoint: str) -> None:
    """The endpoint sends its sample request and decodes its sample response."""
    api.check_endpoint(CALLS[endpoint], SAMPLES[endpoint])


def test_error(api: MockApi) -> None:
    """A non-2xx answer raises ApiError with SuperOffice's error type and message."""
    api.check_error(CALLS["datetime_"])
