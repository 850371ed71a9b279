"""SuperOffice webhooks: checking that a request came from SuperOffice, and reading what it says.

SuperOffice signs each webhook request: its ``X-SuperOffice-Signature`` header is the base64 of
the HMAC-SHA256 of the raw request body, keyed with the secret given when the webhook was
created. Check the signature on the body's bytes as they arrived, before parsing them; then
`parse_event` gives a `WebhookEvent`.

    from <package>.webhooks import parse_event, verify

    if not verify(body, headers, secret):
        ...  # answer 401 and stop
    event = parse_event(body)
    print(event.event, event.primary_key)  # contact.created 4711

Only the standard library is used here, with the package's `Model`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from ._model import Model

__all__ = ["SIGNATURE_HEADER", "WebhookEvent", "parse_event", "verify", "verify_signature"]

SIGNATURE_HEADER = "X-SuperOffice-Signature"
"""The header holding a webhook request's signature (header names are case-insensitive)."""


def verify_signature(body: bytes, signature: str, secret: str | bytes) -> bool:
    """Whether `signature` is the base64 of the HMAC-SHA256 of `body` keyed with `secret`.

    `body` is the raw request body, as received: a body decoded and encoded again, or parsed and
    serialised again, may differ by a byte and fail. A text secret is taken as UTF-8. The digests
    are compared in constant time; a signature that is empty or not base64 is False, never an
    error.

    Raises:
        TypeError: `body` is text, not the bytes received.
        ValueError: `secret` is empty (anyone could sign with it: a setting was not read).
    """
    if isinstance(body, str):
        raise TypeError("verify_signature() needs the raw request body as bytes, not str")
    key = secret.encode("utf-8") if isinstance(secret, str) else secret
    if not key:
        raise ValueError("the webhook secret is empty: anyone could sign with it")
    expected = hmac.new(key, body, hashlib.sha256).digest()
    try:
        given = base64.b64decode(signature.strip(), validate=True)
    except (binascii.Error, ValueError, AttributeError):
        return False
    return hmac.compare_digest(expected, given)


def verify(body: bytes, headers: Mapping[str, str], secret: str | bytes) -> bool:
    """Whether the request's ``X-SuperOffice-Signature`` header signs `body` with `secret`.

    `headers` is any mapping of the request's headers (a dict, or a framework's headers); the
    name is found whatever its case. No such header is False; a text body or an empty secret
    raises as in `verify_signature`.
    """
    wanted = SIGNATURE_HEADER.lower()
    signature = ""
    for name, value in headers.items():
        if isinstance(name, str) and name.lower() == wanted:
            signature = value if isinstance(value, str) else ""
            break
    return verify_signature(body, signature, secret)


class WebhookEvent(Model):
    """What a SuperOffice webhook request says happened.

    Like the other models it reads its fields when first used, and `to_dict()` gives back the
    JSON received. A field the payload lacks is None.

    Attributes:
        event_id: The event's unique id (``EventId``); a retried delivery repeats it.
        timestamp: When the event happened (``Timestamp``).
        changes: The names of the fields that changed (``Changes``).
        event: What happened, as ``entity.action``: ``contact.created``, ``sale.changed``.
        primary_key: The primary key of the record concerned (``PrimaryKey``).
        entity: The kind of record: ``contact``, ``person``, ``sale`` (``Entity``).
        context_identifier: The tenant the event comes from, as ``Cust12345``.
        changed_by_associate_id: The associate who made the change.
        webhook_name: The name the webhook was given when created (``WebhookName``).
    """

    if not TYPE_CHECKING:  # mypy would refuse setting a field of a class with empty slots
        __slots__ = ()

    event_id: str | None = None
    timestamp: datetime | None = None
    changes: list[str] | None = None
    event: str | None = None
    primary_key: int | None = None
    entity: str | None = None
    context_identifier: str | None = None
    changed_by_associate_id: int | None = None
    webhook_name: str | None = None


_JSON_KINDS: dict[type, str] = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


def parse_event(body: bytes | str) -> WebhookEvent:
    """The `WebhookEvent` a webhook request's body holds.

    Raises:
        ValueError: The body is not JSON, or its JSON is not an object.
    """
    try:
        data = json.loads(body)
    except (ValueError, RecursionError) as error:
        raise ValueError(f"a webhook body must be a JSON object; not JSON: {error}") from error
    if not isinstance(data, dict):
        kind = _JSON_KINDS.get(type(data), type(data).__name__)
        raise ValueError(f"a webhook body must be a JSON object, not {kind}")
    return WebhookEvent.from_dict(data)
