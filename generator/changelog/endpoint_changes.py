"""What changed in one endpoint: its method and path, its parameters (path parts, query
parameters, request properties), its body and its result."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .change import Change, collector


def operation_changes(uid: str, old: dict[str, Any], new: dict[str, Any]) -> list[Change]:
    found: list[Change] = []
    add = collector(uid, found, old["at"], new["at"])

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
