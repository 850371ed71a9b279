"""Parsed pages → one Api: operations grouped, named types merged across pages.

The same type is documented on many pages. The first documented version (in file order) is
the base; later versions add the properties it lacks; a property documented with another type
is a real conflict and is reported at both places. Types only ever named (in a property table
or a response heading, never described) stay in the registry as undocumented.

An anonymous type (a page's `array` or `object` result or body described only by its property
table, named by the parser after the operation) whose table is exactly a named type's (the same
property names, each property's type compatible) is replaced by that named type wherever it is
used, and a REST body whose table is part of its page's response type is that type; see
`typematch` for the rules. A uid used on two pages keeps one page (see `_kept_pages`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from .diagnostics import Diagnostic, Location
from .model import Api, Group, ObjectType, Operation, ParsedPage, TypeRef, carriers
from .typematch import compatible, linked_body, match_anonymous, renamed_operation, renamed_property


def build_api(pages: Iterable[ParsedPage]) -> tuple[Api, list[Diagnostic]]:
    """The API of all pages, and every diagnostic: the pages' own, then the merge's (a uid used
    twice is a warning; one page is kept, see `_kept_pages`)."""
    pages = list(pages)
    diagnostics: list[Diagnostic] = []
    operations: dict[str, Operation] = {}
    endpoints: dict[tuple[str, str], Operation] = {}
    types: dict[str, ObjectType] = {}
    kept, duplicates = _kept_pages(pages, diagnostics)
    op_pages: dict[str, str] = {}  # uid → its page's source
    type_pages: dict[str, list[str]] = {}  # type name → the sources of the pages merged into it
    for page in pages:
        diagnostics.extend(page.diagnostics)
        if page.operation is None or kept[page.operation.uid] is not page.operation:
            continue
        op, page_types = linked_body(page.operation, page.types)
        operations[op.uid] = op
        op_pages[op.uid] = page.source
        same = endpoints.setdefault((op.method, _shape(op.path)), op)
        if same is not op:
            message = f"{op.method} {op.path} is also documented by {same.location} ({same.uid})"
            diagnostics.append(Diagnostic(op.location, "warning", "duplicate-operation", message))
        for object_type in page_types:
            _merge(types, object_type, diagnostics)
            type_pages.setdefault(object_type.name, []).append(page.source)
    matched = _use_named_types(types, operations)
    for op in operations.values():
        for ref in _refs(op):
            _name_only(types, ref.name, op.location, diagnostics)
    for object_type in list(types.values()):
        for prop in object_type.properties:
            ref = _innermost(prop.type)  # tens of thousands: no generator each
            if ref.kind == "named":
                _name_only(types, ref.name, prop.location, diagnostics)
    groups: dict[str, list[Operation]] = {}
    for op in sorted(operations.values(), key=lambda o: (o.group, o.name, o.uid)):
        groups.setdefault(op.group, []).append(op)
    api = Api(
        groups=[Group(name, ops) for name, ops in sorted(groups.items())],
        types=dict(sorted(types.items())),
        duplicates=duplicates,
        matched=matched,
    )
    _sources(api, op_pages, type_pages)
    return api, diagnostics


def _sources(api: Api, op_pages: dict[str, str], type_pages: dict[str, list[str]]) -> None:
    """What each operation and documented type was made from, where every page it came from has
    its source: an operation is its page's, but for the types the model gave its result and body
    (`linked_body`, `_use_named_types`); a type is its pages', in the order it was merged in, and
    the matches that renamed its properties' types. The same sources, the same value."""
    reprs: dict[TypeRef | None, str] = {}  # each type's, made once: most types recur

    def shown(ref: TypeRef | None) -> str:
        if ref not in reprs:
            reprs[ref] = repr(ref)
        return reprs[ref]

    for op in api.operations:
        page = op_pages[op.uid]
        if page:
            body = op.body.type if op.body is not None else None
            api.op_sources[op.uid] = f"{page} {shown(op.result)} {shown(body)}"
    matches = hashlib.sha256(repr(sorted(api.matched.items())).encode()).hexdigest()
    for name, object_type in api.types.items():
        pages = type_pages.get(name, [])
        if object_type.documented and pages and all(pages):
            api.type_sources[name] = " ".join([*pages, matches])


