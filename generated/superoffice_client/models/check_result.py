"""The CheckResult model."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from .._model import Model


class CheckResult(Model):
    """The CheckResult type.

    Attributes:
        class_: Keyword "class" as a property.
        from_: Keyword "from" as a date-time property.
        to_dict_2: Clashes with to_dict().
        to_dict_3: Clashes with the one above once in snake case.
        text_path: A backslash in a name: C:\\temp
    """

    if not TYPE_CHECKING:  # mypy would refuse setting a field of a class with empty slots
        __slots__ = ()
    _wire_ = {
        "class_": "class",
        "from_": "from",
        "to_dict_2": "ToDict",
        "to_dict_3": "to_dict",
        "text_path": "Text\\Path",
    }

    class_: str | None = None
    from_: datetime | None = None
    to_dict_2: str | None = None
    to_dict_3: str | None = None
    text_path: str | None = None
