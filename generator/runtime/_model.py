"""Generated models: typed views over the JSON the API sends.

A model wraps the received dictionary and decodes a field only when it is read, so decoding a
response costs next to nothing and `to_dict()` gives back exactly what was received (keys the
model does not know, and date-times with seven fractional digits, included). Setting an
attribute stores its wire form. A field never set is not in `to_dict()`; a field set to None
is, as JSON null.
"""

from __future__ import annotations

from datetime import datetime
from importlib import import_module
from typing import Any, ClassVar, Final, Generic, Literal, TypeVar, dataclass_transform

T = TypeVar("T")
M = TypeVar("M", bound="Model")


class NotGiven:
    """The type of `NOT_GIVEN`, the default of every optional argument: an argument left out is
    not sent at all, while None is sent as JSON null (and leaves a query parameter out)."""

    _instance: ClassVar[NotGiven | None] = None

    def __new__(cls) -> NotGiven:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()
"""An optional argument the caller left out."""


class Codec(Generic[T]):
    """How one kind of value goes from JSON to Python and back."""

    def decode(self, raw: Any) -> T:
        raise NotImplementedError

    def encode(self, value: T) -> Any:
        return to_wire(value)


class _DateTime(Codec[datetime]):
    def decode(self, raw: Any) -> Any:
        return parse_datetime(raw) if isinstance(raw, str) else raw


class _Model(Codec["Model"]):
    """A model class, found by name in the models package on first use."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._cls: type[Model] | None = None

    def decode(self, raw: Any) -> Any:
        if not isinstance(raw, dict):
            return raw
        if self._cls is None:
            self._cls = getattr(import_module(__package__ + ".models"), self.name)
        return self._cls.from_dict(raw)


class _List(Codec[list[T]]):
    def __init__(self, item: Codec[T]) -> None:
        self.item = item

    def decode(self, raw: Any) -> Any:
        if not isinstance(raw, list):
            return raw
        decode = self.item.decode
        return [None if value is None else decode(value) for value in raw]


class _Plain(Codec[T]):
    """JSON as it came; as a result, typed by what the page documents (`_m.Codec[int] = JSON`)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def decode(self, raw: Any) -> Any:
        return raw

    def __repr__(self) -> str:
        return self.name


DATETIME: Codec[datetime] = _DateTime()
JSON: Final[Codec[Any]] = _Plain("JSON")
"""A result that is plain JSON (the runtime returns it as parsed)."""
NONE: Final[Codec[None]] = _Plain("NONE")
"""No result: the body, if any, is not read."""
BYTES: Final[Codec[bytes]] = _Plain("BYTES")
"""A binary result: the body's bytes (or the base64 a JSON answer holds)."""


def model(name: str) -> Codec[Any]:
    return _Model(name)


def list_of(item: Codec[T]) -> Codec[list[T]]:
    return _List(item)


def parse_datetime(text: str) -> datetime | str:
    """An ISO 8601 date-time as SuperOffice sends it; text that is not one is kept as it is."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return text


def to_wire(value: Any) -> Any:
    """The JSON form of a Python value: models as dicts, date-times as ISO 8601 text."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: to_wire(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_wire(item) for item in value]
    return value


class Field:
    """A model attribute backed by one key of the wire dictionary."""

    __slots__ = ("wire", "codec", "name")

    def __init__(self, name: str, wire: str, codec: Codec[Any] | None) -> None:
        self.name = name
        self.wire = wire
        self.codec = codec

    def __get__(self, obj: Model | None, owner: type | None = None) -> Any:
        if obj is None:
            return self
        if self.codec is None:
            return obj._data.get(self.wire)
        cache = obj._cache
        if self.name in cache:
            return cache[self.name]
        raw = obj._data.get(self.wire)
        value = None if raw is None else self.codec.decode(raw)
        cache[self.name] = value
        return value

    def __set__(self, obj: Model, value: Any) -> None:
        if self.codec is not None:
            obj._cache[self.name] = value
        obj._data[self.wire] = to_wire(value)


_PLAIN = frozenset({"str", "int", "float", "bool", "bytes", "object", "Any"})


def codec_for(hint: str) -> Codec[Any] | None:
    """The codec for a field's annotation, as generated: `datetime`, `list[X]`, a model's name, or
    a plain JSON type (no codec), each optionally `| None`."""
    hint = hint.strip().removesuffix(" | None")
    if hint == "datetime":
        return DATETIME
    if hint.startswith("list[") and hint.endswith("]"):
        item = codec_for(hint[5:-1])
        return list_of(item) if item is not None else None
    if hint.isidentifier() and hint not in _PLAIN:
        return model(hint)
    return None


def wire_name(attribute: str) -> str:
    """The wire name a field has unless its class says otherwise: `contact_id` → `ContactId`."""
    return "".join(part[:1].upper() + part[1:] for part in attribute.split("_"))


@dataclass_transform(kw_only_default=True)
class Model:
    """Base of every generated model.

    A model declares its fields as annotated attributes defaulting to None, like a dataclass;
    each becomes a descriptor over the wire key `wire_name(attribute)`, or the one `_wire_`
    names for it.
    """

    __slots__ = ("_data", "_cache")
    _wire_: ClassVar[dict[str, str]] = {}
    _fields: ClassVar[dict[str, Field]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields = dict(cls._fields)
        for name, hint in vars(cls).get("__annotations__", {}).items():
            if name.startswith("_"):
                continue
            text = hint if isinstance(hint, str) else getattr(hint, "__name__", str(hint))
            fields[name] = Field(name, cls._wire_.get(name) or wire_name(name), codec_for(text))
            setattr(cls, name, fields[name])
        cls._fields = fields

    def __init__(self, **values: Any) -> None:
        self._data: dict[str, Any] = {}
        self._cache: dict[str, Any] = {}
        for name, value in values.items():
            if name not in self._fields:
                cls = type(self).__name__
                raise TypeError(f"{cls}() got an unexpected keyword argument {name!r}")
            setattr(self, name, value)

    @classmethod
    def from_dict(cls: type[M], data: dict[str, Any]) -> M:
        """Wrap a JSON object (not copied); fields are decoded when first read."""
        obj = cls.__new__(cls)
        obj._data = data
        obj._cache = {}
        return obj

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this model: what was received, with any changes made since."""
        data = dict(self._data)
        for name, value in self._cache.items():
            if isinstance(value, list):
                data[self._fields[name].wire] = value
        result: dict[str, Any] = to_wire(data)
        return result

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Model)
        return self.to_dict() == other.to_dict()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}"
            for name, spec in self._fields.items()
            if self._data.get(spec.wire) is not None
        )
        return f"{type(self).__name__}({shown})"
