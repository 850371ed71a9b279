"""The Python view of the model: every name, type hint, codec and docstring the templates print.

Templates hold no logic; this module decides it all, once, through the naming authority, so the
client emitter and the tests emitter agree on every identifier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote

from ..model import Api, Body, ObjectType, Operation, Param, TypeRef
from ..naming import Namespace, accessors, arguments, group_methods, model_classes, model_fields, pascal, snake, wire_name
from .render import Keyword, py_literal

_SCALAR_HINTS = {
    "string": "str",
    "enum": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "datetime": "datetime",
    "binary": "bytes",
    "object": "dict[str, Any]",
    "any": "Any",
}


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
        return [f"{py_literal(f.attr)}: {py_literal(f.wire)}" for f in self.fields if wire_name(f.attr) != f.wire]


@dataclass
class PyArg:
    name: str
    wire: str
    hint: str  # the annotation, `| None | NotGiven` included when optional
    required: bool  # no default; an optional argument defaults to NOT_GIVEN: not sent
    doc: str
    param: Param | None = None  # for path and query arguments
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
        return [f"{self.top}={a.name}" if a.name == self.page_size else f"{a.name}={a.name}" for a in self.args]

    @property
    def forward_pages(self) -> list[str]:
        """The arguments `iter_<name>` passes on to `iter_<name>_pages`, options included."""
        return [f"{a.name}={a.name}" for a in self.args] + ["**options"]


@dataclass
class PyMethod:
    name: str
    op: Operation
    doc: str
    returns: str
    result: str  # the `result` argument of `_request`: a typed codec (`_m.NONE`, a module constant)
    parts: list[PyArg]
    query: list[PyArg]
    fields: list[PyArg]  # the spread properties of the agents' `request` carrier
    body: PyArg | None  # a whole body: JSON value, or bytes when `binary`
    binary: bool
    paging: PyPaging | None = None

    @property
    def params(self) -> list[str]:
        """The signature: `self`, keyword-only arguments (required first), the request options."""
        args = [f"{a.name}: {a.hint}" + ("" if a.required else " = NOT_GIVEN") for a in self.args]
        return ["self", *(["*", *args] if args else []), "**options: Unpack[RequestOptions]"]

    @property
    def call(self) -> list[str | Keyword]:
        """The arguments of the one `_request` call the method makes."""
        items: list[str | Keyword] = [py_literal(self.op.method), py_literal(self.path), self.result]
        if self.parts:
            items.append(Keyword("parts", {a.name: a.name for a in self.parts}, expressions=True))
        for keyword, args in (("query", self.query), ("fields", self.fields)):
            if args or (keyword == "fields" and self.op.body is not None and self.op.body.spread):
                items.append(Keyword(keyword, {a.wire: a.name for a in args}, expressions=True))
        if self.body is not None:
            items.append(f"{'content' if self.binary else 'body'}={self.body.name}")
        return [*items, "**options"]

    @property
    def path(self) -> str:
        """The path with its placeholders named as the arguments are, so that the runtime can name
        the argument when a part is missing: `/Ticket/{ticketId}` → `/Ticket/{ticket_id}`."""
        names = {a.wire: a.name for a in self.parts}
        return re.sub(r"\{([^{}]*)\}", lambda m: "{" + names.get(m[1], m[1]) + "}", quote_path(self.op.path))

    @property
    def args(self) -> list[PyArg]:
        args = self.parts + ([self.body] if self.body else []) + self.query + self.fields
        return [a for a in args if a.required] + [a for a in args if not a.required]


_PLACEHOLDERS = re.compile(r"(\{[^{}]*\})")
_PATH_SAFE = "/%!$&'()*+,;=:@"  # what a path may hold as it is (RFC 3986 pchar), `%` escapes included


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
    methods: list[PyMethod]
    typing: list[str]
    datetime: bool
    sequence: bool
    codecs: list[tuple[str, str, str]]  # module constants: (name, `_m.Codec[...]`, expression)
    not_given: bool  # imports NOT_GIVEN and NotGiven
    codec_module: bool  # imports `_model` as `_m`
    select: bool  # uses the runtime's Select alias
    refs: list[tuple[str, str]]  # model (module, class) pairs the annotations name
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

    @property
    def paged(self) -> str:
        """The first paging method, `group.iter_<name>`, for the README; "" when none pages."""
        found = [f"{g.accessor}.{m.paging.rows}" for g in self.groups for m in g.methods if m.paging]
        return found[0] if found else ""

    @property
    def example(self) -> tuple[PyGroup, PyMethod, str]:
        """The call the generated README shows: a GET with simple arguments, if there is one
        (`get_ticket_entity`, `"id=1"`), else the first method with simple arguments."""
        candidates = [
            (g, m) for g in self.groups for m in g.methods if m.returns not in ("bytes", "None") and all(_example(a.hint) for a in m.args if a.required)
        ]
        gets = sorted(((g, m) for g, m in candidates if m.op.method == "GET"), key=lambda gm: not gm[1].parts)
        group, method = (gets or candidates or [(g, m) for g in self.groups for m in g.methods])[0]
        return group, method, ", ".join(f"{a.name}={_example(a.hint) or '{}'}" for a in method.args if a.required)


class _Hints:
    """TypeRef → annotation and codec, collecting what each module must import."""

    def __init__(self, models: dict[str, PyModel], types: dict[str, ObjectType]) -> None:
        self.models = models
        self.types = types
        self.typing: set[str] = set()
        self.datetime = False
        self.sequence = False
        self.select = False
        self.codecs: dict[str, tuple[str, str, str]] = {}  # by hint: (name, annotation, expression)
        self.codec_names = Namespace()
        self.refs: set[tuple[str, str]] = set()

    def _model(self, ref: TypeRef) -> PyModel | None:
        if ref.kind != "named":
            return None
        documented = self.types.get(ref.name)
        return self.models.get(ref.name) if documented is not None and documented.documented else None

    def hint(self, ref: TypeRef, wire_form: bool = False) -> str:
        """The annotation; `wire_form` also admits the JSON form (ISO text, dicts), for arguments."""
        if ref.kind == "array":
            self.sequence = self.sequence or wire_form
            inner = self.hint(ref.item or TypeRef("any"), wire_form)
            return f"Sequence[{inner}]" if wire_form else f"list[{inner}]"
        py_model = self._model(ref)
        if py_model is not None:
            self.refs.add((py_model.module, py_model.cls))
            if wire_form:
                self.typing.add("Any")
                return f"{py_model.cls} | dict[str, Any]"
            return py_model.cls
        if ref.kind == "named":
            self.typing.add("Any")
            return "dict[str, Any]"
        if ref.kind == "enum" and wire_form and ref.values:
            self.typing.add("Literal")  # open: a value the page does not list is still a str
            values = ", ".join(py_literal(v) for v in dict.fromkeys(ref.values))
            return f"Literal[{values}] | str"
        text = _SCALAR_HINTS[ref.kind]
        if "Any" in text:
            self.typing.add("Any")
        if ref.kind == "datetime":
            self.datetime = True
            return "datetime | str" if wire_form else "datetime"
        return text

    def codec(self, ref: TypeRef) -> str:
        """The codec expression that decodes a JSON value of this type; "" for plain JSON."""
        if ref.kind == "datetime":
            return "_m.DATETIME"
        if ref.kind == "array" and ref.item is not None:
            inner = self.codec(ref.item)
            return f"_m.list_of({inner})" if inner else ""
        py_model = self._model(ref)
        if py_model is not None:
            return f"_m.model({py_literal(py_model.cls)})"
        return ""

    def result(self, ref: TypeRef, hint: str) -> str:
        """The typed codec a method passes to `_request`, so that its result has the type `hint`:
        the runtime's own when typed already, else a module constant annotated with it."""
        expression = self.codec(ref) or "_m.JSON"
        if expression in ("_m.DATETIME", "_m.JSON") and hint in ("datetime", "Any"):
            return expression
        if hint not in self.codecs:
            name = self.codec_names.claim("_" + snake(re.sub(r"\W+", "_", hint)).upper())
            self.codecs[hint] = (name, f"_m.Codec[{hint}]", expression)
            # the template lays the line out as black does: split inside the outer call
        return self.codecs[hint][0]


