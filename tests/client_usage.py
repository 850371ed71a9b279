"""A user's script using every feature of the generated client; `test_typing` runs mypy --strict
on it (`assert_type` fails the check when a type is not what users are promised). Not run."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any, assert_type

import httpx
from superoffice_client import (
    NOT_GIVEN,
    ApiConnectionError,
    ApiError,
    ApiResponseError,
    ApiStatusError,
    ApiTimeoutError,
    AsyncCallableAuth,
    AsyncClient,
    AuthenticationError,
    AuthProvider,
    CallableAuth,
    Client,
    NotFoundError,
    PreconditionFailedError,
    RateLimitError,
    RawResponse,
    RequestOptions,
    StaticAuth,
    __version__,
)
from superoffice_client.models import ODataSlimResponse, TicketEntity
from superoffice_client.webhooks import (
    SIGNATURE_HEADER,
    WebhookEvent,
    parse_event,
    verify,
    verify_signature,
)


class RefreshingToken(AuthProvider):
    def __init__(self) -> None:
        self.value = "Bearer first"

    def authorization(self, *, refresh: bool = False) -> str:
        if refresh:
            self.value = "Bearer next"
        return self.value


def sync_usage() -> None:
    assert_type(__version__, str)
    with Client(
        "https://sod.superoffice.com/Cust1", auth=RefreshingToken(), app_token="a"
    ) as client:
        entity = client.ticket_entity.get_ticket_entity(id=1, timeout=5.0, max_retries=0)
        assert_type(entity, TicketEntity)
        client.ticket_entity.get_ticket_entity(
            id=1,
            timeout=httpx.Timeout(5.0, connect=2.0),
            extra_headers={"If-Modified-Since": "Wed, 21 Oct 2015 07:28:00 GMT"},
            extra_query={"$select": "Title"},
        )
        options: RequestOptions = {"timeout": None, "max_retries": 1}
        client.ticket_entity.put_ticket_entity(id=1, entity=entity, **options)
        raw = client.with_raw_response.ticket_entity.get_ticket_entity(id=1)
        assert_type(raw, RawResponse[TicketEntity])
        assert_type(raw.parse(), TicketEntity)
        assert_type(raw.status_code, int)
        assert_type(raw.headers, httpx.Headers)
        assert_type(raw.http_request, httpx.Request)
        count = client.with_raw_response.ticket_entity.get_ticket_count(status="Open").parse()
        assert_type(count, int)
        quick = client.with_options(
            timeout=2, headers={"X-Trace": "1"}, max_retries=0, max_response_bytes=1024
        )
        assert_type(quick, Client)
        assert_type(quick.ticket_agent.is_ticket_open(ticket_id=1), bool)
        assert_type(client.ticket_agent.add_message(ticket_id=1, body="x", cc=NOT_GIVEN), int)
        for row in client.ticket_entity.iter_all(select=["Title"], page_size=200, timeout=5.0):
            assert_type(row, dict[str, Any])
        for page in client.ticket_entity.iter_all_pages(mode="Slim", page_size=2):
            assert_type(page, ODataSlimResponse)
        try:
            client.ticket_entity.delete_ticket_entity(
                id=1, extra_headers={"If-Unmodified-Since": "Wed, 21 Oct 2015 07:28:00 GMT"}
            )
        except PreconditionFailedError as error:
            assert_type(error.status_code, int)
            assert_type(error.error_type, str | None)
            assert_type(error.error_message, str | None)
            assert_type(error.error_source, str | None)
            assert_type(error.response, httpx.Response)
        except (NotFoundError, AuthenticationError, RateLimitError) as error:
            assert_type(error.body, Any)
        except ApiStatusError as error:
            print(error.status_code)
        except ApiTimeoutError as error:
            assert_type(error.request, httpx.Request)
        except ApiConnectionError:
            pass
        except ApiResponseError as error:
            assert_type(error.body, str | None)
        except ApiError as error:
            assert_type(error.message, str)
    Client("https://x", auth=CallableAuth(lambda refresh: "Bearer x"))
    Client("https://x", auth=StaticAuth("SOTicket 7T:abc"), max_response_bytes=1 << 20, backoff=0.1)
    logging.getLogger("superoffice_client").setLevel(logging.DEBUG)


async def async_usage() -> None:
    async with AsyncClient("https://sod.superoffice.com/Cust1", token="t") as client:
        entity = await client.ticket_entity.get_ticket_entity(id=1, timeout=5.0)
        assert_type(entity, TicketEntity)
        raw = await client.with_raw_response.ticket_entity.get_ticket_entity(id=1)
        assert_type(raw, RawResponse[TicketEntity])
        assert_type(raw.parse(), TicketEntity)
        quick = client.with_options(timeout=1)
        assert_type(quick, AsyncClient)
        assert_type(await quick.ticket_agent.is_ticket_open(ticket_id=1), bool)
        async for row in client.ticket_entity.iter_all(
            select=["Title"], page_size=200, timeout=5.0
        ):
            assert_type(row, dict[str, Any])
        async for page in client.ticket_entity.iter_all_pages(page_size=2):
            assert_type(page, ODataSlimResponse)

    async def fetch(refresh: bool) -> str:
        return "Bearer fresh" if refresh else "Bearer cached"

    async with AsyncClient("https://x", auth=AsyncCallableAuth(fetch)) as client:
        assert_type(await client.ticket_agent.is_ticket_open(ticket_id=1), bool)
    AsyncClient("https://x", auth=CallableAuth(lambda refresh: "Bearer x"))  # a sync one too


def webhook_usage(body: bytes, headers: httpx.Headers, plain: dict[str, str], secret: str) -> int:
    """A webhook receiver: 401 unless signed, then the typed payload."""
    if not verify(body, headers, secret) and not verify(body, plain, secret.encode()):
        return 401
    assert_type(verify_signature(body, headers[SIGNATURE_HEADER], secret), bool)
    event = parse_event(body)
    assert_type(event, WebhookEvent)
    assert_type(parse_event(body.decode()), WebhookEvent)
    assert_type(event.event_id, str | None)
    assert_type(event.timestamp, datetime | None)
    assert_type(event.changes, list[str] | None)
    assert_type(event.primary_key, int | None)
    assert_type(event.changed_by_associate_id, int | None)
    assert_type(event.to_dict(), dict[str, Any])
    if event.event == "ticket.changed" and event.primary_key is not None:
        with Client(
            "https://sod.superoffice.com/" + (event.context_identifier or ""), token="t"
        ) as client:
            assert_type(client.ticket_entity.get_ticket_entity(id=event.primary_key), TicketEntity)
    WebhookEvent(event="contact.created", primary_key=1, changes=["name"], timestamp=datetime.now())
    return 200


if __name__ == "__main__":
    sync_usage()
    asyncio.run(async_usage())
