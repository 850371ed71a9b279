"""The Group model."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TYPE_CHECKING

from .._model import Model


class Group_2(Model):
    """The Group type.

    Attributes:
        str_: A field named like a builtin type.
        int_: Another.
        list_: Another.
        bool_: Another.
        datetime_: A field named like the date-time type.
        any: A field named like a typing name.
        not_given: A field named like the runtime's sentinel.
    """

    if not TYPE_CHECKING:  # mypy would refuse setting a field of a class with empty slots
        __slots__ = ()
    _wire_ = {
        "str_": "str",
        "int_": "int",
        "list_": "list",
        "bool_": "bool",
        "datetime_": "datetime",
        "not_given": "NOT_GIVEN",
    }

    str_: str | None = None
    int_: int | None = None
    list_: list[Any] | None = None
    bool_: bool | None = None
    datetime_: datetime | None = None
    any: str | None = None
    not_given: str | None = None
