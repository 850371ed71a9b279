"""One change between two API signatures, and the semver bump a list of them calls for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

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


def collector(subject: str, found: list[Change], old_at: str, new_at: str) -> Callable[..., None]:
    """`add(impact, kind, message, bump, old="", new="")`: appends to `found` a Change of
    `subject`, located where given, else where the subject itself stands on each side."""

    def add(
        impact: Impact, kind: str, message: str, bump: str, old: str = "", new: str = ""
    ) -> None:
        found.append(
            Change(impact, kind, subject, message, old=old or old_at, new=new or new_at, bump=bump)
        )

    return add


def bump(changes: list[Change]) -> str:
    """The semver bump the changes call for: major, minor, patch, or none."""
    return max((c.bump for c in changes), key=BUMPS.index, default="none")
