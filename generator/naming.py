"""The one place that turns documented names into Python identifiers.

Snake case follows `inflection.underscore`: split before a capital that follows a lower-case
letter or digit, and before the last capital of a run that is followed by a lower-case letter
(`GetUIDFromAppointmentId` → `get_uid_from_appointment_id`, `EMailAgent` → `e_mail_agent`).
Anything that is not a letter, digit or underscore becomes `_`; keywords get a trailing `_`;
a name that starts with a digit is prefixed with `field_`; clashes get `_2`, `_3`, ….

Names made from pages never start with `_`, so every name the generated modules bind for
themselves is either private (`_model`, `_pages`, `_import_module`) or reserved below: a page
cannot produce a name that shadows one the generated code relies on.
"""

from __future__ import annotations

import keyword
import re
import sys
from collections.abc import Iterable
from functools import cache

from .runtime._model import wire_name as wire_name  # the generated models' rule, shared

_RUN = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])")  # lookarounds: linear on a long run of capitals
_WORD = re.compile(r"([a-z\d])([A-Z])")
_OTHER = re.compile(r"[^0-9A-Za-z_]+")


@cache
def snake(name: str) -> str:
    """`appointmentEntityId` → `appointment_entity_id`, `$orderBy` → `order_by`, always an identifier."""
    text = _WORD.sub(r"\1_\2", _RUN.sub("_", name))
    text = _OTHER.sub("_", text).strip("_").lower()
    return _identifier(re.sub(r"_+", "_", text), "value")


@cache
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


BUILTIN_HINTS = frozenset(
    {"str", "int", "float", "bool", "bytes", "list", "dict", "object", "datetime"}
)
"""Lower-case names the annotations of generated modules use. A class attribute with one of these
names (a model field, a group method, a client accessor) would shadow it for the annotations after
it, so such names get a trailing `_`, as keywords do."""

TYPING_NAMES = frozenset(
    {
        "Any",
        "TYPE_CHECKING",
        "ClassVar",
        "Literal",
        "Self",
        "Unpack",
        "Sequence",
        "Iterator",
        "AsyncIterator",
        "Callable",
        "Mapping",
    }
)
"""Names imported from `typing` and `collections.abc` into generated modules."""

RUNTIME_NAMES = frozenset(
    {
        "Model",
        "Group",
        "AsyncGroup",
        "RequestOptions",
        "Select",
        "NotGiven",
        "NOT_GIVEN",
        "SyncBaseClient",
        "AsyncBaseClient",
        "RawView",
        "Client",
        "AsyncClient",
        "ClientWithRawResponse",
        "AsyncClientWithRawResponse",
    }
)
"""Names of the runtime that generated modules import or define under their own name (for
annotations); the rest they import under private names (`_m`, `_pages`, `_rows`).
tests/test_names.py checks this against the generated modules' imports."""

CLASS_RESERVED = BUILTIN_HINTS | TYPING_NAMES | RUNTIME_NAMES
"""No model or group class may be called like this: they would clash with, or shadow, an import."""

CLIENT_MEMBERS = frozenset({"close", "with_options", "with_raw_response"})
"""The public members of `Client` and `AsyncClient` (tests/test_names.py checks them against the
generated runtime); a group accessor named like one gets a trailing `_` (`close_`). Private
members (`_request`, `_http`) cannot clash: accessors never start with `_`."""

MODEL_MEMBERS = frozenset({"to_dict", "from_dict"})
"""The public members of `Model`, which no field may take (`to_dict` → `to_dict_2`)."""

CALL_OPTIONS = frozenset({"timeout", "extra_headers", "extra_query", "max_retries"})
"""The per-call options every generated method takes (`_options.RequestOptions`, checked by
tests/test_names.py): a page argument with one of these names gets a trailing `_` (`timeout_`)."""

ARGUMENT_RESERVED = frozenset({"self", "options"})
"""Argument names that clash outright with the method's own (`self` → `self_2`, and `options`,
which holds the per-call options)."""


class Namespace:
    """Hands out unique names in one scope (a module, a class, an argument list).

    `reserved` names are taken: a claim for one gets `_2`, `_3`, …; `avoid` names would shadow
    something the scope relies on, and get a trailing `_` first (`str` → `str_`).
    """

    def __init__(self, reserved: Iterable[str] = (), avoid: Iterable[str] = ()) -> None:
        self._taken = set(reserved)
        self._avoid = frozenset(avoid)

    def claim(self, name: str) -> str:
        if name in self._avoid:
            name += "_"
        candidate, n = name, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{name}_{n}"
        self._taken.add(candidate)
        return candidate


def model_classes() -> Namespace:
    """Model class names: unique, and none that a generated module imports."""
    return Namespace(CLASS_RESERVED)


def model_fields(classes: Iterable[str]) -> Namespace:
    """A model's attributes: not its methods, not a class an annotation names, no builtin hint."""
    return Namespace({*MODEL_MEMBERS, *classes}, BUILTIN_HINTS)


def group_methods() -> Namespace:
    """A group's methods: no builtin an annotation of a later method names."""
    return Namespace((), BUILTIN_HINTS)


def accessors() -> Namespace:
    """The client's attributes for groups: no member of the client, no builtin hint."""
    return Namespace((), BUILTIN_HINTS | CLIENT_MEMBERS)


def arguments() -> Namespace:
    """A method's keyword arguments: not `self`, not a per-call option of the runtime."""
    return Namespace(ARGUMENT_RESERVED, CALL_OPTIONS)


SHADOWED = (
    frozenset(sys.stdlib_module_names)
    | frozenset(sys.builtin_module_names)
    | {
        "httpx",
        "pytest",
        "typing_extensions",
        "conftest",
        "__main__",
        "tests",
    }
)
"""Package names that would shadow what the generated package and its tests import: the standard
library's modules, httpx, pytest, and the tests' own."""


def package_problem(name: str) -> str | None:
    """Why `name` cannot be the generated package's name, or None when it can."""
    if not name.isidentifier() or keyword.iskeyword(name) or not name.isascii():
        return f"'{name}' is not a valid Python package name"
    if name in SHADOWED:
        return (
            f"'{name}' would shadow the module of that name (the standard library, httpx, pytest "
            "or the tests'); choose another package name"
        )
    return None
