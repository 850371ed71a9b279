"""Every change from one API signature to another: endpoints and types added or removed, and what
changed in a type's fields (an endpoint's own changes are `endpoint_changes`)."""

from __future__ import annotations

from typing import Any

from .change import Change, collector
from .endpoint_changes import operation_changes


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    """Every change from the `old` signature to the `new` one, breaking ones first."""
    changes: list[Change] = []
    add = changes.append
    old_ops, new_ops = old.get("operations", {}), new.get("operations", {})
    for uid in sorted(old_ops.keys() - new_ops.keys()):
        op = old_ops[uid]
        gone = f"the endpoint {op['method']} {op['path']} was removed"
        add(Change("breaking", "endpoint-removed", uid, gone, old=op["at"], bump="major"))
    for uid in sorted(new_ops.keys() - old_ops.keys()):
        op = new_ops[uid]
        made = f"new endpoint {op['method']} {op['path']}"
        add(Change("compatible", "endpoint-added", uid, made, new=op["at"], bump="minor"))
    for uid in sorted(old_ops.keys() & new_ops.keys()):
        if old_ops[uid] != new_ops[uid]:  # most are the same: one comparison, not each field's
            changes.extend(operation_changes(uid, old_ops[uid], new_ops[uid]))
    old_types, new_types = old.get("types", {}), new.get("types", {})
    for name in sorted(old_types.keys() - new_types.keys()):
        gone = f"the type {name} was removed"
        add(Change("breaking", "type-removed", name, gone, old=old_types[name]["at"], bump="major"))
    for name in sorted(new_types.keys() - old_types.keys()):
        made = f"new type {name}"
        add(Change("compatible", "type-added", name, made, new=new_types[name]["at"], bump="minor"))
    for name in sorted(old_types.keys() & new_types.keys()):
        if old_types[name] != new_types[name]:
            changes.extend(_type_changes(name, old_types[name], new_types[name]))
    return sorted(changes, key=lambda c: (c.impact != "breaking", c.subject, c.kind, c.message))


def _type_changes(name: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    found: list[Change] = []
    add = collector(name, found, old["at"], new["at"])

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
