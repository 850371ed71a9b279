"""The Python view of the model: the records (`pyparts`) the client and tests templates print,
built once for the whole package through the naming authority.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Api, Body, ObjectType, Operation, Param, TypeRef
from ..naming import (
    Namespace,
    accessors,
    arguments,
    group_methods,
    model_classes,
    model_fields,
    pascal,
    snake,
)
from .pydocs import RAISES, arg_default_doc, indent, method_doc, one_line
from .pyhints import Hints, property_type
from .pyparts import (
    PyArg,
    PyField,
    PyGroup,
    PyMethod,
    PyModel,
    PyPackage,
    PyPaging,
    example_value,
)


def python_view(api: Api, package: str, version: str = "0.1.0") -> PyPackage:
    """The package's view: every model and group named, their fields and methods left to
    `ModelFields` and `GroupMethods` (a run fills in only those it renders)."""
    models = _model_names(api)
    names = accessors()
    classes = model_classes()
    for py_model in models.values():
        classes.claim(py_model.cls)
    groups = []
    for group in api.groups:
        accessor = names.claim(snake(group.name))
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
                doc=f"The {group.name} endpoints ({len(group.operations)}), under {prefix}.",
            )
        )
    ordered = [models[name] for name in sorted(models)]
    return PyPackage(package, groups, ordered, version)


class GroupMethods:
    """Fills in a group of the view: its methods and what its module imports, from its operations,
    every model's class and module, and the types they name (each filled group is kept)."""

    def __init__(self, view: PyPackage, api: Api) -> None:
        self.models = {m.name: m for m in view.models}
        self.api = api
        self.operations = {group.name: group.operations for group in api.groups}
        self.filled: dict[str, PyGroup] = {}

    def __call__(self, group: PyGroup) -> PyGroup:
        if group.name not in self.filled:
            self.filled[group.name] = self._fill(group)
        return self.filled[group.name]

    def _fill(self, group: PyGroup) -> PyGroup:
        hints = Hints(self.models, self.api.types)
        methods_ns = group_methods()
        methods = [
            _method(op, methods_ns.claim(snake(op.name)), hints, self.api.op_sources.get(op.uid))
            for op in self.operations[group.name]
        ]
        for method in methods:
            method.paging = _paging(method, methods_ns, hints)
        paged = any(m.paging for m in methods)
        return replace(
            group,
            methods=methods,
            typing=sorted(hints.typing),
            datetime=hints.datetime,
            sequence=hints.sequence,
            codecs=sorted(hints.codecs.values()),
            not_given=paged or any(not a.required for m in methods for a in m.args),
            codec_module=bool(methods),
            select=hints.select,
            refs=sorted(hints.refs),
            paging=paged,
        )


def readme_calls(view: PyPackage, fill: GroupMethods) -> tuple[str, tuple[PyGroup, PyMethod, str]]:
    """The README's two calls: the first paging method (`group.iter_<name>`, "" when none pages),
    and the call it shows, a GET with simple arguments if there is one (`get_ticket_entity`,
    `"id=1"`; one with a path part first), else the first method with simple arguments, else the
    first method. Groups are filled in, in order, only until both are found."""
    paged = ""
    # The first method, the first with simple arguments, the first GET, the first GET with parts.
    first: dict[str, tuple[PyGroup, PyMethod]] = {}
    for shell in view.groups:
        group = fill(shell)
        for method in group.methods:
            if method.paging and not paged:
                paged = f"{group.accessor}.{method.paging.rows}"
            first.setdefault("method", (group, method))
            if method.returns in ("bytes", "None") or not all(
                example_value(a.hint) for a in method.args if a.required
            ):
                continue
            first.setdefault("candidate", (group, method))
            if method.op.method == "GET":
                first.setdefault("get", (group, method))
                if method.parts:
                    first.setdefault("get with parts", (group, method))
        if paged and "get with parts" in first:
            break
    kind = next(k for k in ("get with parts", "get", "candidate", "method") if k in first)
    group, method = first[kind]
    args = ", ".join(f"{a.name}={example_value(a.hint) or '{}'}" for a in method.args if a.required)
    return paged, (group, method, args)


def _model_names(api: Api) -> dict[str, PyModel]:
    """A model class for every documented type but the agents' argument carriers, whose
    properties become keyword arguments instead."""
    classes = model_classes()
    modules = Namespace()
    out = {}
    for object_type in api.models:
        cls = classes.claim(pascal(object_type.name))
        out[object_type.name] = PyModel(
            object_type.name, cls, modules.claim(snake(cls)), object_type.description
        )
    return out


