"""Doc pages → intermediate model. Knows markdown; knows nothing of any output."""

from .page import ParsedPage, parse_page, read_page

__all__ = ["ParsedPage", "parse_page", "read_page"]
