"""Located diagnostics: errors are data, the CLI decides what they cost."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

Severity = Literal["error", "warning"]

CODES: dict[str, str] = {
    # reported by the parser and the build stage
    "front-matter": "the YAML front matter cannot be read",
    "encoding": "the page is not UTF-8 text",
    "no-endpoint": "no ```http block with a method and a path",
    "duplicate-uid": "two pages have the same uid",
    "duplicate-operation": "two pages document the same method and path",
    "uid": "the uid is missing or not of the form v1Group_Operation",
    "include": "an included file is missing or unreadable",
    "sample-json": "a sample's body is not valid JSON",
    "unknown-type": "a type column holds something that is not a type name",
    "undocumented-type": "a type is named but no property table describes it",
    "type-conflict": "a property has different types on different pages",
    "path-part": "a path part has no Path Part row, or a row names no path part",
    "status": "a status table row is not an HTTP status code",
    "no-content": "a 204 response documents a body",
    "properties": "a property table is documented for a response that is not an object",
    "endpoint-query": "the endpoint block's path carries a query",
    # cross-checks made here
    "endpoint-mismatch": "the method or path differs between the H1, the title, the endpoint block and the sample",
    "request-key-undocumented": "the sample request has a key the Request Body table does not list",
    "request-key-missing": "the sample request lacks a row marked Required",
    "response-key-undocumented": "the sample response has a key the response table does not list",
    "response-key-missing": "the sample response lacks a row of the response table",
    "sample-type": "a sample value's JSON type contradicts the documented type",
    "required-query-missing": "the sample request lacks a required query parameter",
    "empty-description": "the endpoint has no description",
}


ERROR_CODES = frozenset({"front-matter", "encoding", "no-endpoint"})
"""The codes that are errors: a page that cannot be an endpoint. The others are warnings."""


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
        return f"{place}: {self.severity}: {self.message} [{self.code}]"


class PageError(Exception):
    """Raised inside the parser for a page that cannot be an endpoint; the pipeline turns it back
    into its diagnostic, so fatal problems reach the command line as data."""

    def __init__(self, location: Location, code: str, message: str) -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(location, "error", code, message)

    def __str__(self) -> str:
        return str(self.diagnostic)
