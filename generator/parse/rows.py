"""Table rows → parameters, properties and statuses, each located at its row."""

from __future__ import annotations

import re

from ..model import ANY, Param, Property, Status, TypeRef
from .context import PageContext
from .markdown import Table
from .types import parse_type


def type_of(page: PageContext, text: str, line: int) -> TypeRef:
    """The TypeRef a documented type name stands for; a warning and `any` when it is none."""
    parsed = parse_type(text)
    if parsed is None:
        page.warn(
            page.at(line), "unknown-type", f"'{text}' is not a type name; taken as any JSON value"
        )
        return ANY
    return parsed


def params(page: PageContext, table: Table, path: bool = False, typed: bool = True) -> list[Param]:
    """Path parts (`path`: all required), query parameters, or request headers (not `typed`: a
    header's documented content types are kept as its example)."""
    found = []
    for row in table.rows:
        name = row.cell(0).text
        if not name:
            continue
        described = row.cell(2 if typed else 1)
        required = path or any(s.lower() == "required" for s in described.strong)
        type_ = type_of(page, row.cell(1).text, row.line) if typed else TypeRef("string")
        param = Param(name, type_, without_required(described.text), required, page.at(row.line))
        if not typed and name.lower() == "content-type":
            param.example = ", ".join(described.code)
        found.append(param)
    return found


def properties(page: PageContext, table: Table) -> list[Property]:
    found = []
    for row in table.rows:
        name = row.cell(0).text
        if name:
            described = row.cell(2)
            required = any(s.lower() == "required" for s in described.strong)
            type_ = type_of(page, row.cell(1).text, row.line)
            found.append(
                Property(name, type_, without_required(described.text), page.at(row.line), required)
            )
    return found


_STATUS = re.compile(r"[1-5]\d\d")


def statuses(page: PageContext, table: Table) -> list[Status]:
    found = []
    for row in table.rows:
        code = row.cell(0).text
        if _STATUS.fullmatch(code):
            found.append(Status(int(code), row.cell(1).text, page.at(row.line)))
        elif code:
            page.warn(page.at(row.line), "status", f"'{code}' is not an HTTP status code")
    return found


def without_required(text: str) -> str:
    """The text without a final word "Required" (string operations: a regex searching for it from
    every position would be quadratic on a long run of spaces)."""
    text = text.strip()
    if text.endswith("Required") and not text[-9:-8].isalnum() and text[-9:-8] != "_":
        text = text[:-8].strip()
    return text
