"""The CheckResult model."""

from __future__ import annotations

from datetime import datetime

from .._model import DATETIME, Model, field


class CheckResult(Model):
    """The CheckResult type.

    Attributes:
        class_: Keyword "class" as a property.
        from_: Keyword "from" as a date-time property.
        to_dict_2: Clashes with to_dict().
        to_dict_3: Clashes with the one above once in snake case.
        text_path: A backslash in a name: C:\\temp
    """

    __slots__ = ()

    class_: str | None = field("class", default=None)
    from_: datetime | None = field("from", DATETIME, default=None)
    to_dict_2: str | None = field("ToDict", default=None)
    to_dict_3: str | None = field("to_dict", default=None)
    text_path: str | None = field("Text\\Path", default=None)