def python_view(api: Api, package: str, version: str = "0.1.0") -> PyPackage:
    models = _model_names(api)
    for py_model in models.values():
        _fill_model(py_model, api.types[py_model.name], models, api.types)
    names = accessors()
    classes = model_classes()
    for py_model in models.values():
        classes.claim(py_model.cls)
    groups = []
    for group in api.groups:
        accessor = names.claim(snake(group.name))
        hints = _Hints(models, api.types)
        methods_ns = group_methods()
        methods = [_method(op, methods_ns.claim(snake(op.name)), hints) for op in group.operations]
        for method in methods:
            method.paging = _paging(method, methods_ns, hints)
        paged = any(m.paging for m in methods)
        not_given = paged or any(not a.required for m in methods for a in m.args)
        prefix = _common_prefix([op.path for op in group.operations])
        base = pascal(group.name) + "Api"
        groups.append(
            PyGroup(
                name=group.name,
                cls=classes.claim(base),
                async_cls=classes.claim("Async" + base),
                raw_cls=classes.claim(base + "WithRawResponse"),
                async_raw_cls=classes.claim(f"Async{base}WithRawResponse"),
                module=accessor,
                accessor=accessor,
                doc=f"The {group.name} endpoints ({len(methods)}), under {prefix}.",
                methods=methods,
                typing=sorted(hints.typing),
                datetime=hints.datetime,
                sequence=hints.sequence,
                codecs=sorted(hints.codecs.values()),
                not_given=not_given,
                codec_module=bool(methods),
                select=hints.select,
                refs=sorted(hints.refs),
                paging=paged,
            )
        )
    ordered = [models[name] for name in sorted(models)]
    return PyPackage(package, groups, ordered, version)


