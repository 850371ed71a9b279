"""superoffice_client: a typed client for the SuperOffice WebAPI, generated from its reference pages.

    from superoffice_client import Client

    with Client("https://sod.superoffice.com/Cust12345", token="...") as client:
        ...

Parts of the API are attributes of the client (loaded on first use); models live in
``superoffice_client.models``; every non-2xx answer raises ``ApiError``.
"""

from ._client import Client
from ._model import Model
from ._runtime import DEFAULT_TIMEOUT, ApiError

__all__ = ["DEFAULT_TIMEOUT", "ApiError", "Client", "Model"]
