"""The intermediate model: what the doc pages say, with no markdown and no Python left in it.

The parser produces it, the emitters consume it; it is the contract between them. Every element
carries the location it was read from, so any later stage can report a located diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from .diagnostics import Diagnostic, Location
from .untrusted import UnsafeJson, loads
from .wire import is_json

TypeKind = Literal[
    "string",  # text
    "integer",  # format int32 / int64
    "number",  # format double / decimal / float
    "boolean",
    "datetime",  # ISO 8601 date-time on the wire
    "binary",  # raw bytes, not JSON
    "object",  # free-form JSON object (a dictionary)
    "array",  # JSON array; `item` is its element type, `any` when undocumented
    "named",  # a named object type held in the type registry
    "enum",  # a string restricted to `values`
    "any",  # undocumented: any JSON value
]


@dataclass(frozen=True)
class TypeRef:
    kind: TypeKind
    format: str = ""
    name: str = ""
    item: TypeRef | None = None
    values: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.kind == "named":
            return self.name
        if self.kind == "array":
            return f"array<{self.item}>" if self.item else "array"
        return self.format or self.kind


ANY = TypeRef("any")
MAX_ARRAY_DEPTH = 8  # `int[][]` is two; later stages recurse over the levels


@dataclass
class Property:
    name: str  # the wire name, as documented
    type: TypeRef
    description: str
    location: Location
    required: bool = False  # marked **Required** in its description


@dataclass
class ObjectType:
    """A named type: documented by a property table, or only known by name (`documented` False)."""

    name: str
    properties: list[Property]
    description: str
    location: Location
    documented: bool = True
    inline: bool = False  # named by the generator (a page's anonymous body or array item)


@dataclass
class Param:
    name: str  # the wire name: path part, query key (with its `$`) or header name
    type: TypeRef
    description: str
    required: bool
    location: Location
    example: str | None = None  # wire text of a documented example value


@dataclass
class Body:
    name: str  # as documented: `request` for the agents' argument carrier, else e.g. `entity`
    type: TypeRef
    description: str
    location: Location
    spread: bool = False  # the carrier's properties are the operation's arguments
    properties: list[Property] = field(default_factory=list)  # the page's own table for it


@dataclass
class Status:
    code: int
    description: str
    location: Location


@dataclass
class Sample:
    """A sample request or response block, resolved from includes and read once: its start line
    (a request's method and target, a response's status), headers, and body, parsed when JSON."""

    location: Location
    start_line: str  # as written, for messages: `POST /api/v1/...` or `HTTP/1.1 200 OK`
    headers: list[tuple[str, str]]
    body_text: str
    body_line: int = 0  # where the body starts, for diagnostics inside it
    method: str = ""  # a request's, upper case; "" when the start line is not a request line
    path: str = ""  # a request's target without its query
    query: list[tuple[str, str]] = field(default_factory=list)  # a request's query, decoded
    status: int | None = None  # a response's status code; None when its start line has none
    reason: str = ""  # a response's reason phrase
    binary: bool = False  # a response whose documented result is binary: its body is never JSON
    # (has_json, body), from `body_text` on first use: a run renders few of the samples it
    # holds, and the cache keeps each body once, as text. Not part of the sample's value.
    _json: tuple[bool, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    @property
    def has_json(self) -> bool:
        """The body is declared JSON or looks so, and is safe JSON."""
        return self._parsed()[0]

    @property
    def body(self) -> Any:
        """The body's JSON value when `has_json`, else None."""
        return self._parsed()[1]

    def _parsed(self) -> tuple[bool, Any]:
        if self._json is None:
            self.read_json()
        assert self._json is not None
        return self._json

    def read_json(self) -> UnsafeJson | None:
        """Parse the body when it is declared JSON or looks so; what makes it unsafe JSON then."""
        text = self.body_text
        looks = is_json(self.header("Content-Type")) or text[:1] in ("{", "[")
        if self.binary or not text or not looks:
            self._json = (False, None)
            return None
        try:
            value = loads(text)
        except UnsafeJson as error:
            self._json = (False, None)
            return error
        self._json = (True, value)
        return None


@dataclass
class Operation:
    uid: str
    group: str  # e.g. AppointmentAgent
    name: str  # e.g. SetActivityStatus
    method: str  # upper case
    path: str  # /api/v1/... with {part} placeholders
    summary: str
    description: str
    location: Location
    title: str = ""
    title_line: int = 0
    heading: str = ""
    heading_line: int = 0
    path_params: list[Param] = field(default_factory=list)
    query_params: list[Param] = field(default_factory=list)
    headers: list[Param] = field(default_factory=list)
    body: Body | None = None
    statuses: list[Status] = field(default_factory=list)
    result: TypeRef | None = None  # the documented response body; None when there is none
    request_sample: Sample | None = None
    response_sample: Sample | None = None

    @property
    def success_status(self) -> int:
        codes = [s.code for s in self.statuses if 200 <= s.code < 300]
        return codes[0] if codes else 200


@dataclass
class ParsedPage:
    """What one file gave: an operation and its types, or nothing and why (`skipped`)."""

    file: str
    operation: Operation | None = None
    types: list[ObjectType] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: str = ""
    includes: list[str] = field(default_factory=list)  # files it included (or tried to), for caches
    # What it was parsed from, when `load` read it: a digest of its place, its bytes and its
    # includes' (the same digest, the same page). Not part of the page's value.
    source: str = field(default="", init=False, compare=False)


@dataclass
class Group:
    name: str
    operations: list[Operation]


@dataclass
class Api:
    groups: list[Group]
    types: dict[str, ObjectType]  # by name, sorted
    duplicates: list[Operation] = field(
        default_factory=list
    )  # left out: another page has their uid
    matched: dict[str, str] = field(
        default_factory=dict
    )  # anonymous type → the named type used instead
    # What the model made each operation (by uid) and each documented type (by name) from, when
    # every page it came from has its `source` (see `build`): the job keys name them by it.
    op_sources: dict[str, str] = field(default_factory=dict)
    type_sources: dict[str, str] = field(default_factory=dict)

    @property
    def operations(self) -> list[Operation]:
        return [op for group in self.groups for op in group.operations]

    @property
    def carriers(self) -> set[str]:
        return carriers(self.operations)

    @property
    def models(self) -> list[ObjectType]:
        """The documented types that are data, not argument carriers."""
        carriers = self.carriers
        return [t for t in self.types.values() if t.documented and t.name not in carriers]


def carriers(operations: Iterable[Operation]) -> set[str]:
    """Types that only carry an agent's arguments (`Request Body: request`)."""
    return {op.body.type.name for op in operations if op.body is not None and op.body.spread}
