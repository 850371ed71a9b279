"""The ODataSlimResponse model."""

from __future__ import annotations

from typing import Any

from .._model import Model


class ODataSlimResponse(Model):
    """The ODataSlimResponse type."""

    __slots__ = ()
    _wire_ = {
        "odata_metadata": "odata.metadata",
        "odata_next_link": "odata.nextLink",
        "value": "value",
    }

    odata_metadata: str | None = None
    odata_next_link: str | None = None
    value: list[Any] | None = None