class ModelFields:
    """Fills in a model of the view: its fields, docstring and imports. Made once for a view, since
    every model's fields depend on every model's class: those are the inputs, with the model's
    type and whether each type is documented (`names_key` prints the view's part of them)."""

    def __init__(self, view: PyPackage, types: dict[str, ObjectType]) -> None:
        self.models = {m.name: m for m in view.models}
        self.classes = frozenset(m.cls for m in view.models)  # no field may take one
        self.types = types

    def names_key(self) -> tuple[list[tuple[str, str, str]], list[str]]:
        """All a model's fields take from outside its type: every model's name, class and
        module, and which types are documented."""
        names = [(m.name, m.cls, m.module) for m in self.models.values()]
        return names, sorted(name for name, t in self.types.items() if t.documented)

    def __call__(self, py_model: PyModel) -> PyModel:
        object_type = self.types[py_model.name]
        hints = Hints(self.models, self.types)
        attrs = model_fields(self.classes)
        fields = [
            PyField(
                attrs.claim(snake(prop.name)),
                prop.name,
                f"{hints.hint(property_type(prop.type))} | None",
                prop.description,
            )
            for prop in object_type.properties
        ]
        doc = object_type.description or f"The {object_type.name} type."
        if object_type.inline:
            location = object_type.location
            doc += f"\n\nDescribed at {location.file}:{location.line}."
        documented = [f for f in fields if f.doc]
        if documented:
            doc += "\n\nAttributes:\n" + "\n".join(
                indent(f"{f.attr}: {one_line(f.doc)}") for f in documented
            )
        return replace(
            py_model,
            doc=doc,
            fields=fields,
            typing=sorted(hints.typing),
            datetime=hints.datetime,
            refs=sorted(r for r in hints.refs if r[1] != py_model.cls),
        )


def _method(op: Operation, name: str, hints: Hints, source: str | None) -> PyMethod:
    args = arguments()
    parts = [_param_arg(p, args.claim(snake(p.name)), hints) for p in op.path_params]
    body_arg: PyArg | None = None
    fields: list[PyArg] = []
    body = op.body
    binary = body is not None and body.type.kind == "binary"
    if body is not None and body.spread:
        carrier = hints.types.get(body.type.name)
        for prop in carrier.properties if carrier else []:
            hint = hints.hint(property_type(prop.type), wire_form=True)
            hint = hint if prop.required else f"{hint} | None | NotGiven"
            fields.append(
                PyArg(
                    args.claim(snake(prop.name)),
                    prop.name,
                    hint,
                    prop.required,
                    prop.description,
                    type=prop.type,
                )
            )
    elif body is not None:
        body_arg = _body_arg(body, args.claim(snake(body.name)), hints)
    query = [_param_arg(p, args.claim(snake(p.name)), hints) for p in op.query_params]
    returns, result = _result(op.result, hints)
    method = PyMethod(name, op, "", returns, result, parts, query, fields, body_arg, binary)
    method.doc = method_doc(op, method)
    method.source = source or repr(op)  # without its source, the operation itself
    return method


def _param_arg(param: Param, name: str, hints: Hints) -> PyArg:
    if param.name.lower() == "$select":
        hints.select = True
        hint = "Select"
    else:
        hint = hints.hint(param.type, wire_form=True)
    hint = hint if param.required else f"{hint} | None | NotGiven"
    return PyArg(
        name, param.name, hint, param.required, param.description, param.example, param.type
    )


def _body_arg(body: Body, name: str, hints: Hints) -> PyArg:
    hint = hints.hint(body.type, wire_form=True)
    return PyArg(name, body.name, hint, True, body.description, type=body.type)


def _result(ref: TypeRef | None, hints: Hints) -> tuple[str, str]:
    if ref is None:
        return "None", "_m.NONE"
    if ref.kind == "binary":
        return "bytes", "_m.BYTES"
    hint = hints.hint(ref)
    return hint, hints.result(ref, hint)


def _paging(method: PyMethod, names: Namespace, hints: Hints) -> PyPaging | None:
    """Paging methods for a GET with `$top` whose result has `value` and `odata.nextLink`: an
    OData list (REST `GetAll`, related lists). They follow `odata.nextLink`; `$skip` need not be
    documented, the server puts it into the link."""
    op = method.op
    top = next((a for a in method.query if a.wire.lower() == "$top"), None)
    result = (
        hints.types.get(op.result.name)
        if op.result is not None and op.result.kind == "named"
        else None
    )
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
    args.append(
        PyArg(
            page_size,
            top.wire,
            hint,
            False,
            "Rows per page (``$top``); the server's default when left out.",
        )
    )
    hints.typing.add("Any")
    args = [a for a in args if a.required] + [a for a in args if not a.required]
    paging = PyPaging(rows, pages, page_size, top.name, args)
    lines = "\n".join(indent(f"{a.name}: {one_line(a.doc) or arg_default_doc(a)}") for a in args)
    how = (
        f"Calls ``{method.name}`` for the first page, then follows ``odata.nextLink``. Stops at a\n"
        "page without rows, at a page without a next link, and at a link it followed before or a\n"
        "page with the same rows as the one before (a server repeating itself): it never loops."
    )
    paging.rows_doc = "\n\n".join(
        [
            f"Every row of ``{op.method} {op.path}``, page by page, fetched as they are read.",
            how,
            f"Args:\n{lines}",
            "Yields:\n    dict[str, Any]: One row of a page's ``value``.",
            RAISES,
        ]
    )
    paging.pages_doc = "\n\n".join(
        [
            f"Every page of ``{op.method} {op.path}``, fetched as they are read.",
            how,
            f"Args:\n{lines}",
            f"Yields:\n    {method.returns}: One page, with rows.",
            RAISES,
        ]
    )
    return paging


def _common_prefix(paths: list[str]) -> str:
    split = [p.split("/") for p in paths]
    prefix = []
    for parts in zip(*split, strict=False):
        if len(set(parts)) != 1 or "{" in parts[0]:
            break
        prefix.append(parts[0])
    return "/".join(prefix) or "/"
