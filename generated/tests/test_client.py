"""Tests of the client itself: its groups and models are found by name, and only those."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from superoffice_client import models

if TYPE_CHECKING:
    from conftest import MockApi

GROUPS = [
    "appointment_agent",
    "edge_agent",
    "ticket_agent",
    "ticket_entity",
]


def test_every_group_is_an_attribute(api: MockApi) -> None:
    assert set(GROUPS) <= set(dir(api.client))
    for name in GROUPS:
        assert getattr(api.client, name) is getattr(api.client, name)


def test_a_misspelled_group_is_an_attribute_error(api: MockApi) -> None:
    with pytest.raises(AttributeError, match="no_such_group"):
        getattr(api.client, "no_such_group")


def test_every_model_imports() -> None:
    for name in models.__all__:
        assert getattr(models, name).__name__ == name
    with pytest.raises(AttributeError):
        getattr(models, "NoSuchModel")
