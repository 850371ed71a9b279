"""The TicketEntity endpoints (8), under /api/v1/Ticket."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TYPE_CHECKING, Unpack

from .._runtime import AsyncGroup, Group, RequestOptions, Select, async_raw, raw
from .._model import NOT_GIVEN, NotGiven, model

if TYPE_CHECKING:
    from ..models.o_data_slim_response import ODataSlimResponse
    from ..models.ticket_entity import TicketEntity
    from ..models.ticket_entity_patch_ticket_entity_changes import (
        TicketEntityPatchTicketEntityChanges,
    )


class TicketEntityApi(Group):
    """The TicketEntity endpoints (8), under /api/v1/Ticket."""

    __slots__ = ()

    def delete_ticket_entity(self, *, id: int, **options: Unpack[RequestOptions]) -> None:
        """Deletes the TicketEntity

        Endpoint: ``DELETE /api/v1/Ticket/{id}``

        Args:
            id: The TicketEntity to be deleted.

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        self._client._request("DELETE", "/api/v1/Ticket/{id}", "none", parts={"id": id}, **options)

    def get_all(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        filter: str | None | NotGiven = NOT_GIVEN,
        order_by: str | None | NotGiven = NOT_GIVEN,
        top: int | None | NotGiven = NOT_GIVEN,
        mode: str | None | NotGiven = NOT_GIVEN,
        json_safe: bool | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
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
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: ODataSlimResponse = self._client._request(
            "GET",
            "/api/v1/Ticket",
            model("ODataSlimResponse"),
            query={
                "$select": select,
                "$filter": filter,
                "$orderBy": order_by,
                "$top": top,
                "$mode": mode,
                "$jsonSafe": json_safe,
            },
            **options,
        )
        return result

    def get_attachment(
        self, *, ticket_id: int, name: str, **options: Unpack[RequestOptions]
    ) -> bytes:
        """The content of a ticket attachment, as stored.

        Endpoint: ``GET /api/v1/Ticket/{ticketId}/Attachment/{name}``

        Args:
            ticket_id: Ticket id
            name: File name of the attachment, e.g. "report 2024.pdf"

        Returns:
            bytes: The attachment

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: bytes = self._client._request(
            "GET",
            "/api/v1/Ticket/{ticket_id}/Attachment/{name}",
            "bytes",
            parts={"ticket_id": ticket_id, "name": name},
            **options,
        )
        return result

    def get_ticket_count(
        self,
        *,
        status: str,
        from_: datetime | str | None | NotGiven = NOT_GIVEN,
        class_: str | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
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
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: int = self._client._request(
            "GET",
            "/api/v1/Ticket/Count",
            "json",
            query={"status": status, "from": from_, "class": class_},
            **options,
        )
        return result

    def get_ticket_entity(
        self,
        *,
        id: int,
        select: Select | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
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
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: TicketEntity = self._client._request(
            "GET",
            "/api/v1/Ticket/{id}",
            model("TicketEntity"),
            parts={"id": id},
            query={"$select": select},
            **options,
        )
        return result

    def patch_ticket_entity(
        self,
        *,
        id: int,
        changes: Sequence[TicketEntityPatchTicketEntityChanges | dict[str, Any]],
        **options: Unpack[RequestOptions],
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
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: TicketEntity = self._client._request(
            "PATCH",
            "/api/v1/Ticket/{id}",
            model("TicketEntity"),
            parts={"id": id},
            body=changes,
            **options,
        )
        return result

    def put_ticket_entity(
        self, *, id: int, entity: TicketEntity | dict[str, Any], **options: Unpack[RequestOptions]
    ) -> TicketEntity:
        """Updates the existing TicketEntity.

        Endpoint: ``PUT /api/v1/Ticket/{id}``

        Args:
            id: The TicketEntity id to update.
            entity: The TicketEntity to be saved.

        Returns:
            TicketEntity: TicketEntity updated.

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: TicketEntity = self._client._request(
            "PUT",
            "/api/v1/Ticket/{id}",
            model("TicketEntity"),
            parts={"id": id},
            body=entity,
            **options,
        )
        return result

    def set_attachment(
        self, *, ticket_id: int, stream: bytes, **options: Unpack[RequestOptions]
    ) -> int:
        """Store an attachment on a ticket from a stream.

        Endpoint: ``PUT /api/v1/Ticket/{ticketId}/Attachment``

        Args:
            ticket_id: The ticket to attach to.
            stream: The attachment content as a stream.

        Returns:
            int: The blob id of the attachment

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: int = self._client._request(
            "PUT",
            "/api/v1/Ticket/{ticket_id}/Attachment",
            "json",
            parts={"ticket_id": ticket_id},
            content=stream,
            **options,
        )
        return result


class TicketEntityApiWithRawResponse:
    """``Client.with_raw_response.ticket_entity``: the methods of `TicketEntityApi`, answering `RawResponse`."""

    def __init__(self, group: TicketEntityApi) -> None:
        self.delete_ticket_entity = raw(group.delete_ticket_entity)
        self.get_all = raw(group.get_all)
        self.get_attachment = raw(group.get_attachment)
        self.get_ticket_count = raw(group.get_ticket_count)
        self.get_ticket_entity = raw(group.get_ticket_entity)
        self.patch_ticket_entity = raw(group.patch_ticket_entity)
        self.put_ticket_entity = raw(group.put_ticket_entity)
        self.set_attachment = raw(group.set_attachment)


class AsyncTicketEntityApi(AsyncGroup):
    """The TicketEntity endpoints (8), under /api/v1/Ticket."""

    __slots__ = ()

    async def delete_ticket_entity(self, *, id: int, **options: Unpack[RequestOptions]) -> None:
        """Deletes the TicketEntity

        Endpoint: ``DELETE /api/v1/Ticket/{id}``

        Args:
            id: The TicketEntity to be deleted.

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        await self._client._request(
            "DELETE", "/api/v1/Ticket/{id}", "none", parts={"id": id}, **options
        )

    async def get_all(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        filter: str | None | NotGiven = NOT_GIVEN,
        order_by: str | None | NotGiven = NOT_GIVEN,
        top: int | None | NotGiven = NOT_GIVEN,
        mode: str | None | NotGiven = NOT_GIVEN,
        json_safe: bool | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
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
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: ODataSlimResponse = await self._client._request(
            "GET",
            "/api/v1/Ticket",
            model("ODataSlimResponse"),
            query={
                "$select": select,
                "$filter": filter,
                "$orderBy": order_by,
                "$top": top,
                "$mode": mode,
                "$jsonSafe": json_safe,
            },
            **options,
        )
        return result

    async def get_attachment(
        self, *, ticket_id: int, name: str, **options: Unpack[RequestOptions]
    ) -> bytes:
        """The content of a ticket attachment, as stored.

        Endpoint: ``GET /api/v1/Ticket/{ticketId}/Attachment/{name}``

        Args:
            ticket_id: Ticket id
            name: File name of the attachment, e.g. "report 2024.pdf"

        Returns:
            bytes: The attachment

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: bytes = await self._client._request(
            "GET",
            "/api/v1/Ticket/{ticket_id}/Attachment/{name}",
            "bytes",
            parts={"ticket_id": ticket_id, "name": name},
            **options,
        )
        return result

    async def get_ticket_count(
        self,
        *,
        status: str,
        from_: datetime | str | None | NotGiven = NOT_GIVEN,
        class_: str | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
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
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: int = await self._client._request(
            "GET",
            "/api/v1/Ticket/Count",
            "json",
            query={"status": status, "from": from_, "class": class_},
            **options,
        )
        return result

    async def get_ticket_entity(
        self,
        *,
        id: int,
        select: Select | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
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
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: TicketEntity = await self._client._request(
            "GET",
            "/api/v1/Ticket/{id}",
            model("TicketEntity"),
            parts={"id": id},
            query={"$select": select},
            **options,
        )
        return result

    async def patch_ticket_entity(
        self,
        *,
        id: int,
        changes: Sequence[TicketEntityPatchTicketEntityChanges | dict[str, Any]],
        **options: Unpack[RequestOptions],
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
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: TicketEntity = await self._client._request(
            "PATCH",
            "/api/v1/Ticket/{id}",
            model("TicketEntity"),
            parts={"id": id},
            body=changes,
            **options,
        )
        return result

    async def put_ticket_entity(
        self, *, id: int, entity: TicketEntity | dict[str, Any], **options: Unpack[RequestOptions]
    ) -> TicketEntity:
        """Updates the existing TicketEntity.

        Endpoint: ``PUT /api/v1/Ticket/{id}``

        Args:
            id: The TicketEntity id to update.
            entity: The TicketEntity to be saved.

        Returns:
            TicketEntity: TicketEntity updated.

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: TicketEntity = await self._client._request(
            "PUT",
            "/api/v1/Ticket/{id}",
            model("TicketEntity"),
            parts={"id": id},
            body=entity,
            **options,
        )
        return result

    async def set_attachment(
        self, *, ticket_id: int, stream: bytes, **options: Unpack[RequestOptions]
    ) -> int:
        """Store an attachment on a ticket from a stream.

        Endpoint: ``PUT /api/v1/Ticket/{ticketId}/Attachment``

        Args:
            ticket_id: The ticket to attach to.
            stream: The attachment content as a stream.

        Returns:
            int: The blob id of the attachment

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: int = await self._client._request(
            "PUT",
            "/api/v1/Ticket/{ticket_id}/Attachment",
            "json",
            parts={"ticket_id": ticket_id},
            content=stream,
            **options,
        )
        return result


class AsyncTicketEntityApiWithRawResponse:
    """``AsyncClient.with_raw_response.ticket_entity``: the methods of `AsyncTicketEntityApi`, answering `RawResponse`."""

    def __init__(self, group: AsyncTicketEntityApi) -> None:
        self.delete_ticket_entity = async_raw(group.delete_ticket_entity)
        self.get_all = async_raw(group.get_all)
        self.get_attachment = async_raw(group.get_attachment)
        self.get_ticket_count = async_raw(group.get_ticket_count)
        self.get_ticket_entity = async_raw(group.get_ticket_entity)
        self.patch_ticket_entity = async_raw(group.patch_ticket_entity)
        self.put_ticket_entity = async_raw(group.put_ticket_entity)
        self.set_attachment = async_raw(group.set_attachment)
