"""The TicketAgentGetTicketListItem model."""

from __future__ import annotations

from datetime import datetime

from .._model import DATETIME, Model, field


class TicketAgentGetTicketListItem(Model):
    """The TicketAgentGetTicketListItem type.

    Described at agent/Ticket_Agent/v1TicketAgent_GetTicketList.md:33.

    Attributes:
        ticket_id: Primary key
        title: The ticket's title
        created_at: Registered when
    """

    __slots__ = ()

    ticket_id: int | None = field("TicketId", default=None)
    title: str | None = field("Title", default=None)
    created_at: datetime | None = field("CreatedAt", DATETIME, default=None)
