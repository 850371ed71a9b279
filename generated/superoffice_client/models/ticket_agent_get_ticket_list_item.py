"""The TicketAgentGetTicketListItem model."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from .._model import Model


class TicketAgentGetTicketListItem(Model):
    """The TicketAgentGetTicketListItem type.

    Described at agent/Ticket_Agent/v1TicketAgent_GetTicketList.md:33.

    Attributes:
        ticket_id: Primary key
        title: The ticket's title
        created_at: Registered when
    """

    if not TYPE_CHECKING:  # mypy would refuse setting a field of a class with empty slots
        __slots__ = ()

    ticket_id: int | None = None
    title: str | None = None
    created_at: datetime | None = None
