"""The model's dataclasses to and from plain JSON data, for the cache.

A dataclass is a list of its fields' values in declaration order, a named tuple (Location) a list
too, but for a Location in the page's own file (its `home`, given to both `encode` and `decode`),
which is just [line, col], or its line when the column is 1: a page's hundreds of locations need
not each repeat its folder and path. A TypeRef without an item or values (most of them: a string,
an int32, a named type) is the string "kind|format|name". Everything else is JSON as it is. (A
page's encoding is that much shorter: decoding costs what its JSON's nodes count.) Decoding is
driven by the classes' type hints and checks every value against them (a string is a string that
encodes to UTF-8, an int is an int of at most 64 bits, a Literal one of its values, ...), so data
from a cache file someone else wrote gives valid model objects or `Invalid`, nothing else. Equal
encodings of a TypeRef without an item give one shared value: TypeRefs are immutable, and a few
plain ones recur on every page.
"""

from __future__ import annotations

import dataclasses
import math
import operator
import types
import typing
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, get_args, get_origin, get_type_hints

from .diagnostics import Location
from .model import MAX_ARRAY_DEPTH, Operation, Sample, Status, TypeRef
from .wire import METHODS

_INT_BOUND = 1 << 63

Decoder = Callable[[Any], Any]


class Invalid(ValueError):
    """Data that is not an encoding of the type asked for."""


Home = tuple[str, str]  # a page's root and file: where its own locations are


