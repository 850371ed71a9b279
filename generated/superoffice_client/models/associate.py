"""The Associate model."""

from __future__ import annotations

from datetime import datetime

from .._model import DATETIME, Model, field


class Associate(Model):
    """The Associate type."""

    __slots__ = ()

    associate_id: int | None = field("AssociateId", default=None)
    """Primary key"""

    name: str | None = field("Name", default=None)
    """Initials, also login name, possibly database user name"""

    full_name: str | None = field("FullName", default=None)
    """Full name of the user"""

    last_login: datetime | None = field("LastLogin", DATETIME, default=None)
    """When the user last logged in, local time"""
