"""The ODataSlimResponse model."""

from __future__ import annotations

from typing import Any

from .._model import Model, field


class ODataSlimResponse(Model):
    """The ODataSlimResponse type."""

    __slots__ = ()

    odata_metadata: str | None = field("odata.metadata", default=None)
    odata_next_link: str | None = field("odata.nextLink", default=None)
    value: list[Any] | None = field("value", default=None)
