"""One doc page → one Operation (plus the types it documents), or a reason it is not an endpoint page.

Sections are recognised by meaning, not exact text: headings vary in case, spacing, colons and
level across the reference's history, and some older pages write "Response body: X" as a plain
paragraph. Tables are recognised by their header row, sample blocks by their fence info
(`http!` request, `http_` response), so samples are found with or without their headings.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostic, Location, PageError
from ..discover import page_bytes
from ..model import ANY, Body, ObjectType, Operation, Param, ParsedPage, Property, Sample, Status, TypeRef
from ..untrusted import INCLUDE_LIMIT, Refused, inside, lexically_inside, read_regular
from . import frontmatter, http
from .markdown import Block, Fence, Heading, Include, Paragraph, Table, blocks
from .types import parse_type

_UID = re.compile(r"^v\d+(?P<group>[A-Za-z][A-Za-z0-9]*)_(?P<name>[A-Za-z0-9_]+)$")
_PLACEHOLDER = re.compile(r"\{([^{}/]+)\}")
_BINARY_MIME = re.compile(r"^(image/|audio/|video/|application/(octet-stream|pdf|zip)|multipart/)")


def read_page(path: Path, root: str, file: str) -> ParsedPage:
    """Parse the page at `path`, known as `file` below the docs folder `root`. Raises PageError."""
    return page_from_bytes(page_bytes(path, Location(root, file)), path, root, file)


def page_from_bytes(data: bytes, path: Path, root: str, file: str) -> ParsedPage:
    """Parse the page whose bytes were read from `path` (read once: the bytes a cache hashed are
    the bytes parsed). Raises PageError."""
    at = Location(root, file)
    return parse_page(_decode(data, at), file, path.parent, root, Path(root or "."))


def parse_page(
    text: str, file: str, folder: Path | None = None, root: str = "", docs: Path | None = None
) -> ParsedPage:
    """Parse a page's text; includes are resolved in `folder`, the page's own folder, and only
    read when they are regular files inside `docs`, the docs folder (default: `folder`)."""
    front, body = frontmatter.split(text, Location(root, file))
    uid = ""
    if front is not None:
        raw = front.get("uid", front.get("id"))
        uid = "" if raw is None else str(raw).strip()
    page_blocks = blocks(body)
    endpoint = next((b for b in page_blocks if isinstance(b, Fence) and b.info.lower() == "http"), None)
    if endpoint is None:
        if _UID.match(uid):
            heading = next((b for b in page_blocks if isinstance(b, Heading)), None)
            raise PageError(
                Location(root, file, heading.line if heading else 1),
                "no-endpoint",
                f"page '{uid}' has no ```http block with the endpoint's method and path",
            )
        kind = "an include fragment" if front is None else "an index or overview page"
        return ParsedPage(file, skipped=f"not an endpoint page ({kind}: no ```http block)")
    if not _UID.match(uid) and not _states_an_endpoint(endpoint):
        # A group's index page: its block holds only the group's path, its body links to pages.
        return ParsedPage(file, skipped="not an endpoint page (an index page: its ```http block has no method)")
    reader = _PageReader(Location(root, file), folder, front or {}, uid, page_blocks, endpoint)
    reader.docs = docs if docs is not None else folder
    reader.title_line = frontmatter.key_line(text, "title")
    return reader.read()


def _states_an_endpoint(block: Fence) -> bool:
    """Whether an ```http block starts with a method and a path."""
    first = next((line for line in block.content.split("\n") if line.strip()), "")
    return http.request_line(first) is not None


def read_text(path: Path, at: Location) -> str:
    """A page's text; a located PageError when it is not UTF-8 text or cannot be read."""
    return _decode(page_bytes(path, at), at)


def _decode(data: bytes, at: Location) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PageError(at._replace(line=line), "encoding", "the page is not UTF-8 text") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise PageError(at._replace(line=line), "encoding", "the page contains a NUL character")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _pascal(text: str) -> str:
    return "".join(word[:1].upper() + word[1:] for word in re.split(r"[^A-Za-z0-9]+", text) if word)


def _classify(text: str) -> tuple[str, str] | None:
    """(section, argument) for a heading's text, e.g. ("body", "request"); None if not a section."""
    name, _, arg = text.strip().strip("#").strip().partition(":")
    name = " ".join(name.lower().split())
    arg = arg.strip().strip("#").strip()
    if name.startswith("query string param") or name == "query parameters":
        return "query", ""
    if name.startswith("request header"):
        return "headers", ""
    if name == "request body":
        return "body", arg
    if name == "response body":
        return "response_body", arg
    if name in ("response", "responses"):
        return "response", arg
    if name in ("sample request", "sample requests", "example request"):
        return "sample_request", ""
    if name in ("sample response", "sample responses", "example response"):
        return "sample_response", ""
    if name in ("path part", "path parts", "path parameters"):
        return "path", ""
    return None


class _PageReader:
    def __init__(
        self,
        page: Location,
        folder: Path | None,
        front: dict[str, Any],
        uid: str,
        page_blocks: list[Block],
        endpoint: Fence,
    ) -> None:
        self.page = page
        self.file = page.file
        self.folder = folder
        self.front = front
        self.uid = uid
        self.blocks = page_blocks
        self.endpoint = endpoint
        self.diagnostics: list[Diagnostic] = []
        self.types: list[ObjectType] = []
        self.includes: list[str] = []
        self.title_line = 0
        self.docs: Path | None = folder  # includes are read only from inside it

    def at(self, line: int, col: int = 1, file: str | None = None) -> Location:
        return Location(self.page.root, file or self.file, line, col)

    def warn(self, location: Location, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(location, "warning", code, message))

    # -- the page as a whole -------------------------------------------------------------------

    def read(self) -> ParsedPage:
        method, path = self._endpoint_line()
        group, name = self._names(method, path)
        heading = next((b for b in self.blocks if isinstance(b, Heading) and b.level == 1), None)
        op = Operation(
            uid=self.uid,
            group=group,
            name=name,
            method=method,
            path=path,
            summary="",
            description="",
            location=self.at(self.endpoint.line),
            title=str(self.front.get("title") or ""),
            title_line=self.title_line,
            heading=heading.text if heading else "",
            heading_line=heading.line if heading else 0,
        )
        self._sections(op)
        return ParsedPage(self.file, op, self.types, self.diagnostics, includes=self.includes)

    def _endpoint_line(self) -> tuple[str, str]:
        lines = [line for line in self.endpoint.content.split("\n") if line.strip()]
        parsed = http.request_line(lines[0]) if lines else None
        if parsed is None:
            raise PageError(
                self.at(self.endpoint.line),
                "no-endpoint",
                "the ```http block does not start with a method and a path, e.g. 'GET /api/v1/Contact/{id}'",
            )
        method, target = parsed
        path, query = http.split_target(target)
        if not path.startswith("/"):
            raise PageError(self.at(self.endpoint.line + 1), "no-endpoint", f"the path '{path}' does not start with '/'")
        if query:
            self.warn(self.at(self.endpoint.line + 1), "endpoint-query", "the endpoint's path carries a query; it is ignored")
        return method, path

    def _names(self, method: str, path: str) -> tuple[str, str]:
        match = _UID.match(self.uid)
        if match:
            return match["group"], match["name"]
        parts = [p for p in path.split("/") if p]
        if len(parts) >= 2 and parts[0].lower() == "api" and re.fullmatch(r"v\d+", parts[1]):
            parts = parts[2:]
        literal = [_pascal(p) for p in parts if not _PLACEHOLDER.search(p) and _pascal(p)]
        if len(literal) >= 2 and literal[0] == "Agents":
            group, name = literal[1] + "Agent", "".join(literal[2:]) or _pascal(method.lower())
        else:
            group = (literal[0] if literal else "Api") + "Entity"
            name = _pascal(method.lower()) + "".join(literal[1:])
        if not self.uid:
            self.uid = f"v1{group}_{name}"
            reason = "the page has no uid"
        else:
            reason = f"the uid '{self.uid}' does not have the form v1Group_Operation"
        self.warn(self.at(1), "uid", f"{reason}; named {group}.{name} after its path")
        return group, name

    # -- sections --------------------------------------------------------------------------------

    def _sections(self, op: Operation) -> None:
        section, arg = "description", ""
        description: list[str] = []
        body_text: list[str] = []
        body_arg: str | None = None
        body_line = 0
        body_props: list[Property] | None = None
        response_arg = ""
        response_body_arg: str | None = None
        response_line = op.location.line
        response_props: list[Property] | None = None
        response_text: list[str] = []
        path_rows: list[Param] = []
        query_examples: dict[str, str] = {}
        after_endpoint = False
        for block in self._expanded():
            if block is self.endpoint:
                after_endpoint = True
                continue
            if not after_endpoint:
                continue
            heading = block.text if isinstance(block, Heading) and block.level >= 2 else None
            if isinstance(block, Paragraph) and re.match(r"(?i)^response body\s*:", block.text):
                heading = block.text
            if heading is not None:
                found = _classify(heading)
                if found is None:
                    if section == "description":
                        description.append(heading)
                    continue
                section, arg = found
                if section == "body":
                    body_arg, body_line = arg, block.line
                elif section == "response":
                    response_arg, response_line = arg, block.line
                elif section == "response_body":
                    response_body_arg, response_line = arg, block.line
                continue
            if isinstance(block, Table):
                kind = _table_kind(block)
                if kind == "path":
                    path_rows = self._params(block, path=True)
                elif kind == "params" and section in ("query", "description"):
                    op.query_params = self._params(block)
                elif kind == "headers":
                    op.headers = self._params(block, typed=False)
                elif kind == "statuses":
                    op.statuses = self._statuses(block)
                elif kind == "properties" and section == "body":
                    body_props = self._properties(block)
                elif kind == "properties" and section in ("response", "response_body"):
                    response_props = self._properties(block)
                continue
            if isinstance(block, Fence):
                info = block.info.lower()
                if info == "http!" or (info == "http" and section == "sample_request"):
                    op.request_sample = op.request_sample or self._sample(block)
                elif info == "http_" or (info == "http" and section == "sample_response"):
                    op.response_sample = op.response_sample or self._sample(block)
                elif info == "http" and section in ("query", "description"):
                    self._query_examples(block, query_examples)
                continue
            if isinstance(block, Paragraph):
                if section == "description":
                    description.append(block.text)
                elif section == "body":
                    body_text.append(block.text)
                elif section == "response":
                    response_text.append(block.text)
        if description:
            op.summary, op.description = description[0], "\n\n".join(description[1:])
        for param in op.query_params:
            param.example = query_examples.get(param.name)
        op.path_params = self._path_params(op, path_rows)
        if op.request_sample is not None:
            http.decode_json(op.request_sample, self.diagnostics, "sample request")
        statuses = {s.description for s in op.statuses}
        result_doc = "\n\n".join(t for t in response_text if t not in statuses)
        result_type = response_body_arg if response_body_arg else response_arg
        op.result = self._result(op, result_type, response_props, response_line, result_doc)
        if body_arg is not None:
            op.body = self._body(op, body_arg, body_line, body_text, body_props)
        binary = op.result is not None and op.result.kind == "binary"
        if op.response_sample is not None and not binary:
            http.decode_json(op.response_sample, self.diagnostics, "sample response")

    def _expanded(self) -> list[Block]:
        """The page's blocks with each include replaced by the fenced blocks of the included file."""
        out: list[Block] = []
        for block in self.blocks:
            if isinstance(block, Include):
                out.extend(self._include(block))
            else:
                out.append(block)
        return out

    def _include(self, block: Include) -> list[Fence]:
        """The fenced blocks of an included file: only a regular file inside the docs folder, symbolic
        links resolved, of at most INCLUDE_LIMIT bytes, is opened; anything else is a warning."""
        target = block.target.split("#")[0].split("?")[0]
        where = self.at(block.line)
        if self.folder is None:
            self.warn(where, "include", f"the included file '{block.target}' does not exist")
            return []
        docs = str(self.docs if self.docs is not None else self.folder)
        path = os.path.normpath(os.path.join(self.folder, target))
        if os.path.isabs(target) or target[:1] in ("/", "\\") or not lexically_inside(path, docs):
            self.warn(where, "include", f"the included file '{block.target}' is outside the docs folder; it is not read")
            return []
        display = os.path.normpath(os.path.join(os.path.dirname(self.file), target)).replace(os.sep, "/")
        self.includes.append(path)
        if not os.path.exists(path):
            self.warn(where, "include", f"the included file '{block.target}' does not exist")
            return []
        if not inside(path, docs):
            self.warn(where, "include", f"the included file '{block.target}' links to outside the docs folder; it is not read")
            return []
        try:
            text = _decode(read_regular(path, INCLUDE_LIMIT), self.at(1, file=display))
        except Refused as error:
            self.warn(where, "include", f"the included file '{block.target}' {error}; it is not read")
            return []
        except (PageError, OSError) as error:
            self.warn(where, "include", f"the included file '{block.target}' cannot be read: {error}")
            return []
        fences = [b for b in blocks(text) if isinstance(b, Fence)]
        if not fences:
            self.warn(self.at(block.line), "include", f"the included file '{block.target}' holds no fenced block")
        return [_Located(f.info, f.content, f.line, display) for f in fences]

    # -- tables ----------------------------------------------------------------------------------

    def _type(self, text: str, location: Location) -> TypeRef:
        parsed = parse_type(text)
        if parsed is None:
            self.warn(location, "unknown-type", f"'{text}' is not a type name; taken as any JSON value")
            return ANY
        return parsed

    def _params(self, table: Table, path: bool = False, typed: bool = True) -> list[Param]:
        params = []
        for row in table.rows:
            name = row.cell(0).text
            if not name:
                continue
            described = row.cell(2 if typed else 1)
            required = path or any(s.lower() == "required" for s in described.strong)
            type_ = self._type(row.cell(1).text, self.at(row.line)) if typed else TypeRef("string")
            params.append(Param(name, type_, _without_required(described.text), required, self.at(row.line)))
            if not typed and name.lower() == "content-type":
                params[-1].example = ", ".join(described.code)
        return params

    def _properties(self, table: Table) -> list[Property]:
        props = []
        for row in table.rows:
            name = row.cell(0).text
            if name:
                location = self.at(row.line)
                described = row.cell(2)
                required = any(s.lower() == "required" for s in described.strong)
                type_ = self._type(row.cell(1).text, location)
                props.append(Property(name, type_, _without_required(described.text), location, required))
        return props

    def _statuses(self, table: Table) -> list[Status]:
        statuses = []
        for row in table.rows:
            code = row.cell(0).text
            if re.fullmatch(r"[1-5]\d\d", code):
                statuses.append(Status(int(code), row.cell(1).text, self.at(row.line)))
            elif code:
                self.warn(self.at(row.line), "status", f"'{code}' is not an HTTP status code")
        return statuses

    def _query_examples(self, fence: Fence, examples: dict[str, str]) -> None:
        for line in fence.content.split("\n"):
            parsed = http.request_line(line)
            if parsed:
                for key, value in http.split_target(parsed[1])[1]:
                    examples.setdefault(key, value)

    # -- path, body, result ----------------------------------------------------------------------

    def _path_params(self, op: Operation, rows: list[Param]) -> list[Param]:
        names = _PLACEHOLDER.findall(op.path)
        by_name = {row.name: row for row in rows}
        params = []
        for name in dict.fromkeys(names):
            param = by_name.get(name)
            if param is None:
                self.warn(op.location, "path-part", f"the path part {{{name}}} has no row in the Path Part table")
                param = Param(name, TypeRef("string"), "", True, op.location)
            params.append(param)
        for row in rows:
            if row.name not in names:
                self.warn(row.location, "path-part", f"the Path Part row '{row.name}' is not in the path {op.path}")
        examples = _path_examples(op.path, op.request_sample)
        for param in params:
            param.example = examples.get(param.name)
        return params

    def _result(
        self, op: Operation, type_text: str, props: list[Property] | None, line: int, doc: str
    ) -> TypeRef | None:
        location = self.at(line)
        success = [s.code for s in op.statuses if 200 <= s.code < 300]
        if success and all(code == 204 for code in success):
            if type_text or props:
                self.warn(location, "no-content", f"the response is 204 No Content; its documented body '{type_text}' is ignored")
            return None
        type_ = self._type(type_text, location) if type_text else ANY
        if props is None:
            return TypeRef("binary") if type_ == ANY and _binary_sample(op.response_sample) else type_
        if type_.kind == "named":
            return self._object(type_.name, doc, props, location, inline=False)
        if type_.kind == "array":
            return TypeRef("array", item=self._object(f"{op.group}{op.name}Item", doc, props, location))
        if type_.kind in ("object", "any"):
            return self._object(f"{op.group}{op.name}Result", doc, props, location)
        self.warn(location, "properties", f"a property table is documented for the {type_} response; it is ignored")
        return type_

    def _object(self, name: str, description: str, props: list[Property], location: Location, inline: bool = True) -> TypeRef:
        self.types.append(ObjectType(name, props, description, location, documented=True, inline=inline))
        return TypeRef("named", name=name)

    def _body(self, op: Operation, arg: str, line: int, texts: list[str], props: list[Property] | None) -> Body:
        location = self.at(line)
        words = arg.split()
        name = words[0] if words else "body"
        description = "\n\n".join(t for t in texts if props is None or t != ", ".join(p.name for p in props))
        sample_body = op.request_sample.body if op.request_sample is not None else None
        if name == "request":
            type_ = self._object(f"{op.group}{op.name}Request", description, props or [], location)
            return Body(name, type_, description, location, spread=True, properties=props or [])
        if props:
            type_ = self._linked_type(op, props) or self._object(f"{op.group}{op.name}{_pascal(name)}", description, props, location)
            if isinstance(sample_body, list):
                type_ = TypeRef("array", item=type_)
            return Body(name, type_, description, location, properties=props)
        content_types = next((h.example or "" for h in op.headers if h.name.lower() == "content-type"), "")
        binary = "binary" in (w.lower() for w in words) or any(
            _BINARY_MIME.match(t.strip()) for t in content_types.split(",")
        )
        if binary and not (op.request_sample and op.request_sample.body_text):
            return Body(name, TypeRef("binary"), description, location)
        if name.lower().endswith("ids"):
            return Body(name, TypeRef("array", item=TypeRef("integer", "int32")), description, location)
        return Body(name, ANY, description, location)

    def _linked_type(self, op: Operation, props: list[Property]) -> TypeRef | None:
        """The page's documented response type when the body's properties are all among its own."""
        result = op.result
        if result is not None and result.kind == "named":
            documented = next((t for t in self.types if t.name == result.name and not t.inline), None)
            if documented and {p.name for p in props} <= {p.name for p in documented.properties}:
                return result
        return None

    def _sample(self, fence: Fence) -> Sample:
        return http.sample(fence.content, self.at(fence.line + 1, file=getattr(fence, "file", None)))