def encode(value: Any, home: Home | None = None) -> Any:
    """Plain JSON data for a model value (dataclasses, named tuples, lists, dicts, scalars); a
    Location in `home` as its line (at column 1) or [line, col]; a TypeRef without an item or
    values as "kind|format|name"."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if kind is Location:
        if value[:2] != home:
            return list(value)
        return value.line if value.col == 1 else [value.line, value.col]
    if kind is TypeRef and value.item is None and not value.values:
        plain = f"{value.kind}|{value.format}|{value.name}"
        if plain.count("|") == 2:
            return plain
    if kind is list or kind is tuple:
        items: Any = value
    elif kind is dict:
        return {key: encode(item, home) for key, item in value.items()}
    else:
        fields = _FIELDS.get(kind)
        if fields is None:
            if not dataclasses.is_dataclass(kind):
                raise TypeError(f"cannot encode {kind.__name__}")
            names = [f.name for f in _fields(kind)]
            get = operator.attrgetter(*names)  # a tuple of their values, but of one name's
            fields = _FIELDS[kind] = get if len(names) > 1 else lambda value: (get(value),)
        items = fields(value)
    # A string, an int or None without a call: most fields are.
    return [
        item if (t := type(item)) is str or t is int or item is None else encode(item, home)
        for item in items
    ]


# Each dataclass's fields' values, in declaration order.
_FIELDS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def decode(tp: Any, data: Any, home: Home | None = None) -> Any:
    """The value of type `tp` that `data` encodes (its short locations in `home`). Raises
    Invalid."""
    token = _HOME.set(home)
    try:
        return decoder(tp)(data)
    except RecursionError:
        raise Invalid("nested too deeply") from None
    finally:
        _HOME.reset(token)


def decode_or_none(tp: Any, data: Any, home: Home | None = None) -> Any:
    """The value of type `tp` that `data` encodes, or None when there is none (`data` None) or
    it encodes no valid one: a cache entry that is a miss."""
    if data is None:
        return None
    try:
        return decode(tp, data, home)
    except Invalid:
        return None


# The `home` of the value `decode` is decoding, for the decoders of its locations.
_HOME: ContextVar[Home | None] = ContextVar("home", default=None)


_DECODERS: dict[Any, Decoder] = {}
# Checks a decoded object must pass beyond its types: what the parser never produces.
CHECKS: dict[type, Callable[[Any], bool]] = {}


def decoder(tp: Any) -> Decoder:
    found = _DECODERS.get(tp)
    if found is None:
        # Registered before it is built, so a type that refers to itself (TypeRef.item) finds it.
        _DECODERS[tp] = lambda data: built(data)
        built = _build(tp)
        _DECODERS[tp] = found = built
    return found


def _fail(what: str, data: Any) -> typing.NoReturn:
    raise Invalid(f"expected {what}, got {type(data).__name__}")


def _string(data: Any) -> str:
    if type(data) is not str:
        _fail("a string", data)
    if not data.isascii():
        try:
            data.encode("utf-8")
        except UnicodeEncodeError:
            raise Invalid("a string that is not text") from None
    return data


def _int(data: Any) -> int:
    if type(data) is not int or not -_INT_BOUND < data < _INT_BOUND:
        _fail("a 64-bit integer", data)
    return data


def _float(data: Any) -> float:
    if type(data) is int and -_INT_BOUND < data < _INT_BOUND:
        return float(data)
    if type(data) is not float or not math.isfinite(data):
        _fail("a finite number", data)
    return data


def _bool(data: Any) -> bool:
    if type(data) is not bool:
        _fail("a boolean", data)
    return data


_SCALARS: dict[Any, Decoder] = {str: _string, int: _int, float: _float, bool: _bool}


def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return tuple(f for f in dataclasses.fields(cls) if f.init)


def _build(tp: Any) -> Decoder:
    if tp in _SCALARS:
        return _SCALARS[tp]
    origin, args = get_origin(tp), get_args(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in args if a is not type(None)]
        if len(options) != 1:
            raise TypeError(f"cannot decode {tp}")
        inner = decoder(options[0])
        return lambda data: None if data is None else inner(data)
    if origin is typing.Literal:
        allowed = frozenset(args)

        def literal(data: Any) -> Any:
            if type(data) is not str or data not in allowed:
                _fail(f"one of {sorted(allowed)}", data)
            return data

        return literal
    if origin is list:
        item = decoder(args[0])

        def list_of(data: Any) -> list[Any]:
            if type(data) is not list:
                _fail("a list", data)
            return [item(x) for x in data]

        return list_of
    if origin is dict:
        key, value = decoder(args[0]), decoder(args[1])

        def dict_of(data: Any) -> dict[Any, Any]:
            if type(data) is not dict:
                _fail("an object", data)
            return {key(k): value(v) for k, v in data.items()}

        return dict_of
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = decoder(args[0])

            def tuple_of(data: Any) -> tuple[Any, ...]:
                if type(data) is not list:
                    _fail("a list", data)
                return tuple(item(x) for x in data)

            return tuple_of
        return _record(tuple, list(args))
    if isinstance(tp, type) and issubclass(tp, tuple) and hasattr(tp, "_fields"):  # a NamedTuple
        hints = get_type_hints(tp)
        whole = _record(tp, [hints[name] for name in tp._fields])
        return _location(whole) if tp is Location else whole
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = get_type_hints(tp)
        whole = _record(tp, [hints[f.name] for f in _fields(tp)])
        return _shared(whole) if tp is TypeRef else whole
    raise TypeError(f"cannot decode {tp}")


def _location(whole: Decoder) -> Decoder:
    """The decoder of a Location: `whole` for [root, file, line, col], or its line (column 1) or
    [line, col] in the `home` of the value decoded, checked as `whole` checks them, written out
    (a page holds hundreds of locations, most in its home)."""

    def location(data: Any) -> Location:
        if type(data) is int and 0 <= data < _INT_BOUND and (home := _HOME.get()) is not None:
            return _new_tuple(Location, (*home, data, 1))
        if type(data) is list and len(data) == 2 and (home := _HOME.get()) is not None:
            line, col = data
            if (
                type(line) is int
                and type(col) is int
                and 0 <= line < _INT_BOUND
                and 0 <= col < _INT_BOUND
            ):
                return _new_tuple(Location, (*home, line, col))
        return whole(data)  # or Invalid

    return location


_new_tuple = tuple.__new__  # a named tuple made without its __new__, written in Python


def _shared(whole: Decoder) -> Decoder:
    """The decoder of a TypeRef: `whole`, but equal encodings of one without an item give one
    value, decoded once. A page's types are mostly a few plain ones (a string, an int32, a named
    type: `_plain`), and a TypeRef is immutable. (A list, for one with values or a "|" in its name,
    is keyed by its repr, in which 1, 1.0, True and "1" differ; at each level, a forged deeply
    nested one would cost the square of its depth: one with an item is decoded anew.)"""
    values = _SHARED

    def shared(data: Any) -> TypeRef:
        if type(data) is str:
            return _plain(data, whole)
        if type(data) is not list or len(data) != 5 or data[3] is not None:
            return whole(data)
        key = repr(data)
        value = values.get(key)
        if value is None:
            if len(values) >= _MOST_SHARED:
                values.clear()
            value = values[key] = whole(data)
        return value

    return shared


def _plain(data: str, whole: Decoder) -> TypeRef:
    """The TypeRef a "kind|format|name" string encodes, decoded once (and checked as `whole`
    checks a list)."""
    value = _PLAIN.get(data)
    if value is None:
        parts = data.split("|")
        if len(parts) != 3:
            _fail("a TypeRef as kind|format|name", data)
        if len(_PLAIN) >= _MOST_SHARED:
            _PLAIN.clear()
        value = _PLAIN[data] = whole([*parts, None, []])
    return value


_MOST_SHARED = 1 << 16  # TypeRefs kept by `_shared`: a forged cache cannot fill the memory
# The TypeRefs `_shared` made, by their encoding: those of lists by its repr, and the plain ones
# by their "kind|format|name" (which a record finds inline).
_SHARED: dict[str, TypeRef] = {}
_PLAIN: dict[str, TypeRef] = {}


# A field of these types is checked inline, without a call, in the common case (the call decides
# the rest): every cached page holds hundreds of thousands of them. A Location in the `home` of
# the value decoded is its line when its column is 1 (most are), as `_location` reads it; a plain
# TypeRef one `_plain` made already.
_INLINE = {
    str: "(x if type(x := data[{i}]) is str and x.isascii() else _string(x))",
    int: "(x if type(x := data[{i}]) is int and -_INT_BOUND < x < _INT_BOUND else _int(x))",
    bool: "(x if type(x := data[{i}]) is bool else _bool(x))",
    Location: "(_new_tuple(Location, (*home, x, 1)) if type(x := data[{i}]) is int"
    " and home is not None and 0 <= x < _INT_BOUND else d{i}(x))",
    TypeRef: "((_PLAIN.get(x) if type(x := data[{i}]) is str else None) or d{i}(x))",
}


def _record(tp: Any, hints: list[Any]) -> Decoder:
    """The decoder of a record (a list of its fields' values), compiled for its fields: the
    checks are those of `decoder`, written out so a cache of thousands of pages decodes fast."""
    names: dict[str, Any] = {
        "tp": tp,
        "_fail": _fail,
        "_string": _string,
        "_int": _int,
        "_bool": _bool,
        "_INT_BOUND": _INT_BOUND,
        "_HOME": _HOME,
        "_new_tuple": _new_tuple,
        "Location": Location,
        "_PLAIN": _PLAIN,
    }
    values = []
    for i, hint in enumerate(hints):
        if hint in _INLINE:
            if hint is Location or hint is TypeRef:
                names[f"d{i}"] = decoder(hint)
            values.append(_INLINE[hint].format(i=i))
        elif get_origin(hint) in (typing.Union, types.UnionType) and type(None) in get_args(hint):
            names[f"d{i}"] = decoder(hint)  # X | None: None without a call
            values.append(f"(None if (x := data[{i}]) is None else d{i}(x))")
        else:
            names[f"d{i}"] = decoder(hint)
            values.append(f"d{i}(data[{i}])")
    made = f"({', '.join(values)},)" if tp is tuple else f"tp({', '.join(values)})"
    name = getattr(tp, "__name__", tp)
    what = f"a list of {len(hints)} values for {name}"
    lines = [
        "def record(data):",
        f"    if type(data) is not list or len(data) != {len(hints)}:",
        f"        _fail({what!r}, data)",
        *(["    home = _HOME.get()"] if Location in hints else []),
        f"    value = {made}",
    ]
    if tp in CHECKS:  # registered when this module is imported, before any decoder is built
        names.update(check=CHECKS[tp], Invalid=Invalid)
        lines += [
            "    if not check(value):",
            f"        raise Invalid({f'a {tp.__name__} the parser would not produce'!r})",
        ]
    source = "\n".join([*lines, "    return value"])  # made from type hints, never from data
    exec(compile(source, f"<decoder of {name}>", "exec"), names)  # noqa: S102  named for profiles
    record: Decoder = names["record"]
    return record


CHECKS[Location] = lambda where: where.line >= 0 and where.col >= 0


def _register_model_checks() -> None:
    def shallow(ref: TypeRef) -> bool:
        for _ in range(MAX_ARRAY_DEPTH + 1):
            if ref.item is None:
                return True
            ref = ref.item
        return False

    CHECKS[TypeRef] = shallow

    CHECKS[Operation] = lambda op: op.method in METHODS and op.path.startswith("/")
    CHECKS[Status] = lambda status: 100 <= status.code <= 599
    CHECKS[Sample] = lambda sample: sample.method in ("", *METHODS) and (
        sample.status is None or 0 <= sample.status <= 999
    )


_register_model_checks()