def _use_named_types(
    types: dict[str, ObjectType], operations: dict[str, Operation]
) -> dict[str, str]:
    """Replace each anonymous type whose table is a named type's by that type, everywhere it is
    used (see `typematch`); the matches, {anonymous: named}."""
    matched = match_anonymous(types, carriers(operations.values()))
    if not matched:
        return matched
    for name in matched:
        del types[name]
    for uid, op in operations.items():
        operations[uid] = renamed_operation(op, matched)
    for object_type in types.values():
        object_type.properties = [renamed_property(p, matched) for p in object_type.properties]
    return matched


def _kept_pages(
    pages: list[ParsedPage], diagnostics: list[Diagnostic]
) -> tuple[dict[str, Operation], list[Operation]]:
    """The operation kept for each uid, and those left out because another page has their uid.

    The real reference has hand-edited copies beside the original (`v1X_Y_new.md` next to
    `v1X_Y.md`, both with the uid `v1X_Y`). The page whose file name is the uid is kept;
    otherwise the first in path order. Each page left out is a warning naming the kept one.
    """
    by_uid: dict[str, list[Operation]] = {}
    for page in pages:
        if page.operation is not None:
            by_uid.setdefault(page.operation.uid, []).append(page.operation)
    kept: dict[str, Operation] = {}
    duplicates: list[Operation] = []
    for uid, ops in by_uid.items():
        if len(ops) == 1:  # most uids: nothing to choose between
            kept[uid] = ops[0]
            continue
        ops.sort(
            key=lambda op: (
                PurePosixPath(op.location.file).stem != uid,
                op.location.root,
                op.location.file,
            )
        )
        kept[uid] = winner = ops[0]
        why = (
            "its file is named after the uid"
            if PurePosixPath(winner.location.file).stem == uid
            else "it comes first in path order"
        )
        for op in ops[1:]:
            message = f"the uid '{uid}' is also used by {winner.location}, which is kept ({why}); this page is skipped"
            diagnostics.append(Diagnostic(op.location, "warning", "duplicate-uid", message))
            duplicates.append(op)
    return kept, sorted(duplicates, key=lambda op: op.location)


def _shape(path: str) -> str:
    """A path with its placeholders' names left out: /Contact/{id} and /Contact/{contactId} are one."""
    return "/".join("{}" if part.startswith("{") else part.lower() for part in path.split("/"))


def _name_only(
    types: dict[str, ObjectType], name: str, location: Location, diagnostics: list[Diagnostic]
) -> None:
    """Register a type that is named but described nowhere, reporting it once."""
    if name not in types:
        types[name] = ObjectType(name, [], "", location, documented=False)
        message = (
            f"the type '{name}' is not described by any property table; it decodes as plain JSON"
        )
        diagnostics.append(Diagnostic(location, "warning", "undocumented-type", message))


def _merge(types: dict[str, ObjectType], new: ObjectType, diagnostics: list[Diagnostic]) -> None:
    known = types.get(new.name)
    if known is None:
        types[new.name] = ObjectType(
            new.name, list(new.properties), new.description, new.location, True, new.inline
        )
        return
    if not known.description and new.description:
        known.description = new.description
    by_name = {p.name: p for p in known.properties}
    for prop in new.properties:
        seen = by_name.get(prop.name)
        if seen is None:
            known.properties.append(prop)
            by_name[prop.name] = prop
        elif not compatible(seen.type, prop.type):
            diagnostics.append(
                Diagnostic(
                    prop.location,
                    "warning",
                    "type-conflict",
                    f"{new.name}.{prop.name} is {prop.type} here but {seen.type} at {seen.location}; "
                    f"{seen.type} is kept",
                )
            )


def _named(ref: TypeRef | None) -> Iterator[TypeRef]:
    ref = _innermost(ref) if ref is not None else None
    if ref is not None and ref.kind == "named":
        yield ref


def _innermost(ref: TypeRef) -> TypeRef:
    """An array's items' type (its items' items', ...); any other type itself."""
    while ref.kind == "array" and ref.item is not None:
        ref = ref.item
    return ref


def _refs(op: Operation) -> Iterator[TypeRef]:
    yield from _named(op.result)
    if op.body is not None:
        yield from _named(op.body.type)
