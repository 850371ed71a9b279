"""The TicketEntity model."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TYPE_CHECKING

from .._model import Model

if TYPE_CHECKING:
    from .associate import Associate


class TicketEntity(Model):
    """The TicketEntity type.

    Attributes:
        ticket_id: Primary key
        title: The ticket's title, "as the customer wrote it"
        created_at: Registered when, in UTC.
        updated_at: Last updated when.
        owner: The user who owns the ticket.
        tags: Free-text tags.
        priority: Use MDO List name "ticketpriority" to get list items.
        custom_fields: Udef + Extra fields added to the carrier. See ExtraFields.
        table_right: The carrier's table right
    """

    if not TYPE_CHECKING:  # mypy would refuse setting a field of a class with empty slots
        __slots__ = ()

    ticket_id: int | None = None
    title: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    owner: Associate | None = None
    tags: list[Any] | None = None
    priority: dict[str, Any] | None = None
    custom_fields: dict[str, Any] | None = None
    table_right: dict[str, Any] | None = None