@dataclass(frozen=True)
class _Located(Fence):
    """A fenced block read from an included file."""

    file: str = ""


def _table_kind(table: Table) -> str:
    header = [h.lower() for h in table.header]
    first = header[0] if header else ""
    if first.startswith("path part"):
        return "path"
    if first.startswith("parameter name"):
        return "params" if any("type" in h for h in header[1:]) else "headers"
    if first.startswith("property name"):
        return "properties"
    if first.startswith("response"):
        return "statuses"
    return ""


def _binary_sample(sample: Sample | None) -> bool:
    """A sample response whose content type says it is neither JSON nor text."""
    content_type = (sample.header("Content-Type") or "") if sample else ""
    mime = content_type.split(";")[0].strip().lower()
    return bool(mime) and not http.is_json(mime) and not mime.startswith("text/")


def _without_required(text: str) -> str:
    """The text without a final word "Required" (string operations: a regex searching for it from
    every position would be quadratic on a long run of spaces)."""
    text = text.strip()
    if text.endswith("Required") and not text[-9:-8].isalnum() and text[-9:-8] != "_":
        text = text[:-8].strip()
    return text


def _path_examples(template: str, sample: Sample | None) -> dict[str, str]:
    """Concrete values a sample request puts where the path template has its placeholders."""
    if sample is None:
        return {}
    parsed = http.request_line(sample.start_line)
    if parsed is None:
        return {}
    actual = http.split_target(parsed[1])[0].split("/")
    wanted = template.split("/")
    if len(actual) != len(wanted):
        return {}
    examples = {}
    for want, got in zip(wanted, actual):
        match = _PLACEHOLDER.fullmatch(want)
        if match and got and not _PLACEHOLDER.search(got):
            examples[match[1]] = got
    return examples
