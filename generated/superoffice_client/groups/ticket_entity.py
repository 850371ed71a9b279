"""The TicketEntity endpoints (8), under /api/v1/Ticket."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any, Literal, TYPE_CHECKING

from .. import _model as _m
from .._model import NOT_GIVEN, NotGiven
from .._paging import pages as _pages, rows as _rows
from .._runtime import Group, Select

if TYPE_CHECKING:
    from ..models.o_data_slim_response import ODataSlimResponse
    from ..models.ticket_entity import TicketEntity
    from ..models.ticket_entity_patch_ticket_entity_changes import (
        TicketEntityPatchTicketEntityChanges,
    )

_INT: _m.Codec[int] = _m.JSON
_O_DATA_SLIM_RESPONSE: _m.Codec[ODataSlimResponse] = _m.model("ODataSlimResponse")
_TICKET_ENTITY: _m.Codec[TicketEntity] = _m.model("TicketEntity")


class TicketEntityApi(Group):
    """The TicketEntity endpoints (8), under /api/v1/Ticket."""

    __slots__ = ()

    def delete_ticket_entity(self, *, id: int) -> None:
        """Deletes the TicketEntity

        Endpoint: ``DELETE /api/v1/Ticket/{id}``

        Args:
            id: The TicketEntity to be deleted.

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        self._client._request("DELETE", "/api/v1/Ticket/{id}", _m.NONE, parts={"id": id})

    def get_all(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        filter: str | None | NotGiven = NOT_GIVEN,
        order_by: str | None | NotGiven = NOT_GIVEN,
        top: int | None | NotGiven = NOT_GIVEN,
        mode: Literal["Slim", "Wide", "Full"] | str | None | NotGiven = NOT_GIVEN,
        json_safe: bool | None | NotGiven = NOT_GIVEN,
    ) -> ODataSlimResponse:
        """OData list of all TicketEntity.

        Can be sorted and further filtered using OData conventions:

        - Ticket?$select=col1,col2
        - Ticket?$filter=col1 eq 'foo'
        - Ticket?$top=1000

        Filter Operators:

        ints: eq =, ne, le, lt, gt, ge

        Endpoint: ``GET /api/v1/Ticket``

        Args:
            select: Comma separated list of column names to return.
            filter: Expression to restrict the results. e.g.: "title begins 'foo'"
            order_by: Comma separated list of column names to sort by.
            top: Number of rows to return in results
            mode: FULL (with raw values and hints for each value) or SLIM (just the display values)
            json_safe: Make output names into JSON safe property names.

        Returns:
            ODataSlimResponse: OK

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "GET",
            "/api/v1/Ticket",
            _O_DATA_SLIM_RESPONSE,
            query={
                "$select": select,
                "$filter": filter,
                "$orderBy": order_by,
                "$top": top,
                "$mode": mode,
                "$jsonSafe": json_safe,
            },
        )

    def iter_all(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        filter: str | None | NotGiven = NOT_GIVEN,
        order_by: str | None | NotGiven = NOT_GIVEN,
        mode: Literal["Slim", "Wide", "Full"] | str | None | NotGiven = NOT_GIVEN,
        json_safe: bool | None | NotGiven = NOT_GIVEN,
        page_size: int | None | NotGiven = NOT_GIVEN,
    ) -> Iterator[dict[str, Any]]:
        """Every row of ``GET /api/v1/Ticket``, page by page, fetched as they are read.

        Calls ``get_all`` for the first page, then follows ``odata.nextLink``. Stops at a
        page without rows, at a page without a next link, and at a link it followed before or a
        page with the same rows as the one before (a server repeating itself): it never loops.

        Args:
            select: Comma separated list of column names to return.
            filter: Expression to restrict the results. e.g.: "title begins 'foo'"
            order_by: Comma separated list of column names to sort by.
            mode: FULL (with raw values and hints for each value) or SLIM (just the display values)
            json_safe: Make output names into JSON safe property names.
            page_size: Rows per page (``$top``); the server's default when left out.

        Yields:
            dict[str, Any]: One row of a page's ``value``.

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return _rows(
            self.iter_all_pages,
            select=select,
            filter=filter,
            order_by=order_by,
            mode=mode,
            json_safe=json_safe,
            page_size=page_size,
        )

    def iter_all_pages(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        filter: str | None | NotGiven = NOT_GIVEN,
        order_by: str | None | NotGiven = NOT_GIVEN,
        mode: Literal["Slim", "Wide", "Full"] | str | None | NotGiven = NOT_GIVEN,
        json_safe: bool | None | NotGiven = NOT_GIVEN,
        page_size: int | None | NotGiven = NOT_GIVEN,
    ) -> Iterator[ODataSlimResponse]:
        """Every page of ``GET /api/v1/Ticket``, fetched as they are read.

        Calls ``get_all`` for the first page, then follows ``odata.nextLink``. Stops at a
        page without rows, at a page without a next link, and at a link it followed before or a
        page with the same rows as the one before (a server repeating itself): it never loops.

        Args:
            select: Comma separated list of column names to return.
            filter: Expression to restrict the results. e.g.: "title begins 'foo'"
            order_by: Comma separated list of column names to sort by.
            mode: FULL (with raw values and hints for each value) or SLIM (just the display values)
            json_safe: Make output names into JSON safe property names.
            page_size: Rows per page (``$top``); the server's default when left out.

        Yields:
            ODataSlimResponse: One page, with rows.

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return _pages(
            self._client,
            self.get_all,
            _O_DATA_SLIM_RESPONSE,
            select=select,
            filter=filter,
            order_by=order_by,
            mode=mode,
            json_safe=json_safe,
            top=page_size,
        )

    def get_attachment(self, *, ticket_id: int, name: str) -> bytes:
        """The content of a ticket attachment, as stored.

        Endpoint: ``GET /api/v1/Ticket/{ticketId}/Attachment/{name}``

        Args:
            ticket_id: Ticket id
            name: File name of the attachment, e.g. "report 2024.pdf"

        Returns:
            bytes: The attachment

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "GET",
            "/api/v1/Ticket/{ticket_id}/Attachment/{name}",
            _m.BYTES,
            parts={"ticket_id": ticket_id, "name": name},
        )

    def get_ticket_count(
        self,
        *,
        status: str,
        from_: datetime | str | None | NotGiven = NOT_GIVEN,
        class_: str | None | NotGiven = NOT_GIVEN,
    ) -> int:
        """Counts the tickets with a status, optionally since a date.

        Endpoint: ``GET /api/v1/Ticket/Count``

        Args:
            status: The ticket status to count.
            from_: Only count tickets registered after this time.
            class_: The ticket class, a Python keyword as a name.

        Returns:
            int: The number of tickets

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "GET",
            "/api/v1/Ticket/Count",
            _INT,
            query={"status": status, "from": from_, "class": class_},
        )

    def get_ticket_entity(
        self, *, id: int, select: Select | None | NotGiven = NOT_GIVEN
    ) -> TicketEntity:
        """Gets a TicketEntity object.

        Calls the Ticket agent service GetTicketEntity.

        The owner is an Associate carrier.

        Endpoint: ``GET /api/v1/Ticket/{id}``

        Args:
            id: The id of the TicketEntity to return.
            select: Optional comma separated list of properties to include in the result.

        Returns:
            TicketEntity: TicketEntity found.

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "GET",
            "/api/v1/Ticket/{id}",
            _TICKET_ENTITY,
            parts={"id": id},
            query={"$select": select},
        )

    def patch_ticket_entity(
        self, *, id: int, changes: Sequence[TicketEntityPatchTicketEntityChanges | dict[str, Any]]
    ) -> TicketEntity:
        """Update a TicketEntity with changes, as described in a JSON Patch or a JSON Merge Patch document.

        Endpoint: ``PATCH /api/v1/Ticket/{id}``

        Args:
            id: The TicketEntity id to update.
            changes: JSON-Patch array of operations+path+value, or a MERGE-PATCH object (which will be
                converted to a list of JSON-PATCH operations).

        Returns:
            TicketEntity: TicketEntity updated.

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "PATCH", "/api/v1/Ticket/{id}", _TICKET_ENTITY, parts={"id": id}, body=changes
        )

    def put_ticket_entity(self, *, id: int, entity: TicketEntity | dict[str, Any]) -> TicketEntity:
        """Updates the existing TicketEntity.

        Endpoint: ``PUT /api/v1/Ticket/{id}``

        Args:
            id: The TicketEntity id to update.
            entity: The TicketEntity to be saved.

        Returns:
            TicketEntity: TicketEntity updated.

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "PUT", "/api/v1/Ticket/{id}", _TICKET_ENTITY, parts={"id": id}, body=entity
        )

    def set_attachment(self, *, ticket_id: int, stream: bytes) -> int:
        """Store an attachment on a ticket from a stream.

        Endpoint: ``PUT /api/v1/Ticket/{ticketId}/Attachment``

        Args:
            ticket_id: The ticket to attach to.
            stream: The attachment content as a stream.

        Returns:
            int: The blob id of the attachment

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "PUT",
            "/api/v1/Ticket/{ticket_id}/Attachment",
            _INT,
            parts={"ticket_id": ticket_id},
            content=stream,
        )
