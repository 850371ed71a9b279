"""The AppointmentAgent endpoints (2), under /api/v1/Agents/Appointment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Unpack

from .._runtime import AsyncGroup, Group, RequestOptions, Select, async_raw, raw
from .._model import NOT_GIVEN, NotGiven


class AppointmentAgentApi(Group):
    """The AppointmentAgent endpoints (2), under /api/v1/Agents/Appointment."""

    __slots__ = ()

    def set_activity_status(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        activity_identifier: Sequence[Any] | None | NotGiven = NOT_GIVEN,
        activity_status: str | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Sets the completed status for an array of activities.

        The string activityIdentifier param may contain of a mix of appointment_id, sale_id, document_id and todo_id. The changes are saved immediately. If an invalid id is passed in (nonexistent record), no changes will be made. If there is no write access to the record being changed, a Sentry exception will be thrown in the usual manner.

        Endpoint: ``POST /api/v1/Agents/Appointment/SetActivityStatus``

        Args:
            select: Optional comma separated list of properties to include in the result. Other fields
                are then nulled out to reduce payload size: "Name,department,category". Default = show all
                fields.
            activity_identifier: ``ActivityIdentifier``.
            activity_status: ``ActivityStatus``.

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        self._client._request(
            "POST",
            "/api/v1/Agents/Appointment/SetActivityStatus",
            "none",
            query={"$select": select},
            fields={"ActivityIdentifier": activity_identifier, "ActivityStatus": activity_status},
            **options,
        )

    def toggle_activity(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        activity_identifier: str | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> str:
        """Toggle the completed status for an activity.

        Activity may be sale, document or appointment. The changes are saved immediately.

        Endpoint: ``POST /api/v1/Agents/Appointment/ToggleActivity``

        Args:
            select: Optional comma separated list of properties to include in the result. Other fields
                are then nulled out to reduce payload size: "Name,department,category". Default = show all
                fields.
            activity_identifier: ``ActivityIdentifier``.

        Returns:
            str: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: str = self._client._request(
            "POST",
            "/api/v1/Agents/Appointment/ToggleActivity",
            "json",
            query={"$select": select},
            fields={"ActivityIdentifier": activity_identifier},
            **options,
        )
        return result


class AppointmentAgentApiWithRawResponse:
    """``Client.with_raw_response.appointment_agent``: the methods of `AppointmentAgentApi`, answering `RawResponse`."""

    def __init__(self, group: AppointmentAgentApi) -> None:
        self.set_activity_status = raw(group.set_activity_status)
        self.toggle_activity = raw(group.toggle_activity)


class AsyncAppointmentAgentApi(AsyncGroup):
    """The AppointmentAgent endpoints (2), under /api/v1/Agents/Appointment."""

    __slots__ = ()

    async def set_activity_status(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        activity_identifier: Sequence[Any] | None | NotGiven = NOT_GIVEN,
        activity_status: str | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> None:
        """Sets the completed status for an array of activities.

        The string activityIdentifier param may contain of a mix of appointment_id, sale_id, document_id and todo_id. The changes are saved immediately. If an invalid id is passed in (nonexistent record), no changes will be made. If there is no write access to the record being changed, a Sentry exception will be thrown in the usual manner.

        Endpoint: ``POST /api/v1/Agents/Appointment/SetActivityStatus``

        Args:
            select: Optional comma separated list of properties to include in the result. Other fields
                are then nulled out to reduce payload size: "Name,department,category". Default = show all
                fields.
            activity_identifier: ``ActivityIdentifier``.
            activity_status: ``ActivityStatus``.

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        await self._client._request(
            "POST",
            "/api/v1/Agents/Appointment/SetActivityStatus",
            "none",
            query={"$select": select},
            fields={"ActivityIdentifier": activity_identifier, "ActivityStatus": activity_status},
            **options,
        )

    async def toggle_activity(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        activity_identifier: str | None | NotGiven = NOT_GIVEN,
        **options: Unpack[RequestOptions],
    ) -> str:
        """Toggle the completed status for an activity.

        Activity may be sale, document or appointment. The changes are saved immediately.

        Endpoint: ``POST /api/v1/Agents/Appointment/ToggleActivity``

        Args:
            select: Optional comma separated list of properties to include in the result. Other fields
                are then nulled out to reduce payload size: "Name,department,category". Default = show all
                fields.
            activity_identifier: ``ActivityIdentifier``.

        Returns:
            str: OK

        Raises:
            ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...).
            ApiConnectionError: No answer (ApiTimeoutError: none in time).
        """
        result: str = await self._client._request(
            "POST",
            "/api/v1/Agents/Appointment/ToggleActivity",
            "json",
            query={"$select": select},
            fields={"ActivityIdentifier": activity_identifier},
            **options,
        )
        return result


class AsyncAppointmentAgentApiWithRawResponse:
    """``AsyncClient.with_raw_response.appointment_agent``: the methods of `AsyncAppointmentAgentApi`, answering `RawResponse`."""

    def __init__(self, group: AsyncAppointmentAgentApi) -> None:
        self.set_activity_status = async_raw(group.set_activity_status)
        self.toggle_activity = async_raw(group.toggle_activity)
