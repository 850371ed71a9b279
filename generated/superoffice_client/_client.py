"""The client: one attribute per part of the API, each imported on first use."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Self

from ._runtime import BaseClient

if TYPE_CHECKING:
    from .groups.appointment_agent import AppointmentAgent
    from .groups.ticket_agent import TicketAgent
    from .groups.ticket_entity import TicketEntity


class Client(BaseClient):
    """A SuperOffice WebAPI client; see ``BaseClient.__init__`` for the settings."""

    def __enter__(self) -> Self:
        return self

    @cached_property
    def appointment_agent(self) -> AppointmentAgent:
        """The AppointmentAgent endpoints (2), under /api/v1/Agents/Appointment."""
        from .groups.appointment_agent import AppointmentAgent

        return AppointmentAgent(self)

    @cached_property
    def ticket_agent(self) -> TicketAgent:
        """The TicketAgent endpoints (4), under /api/v1/Agents/Ticket."""
        from .groups.ticket_agent import TicketAgent

        return TicketAgent(self)

    @cached_property
    def ticket_entity(self) -> TicketEntity:
        """The TicketEntity endpoints (8), under /api/v1/Ticket."""
        from .groups.ticket_entity import TicketEntity

        return TicketEntity(self)
