"""Every model of the API, each imported on first use: ``from superoffice_client.models import X``."""

from __future__ import annotations

from importlib import import_module as _import_module
from typing import TYPE_CHECKING as _TYPE_CHECKING
from typing import Any as _Any

if _TYPE_CHECKING:
    from .associate import Associate
    from .check_result import CheckResult
    from .group_2 import Group_2
    from .import_module import ImportModule
    from .o_data_slim_response import ODataSlimResponse
    from .ticket_agent_get_ticket_list_item import TicketAgentGetTicketListItem
    from .ticket_entity import TicketEntity
    from .ticket_entity_patch_ticket_entity_changes import TicketEntityPatchTicketEntityChanges

_MODULES: dict[str, str] = {
    "Associate": "associate",
    "CheckResult": "check_result",
    "Group_2": "group_2",
    "ImportModule": "import_module",
    "ODataSlimResponse": "o_data_slim_response",
    "TicketAgentGetTicketListItem": "ticket_agent_get_ticket_list_item",
    "TicketEntity": "ticket_entity",
    "TicketEntityPatchTicketEntityChanges": "ticket_entity_patch_ticket_entity_changes",
}

__all__: list[str] = [
    "Associate",
    "CheckResult",
    "Group_2",
    "ImportModule",
    "ODataSlimResponse",
    "TicketAgentGetTicketListItem",
    "TicketEntity",
    "TicketEntityPatchTicketEntityChanges",
]


def __getattr__(name: str) -> _Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(_import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
