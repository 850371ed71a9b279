"""The TicketEntityPatchTicketEntityChanges model."""

from __future__ import annotations

from typing import Any, TYPE_CHECKING

from .._model import Model


class TicketEntityPatchTicketEntityChanges(Model):
    """JSON-Patch array of operations+path+value, or a MERGE-PATCH object (which will be converted to a list of JSON-PATCH operations).

    Described at rest/Ticket/v1TicketEntity_PatchTicketEntity.md:25.

    Attributes:
        op: "add", "replace", "remove", "test" "move" and "copy" not supported
        path: The property names to modify. "/users/0/email", "/users/-",
        value: New/Replaced value - string or object.
    """

    if not TYPE_CHECKING:  # mypy would refuse setting a field of a class with empty slots
        __slots__ = ()
    _wire_ = {"op": "op", "path": "path", "value": "value"}

    op: str | None = None
    path: str | None = None
    value: dict[str, Any] | None = None
