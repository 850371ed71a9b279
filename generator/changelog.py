"""What changed in the API between two versions of the pages, as the generated client's users
feel it: each change is breaking (code that worked stops working) or compatible, and calls for a
semver bump.

Both sides are reduced to a signature first: a small, JSON-able description of what the client
exposes (operations keyed by uid: method, path, arguments, body, result; models keyed by name:
their fields), each element with the `file:line` it was read from. `generate` keeps the
signature in the output's manifest, so a later run can compare without the old pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal

from .diagnostics import Location
from .model import Api, TypeRef

Impact = Literal["breaking", "compatible"]
BUMPS = ("none", "patch", "minor", "major")


@dataclass(frozen=True, order=True)
class Change:
    impact: Impact
    kind: str  # endpoint-added, parameter-required, property-removed, ...
    subject: str  # the operation's uid or the type's name
    message: str
    old: str = ""  # file:line in the old pages ("" for what is new)
    new: str = ""  # file:line in the new pages ("" for what is gone)
    bump: str = "patch"

    @property
    def where(self) -> str:
        return self.new or self.old


def _at(location: Location) -> str:
    return f"{location.file}:{location.line}"


def _at_path(location: Location) -> str:
    return f"{location.path}:{location.line}"


def signature(api: Api, where: Callable[[Location], str] = _at) -> dict[str, Any]:
    """What the generated client exposes, located with `where` (default: the file below the docs
    folder, so the signature is the same wherever the pages are read from)."""
    carriers = api.carriers
    operations = {}
    for op in sorted(api.operations, key=lambda o: o.uid):
        params = [["path", p.name, *_type(p.type), True, where(p.location)] for p in op.path_params]
        params += [
            ["query", p.name, *_type(p.type), p.required, where(p.location)]
            for p in op.query_params
        ]
        body = None
        if op.body is not None and op.body.spread:
            properties = op.body.properties or (
                api.types[op.body.type.name].properties if op.body.type.name in api.types else []
            )
            params += [
                ["body", p.name, *_type(p.type), p.required, where(p.location)] for p in properties
            ]
        elif op.body is not None:
            body = [op.body.name, *_type(op.body.type), where(op.body.location)]
        operations[op.uid] = {
            "method": op.method,
            "path": op.path,
            "at": where(op.location),
            "params": params,
            "body": body,
            "result": list(_type(op.result)) if op.result is not None else None,
        }
    types = {}
    for name, object_type in api.types.items():
        if name in carriers:
            continue
        types[name] = {
            "at": where(object_type.location),
            "documented": object_type.documented,
            "properties": {
                p.name: [*_type(p.type), where(p.location)] for p in object_type.properties
            },
        }
    return {"operations": operations, "types": dict(sorted(types.items()))}


def _type(ref: TypeRef) -> tuple[str, str]:
    """(as documented, its kind) of a type: ('int32', 'integer'), ('array<Ticket>', 'array')."""
    return str(ref), ref.kind


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from the `old` signature to the `new` one, breaking ones first."""
    changes: list[Change] = []
    add = changes.append
    old_ops, new_ops = old.get("operations", {}), new.get("operations", {})
    for uid in sorted(old_ops.keys() - new_ops.keys()):
        op = old_ops[uid]
        add(
            Change(
                "breaking",
                "endpoint-removed",
                uid,
                f"the endpoint {op['method']} {op['path']} was removed",
                old=op["at"],
                bump="major",
            )
        )
    for uid in sorted(new_ops.keys() - old_ops.keys()):
        op = new_ops[uid]
        add(
            Change(
                "compatible",
                "endpoint-added",
                uid,
                f"new endpoint {op['method']} {op['path']}",
                new=op["at"],
                bump="minor",
            )
        )
    for uid in sorted(old_ops.keys() & new_ops.keys()):
        changes.extend(_operation(uid, old_ops[uid], new_ops[uid]))
    old_types, new_types = old.get("types", {}), new.get("types", {})
    for name in sorted(old_types.keys() - new_types.keys()):
        add(
            Change(
                "breaking",
                "type-removed",
                name,
                f"the type {name} was removed",
                old=old_types[name]["at"],
                bump="major",
            )
        )
    for name in sorted(new_types.keys() - old_types.keys()):
        add(
            Change(
                "compatible",
                "type-added",
                name,
                f"new type {name}",
                new=new_types[name]["at"],
                bump="minor",
            )
        )
    for name in sorted(old_types.keys() & new_types.keys()):
        changes.extend(_object_type(name, old_types[name], new_types[name]))
    return sorted(changes, key=lambda c: (c.impact != "breaking", c.subject, c.kind, c.message))