def _model_names(api: Api) -> dict[str, PyModel]:
    """A model class for every documented type but the agents' argument carriers, whose
    properties become keyword arguments instead."""
    classes = model_classes()
    modules = Namespace()
    out = {}
    for object_type in api.models:
        cls = classes.claim(pascal(object_type.name))
        out[object_type.name] = PyModel(object_type.name, cls, modules.claim(snake(cls)), object_type.description)
    return out


def _fill_model(py_model: PyModel, object_type: ObjectType, models: dict[str, PyModel], types: dict[str, ObjectType]) -> None:
    hints = _Hints(models, types)
    attrs = model_fields(m.cls for m in models.values())
    for prop in object_type.properties:
        hint = hints.hint(_property_type(prop.type))
        py_model.fields.append(PyField(attrs.claim(snake(prop.name)), prop.name, f"{hint} | None", prop.description))
    doc = object_type.description or f"The {object_type.name} type."
    if object_type.inline:
        location = object_type.location
        doc += f"\n\nDescribed at {location.file}:{location.line}."
    documented = [f for f in py_model.fields if f.doc]
    if documented:
        doc += "\n\nAttributes:\n" + "\n".join(_indent(f"{f.attr}: {_one_line(f.doc)}") for f in documented)
    py_model.doc = doc
    py_model.typing = sorted(hints.typing)
    py_model.datetime = hints.datetime
    py_model.refs = sorted(r for r in hints.refs if r[1] != py_model.cls)


def _property_type(ref: TypeRef) -> TypeRef:
    """Binary data inside JSON travels as text."""
    return TypeRef("string") if ref.kind == "binary" else ref


def _method(op: Operation, name: str, hints: _Hints) -> PyMethod:
    args = arguments()
    parts = [_param_arg(p, args.claim(snake(p.name)), hints) for p in op.path_params]
    body_arg: PyArg | None = None
    fields: list[PyArg] = []
    body = op.body
    binary = body is not None and body.type.kind == "binary"
    if body is not None and body.spread:
        carrier = hints.types.get(body.type.name)
        for prop in carrier.properties if carrier else []:
            hint = hints.hint(_property_type(prop.type), wire_form=True)
            hint = hint if prop.required else f"{hint} | None | NotGiven"
            fields.append(PyArg(args.claim(snake(prop.name)), prop.name, hint, prop.required, prop.description, type=prop.type))
    elif body is not None:
        body_arg = _body_arg(body, args.claim(snake(body.name)), hints)
    query = [_param_arg(p, args.claim(snake(p.name)), hints) for p in op.query_params]
    returns, result = _result(op.result, hints)
    method = PyMethod(name, op, "", returns, result, parts, query, fields, body_arg, binary)
    method.doc = _method_doc(op, method)
    return method


def _example(hint: str) -> str:
    """A value of a simple argument type for the README's examples; "" for others."""
    return {"int": "1", "str": '"text"', "bool": "True", "float": "1.5", "Select": '["Id"]'}.get(hint, "")


def _param_arg(param: Param, name: str, hints: _Hints) -> PyArg:
    if param.name.lower() == "$select":
        hints.select = True
        hint = "Select"
    else:
        hint = hints.hint(param.type, wire_form=True)
    hint = hint if param.required else f"{hint} | None | NotGiven"
    return PyArg(name, param.name, hint, param.required, param.description, param, param.type)


