"""Anonymous types → the named types the reference uses for them.

Many pages describe a result or a body only as `array` or `object` plus a property table; the
parser names such a type after its operation (`MDOAgentGetListItem`, `ObjectType.inline`). When
that table is the table of a type the reference names elsewhere (`MDOListItem`), the named type is
used instead. The rule is strict, so a match never loses or invents a field:

- the same set of property names (wire names, exactly): a table with one property more or less is
  another type, and small tables would match big ones by chance (`{Id}` is in most entities);
- every property's type compatible: equal, or undocumented on one side (an empty type column, an
  `array` without its element type);
- the named type as merged from all the pages that describe it (the class that is emitted),
  documented and not an agent's argument carrier; anonymous argument carriers (`Request Body:
  request`) are never matched, since their properties are keyword arguments, not a model;
- when several named types match, the first by name.

The registry's property sets do not depend on page order, so neither do the matches.

Before that, within one page: a REST body described by its own table whose properties are all
among the table of the response type the page names (`Request Body: entity` beside `Response
body: TicketEntity`) is that type, the entity the client sends and gets back (`linked_body`).
"""

from __future__ import annotations

from dataclasses import replace

from .model import ObjectType, Operation, Property, TypeRef


def compatible(a: TypeRef, b: TypeRef) -> bool:
    """Whether two documented types can be one: equal, or one of them undocumented."""
    if "any" in (a.kind, b.kind):
        return True
    if a.kind == "array" and b.kind == "array":
        return a.item is None or b.item is None or compatible(a.item, b.item)
    return a == b


def match_anonymous(types: dict[str, ObjectType], carriers: set[str]) -> dict[str, str]:
    """The named type to use for each anonymous type that has one: {anonymous: named}."""
    named: dict[frozenset[str], list[ObjectType]] = {}
    for object_type in sorted(types.values(), key=lambda t: t.name):
        if object_type.documented and not object_type.inline and object_type.name not in carriers:
            named.setdefault(_property_names(object_type), []).append(object_type)
    matches = {}
    for anonymous in sorted(types.values(), key=lambda t: t.name):
        if not anonymous.inline or anonymous.name in carriers or not anonymous.properties:
            continue
        for candidate in named.get(_property_names(anonymous), []):
            if _same_table(anonymous, candidate):
                matches[anonymous.name] = candidate.name
                break
    return matches


def _property_names(object_type: ObjectType) -> frozenset[str]:
    return frozenset(p.name for p in object_type.properties)


def _same_table(anonymous: ObjectType, named: ObjectType) -> bool:
    types = {p.name: p.type for p in named.properties}
    return all(compatible(p.type, types[p.name]) for p in anonymous.properties)


def linked_body(op: Operation, page_types: list[ObjectType]) -> tuple[Operation, list[ObjectType]]:
    """The page's operation and types with its body linked to its documented response type, when
    the body's own (anonymous) table has only properties of that type's table on the page; its
    own type is then dropped. Copies when linked: parsed pages, which the cache keeps, are never
    changed."""
    body, result = op.body, op.result
    if (
        body is None
        or body.spread
        or not body.properties
        or result is None
        or result.kind != "named"
    ):
        return op, page_types
    response = next((t for t in page_types if t.name == result.name and not t.inline), None)
    if response is None or not {p.name for p in body.properties} <= {
        p.name for p in response.properties
    }:
        return op, page_types
    own = body.type.item if body.type.kind == "array" and body.type.item is not None else body.type
    linked = TypeRef("array", item=result) if body.type.kind == "array" else result
    kept = [t for t in page_types if not (t.inline and t.name == own.name)]
    return replace(op, body=replace(body, type=linked)), kept


def renamed(ref: TypeRef, names: dict[str, str]) -> TypeRef:
    """`ref` with the named types in `names` (array items included) replaced by their new names."""
    if ref.kind == "array" and ref.item is not None:
        item = renamed(ref.item, names)
        return ref if item is ref.item else replace(ref, item=item)
    if ref.kind == "named" and ref.name in names:
        return replace(ref, name=names[ref.name])
    return ref


def renamed_property(prop: Property, names: dict[str, str]) -> Property:
    """`prop` with its type renamed; a copy when it changed."""
    type_ = renamed(prop.type, names)
    return prop if type_ is prop.type else replace(prop, type=type_)


def renamed_operation(op: Operation, names: dict[str, str]) -> Operation:
    """`op` with its result and body types renamed; a copy when anything changed (parsed pages,
    which the cache keeps, are never changed)."""
    result = None if op.result is None else renamed(op.result, names)
    body = op.body
    if body is not None and renamed(body.type, names) is not body.type:
        body = replace(body, type=renamed(body.type, names))
    if result is op.result and body is op.body:
        return op
    return replace(op, result=result, body=body)
