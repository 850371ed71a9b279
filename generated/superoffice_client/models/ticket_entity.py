"""The TicketEntity model."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TYPE_CHECKING

from .._model import DATETIME, Model, field, model

if TYPE_CHECKING:
    from .associate import Associate


class TicketEntity(Model):
    """The TicketEntity type."""

    __slots__ = ()

    ticket_id: int | None = field("TicketId", default=None)
    """Primary key"""

    title: str | None = field("Title", default=None)
    """The ticket's title, "as the customer wrote it\""""

    created_at: datetime | None = field("CreatedAt", DATETIME, default=None)
    """Registered when, in UTC."""

    updated_at: datetime | None = field("UpdatedAt", DATETIME, default=None)
    """Last updated when."""

    owner: Associate | None = field("Owner", model("Associate"), default=None)
    """The user who owns the ticket."""

    tags: list[Any] | None = field("Tags", default=None)
    """Free-text tags."""

    priority: dict[str, Any] | None = field("Priority", default=None)
    """Use MDO List name "ticketpriority" to get list items."""

    custom_fields: dict[str, Any] | None = field("CustomFields", default=None)
    """Udef + Extra fields added to the carrier. See ExtraFields."""

    table_right: dict[str, Any] | None = field("TableRight", default=None)
    """The carrier's table right"""
