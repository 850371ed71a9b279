"""The AppointmentAgent endpoints (2), under /api/v1/Agents/Appointment."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import _model as _m
from .._model import NOT_GIVEN, NotGiven
from .._runtime import Group, Select

_STR: _m.Codec[str] = _m.JSON


class AppointmentAgentApi(Group):
    """The AppointmentAgent endpoints (2), under /api/v1/Agents/Appointment."""

    __slots__ = ()

    def set_activity_status(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        activity_identifier: Sequence[Any] | None | NotGiven = NOT_GIVEN,
        activity_status: str | None | NotGiven = NOT_GIVEN,
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
            ApiError: The API answered with a status that is not 2xx.
        """
        self._client._request(
            "POST",
            "/api/v1/Agents/Appointment/SetActivityStatus",
            _m.NONE,
            query={"$select": select},
            fields={"ActivityIdentifier": activity_identifier, "ActivityStatus": activity_status},
        )

    def toggle_activity(
        self,
        *,
        select: Select | None | NotGiven = NOT_GIVEN,
        activity_identifier: str | None | NotGiven = NOT_GIVEN,
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
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "POST",
            "/api/v1/Agents/Appointment/ToggleActivity",
            _STR,
            query={"$select": select},
            fields={"ActivityIdentifier": activity_identifier},
        )
