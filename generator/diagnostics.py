"""Located diagnostics: errors are data, the CLI decides what they cost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a doc page: the file as the user named it, 1-based line and column."""

    file: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    location: Location
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.location}: {self.severity} {self.code}: {self.message}"


class PageError(Exception):
    """A page that cannot be turned into an endpoint: the run fails with this located message."""

    def __init__(self, location: Location, code: str, message: str) -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(location, "error", code, message)

    def __str__(self) -> str:
        return str(self.diagnostic)
