"""Located diagnostics: errors are data, the CLI decides what they cost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]


class Location(NamedTuple):
    """A place in a doc page: its path below the docs folder, 1-based line and column.

    `root` is the docs folder as the user named it: messages show it, outputs do not, so the
    generated files are the same wherever the pages are read from. (A named tuple: the model
    holds hundreds of thousands of them, and tuples pickle fast for the cache and the workers.)
    """

    root: str
    file: str
    line: int = 1
    col: int = 1

    @property
    def path(self) -> str:
        return f"{self.root}/{self.file}" if self.root and self.root != "." else self.file

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    location: Location
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        where = self.location
        place = f"{where.path}:{where.line}:{where.col}" if where.line else where.path
        return f"{place}: {self.severity} {self.code}: {self.message}"


class PageError(Exception):
    """A page that cannot be turned into an endpoint: the run fails with this located message."""

    def __init__(self, location: Location, code: str, message: str) -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(location, "error", code, message)

    def __str__(self) -> str:
        return str(self.diagnostic)
