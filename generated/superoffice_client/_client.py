"""The clients: one attribute per part of the API, each imported on first use."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ._runtime import AsyncBaseClient, RawView, SyncBaseClient

if TYPE_CHECKING:
    from .groups.appointment_agent import (
        AppointmentAgentApi,
        AppointmentAgentApiWithRawResponse,
        AsyncAppointmentAgentApi,
        AsyncAppointmentAgentApiWithRawResponse,
    )
    from .groups.ticket_agent import (
        AsyncTicketAgentApi,
        AsyncTicketAgentApiWithRawResponse,
        TicketAgentApi,
        TicketAgentApiWithRawResponse,
    )
    from .groups.ticket_entity import (
        AsyncTicketEntityApi,
        AsyncTicketEntityApiWithRawResponse,
        TicketEntityApi,
        TicketEntityApiWithRawResponse,
    )


_GROUPS = {
    "appointment_agent": (
        "appointment_agent",
        "AppointmentAgentApi",
        "AppointmentAgentApiWithRawResponse",
    ),
    "ticket_agent": ("ticket_agent", "TicketAgentApi", "TicketAgentApiWithRawResponse"),
    "ticket_entity": ("ticket_entity", "TicketEntityApi", "TicketEntityApiWithRawResponse"),
}
_ASYNC_GROUPS = {
    "appointment_agent": (
        "appointment_agent",
        "AsyncAppointmentAgentApi",
        "AsyncAppointmentAgentApiWithRawResponse",
    ),
    "ticket_agent": ("ticket_agent", "AsyncTicketAgentApi", "AsyncTicketAgentApiWithRawResponse"),
    "ticket_entity": (
        "ticket_entity",
        "AsyncTicketEntityApi",
        "AsyncTicketEntityApiWithRawResponse",
    ),
}


class Client(SyncBaseClient):
    """A SuperOffice WebAPI client; see ``BaseClient.__init__`` for the settings.

    Each part of the API is an attribute (``client.appointment_agent``), imported on first use.
    """

    _groups_ = _GROUPS

    if TYPE_CHECKING:
        appointment_agent: AppointmentAgentApi
        ticket_agent: TicketAgentApi
        ticket_entity: TicketEntityApi

    @cached_property
    def with_raw_response(self) -> ClientWithRawResponse:
        """The same methods, answering with the response as it came: ``.parse()`` decodes it."""
        return ClientWithRawResponse(self)


class ClientWithRawResponse(RawView):
    """``Client.with_raw_response``: each method answers a `RawResponse`."""

    if TYPE_CHECKING:
        appointment_agent: AppointmentAgentApiWithRawResponse
        ticket_agent: TicketAgentApiWithRawResponse
        ticket_entity: TicketEntityApiWithRawResponse


class AsyncClient(AsyncBaseClient):
    """A SuperOffice WebAPI client whose methods are awaited; see ``BaseClient.__init__`` for the settings.

    Each part of the API is an attribute (``client.appointment_agent``), imported on first use.
    """

    _groups_ = _ASYNC_GROUPS

    if TYPE_CHECKING:
        appointment_agent: AsyncAppointmentAgentApi
        ticket_agent: AsyncTicketAgentApi
        ticket_entity: AsyncTicketEntityApi

    @cached_property
    def with_raw_response(self) -> AsyncClientWithRawResponse:
        """The same methods, answering with the response as it came: ``.parse()`` decodes it."""
        return AsyncClientWithRawResponse(self)


class AsyncClientWithRawResponse(RawView):
    """``AsyncClient.with_raw_response``: each method answers a `RawResponse`."""

    if TYPE_CHECKING:
        appointment_agent: AsyncAppointmentAgentApiWithRawResponse
        ticket_agent: AsyncTicketAgentApiWithRawResponse
        ticket_entity: AsyncTicketEntityApiWithRawResponse