def _operation(uid: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    found: list[Change] = []
    at = {"old": old["at"], "new": new["at"]}

    def add(
        impact: Impact, kind: str, message: str, bump: str, old_at: str = "", new_at: str = ""
    ) -> None:
        found.append(
            Change(
                impact,
                kind,
                uid,
                message,
                old=old_at or at["old"],
                new=new_at or at["new"],
                bump=bump,
            )
        )

    if old["method"] != new["method"]:
        add(
            "compatible",
            "method-changed",
            f"the method is {new['method']}, was {old['method']}",
            "patch",
        )
    if old["path"] != new["path"]:
        add("compatible", "path-changed", f"the path is {new['path']}, was {old['path']}", "patch")
    for kind in ("path", "query", "body"):
        before = [p for p in old["params"] if p[0] == kind]
        after = [p for p in new["params"] if p[0] == kind]
        _params(kind, before, after, add)
    _body(old["body"], new["body"], add)
    _result(old["result"], new["result"], add)
    return found


_WHAT = {"path": "path part", "query": "query parameter", "body": "request property"}


def _params(
    kind: str, before: list[list[Any]], after: list[list[Any]], add: Callable[..., None]
) -> None:
    what = _WHAT[kind]
    old_names = {p[1]: p for p in before}
    new_names = {p[1]: p for p in after}
    removed = [p for p in before if p[1] not in new_names]
    added = [p for p in after if p[1] not in old_names]
    for old_p, new_p in _renames(kind, before, after, removed, added):
        removed.remove(old_p)
        added.remove(new_p)
        add(
            "breaking",
            "parameter-renamed",
            f"the {what} '{old_p[1]}' is now '{new_p[1]}'",
            "major",
            old_p[5],
            new_p[5],
        )
    for p in removed:
        add("breaking", "parameter-removed", f"the {what} '{p[1]}' was removed", "major", p[5])
    for p in added:
        if p[4]:
            add(
                "breaking",
                "parameter-added",
                f"new required {what} '{p[1]}' ({p[2]})",
                "major",
                "",
                p[5],
            )
        else:
            add(
                "compatible",
                "parameter-added",
                f"new optional {what} '{p[1]}' ({p[2]})",
                "minor",
                "",
                p[5],
            )
    for name in old_names.keys() & new_names.keys():
        old_p, new_p = old_names[name], new_names[name]
        if not old_p[4] and new_p[4]:
            add(
                "breaking",
                "parameter-required",
                f"the {what} '{name}' is now required",
                "major",
                old_p[5],
                new_p[5],
            )
        elif old_p[4] and not new_p[4] and kind != "path":
            add(
                "compatible",
                "parameter-optional",
                f"the {what} '{name}' is now optional",
                "minor",
                old_p[5],
                new_p[5],
            )
        if old_p[2] != new_p[2]:
            breaking = old_p[3] != new_p[3]
            add(
                "breaking" if breaking else "compatible",
                "parameter-type",
                f"the {what} '{name}' is {new_p[2]}, was {old_p[2]}",
                "major" if breaking else "patch",
                old_p[5],
                new_p[5],
            )


def _renames(
    kind: str,
    before: list[list[Any]],
    after: list[list[Any]],
    removed: list[list[Any]],
    added: list[list[Any]],
) -> list[tuple[list[Any], list[Any]]]:
    """Parameters that were renamed: a path part at the same place in the path, or the one
    removed and the one added of a kind when their types are the same."""
    if kind == "path":
        return [
            (before[i], after[i])
            for i in range(min(len(before), len(after)))
            if before[i] in removed and after[i] in added
        ]
    if len(removed) == 1 and len(added) == 1 and removed[0][2] == added[0][2]:
        return [(removed[0], added[0])]
    return []


def _body(old: list[Any] | None, new: list[Any] | None, add: Callable[..., None]) -> None:
    if old == new or (old and new and old[:3] == new[:3]):
        return
    if old is None:
        add(
            "breaking",
            "body-added",
            f"the request now takes a body '{new[0]}' ({new[1]})",
            "major",
            "",
            new[3],
        )
    elif new is None:
        add(
            "breaking",
            "body-removed",
            f"the request no longer takes the body '{old[0]}'",
            "major",
            old[3],
        )
    elif old[0] != new[0]:
        add(
            "breaking",
            "body-renamed",
            f"the body argument is '{new[0]}', was '{old[0]}'",
            "major",
            old[3],
            new[3],
        )
    else:
        add(
            "breaking",
            "body-type",
            f"the body '{new[0]}' is {new[1]}, was {old[1]}",
            "major",
            old[3],
            new[3],
        )


def _result(old: list[str] | None, new: list[str] | None, add: Callable[..., None]) -> None:
    if old == new:
        return
    if old is None:
        add("compatible", "result-changed", f"the result is now {new[0]}, was nothing", "minor")
    elif new is None:
        add("breaking", "result-changed", f"the result is now nothing, was {old[0]}", "major")
    else:
        add("breaking", "result-changed", f"the result is {new[0]}, was {old[0]}", "major")


def _object_type(name: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    found: list[Change] = []

    def add(
        impact: Impact, kind: str, message: str, bump: str, old_at: str = "", new_at: str = ""
    ) -> None:
        found.append(
            Change(
                impact,
                kind,
                name,
                message,
                old=old_at or old["at"],
                new=new_at or new["at"],
                bump=bump,
            )
        )

    if old["documented"] and not new["documented"]:
        add(
            "breaking",
            "type-kind",
            f"{name} is no longer described: a plain dictionary instead of a model",
            "major",
        )
        return found
    if not old["documented"] and new["documented"]:
        add(
            "compatible",
            "type-kind",
            f"{name} is now described: a model instead of a plain dictionary",
            "minor",
        )
        return found
    before, after = old["properties"], new["properties"]
    for prop in sorted(before.keys() - after.keys()):
        add(
            "breaking",
            "property-removed",
            f"the field {name}.{prop} was removed",
            "major",
            before[prop][2],
        )
    for prop in sorted(after.keys() - before.keys()):
        add(
            "compatible",
            "property-added",
            f"new field {name}.{prop} ({after[prop][0]})",
            "minor",
            "",
            after[prop][2],
        )
    for prop in sorted(before.keys() & after.keys()):
        if before[prop][0] != after[prop][0]:
            breaking = before[prop][1] != after[prop][1]
            add(
                "breaking" if breaking else "compatible",
                "property-type",
                f"the field {name}.{prop} is {after[prop][0]}, was {before[prop][0]}",
                "major" if breaking else "patch",
                before[prop][2],
                after[prop][2],
            )
    return found


def bump(changes: list[Change]) -> str:
    """The semver bump the changes call for: major, minor, patch, or none."""
    return max((c.bump for c in changes), key=BUMPS.index, default="none")


def one_line(changes: list[Change]) -> str:
    """`API since the last run: 1 breaking, 2 compatible changes (semver: major)`."""
    breaking = sum(1 for c in changes if c.impact == "breaking")
    compatible = len(changes) - breaking
    return f"API since the last run: {breaking} breaking, {compatible} compatible change{'s' if compatible != 1 else ''} (semver: {bump(changes)})"


# -- the `diff` command's formats ---------------------------------------------------------------


def _located(change: Change) -> str:
    if change.old and change.new and change.old != change.new:
        return f"{change.new} (was {change.old})"
    return change.where


def as_text(changes: list[Change]) -> str:
    lines = [f"{_located(c)}: {c.impact} {c.kind}: {c.subject}: {c.message}" for c in changes]
    lines.append(_total(changes))
    return "\n".join(lines) + "\n"


def _total(changes: list[Change]) -> str:
    breaking = sum(1 for c in changes if c.impact == "breaking")
    return f"{len(changes)} change{'s' if len(changes) != 1 else ''}: {breaking} breaking, {len(changes) - breaking} compatible; semver: {bump(changes)}"


def as_markdown(changes: list[Change]) -> str:
    lines = [f"# API changes (semver: {bump(changes)})", ""]
    for impact, title in (("breaking", "Breaking changes"), ("compatible", "Compatible changes")):
        chosen = [c for c in changes if c.impact == impact]
        if not chosen:
            continue
        lines += [f"## {title}", ""]
        for c in chosen:
            was = f" (was `{c.old}`)" if c.old and c.new and c.old != c.new else ""
            lines.append(f"- **{c.subject}**: {c.message} ({c.kind}, {c.bump}) — `{c.where}`{was}")
        lines.append("")
    if not changes:
        lines += ["No changes.", ""]
    return "\n".join(lines)


def as_json(changes: list[Change]) -> str:
    breaking = sum(1 for c in changes if c.impact == "breaking")
    data = {
        "bump": bump(changes),
        "breaking": breaking,
        "compatible": len(changes) - breaking,
        "changes": [asdict(c) for c in changes],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


FORMATS = {"text": as_text, "markdown": as_markdown, "json": as_json}


def diff(old: Api, new: Api) -> list[Change]:
    """The changes from the `old` pages' API to the `new` one, located with the pages' paths."""
    return compare(signature(old, _at_path), signature(new, _at_path))
