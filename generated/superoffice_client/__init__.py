"""superoffice_client: a typed client for the SuperOffice WebAPI, generated from its reference pages.

    from superoffice_client import Client

    with Client("https://sod.superoffice.com/Cust12345", token="...") as client:
        ...

Parts of the API are attributes of the client (loaded on first use); models live in
``superoffice_client.models``; every non-2xx answer raises ``ApiError``. Optional arguments
default to ``NOT_GIVEN`` and are then not sent; ``None`` is sent as JSON null.
"""

from ._client import Client
from ._model import NOT_GIVEN, Model, NotGiven
from ._runtime import DEFAULT_TIMEOUT, ApiError

__all__ = ["DEFAULT_TIMEOUT", "NOT_GIVEN", "ApiError", "Client", "Model", "NotGiven"]
