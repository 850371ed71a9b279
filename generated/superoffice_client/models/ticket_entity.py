"""The TicketEntity model."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TYPE_CHECKING

from .._model import DATETIME, Model, field, model

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

    __slots__ = ()

    ticket_id: int | None = field("TicketId", default=None)
    title: str | None = field("Title", default=None)
    created_at: datetime | None = field("CreatedAt", DATETIME, default=None)
    updated_at: datetime | None = field("UpdatedAt", DATETIME, default=None)
    owner: Associate | None = field("Owner", model("Associate"), default=None)
    tags: list[Any] | None = field("Tags", default=None)
    priority: dict[str, Any] | None = field("Priority", default=None)
    custom_fields: dict[str, Any] | None = field("CustomFields", default=None)
    table_right: dict[str, Any] | None = field("TableRight", default=None)
