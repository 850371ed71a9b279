"""The ImportModule model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._model import Model


class ImportModule(Model):
    """The ImportModule type.

    Attributes:
        select: Named like the runtime's $select type.
        sequence: Named like a typing name.
        not_given: Named like the runtime's sentinel type.
    """

    if not TYPE_CHECKING:  # mypy would refuse setting a field of a class with empty slots
        __slots__ = ()

    select: str | None = None
    sequence: str | None = None
    not_given: str | None = None
