"""The one place that turns documented names into Python identifiers.

Snake case follows `inflection.underscore`: split before a capital that follows a lower-case
letter or digit, and before the last capital of a run that is followed by a lower-case letter
(`GetUIDFromAppointmentId` → `get_uid_from_appointment_id`, `EMailAgent` → `e_mail_agent`).
Anything that is not a letter, digit or underscore becomes `_`; keywords get a trailing `_`;
a name that starts with a digit is prefixed with `field_`; clashes get `_2`, `_3`, ….
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable
from functools import lru_cache

_RUN = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")  # lookarounds: linear on a long run of capitals
_WORD = re.compile(r"([a-z\d])([A-Z])")
_OTHER = re.compile(r"[^0-9A-Za-z_]+")


@lru_cache(maxsize=None)
def snake(name: str) -> str:
    """`appointmentEntityId` → `appointment_entity_id`, `$orderBy` → `order_by`, always an identifier."""
    text = _WORD.sub(r"\1_\2", _RUN.sub("_", name))
    text = _OTHER.sub("_", text).strip("_").lower()
    return _identifier(re.sub(r"_+", "_", text), "value")


@lru_cache(maxsize=None)
def pascal(name: str) -> str:
    """`ListAgentGetCountriesItem` stays, `odata.response` → `OdataResponse`, always an identifier."""
    words = [w for w in _OTHER.sub("_", name).split("_") if w]
    return _identifier("".join(w[:1].upper() + w[1:] for w in words), "Model")


def _identifier(text: str, empty: str) -> str:
    if not text:
        return empty
    if text[0].isdigit():
        text = f"field_{text}"
    if keyword.iskeyword(text):
        text += "_"
    return text


def wire_name(attribute: str) -> str:
    """The wire name the generated runtime assumes for a model attribute (`_model.wire_name`):
    `contact_id` → `ContactId`. Fields whose wire name differs are listed in `_wire_`."""
    return "".join(part[:1].upper() + part[1:] for part in attribute.split("_"))


class Namespace:
    """Hands out unique names in one scope (a module, a class, an argument list)."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self._taken = set(reserved)

    def claim(self, name: str) -> str:
        candidate, n = name, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{name}_{n}"
        self._taken.add(candidate)
        return candidate
