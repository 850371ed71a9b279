"""The TicketAgent endpoints (6), under /api/v1/Agents/Ticket."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .. import _model as _m
from .._model import NOT_GIVEN, NotGiven
from .._runtime import Group, Select

if TYPE_CHECKING:
    from ..models.associate import Associate
    from ..models.check_result import CheckResult
    from ..models.ticket_agent_get_ticket_list_item import TicketAgentGetTicketListItem

_ASSOCIATE: _m.Codec[Associate] = _m.model("Associate")
_BOOL: _m.Codec[bool] = _m.JSON
_CHECK_RESULT: _m.Codec[CheckResult] = _m.model("CheckResult")
_INT: _m.Codec[int] = _m.JSON
_LIST_TICKET_AGENT_GET_TICKET_LIST_ITEM: _m.Codec[list[TicketAgentGetTicketListItem]] = _m.list_of(
    _m.model("TicketAgentGetTicketListItem")
)


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
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/AddMessage",
            _INT,
            fields={
                "TicketId": ticket_id,
                "Body": body,
                "ConnectionInfo": connection_info,
                "Cc": cc,
                "Important": important,
            },
        )

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
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/CheckText",
            _CHECK_RESULT,
            query={"self": self_2, "$select": select},
            fields={
                "Text": text,
                "class": class_,
                "1stPlace": field_1st_place,
                "odata.type": odata_type,
                "ToDict": to_dict,
            },
        )

    def get_attachment_stream(self, *, attachment_id: int) -> bytes:
        """Gets the content of a ticket attachment. The agent answers with the bytes in a JSON string.

        Endpoint: ``POST /api/v1/Agents/Ticket/GetAttachmentStream``

        Args:
            attachment_id: Required The attachment.

        Returns:
            bytes: OK

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/GetAttachmentStream",
            _m.BYTES,
            fields={"AttachmentId": attachment_id},
        )

    def get_owner(self, *, ticket_id: int | None | NotGiven = NOT_GIVEN) -> Associate:
        """Gets the associate who owns a ticket.

        Endpoint: ``POST /api/v1/Agents/Ticket/GetOwner``

        Args:
            ticket_id: The ticket.

        Returns:
            Associate: OK

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "POST", "/api/v1/Agents/Ticket/GetOwner", _ASSOCIATE, fields={"TicketId": ticket_id}
        )

    def get_ticket_list(self, *, ticket_ids: Sequence[int]) -> list[TicketAgentGetTicketListItem]:
        """Gets an array of ticket summaries.

        Endpoint: ``POST /api/v1/Agents/Ticket/GetTicketList``

        Args:
            ticket_ids: The primary keys.

        Returns:
            list[TicketAgentGetTicketListItem]: OK

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "POST",
            "/api/v1/Agents/Ticket/GetTicketList",
            _LIST_TICKET_AGENT_GET_TICKET_LIST_ITEM,
            body=ticket_ids,
        )

    def is_ticket_open(self, *, ticket_id: int | None | NotGiven = NOT_GIVEN) -> bool:
        """Whether the ticket is still open.

        Endpoint: ``POST /api/v1/Agents/Ticket/IsTicketOpen``

        Args:
            ticket_id: ``TicketId``.

        Returns:
            bool: OK

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "POST", "/api/v1/Agents/Ticket/IsTicketOpen", _BOOL, fields={"TicketId": ticket_id}
        )
