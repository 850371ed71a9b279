"""The generated client's runtime, exercised on the package generated from docs_input/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

GENERATED = Path(__file__).resolve().parent.parent / "generated"
sys.path.insert(0, str(GENERATED))

from datetime import UTC

from superoffice_client import DEFAULT_TIMEOUT, ApiConnectionError, ApiError, Client
from superoffice_client.models import TicketEntity

from tests.recording import Recorder


def client(response: httpx.Response, **settings: object) -> tuple[Client, Recorder]:
    recorder = Recorder(response)
    return Client("https://crm.example.com/SuperOffice", transport=httpx.MockTransport(recorder), **settings), recorder  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("settings", "authorization"),
    [
        ({"username": "tje0", "password": "Tje0"}, "Basic dGplMDpUamUw"),
        ({"ticket": "7T:abc"}, "SOTicket 7T:abc"),
        ({"token": "ey.jwt"}, "Bearer ey.jwt"),
        ({}, None),
    ],
)
def test_authorization_schemes(settings: dict[str, str], authorization: str | None) -> None:
    api, recorder = client(httpx.Response(200, json=1), **settings)
    api.ticket_entity.get_ticket_count(status="Open")
    assert recorder.requests[0].headers.get("Authorization") == authorization
    assert (
        str(recorder.requests[0].url)
        == "https://crm.example.com/SuperOffice/api/v1/Ticket/Count?status=Open"
    )


def test_two_ways_to_sign_in_are_refused() -> None:
    with pytest.raises(ValueError, match="one way to sign in"):
        Client("https://x", ticket="a", token="b")


def test_default_timeout_is_not_none() -> None:
    api, recorder = client(httpx.Response(204))
    api.ticket_entity.delete_ticket_entity(id=1)
    assert (
        DEFAULT_TIMEOUT == 30.0
        and recorder.requests[0].extensions["timeout"] == httpx.Timeout(30.0).as_dict()
    )


def test_optional_arguments_not_given_are_not_sent_and_select_takes_both_forms() -> None:
    api, recorder = client(httpx.Response(200, json={"value": []}))
    api.ticket_entity.get_all(select="Title,Owner")
    api.ticket_entity.get_all(select=["Title", "Owner"], top=5, json_safe=True)
    assert recorder.requests[0].url.params == httpx.QueryParams({"$select": "Title,Owner"})
    assert recorder.requests[1].url.params == httpx.QueryParams(
        {"$select": "Title,Owner", "$top": "5", "$jsonSafe": "true"}
    )


def test_path_parts_are_percent_encoded() -> None:
    api, recorder = client(httpx.Response(200, content=b"%PDF"))
    assert api.ticket_entity.get_attachment(ticket_id=1, name="a b/c?.pdf") == b"%PDF"
    assert (
        recorder.requests[0].url.raw_path
        == b"/SuperOffice/api/v1/Ticket/1/Attachment/a%20b%2Fc%3F.pdf"
    )


def test_models_round_trip_exactly_what_was_received() -> None:
    wire = {
        "TicketId": 1,
        "CreatedAt": "2024-03-01T09:15:00.1234567+01:00",
        "UpdatedAt": "2024-03-02T10:00:00+0100",
        "Owner": {"AssociateId": 12, "LastLogin": "2024-02-28T08:00:00", "Extra": True},
        "Unknown": [1, 2],
    }
    ticket = TicketEntity.from_dict(json.loads(json.dumps(wire)))
    assert ticket.created_at is not None and ticket.created_at.microsecond == 123456
    assert ticket.updated_at is not None and ticket.updated_at.utcoffset() is not None
    assert (
        ticket.owner is not None
        and ticket.owner.last_login is not None
        and ticket.owner.associate_id == 12
    )
    assert ticket.to_dict() == wire
    ticket.owner.full_name = "Robin"
    ticket.title = 'Quote " and \\'
    expected = dict(wire, Title='Quote " and \\', Owner=dict(wire["Owner"], FullName="Robin"))
    assert ticket.to_dict() == expected


def test_models_are_built_from_python_values() -> None:
    from datetime import datetime

    ticket = TicketEntity(ticket_id=5, created_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert ticket.to_dict() == {"TicketId": 5, "CreatedAt": "2024-01-02T03:04:05+00:00"}
    assert ticket == TicketEntity.from_dict(ticket.to_dict())
    assert repr(ticket).startswith("TicketEntity(ticket_id=5, created_at=datetime.datetime(2024")
    with pytest.raises(TypeError, match="unexpected keyword argument 'nope'"):
        TicketEntity(nope=1)  # type: ignore[call-arg]


def test_a_model_instance_is_sent_as_its_wire_form() -> None:
    api, recorder = client(httpx.Response(200, json={"TicketId": 5}))
    result = api.ticket_entity.put_ticket_entity(id=5, entity=TicketEntity(ticket_id=5, title="x"))
    assert json.loads(recorder.requests[0].content) == {"TicketId": 5, "Title": "x"}
    assert isinstance(result, TicketEntity) and result.ticket_id == 5


def test_binary_bodies_are_sent_as_octet_stream() -> None:
    api, recorder = client(httpx.Response(200, json=99))
    assert api.ticket_entity.set_attachment(ticket_id=1, stream=b"\x00\x01") == 99
    assert recorder.requests[0].content == b"\x00\x01"
    assert recorder.requests[0].headers["Content-Type"] == "application/octet-stream"


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (
            httpx.Response(400, json={"ErrorType": "ArgumentException", "ErrorMessage": "Bad id"}),
            "HTTP 400 Bad Request from GET /SuperOffice/api/v1/Ticket/Count [ArgumentException]: Bad id",
        ),
        (
            httpx.Response(401, json={"Message": "Authorization has been denied"}),
            "HTTP 401 Unauthorized from GET /SuperOffice/api/v1/Ticket/Count: Authorization has been denied",
        ),
        (
            httpx.Response(502, text="upstream down"),
            "HTTP 502 Bad Gateway from GET /SuperOffice/api/v1/Ticket/Count: upstream down",
        ),
        (
            httpx.Response(200, text="{not json"),
            "HTTP 200 OK from GET /SuperOffice/api/v1/Ticket/Count: the answer is not valid JSON: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)",
        ),
    ],
)
def test_errors_carry_status_body_and_superoffice_message(
    response: httpx.Response, message: str
) -> None:
    api, _ = client(response)
    with pytest.raises(ApiError) as raised:
        api.ticket_entity.get_ticket_count(status="Open")
    assert str(raised.value) == message
    assert raised.value.status_code == response.status_code


def test_importing_the_package_loads_no_group_and_no_model() -> None:
    code = (
        "import sys, superoffice_client as p\n"
        "loaded = lambda: sorted(m for m in sys.modules if m.startswith('superoffice_client.'))\n"
        "print(loaded())\n"
        "c = p.Client('https://x')\n"
        "c.ticket_agent\n"
        "print(loaded())\n"
        "import superoffice_client.models as models\n"
        "print('TicketEntity' in dir(models), len(dir(models)))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=GENERATED, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert (
        out[0]
        == "['superoffice_client._auth', 'superoffice_client._base', 'superoffice_client._call', 'superoffice_client._client', 'superoffice_client._errors', 'superoffice_client._io', 'superoffice_client._log', 'superoffice_client._model', 'superoffice_client._options', 'superoffice_client._response', 'superoffice_client._values', 'superoffice_client._version']"
    )
    assert "superoffice_client.groups.ticket_agent" in out[1]
    assert "superoffice_client.groups.ticket_entity" not in out[1]
    assert not any(".models." in name for name in out[1].split(","))
    assert out[2] == "True 8"


class Script:
    """Answers requests in turn from a list of responses (or exceptions)."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def scripted(*answers: httpx.Response | Exception, **settings: object) -> tuple[Client, Script]:
    script = Script(*answers)
    settings = {"backoff": 0, **settings}
    return Client("https://x/Cust1", transport=httpx.MockTransport(script), **settings), script  # type: ignore[arg-type]


