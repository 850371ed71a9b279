"""Inline markdown and the reference's XML-doc leftovers turned into clean prose.

`<para>` becomes a paragraph break, `<see cref="T:A.B.C">text</see>` its text (or `C` when
empty), `{SuperOffice.A.B.C}` becomes `C`; entities are decoded by markdown-it.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

# Possessive quantifiers and attributes that stop at the next '<': each '<' is tried once, over
# the text up to the next '<' or '>', so cleaning is linear however many tags are left open.
_TAG = re.compile(r"<\s*+(/?)\s*+([A-Za-z][\w:-]*+)([^<>]*+)>")
_CREF = re.compile(r"""cref\s*=\s*["'](?:\w:)?([^"']*)["']""")
_SO_REF = re.compile(r"\{SuperOffice(?:\.[A-Za-z_]\w*)*\.([A-Za-z_]\w*)\}")
_BREAKS = {"para": "\n\n", "p": "\n\n", "br": "\n"}
_BLANKS = re.compile(r"\n{3,}")


def _tag(match: re.Match[str]) -> str:
    closing, name, attrs = match.groups()
    name = name.lower()
    self_closing = attrs.rstrip().endswith("/")
    if name in _BREAKS:
        return _BREAKS[name]
    if name == "see" and self_closing and not closing:
        cref = _CREF.search(attrs)
        return cref[1].rsplit(".", 1)[-1] if cref else ""
    return ""


def clean_html(text: str) -> str:
    return _TAG.sub(_tag, text)


def _text(text: str) -> str:
    return _SO_REF.sub(r"\1", text) if "{SuperOffice" in text else text


def normalize(text: str) -> str:
    """Runs of spaces folded, lines trimmed, at most one blank line in a row."""
    if "\n" not in text:
        return (
            " ".join(text.split())
            if ("  " in text or "\t" in text or "\u00a0" in text)
            else text.strip()
        )
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


def inline_text(token: Token) -> str:
    """Plain text of an inline token (or of an html block)."""
    if token.type == "html_block":
        return normalize(_text(clean_html(token.content)))
    return inline_parts(token)[0]


def inline_parts(token: Token) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Plain text of an inline token, and the texts it sets in **bold** and in `code`: one pass
    over its children."""
    parts: list[str] = []
    strong: list[str] = []
    code: list[str] = []
    bold = False
    for child in token.children or ():
        kind = child.type
        if kind == "text":
            parts.append(_text(child.content))
        elif kind == "code_inline":
            parts.append(_text(child.content))
            code.append(child.content.strip())
        elif kind == "softbreak" or kind == "hardbreak":
            parts.append("\n")
        elif kind == "html_inline":
            parts.append(clean_html(child.content))
        elif kind == "image":
            parts.append(child.content)
        if bold:
            strong.append(child.content.strip())
        bold = kind == "strong_open"
    return normalize("".join(parts)), tuple(strong), tuple(code)
