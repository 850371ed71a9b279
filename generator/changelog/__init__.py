"""What changed in the API between two versions of the pages, as the generated client's users
feel it: each change is breaking (code that worked stops working) or compatible, and calls for a
semver bump.

Both sides are reduced to a signature first (`api_signature`): a small, JSON-able description of
what the client exposes, each element with the `file:line` it was read from. `generate` keeps the
signature in the output's manifest, so a later run can compare without the old pages. Comparing
two signatures (`classify`, `endpoint_changes`) gives a list of `Change`s (`change`), which
`formats` writes as a line, text, markdown or JSON.
"""

from __future__ import annotations

from ..model import Api
from .api_signature import at_path, signature
from .change import Change, bump
from .classify import compare
from .formats import FORMATS, one_line

__all__ = ["FORMATS", "Change", "bump", "compare", "diff", "one_line", "signature"]


def diff(old: Api, new: Api) -> list[Change]:
    """The changes from the `old` pages' API to the `new` one, located with the pages' paths."""
    return compare(signature(old, at_path), signature(new, at_path))
