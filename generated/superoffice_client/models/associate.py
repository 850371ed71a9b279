"""The Associate model."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from .._model import Model


class Associate(Model):
    """The Associate type.

    Attributes:
        associate_id: Primary key
        name: Initials, also login name, possibly database user name
        full_name: Full name of the user
        last_login: When the user last logged in, local time
    """

    if not TYPE_CHECKING:  # mypy would refuse setting a field of a class with empty slots
        __slots__ = ()

    associate_id: int | None = None
    name: str | None = None
    full_name: str | None = None
    last_login: datetime | None = None
