"""The Python view's records: the package, its groups, their methods and arguments, the models.

Templates hold no logic: each record carries every name, annotation, codec and docstring its
template prints, worked out once by `pyview` through the naming authority, so the client
emitter and the tests emitter agree on every identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote

from ..model import Operation, TypeRef
from ..naming import wire_name
from .layout import Keyword
from .literals import py_literal


@dataclass
class PyField:
    attr: str
    wire: str
    hint: str  # the runtime derives the field's codec from it (`_model.codec_for`)
    doc: str


@dataclass
class PyModel:
    name: str  # as documented
    cls: str
    module: str
    doc: str
    fields: list[PyField] = field(default_factory=list)
    typing: list[str] = field(default_factory=list)  # names imported from `typing`
    datetime: bool = False
    refs: list[tuple[str, str]] = field(default_factory=list)  # (module, class) for type checkers

    @property
    def wire(self) -> list[str]:
        """`_wire_` entries for the fields whose wire name is not their attribute in PascalCase."""
        return [
            f"{py_literal(f.attr)}: {py_literal(f.wire)}"
            for f in self.fields
            if wire_name(f.attr) != f.wire
        ]


@dataclass
class PyArg:
    name: str
    wire: str
    hint: str  # the annotation, `| None | NotGiven` included when optional
    required: bool  # no default; an optional argument defaults to NOT_GIVEN: not sent
    doc: str
    example: str | None = None  # a path or query parameter's documented example, as wire text
    type: TypeRef | None = None


@dataclass
class PyPaging:
    """`iter_<name>` and `iter_<name>_pages` for an OData list endpoint: its arguments but `$top`,
    which `page_size` sets."""

    rows: str  # the method yielding rows
    pages: str  # the method yielding pages
    page_size: str  # the argument for `$top`
    top: str  # the paged method's `$top` argument
    args: list[PyArg]
    rows_doc: str = ""
    pages_doc: str = ""

    @property
    def params(self) -> list[str]:
        args = [f"{a.name}: {a.hint}" + ("" if a.required else " = NOT_GIVEN") for a in self.args]
        return ["self", "*", *args, "**options: Unpack[RequestOptions]"]

    @property
    def forward(self) -> list[str]:
        """The arguments the first page's call gets: each as itself, `page_size` as `$top`'s."""
        return [
            f"{self.top}={a.name}" if a.name == self.page_size else f"{a.name}={a.name}"
            for a in self.args
        ]

    @property
    def forward_pages(self) -> list[str]:
        """The arguments `iter_<name>` passes on to `iter_<name>_pages`, options included."""
        return [f"{a.name}={a.name}" for a in self.args] + ["**options"]


@dataclass
class PyMethod:
    name: str
    # Not printed by the job keys, which print `source` instead: printing every operation,
    # samples included, was three fifths of the cost of the groups' keys.
    op: Operation = field(repr=False)
    doc: str
    returns: str
    result: str  # the `result` argument of `_request`: a typed codec (`_m.NONE`, a module constant)
    parts: list[PyArg]
    query: list[PyArg]
    fields: list[PyArg]  # the spread properties of the agents' `request` carrier
    body: PyArg | None  # a whole body: JSON value, or bytes when `binary`
    binary: bool
    paging: PyPaging | None = None
    source: str = ""  # what `op` was made from (`Api.op_sources`): it determines `op`

    @property
    def params(self) -> list[str]:
        """The signature: `self`, keyword-only arguments (required first), the request options."""
        args = [f"{a.name}: {a.hint}" + ("" if a.required else " = NOT_GIVEN") for a in self.args]
        return ["self", *(["*", *args] if args else []), "**options: Unpack[RequestOptions]"]

    @property
    def call(self) -> list[str | Keyword]:
        """The arguments of the one `_request` call the method makes."""
        items: list[str | Keyword] = [
            py_literal(self.op.method),
            py_literal(self.path),
            self.result,
            "options",
        ]
        if self.parts:
            items.append(Keyword("parts", {a.name: a.name for a in self.parts}, expressions=True))
        for keyword, args in (("query", self.query), ("fields", self.fields)):
            if args or (keyword == "fields" and self.op.body is not None and self.op.body.spread):
                items.append(Keyword(keyword, {a.wire: a.name for a in args}, expressions=True))
        if self.body is not None:
            items.append(f"{'content' if self.binary else 'body'}={self.body.name}")
        return items

    @property
    def path(self) -> str:
        """The path with its placeholders named as the arguments are, so that the runtime can name
        the argument when a part is missing: `/Ticket/{ticketId}` → `/Ticket/{ticket_id}`."""
        names = {a.wire: a.name for a in self.parts}
        return re.sub(
            r"\{([^{}]*)\}", lambda m: "{" + names.get(m[1], m[1]) + "}", quote_path(self.op.path)
        )

    @property
    def args(self) -> list[PyArg]:
        args = self.parts + ([self.body] if self.body else []) + self.query + self.fields
        return [a for a in args if a.required] + [a for a in args if not a.required]


_PLACEHOLDERS = re.compile(r"(\{[^{}]*\})")
_PATH_SAFE = (
    "/%!$&'()*+,;=:@"  # what a path may hold as it is (RFC 3986 pchar), `%` escapes included
)


def quote_path(path: str) -> str:
    """A documented path as it goes over the wire: its literal text percent-encoded where a path
    cannot hold it (spaces, `#`, `?`, control and non-ASCII characters); `{placeholders}` kept
    for the runtime to fill, `%` kept as the escape it is meant to be."""
    pieces = _PLACEHOLDERS.split(path)
    return "".join(p if i % 2 else quote(p, safe=_PATH_SAFE) for i, p in enumerate(pieces))


@dataclass
class PyGroup:
    name: str
    cls: str  # the group's class in `Client`; the three below are its siblings
    async_cls: str  # in `AsyncClient`
    raw_cls: str  # in `Client.with_raw_response`
    async_raw_cls: str  # in `AsyncClient.with_raw_response`
    module: str
    accessor: str
    doc: str
    # The rest is filled in by `pyview.GroupMethods`, for the groups a run renders.
    methods: list[PyMethod] = field(default_factory=list)
    typing: list[str] = field(default_factory=list)
    datetime: bool = False
    sequence: bool = False
    codecs: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # module constants: (name, `_m.Codec[...]`, expression)
    not_given: bool = False  # imports NOT_GIVEN and NotGiven
    codec_module: bool = False  # imports `_model` as `_m`
    select: bool = False  # uses the runtime's Select alias
    refs: list[tuple[str, str]] = field(
        default_factory=list
    )  # model (module, class) pairs the annotations name
    paging: bool = False  # imports `_paging`

    @property
    def typing_names(self) -> list[str]:
        """What the module imports from `typing`: `Unpack` for the options every method takes."""
        return sorted({*self.typing, "Unpack"} | ({"TYPE_CHECKING"} if self.refs else set()))

    @property
    def abc(self) -> list[str]:
        """What it imports from `collections.abc`; both iterators when it pages (sync and async)."""
        paging = ["AsyncIterator", "Iterator"] if self.paging else []
        return sorted((["Sequence"] if self.sequence else []) + paging)


@dataclass
class PyPackage:
    name: str
    groups: list[PyGroup]
    models: list[PyModel]
    version: str = "0.1.0"


def example_value(hint: str) -> str:
    """A value of a simple argument type for the README's examples; "" for others."""
    return {"int": "1", "str": '"text"', "bool": "True", "float": "1.5", "Select": '["Id"]'}.get(
        hint, ""
    )
