"""The TicketAgent endpoints (6), under /api/v1/Agents/Ticket."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Unpack

from .._runtime import AsyncGroup, Group, RequestOptions, Select, async_raw, raw
from .._model import NOT_GIVEN, NotGiven, list_of, model

if TYPE_CHECKING:
    from ..models.associate import Associate
    from ..models.check_result import CheckResult
    from ..models.ticket_agent_get_ticket_list_item import TicketAgentGetTicketListItem


class TicketAgentApi(Group):
    """The TicketAgent endpoints (6), under /api/v1/Agents/Ticket."""

    __slots__ = ()

    def add_message(
        self,
        *,
        ticket_id: int,
        body: str,
        connection_info: str | None | NotGiven = NOT_GIVEN,
        cc: str | None | NotGiven = NOT_GIVEN,
        important: bool | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> int:
        """Adds a message to a ticket and returns the new message's id.

        A property sent as null is cleared on the message; a property left out keeps its default.

        Endpoint: ``POST /api/v1/Agents/Ticket/AddMessage``

        Args:
            ticket_id: Required The ticket the message belongs to.
            body: Required The message text, as HTML.
            connection_info: Where the message came from; null for none.
            cc: Addresses to copy the message to; null for none.
            important: Whether the message is flagged as important.

        Returns:
            int: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: int = self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/AddMessage",
            "json",
            fields={
                "TicketId": ticket_id,
                "Body": body,
                "ConnectionInfo": connection_info,
                "Cc": cc,
                "Important": important,
            },
            **options,
        )
        return result

    def check_text(
        self,
        *,
        self_2: str | None | NotGiven = NOT_GIVEN,
        select: Select | None | NotGiven = NOT_GIVEN,
        text: str | None | NotGiven = NOT_GIVEN,
        class_: str | None | NotGiven = NOT_GIVEN,
        field_1st_place: bool | None | NotGiven = NOT_GIVEN,
        odata_type: str | None | NotGiven = NOT_GIVEN,
        to_dict: str | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> CheckResult:
        """Checks a text for \"\"\"triple quotes\"\"\", 'single' and "double" quotes, a trailing backslash \\

        Windows paths like C:\\temp\\new and \\n escapes, template braces {{ like_this }} and {% this %},
        unicode (ø, 東京, emoji 🎫) and a line that ends with a quote: "

        Endpoint: ``POST /api/v1/Agents/Ticket/CheckText``

        Args:
            self_2: A parameter named like the method's own first argument.
            select: Which fields to return.
            text: The text to check: may contain \"\"\" and \\
            class_: A keyword as a property name.
            field_1st_place: A name that starts with a digit.
            odata_type: A dotted name.
            to_dict: Clashes with the model method's name.

        Returns:
            CheckResult: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: CheckResult = self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/CheckText",
            model("CheckResult"),
            query={"self": self_2, "$select": select},
            fields={
                "Text": text,
                "class": class_,
                "1stPlace": field_1st_place,
                "odata.type": odata_type,
                "ToDict": to_dict,
            },
            **options,
        )
        return result

    def get_attachment_stream(
        self, *, attachment_id: int, **options: Unpack[RequestOptions]
    ) -> bytes:
        """Gets the content of a ticket attachment. The agent answers with the bytes in a JSON string.

        Endpoint: ``POST /api/v1/Agents/Ticket/GetAttachmentStream``

        Args:
            attachment_id: Required The attachment.

        Returns:
            bytes: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: bytes = self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/GetAttachmentStream",
            "bytes",
            fields={"AttachmentId": attachment_id},
            **options,
        )
        return result

    def get_owner(
        self, *, ticket_id: int | None | NotGiven = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> Associate:
        """Gets the associate who owns a ticket.

        Endpoint: ``POST /api/v1/Agents/Ticket/GetOwner``

        Args:
            ticket_id: The ticket.

        Returns:
            Associate: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: Associate = self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/GetOwner",
            model("Associate"),
            fields={"TicketId": ticket_id},
            **options,
        )
        return result

    def get_ticket_list(
        self, *, ticket_ids: Sequence[int], **options: Unpack[RequestOptions]
    ) -> list[TicketAgentGetTicketListItem]:
        """Gets an array of ticket summaries.

        Endpoint: ``POST /api/v1/Agents/Ticket/GetTicketList``

        Args:
            ticket_ids: The primary keys.

        Returns:
            list[TicketAgentGetTicketListItem]: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: list[TicketAgentGetTicketListItem] = self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/GetTicketList",
            list_of(model("TicketAgentGetTicketListItem")),
            body=ticket_ids,
            **options,
        )
        return result

    def is_ticket_open(
        self, *, ticket_id: int | None | NotGiven = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> bool:
        """Whether the ticket is still open.

        Endpoint: ``POST /api/v1/Agents/Ticket/IsTicketOpen``

        Args:
            ticket_id: ``TicketId``.

        Returns:
            bool: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: bool = self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/IsTicketOpen",
            "json",
            fields={"TicketId": ticket_id},
            **options,
        )
        return result


class TicketAgentApiWithRawResponse:
    """``Client.with_raw_response.ticket_agent``: the methods of `TicketAgentApi`, answering `RawResponse`."""

    def __init__(self, group: TicketAgentApi) -> None:
        self.add_message = raw(group.add_message)
        self.check_text = raw(group.check_text)
        self.get_attachment_stream = raw(group.get_attachment_stream)
        self.get_owner = raw(group.get_owner)
        self.get_ticket_list = raw(group.get_ticket_list)
        self.is_ticket_open = raw(group.is_ticket_open)


class AsyncTicketAgentApi(AsyncGroup):
    """The TicketAgent endpoints (6), under /api/v1/Agents/Ticket."""

    __slots__ = ()

    async def add_message(
        self,
        *,
        ticket_id: int,
        body: str,
        connection_info: str | None | NotGiven = NOT_GIVEN,
        cc: str | None | NotGiven = NOT_GIVEN,
        important: bool | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> int:
        """Adds a message to a ticket and returns the new message's id.

        A property sent as null is cleared on the message; a property left out keeps its default.

        Endpoint: ``POST /api/v1/Agents/Ticket/AddMessage``

        Args:
            ticket_id: Required The ticket the message belongs to.
            body: Required The message text, as HTML.
            connection_info: Where the message came from; null for none.
            cc: Addresses to copy the message to; null for none.
            important: Whether the message is flagged as important.

        Returns:
            int: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: int = await self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/AddMessage",
            "json",
            fields={
                "TicketId": ticket_id,
                "Body": body,
                "ConnectionInfo": connection_info,
                "Cc": cc,
                "Important": important,
            },
            **options,
        )
        return result

    async def check_text(
        self,
        *,
        self_2: str | None | NotGiven = NOT_GIVEN,
        select: Select | None | NotGiven = NOT_GIVEN,
        text: str | None | NotGiven = NOT_GIVEN,
        class_: str | None | NotGiven = NOT_GIVEN,
        field_1st_place: bool | None | NotGiven = NOT_GIVEN,
        odata_type: str | None | NotGiven = NOT_GIVEN,
        to_dict: str | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> CheckResult:
        """Checks a text for \"\"\"triple quotes\"\"\", 'single' and "double" quotes, a trailing backslash \\

        Windows paths like C:\\temp\\new and \\n escapes, template braces {{ like_this }} and {% this %},
        unicode (ø, 東京, emoji 🎫) and a line that ends with a quote: "

        Endpoint: ``POST /api/v1/Agents/Ticket/CheckText``

        Args:
            self_2: A parameter named like the method's own first argument.
            select: Which fields to return.
            text: The text to check: may contain \"\"\" and \\
            class_: A keyword as a property name.
            field_1st_place: A name that starts with a digit.
            odata_type: A dotted name.
            to_dict: Clashes with the model method's name.

        Returns:
            CheckResult: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: CheckResult = await self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/CheckText",
            model("CheckResult"),
            query={"self": self_2, "$select": select},
            fields={
                "Text": text,
                "class": class_,
                "1stPlace": field_1st_place,
                "odata.type": odata_type,
                "ToDict": to_dict,
            },
            **options,
        )
        return result

    async def get_attachment_stream(
        self, *, attachment_id: int, **options: Unpack[RequestOptions]
    ) -> bytes:
        """Gets the content of a ticket attachment. The agent answers with the bytes in a JSON string.

        Endpoint: ``POST /api/v1/Agents/Ticket/GetAttachmentStream``

        Args:
            attachment_id: Required The attachment.

        Returns:
            bytes: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: bytes = await self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/GetAttachmentStream",
            "bytes",
            fields={"AttachmentId": attachment_id},
            **options,
        )
        return result

    async def get_owner(
        self, *, ticket_id: int | None | NotGiven = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> Associate:
        """Gets the associate who owns a ticket.

        Endpoint: ``POST /api/v1/Agents/Ticket/GetOwner``

        Args:
            ticket_id: The ticket.

        Returns:
            Associate: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: Associate = await self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/GetOwner",
            model("Associate"),
            fields={"TicketId": ticket_id},
            **options,
        )
        return result

    async def get_ticket_list(
        self, *, ticket_ids: Sequence[int], **options: Unpack[RequestOptions]
    ) -> list[TicketAgentGetTicketListItem]:
        """Gets an array of ticket summaries.

        Endpoint: ``POST /api/v1/Agents/Ticket/GetTicketList``

        Args:
            ticket_ids: The primary keys.

        Returns:
            list[TicketAgentGetTicketListItem]: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: list[TicketAgentGetTicketListItem] = await self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/GetTicketList",
            list_of(model("TicketAgentGetTicketListItem")),
            body=ticket_ids,
            **options,
        )
        return result

    async def is_ticket_open(
        self, *, ticket_id: int | None | NotGiven = NOT_GIVEN, **options: Unpack[RequestOptions]
    ) -> bool:
        """Whether the ticket is still open.

        Endpoint: ``POST /api/v1/Agents/Ticket/IsTicketOpen``

        Args:
            ticket_id: ``TicketId``.

        Returns:
            bool: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: bool = await self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/IsTicketOpen",
            "json",
            fields={"TicketId": ticket_id},
            **options,
        )
        return result


class AsyncTicketAgentApiWithRawResponse:
    """``AsyncClient.with_raw_response.ticket_agent``: the methods of `AsyncTicketAgentApi`, answering `RawResponse`."""

    def __init__(self, group: AsyncTicketAgentApi) -> None:
        self.add_message = async_raw(group.add_message)
        self.check_text = async_raw(group.check_text)
        self.get_attachment_stream = async_raw(group.get_attachment_stream)
        self.get_owner = async_raw(group.get_owner)
        self.get_ticket_list = async_raw(group.get_ticket_list)
        self.is_ticket_open = async_raw(group.is_ticket_open)
