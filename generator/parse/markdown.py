"""markdown-it-py's token stream folded into the few block kinds a reference page is made of.

Everything structural (headings, tables, fenced blocks, paragraphs, lists, DocFX includes) comes
from the tokenizer; this module only walks its tokens and keeps their line numbers (1-based).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .prose import inline_parts, inline_text


class Cell(NamedTuple):  # a named tuple: a page has hundreds of cells, made faster than dataclasses
    text: str  # clean prose
    strong: tuple[str, ...]  # texts set in **bold**, e.g. "Required"
    code: tuple[str, ...]  # texts set in `code`, e.g. content types


class Row(NamedTuple):
    cells: tuple[Cell, ...]
    line: int

    def cell(self, index: int) -> Cell:
        return self.cells[index] if index < len(self.cells) else Cell("", (), ())


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    line: int


@dataclass(frozen=True)
class Paragraph:
    text: str  # clean prose; list items are rendered as "- item" lines
    line: int


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    line: int


@dataclass(frozen=True)
class Fence:
    info: str
    content: str
    line: int  # the line of the opening fence; content starts on the next one
    file: str = ""  # the included file it was read from; "" for the page's own


@dataclass(frozen=True)
class Include:
    label: str
    target: str
    line: int


Block = Heading | Paragraph | Table | Fence | Include

# DocFX: [!include[label](path)] alone on a line.
_INCLUDE = re.compile(r"\[!include\[(?P<label>[^\]]*)\]\((?P<target>[^)\s]+)\)\]\s*$", re.I)


def _include_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
    match = _INCLUDE.match(line)
    if not match:
        return False
    if not silent:
        token = state.push("docfx_include", "", 0)
        token.map = [start, start + 1]
        token.info = match["target"]
        token.meta = {"label": match["label"]}
    state.line = start + 1
    return True


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    # Before lheading, which otherwise scans every following line of the run from each include
    # line only to fail, and lets the include take one line: quadratic on a run of include lines.
    md.block.ruler.before("lheading", "docfx_include", _include_rule)
    return md


def blocks(text: str) -> list[Block]:
    """The page's blocks in document order."""
    return fold(_parser().parse(text))


def fold(tokens: list[Token]) -> list[Block]:
    """The token stream folded into blocks, in one pass."""
    out: list[Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        line = _line(token, 0)
        kind = token.type
        if kind == "heading_open":
            out.append(Heading(int(token.tag[1]), inline_text(tokens[i + 1]), line))
            i += 3
        elif kind == "fence" or kind == "code_block":
            out.append(Fence(token.info.strip(), token.content, line))
            i += 1
        elif kind == "docfx_include":
            out.append(Include(token.meta["label"], token.info, line))
            i += 1
        elif kind == "table_open":
            i = _table(tokens, i, out)
        elif kind == "paragraph_open":
            out.append(Paragraph(inline_text(tokens[i + 1]), line))
            i += 3
        elif kind in ("bullet_list_open", "ordered_list_open"):
            i = _list(tokens, i, out)
        elif kind == "html_block":
            text_ = inline_text(token)
            if text_:
                out.append(Paragraph(text_, line))
            i += 1
        else:
            i += 1
    return out


def _table(tokens: list[Token], i: int, out: list[Block]) -> int:
    line = _line(tokens[i], 0)
    header: list[str] = []
    rows: list[Row] = []
    cells: list[Cell] = []
    row_line = line
    in_head = False
    while tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            cells = []
            row_line = _line(token, row_line)
        elif token.type == "inline":
            if in_head:
                header.append(inline_text(token))
            else:
                cells.append(_cell(token))
        elif token.type == "tr_close" and not in_head:
            rows.append(Row(tuple(cells), row_line))
        i += 1
    out.append(Table(tuple(header), tuple(rows), line))
    return i + 1


def _cell(token: Token) -> Cell:
    return Cell(*inline_parts(token))


def _list(tokens: list[Token], i: int, out: list[Block]) -> int:
    line = _line(tokens[i], 0)
    depth = 0
    items: list[str] = []
    while True:
        token = tokens[i]
        if token.type.endswith("_list_open"):
            depth += 1
        elif token.type.endswith("_list_close"):
            depth -= 1
            if depth == 0:
                break
        elif token.type == "inline":
            items.append("- " + inline_text(token))
        i += 1
    out.append(Paragraph("\n".join(items), line))
    return i + 1


def _line(token: Token, default: int) -> int:
    """The 1-based line a token starts on; `default` when it has none."""
    lines = token.map
    return lines[0] + 1 if lines else default
