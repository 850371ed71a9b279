"""The package's logger, and the headers' repr that keeps credentials out of every log line.

The logger is named after the package; ``<PACKAGE>_LOG=debug`` (or ``info``), the package's name
in capitals, prints it to standard error.
"""

from __future__ import annotations

import logging
import os

import httpx

SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "so-apptoken", "x-xsrf-token", "cookie", "set-cookie"}
)

_PACKAGE = __name__.rpartition(".")[0]
log = logging.getLogger(_PACKAGE)


def _setup_logging() -> None:
    variable = f"{_PACKAGE.rpartition('.')[2].upper()}_LOG"
    level = os.environ.get(variable, "").strip().upper()
    if level in ("DEBUG", "INFO"):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(level)


_setup_logging()


class MaskedHeaders(httpx.Headers):
    """Headers whose repr hides every credential, as httpx hides ``Authorization``."""

    def __repr__(self) -> str:
        items = [
            (k, "[secure]" if k.lower() in SECRET_HEADERS else v) for k, v in self.multi_items()
        ]
        shown = dict(items)
        return f"Headers({shown if len(shown) == len(items) else items!r})"


def mask(headers: httpx.Headers) -> None:
    """Make the repr of `headers` hide every credential: in place, since a copy would cost the
    work httpx has cached in it. Called where headers reach the caller (an error, a raw
    response), not on every call: httpx's own code runs slower when it meets two header classes."""
    headers.__class__ = MaskedHeaders
