"""The CheckResult model."""

from __future__ import annotations

from datetime import datetime

from .._model import DATETIME, Model, field


class CheckResult(Model):
    """The CheckResult type."""

    __slots__ = ()

    class_: str | None = field("class", default=None)
    """Keyword "class" as a property."""

    from_: datetime | None = field("from", DATETIME, default=None)
    """Keyword "from" as a date-time property."""

    to_dict_2: str | None = field("ToDict", default=None)
    """Clashes with to_dict()."""

    to_dict_3: str | None = field("to_dict", default=None)
    """Clashes with the one above once in snake case."""

    text_path: str | None = field("Text\\Path", default=None)
    """A backslash in a name: C:\\temp"""
