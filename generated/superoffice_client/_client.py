"""The client: one attribute per part of the API, each imported on first use."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, Self

from ._runtime import BaseClient

if TYPE_CHECKING:
    from .groups.appointment_agent import AppointmentAgentApi
    from .groups.edge_agent import EdgeAgentApi
    from .groups.ticket_agent import TicketAgentApi
    from .groups.ticket_entity import TicketEntityApi

_GROUPS: dict[str, tuple[str, str]] = {
    "appointment_agent": ("appointment_agent", "AppointmentAgentApi"),
    "edge_agent": ("edge_agent", "EdgeAgentApi"),
    "ticket_agent": ("ticket_agent", "TicketAgentApi"),
    "ticket_entity": ("ticket_entity", "TicketEntityApi"),
}


class Client(BaseClient):
    """A SuperOffice WebAPI client; see ``BaseClient.__init__`` for the settings.

    Each part of the API is an attribute (``client.appointment_agent``), imported on first use.
    """

    if TYPE_CHECKING:
        appointment_agent: AppointmentAgentApi
        edge_agent: EdgeAgentApi
        ticket_agent: TicketAgentApi
        ticket_entity: TicketEntityApi

    def __enter__(self) -> Self:
        return self

    if not TYPE_CHECKING:  # for type checkers the groups are the attributes declared above

        def __getattr__(self, name: str) -> Any:
            found = _GROUPS.get(name)
            if found is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            module, cls = found
            group = getattr(import_module(f"{__package__}.groups.{module}"), cls)(self)
            setattr(self, name, group)  # found directly from now on
            return group

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *_GROUPS})
