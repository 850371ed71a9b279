"""The EdgeAgent endpoints (2), under /api/v1/Agents/Edge."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, TYPE_CHECKING

from .. import _model as _m
from .._model import NOT_GIVEN, NotGiven
from .._runtime import Group

if TYPE_CHECKING:
    from ..models.group_2 import Group_2
    from ..models.import_module import ImportModule

_GROUP_2: _m.Codec[Group_2] = _m.model("Group_2")
_IMPORT_MODULE: _m.Codec[ImportModule] = _m.model("ImportModule")


class EdgeAgentApi(Group):
    """The EdgeAgent endpoints (2), under /api/v1/Agents/Edge."""

    __slots__ = ()

    def datetime_(
        self,
        *,
        model: str | None | NotGiven = NOT_GIVEN,
        timeout_: int | None | NotGiven = NOT_GIVEN,
        mode: Literal["Slim", "Wide", "Full"] | str | None | NotGiven = NOT_GIVEN,
    ) -> ImportModule:
        """An operation named like the date-time type, with query parameters named like the runtime's
        helpers and an open enum, answering with a type named like a function the models package uses.

        Endpoint: ``GET /api/v1/Agents/Edge/Datetime``

        Args:
            model: Named like the runtime's model codec.
            timeout_: Named like a per-call option.
            mode: One of the listed values, or one the server learns later.

        Returns:
            ImportModule: OK

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "GET",
            "/api/v1/Agents/Edge/Datetime",
            _IMPORT_MODULE,
            query={"model": model, "timeout": timeout_, "mode": mode},
        )

    def echo(
        self,
        *,
        model: str | None | NotGiven = NOT_GIVEN,
        list_of: str | None | NotGiven = NOT_GIVEN,
        self_2: str | None | NotGiven = NOT_GIVEN,
        timeout_: int | None | NotGiven = NOT_GIVEN,
        str: str | None | NotGiven = NOT_GIVEN,
        datetime: datetime | str | None | NotGiven = NOT_GIVEN,
    ) -> Group_2:
        """Echoes what it is sent. Its names are those the generated client itself uses: the runtime's
        codec helpers, the method's self, a per-call option, builtins and typing names.

        Endpoint: ``POST /api/v1/Agents/Edge/Echo``

        Args:
            model: Named like the runtime's model codec.
            list_of: Named like the runtime's list codec.
            self_2: Named like the method's first argument.
            timeout_: Named like a per-call option.
            str: Named like a builtin.
            datetime: Named like the date-time type.

        Returns:
            Group_2: OK

        Raises:
            ApiError: The API answered with a status that is not 2xx.
        """
        return self._client._request(
            "POST",
            "/api/v1/Agents/Edge/Echo",
            _GROUP_2,
            fields={
                "model": model,
                "list_of": list_of,
                "self": self_2,
                "timeout": timeout_,
                "str": str,
                "datetime": datetime,
            },
        )