def test_idempotent_requests_are_repeated_after_a_busy_answer_or_a_broken_connection() -> None:
    api, script = scripted(
        httpx.Response(503), httpx.ConnectError("reset"), httpx.Response(200, json=7)
    )
    assert api.ticket_entity.get_ticket_count(status="Open") == 7
    assert len(script.requests) == 3


def test_requests_are_repeated_at_most_max_retries_times() -> None:
    api, script = scripted(
        httpx.Response(503), httpx.Response(503), httpx.Response(503), max_retries=2
    )
    with pytest.raises(ApiError) as raised:
        api.ticket_entity.get_ticket_count(status="Open")
    assert raised.value.status_code == 503 and len(script.requests) == 3
    api, script = scripted(httpx.ConnectError("down"), max_retries=0)
    with pytest.raises(ApiConnectionError, match="GET /Cust1/api/v1/Ticket/Count: down"):
        api.ticket_entity.get_ticket_count(status="Open")


def test_a_hostile_retry_after_is_the_backoff_or_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """`Retry-After: \\xb2` ("²", a digit to str.isdigit, not to float) and an HTTP date in
    "-0000" (a naive datetime) raised ValueError and TypeError out of the client."""
    import superoffice_client._io as runtime

    waits: list[float] = []
    monkeypatch.setattr(runtime.time, "sleep", waits.append)
    api, _ = scripted(
        httpx.Response(503, headers=[(b"Retry-After", b"\xb2")]),
        httpx.Response(503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 -0000"}),
        httpx.Response(200, json=1),
        backoff=0.5,
        max_retries=3,
    )
    assert api.ticket_entity.get_ticket_count(status="Open") == 1
    assert len(waits) == 2 and 0.375 <= waits[0] <= 0.5 and waits[1] == 0.0


def test_post_is_never_repeated() -> None:
    api, script = scripted(httpx.Response(503), httpx.Response(200, json=True))
    with pytest.raises(ApiError):
        api.ticket_agent.is_ticket_open(ticket_id=1)
    assert len(script.requests) == 1


def test_retry_after_is_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    import superoffice_client._io as runtime

    waits: list[float] = []
    monkeypatch.setattr(runtime.time, "sleep", waits.append)
    api, _ = scripted(
        httpx.Response(429, headers={"Retry-After": "3"}),
        httpx.Response(503, headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
        httpx.Response(200, json=1),
        backoff=0.5,
        max_retries=3,
    )
    assert api.ticket_entity.get_ticket_count(status="Open") == 1
    assert waits == [3.0, 0.0]  # a date in the past means now
