"""The generated package's `webhooks` module: SuperOffice's signature (base64 of HMAC-SHA256 of the
raw body, keyed with the webhook's secret) and the payload as a typed model."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

GENERATED = Path(__file__).resolve().parent.parent / "generated"
sys.path.insert(0, str(GENERATED))

from superoffice_client import (
    Model,
    webhooks,
)
from superoffice_client.webhooks import (
    WebhookEvent,
    parse_event,
    verify,
    verify_signature,
)

SECRET = "s3cr3t-from-the-webhook-definition"
PAYLOAD: dict[str, Any] = {
    "EventId": "5b6d4c1e-7a0f-4d3c-9a8e-2f1b0c9d8e7a",
    "Timestamp": "2024-03-14T09:26:53.5897932Z",
    "Changes": ["name", "department", "updated", "updated_associate_id"],
    "Event": "contact.changed",
    "PrimaryKey": 4711,
    "Entity": "contact",
    "ContextIdentifier": "Cust12345",
    "ChangedByAssociateId": 42,
    "WebhookName": "crm-sync",
}
BODY = json.dumps(PAYLOAD, separators=(",", ":")).encode()


def sign(body: bytes, secret: str) -> str:
    """The signature as SuperOffice computes it, independently of the module under test."""
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def test_a_signature_made_with_the_secret_verifies() -> None:
    signature = sign(BODY, SECRET)
    assert verify_signature(BODY, signature, SECRET) is True
    assert verify_signature(BODY, signature, SECRET.encode()) is True  # the secret as bytes
    assert verify_signature(BODY, f" {signature}\r\n", SECRET) is True  # as a header may carry it
    assert verify_signature(b"", sign(b"", SECRET), SECRET) is True


def flip(signature: str) -> str:
    """The signature with its first character changed: still base64, of other bytes."""
    return ("B" if signature[0] == "A" else "A") + signature[1:]


@pytest.mark.parametrize(
    "signature",
    [
        pytest.param(sign(BODY, "another secret"), id="wrong-secret"),
        pytest.param(sign(BODY + b" ", SECRET), id="other-body"),
        pytest.param(sign(BODY, SECRET)[:-4], id="truncated"),
        pytest.param(sign(BODY, SECRET)[:-1], id="padding-cut"),
        pytest.param(flip(sign(BODY, SECRET)), id="one-char-changed"),
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("not base64 at all!", id="garbage"),
        pytest.param("é" * 44, id="not-ascii"),
        pytest.param(base64.b64encode(b"x" * 32).decode(), id="right-length-wrong-bytes"),
        pytest.param(
            sign(BODY, SECRET).replace("+", "-").replace("/", "_") + "$", id="urlsafe-junk"
        ),
        pytest.param("sha256=" + sign(BODY, SECRET), id="prefixed"),
    ],
)
def test_anything_but_the_exact_signature_is_false_never_an_error(signature: str) -> None:
    assert verify_signature(BODY, signature, SECRET) is False


def test_a_tampered_body_does_not_verify() -> None:
    signature = sign(BODY, SECRET)
    tampered = BODY.replace(b'"PrimaryKey":4711', b'"PrimaryKey":4712')
    assert tampered != BODY
    assert verify_signature(tampered, signature, SECRET) is False
    # Parsed and serialised again, the same JSON is other bytes: the raw body is what is signed.
    again = json.dumps(json.loads(BODY)).encode()
    assert verify_signature(again, signature, SECRET) is False


def test_misuse_is_an_error_not_a_silent_pass() -> None:
    with pytest.raises(TypeError, match="bytes, not str"):
        verify_signature(BODY.decode(), sign(BODY, SECRET), SECRET)  # type: ignore[arg-type]
    for empty in ("", b""):
        with pytest.raises(ValueError, match="secret is empty"):
            verify_signature(BODY, sign(BODY, ""), empty)
        with pytest.raises(ValueError, match="secret is empty"):
            verify(BODY, {}, empty)  # also when the header is missing


def test_the_digests_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[object, object]] = []

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return hmac_compare(a, b)

    hmac_compare = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert verify_signature(BODY, sign(BODY, SECRET), SECRET) is True
    assert verify_signature(BODY, sign(BODY, "other"), SECRET) is False
    expected = hmac.new(SECRET.encode(), BODY, hashlib.sha256).digest()
    assert compared == [(expected, expected), (expected, base64.b64decode(sign(BODY, "other")))]
    # and the module has no other way to compare: no `==` on the digests
    source = Path(webhooks.__file__).read_text()
    assert (
        source.count("compare_digest") == 1
        and "== given" not in source
        and "given ==" not in source
    )


@pytest.mark.parametrize(
    "name", ["X-SuperOffice-Signature", "x-superoffice-signature", "X-SUPEROFFICE-SIGNATURE"]
)
def test_the_header_is_found_whatever_its_case(name: str) -> None:
    headers = {"Content-Type": "application/json", name: sign(BODY, SECRET)}
    assert verify(BODY, headers, SECRET) is True
    assert verify(BODY, {**headers, name: sign(BODY, "other")}, SECRET) is False


def test_verify_reads_framework_headers_and_fails_without_the_header() -> None:
    import httpx

    assert (
        verify(BODY, httpx.Headers({"x-superoffice-signature": sign(BODY, SECRET)}), SECRET) is True
    )
    assert verify(BODY, {}, SECRET) is False
    assert verify(BODY, {"X-SuperOffice-Signature-Old": sign(BODY, SECRET)}, SECRET) is False
    assert verify(BODY, {"X-SuperOffice-Signature": None}, SECRET) is False  # type: ignore[dict-item]
    assert webhooks.SIGNATURE_HEADER == "X-SuperOffice-Signature"


def test_the_payload_decodes_to_typed_fields_and_round_trips() -> None:
    event = parse_event(BODY)
    assert isinstance(event, WebhookEvent) and isinstance(event, Model)
    assert event.event_id == "5b6d4c1e-7a0f-4d3c-9a8e-2f1b0c9d8e7a"
    assert isinstance(event.timestamp, datetime)
    assert event.timestamp.utcoffset() == timedelta(0)
    assert (event.timestamp.year, event.timestamp.second, event.timestamp.microsecond) == (
        2024,
        53,
        589793,
    )
    assert event.changes == ["name", "department", "updated", "updated_associate_id"]
    assert event.event == "contact.changed" and event.entity == "contact"
    assert event.primary_key == 4711 and isinstance(event.primary_key, int)
    assert event.changed_by_associate_id == 42
    assert event.context_identifier == "Cust12345" and event.webhook_name == "crm-sync"
    assert event.to_dict() == PAYLOAD  # seven-digit fraction and all, after every field was read
    assert parse_event(BODY.decode()).to_dict() == PAYLOAD  # text works as well as bytes
    assert "primary_key=4711" in repr(event)


def test_the_payload_model_is_lazy_keeps_unknown_keys_and_can_be_built() -> None:
    event = parse_event(json.dumps({**PAYLOAD, "Timestamp": "not a date", "NewKey": [1]}))
    assert event.timestamp == "not a date"  # kept as it came, as every model does
    assert event.to_dict()["NewKey"] == [1]
    assert parse_event(b"{}").primary_key is None  # a field the payload lacks is None
    built = WebhookEvent(
        event="sale.created", primary_key=7, timestamp=datetime(2024, 1, 2, 3, 4, 5)
    )
    assert built.to_dict() == {
        "Event": "sale.created",
        "PrimaryKey": 7,
        "Timestamp": "2024-01-02T03:04:05",
    }
    with pytest.raises(TypeError, match="unexpected keyword argument 'primarykey'"):
        WebhookEvent(primarykey=7)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"[1, 2]", "not an array"),
        (b'"contact.created"', "not a string"),
        (b"4711", "not a number"),
        (b"null", "not null"),
        (b"true", "not true or false"),
        (b"", "not JSON"),
        (b"{broken", "not JSON"),
        (b"\xff\xfe{", "not JSON"),
        ("[" * 100_000, "not JSON"),
    ],
)
def test_a_body_that_is_not_a_json_object_is_a_value_error(body: bytes | str, message: str) -> None:
    with pytest.raises(ValueError, match=f"a webhook body must be a JSON object.*{message}"):
        parse_event(body)


def test_the_module_is_importable_and_importing_the_package_does_not_load_it() -> None:
    code = "import sys, superoffice_client; print('superoffice_client.webhooks' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=GENERATED, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
    code = "import superoffice_client.webhooks as w; print(w.__all__)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=GENERATED, capture_output=True, text=True, check=True
    )
    assert "verify_signature" in out.stdout and "WebhookEvent" in out.stdout
