"""The ODataSlimResponse model."""

from __future__ import annotations

from typing import Any, TYPE_CHECKING

from .._model import Model


class ODataSlimResponse(Model):
    """The ODataSlimResponse type."""

    if not TYPE_CHECKING:  # mypy would refuse setting a field of a class with empty slots
        __slots__ = ()
    _wire_ = {
        "odata_metadata": "odata.metadata",
        "odata_next_link": "odata.nextLink",
        "value": "value",
    }

    odata_metadata: str | None = None
    odata_next_link: str | None = None
    value: list[Any] | None = None