def _body_arg(body: Body, name: str, hints: _Hints) -> PyArg:
    hint = hints.hint(body.type, wire_form=True)
    return PyArg(name, body.name, hint, True, body.description, type=body.type)


def _result(ref: TypeRef | None, hints: _Hints) -> tuple[str, str]:
    if ref is None:
        return "None", "_m.NONE"
    if ref.kind == "binary":
        return "bytes", "_m.BYTES"
    hint = hints.hint(ref)
    return hint, hints.result(ref, hint)


def _paging(method: PyMethod, names: Namespace, hints: _Hints) -> PyPaging | None:
    """Paging methods for a GET with `$top` whose result has `value` and `odata.nextLink`: an
    OData list (REST `GetAll`, related lists). They follow `odata.nextLink`; `$skip` need not be
    documented, the server puts it into the link."""
    op = method.op
    top = next((a for a in method.query if a.wire.lower() == "$top"), None)
    result = hints.types.get(op.result.name) if op.result is not None and op.result.kind == "named" else None
    if op.method != "GET" or top is None or result is None or not result.documented:
        return None
    if not {"value", "odata.nextLink"} <= {p.name for p in result.properties}:
        return None
    stem = method.name.removeprefix("get_") or method.name
    rows, pages = names.claim(f"iter_{stem}"), names.claim(f"iter_{stem}_pages")
    taken = Namespace({a.name for a in method.args})
    page_size = taken.claim("page_size")
    args = [a for a in method.args if a is not top]
    hint = "int | None | NotGiven"  # optional even where `$top` is required: None sends none
    args.append(PyArg(page_size, top.wire, hint, False, "Rows per page (``$top``); the server's default when left out."))
    hints.typing.add("Any")
    args = [a for a in args if a.required] + [a for a in args if not a.required]
    paging = PyPaging(rows, pages, page_size, top.name, args)
    lines = "\n".join(_indent(f"{a.name}: {_one_line(a.doc) or _arg_default_doc(a)}") for a in args)
    how = (
        f"Calls ``{method.name}`` for the first page, then follows ``odata.nextLink``. Stops at a\n"
        "page without rows, at a page without a next link, and at a link it followed before or a\n"
        "page with the same rows as the one before (a server repeating itself): it never loops."
    )
    paging.rows_doc = "\n\n".join(
        [f"Every row of ``{op.method} {op.path}``, page by page, fetched as they are read.", how,
         f"Args:\n{lines}", "Yields:\n    dict[str, Any]: One row of a page's ``value``.", _RAISES]
    )
    paging.pages_doc = "\n\n".join(
        [f"Every page of ``{op.method} {op.path}``, fetched as they are read.", how,
         f"Args:\n{lines}", f"Yields:\n    {method.returns}: One page, with rows.", _RAISES]
    )
    return paging


def _method_doc(op: Operation, method: PyMethod) -> str:
    parts = [op.summary or f"{op.method} {op.path}."]
    if op.description:
        parts.append(op.description)
    parts.append(f"Endpoint: ``{op.method} {op.path}``")
    lines = [f"{arg.name}: {_one_line(arg.doc) or _arg_default_doc(arg)}" for arg in method.args]
    if lines:
        parts.append("Args:\n" + "\n".join(_indent(line) for line in lines))
    if op.result is not None:
        parts.append(f"Returns:\n    {method.returns}" + _status_doc(op))
    parts.append(_RAISES)
    return "\n\n".join(parts)


_RAISES = (
    "Raises:\n    ApiStatusError: The status is neither 2xx nor 304 (NotFoundError for 404, ...)."
    "\n    ApiConnectionError: No answer (ApiTimeoutError: none in time)."
)


def _status_doc(op: Operation) -> str:
    ok = [s for s in op.statuses if 200 <= s.code < 300 and s.description]
    return f": {_one_line(ok[0].description)}" if ok else ""


def _arg_default_doc(arg: PyArg) -> str:
    return f"``{arg.wire}``."


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _indent(line: str, width: int = 92) -> str:
    """An `Args:` entry: indented, continued lines indented further, wrapped at word breaks."""
    lines, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return "\n".join(("    " if i == 0 else "        ") + text for i, text in enumerate(lines))


def _common_prefix(paths: list[str]) -> str:
    split = [p.split("/") for p in paths]
    prefix = []
    for parts in zip(*split):
        if len(set(parts)) != 1 or "{" in parts[0]:
            break
        prefix.append(parts[0])
    return "/".join(prefix) or "/"
