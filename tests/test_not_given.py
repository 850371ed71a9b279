"""Optional arguments left out are not sent, None is JSON null, Required rows are required, and
binary results sent as JSON are decoded: on the package generated from docs_input/."""

from __future__ import annotations

import base64
import copy
import inspect
import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

GENERATED = Path(__file__).resolve().parent.parent / "generated"
sys.path.insert(0, str(GENERATED))

from superoffice_client import NOT_GIVEN, ApiError, Client, NotGiven  # noqa: E402
from superoffice_client.models import TicketEntity  # noqa: E402

from tests.recording import Recorder  # noqa: E402
from tests.test_typing import mypy  # noqa: E402


def client(response: httpx.Response | None = None) -> tuple[Client, Recorder]:
    recorder = Recorder(response or httpx.Response(200, json=815))
    return (
        Client("https://crm.example.com/SuperOffice", transport=httpx.MockTransport(recorder)),
        recorder,
    )


def sent(recorder: Recorder) -> object:
    (request,) = recorder.requests
    assert request.headers["Content-Type"] == "application/json"
    return json.loads(request.content)


def test_not_given_is_one_falsy_value_exported_from_the_package() -> None:
    assert NotGiven() is NOT_GIVEN and copy.deepcopy(NOT_GIVEN) is NOT_GIVEN
    assert not NOT_GIVEN and repr(NOT_GIVEN) == "NOT_GIVEN"


def test_an_optional_body_argument_left_out_is_not_sent() -> None:
    api, recorder = client()
    assert api.ticket_agent.add_message(ticket_id=4711, body="Hi") == 815
    assert sent(recorder) == {"TicketId": 4711, "Body": "Hi"}


def test_none_in_a_body_argument_is_sent_as_null() -> None:
    api, recorder = client()
    api.ticket_agent.add_message(
        ticket_id=4711, body="Hi", connection_info=None, cc="a@b.c", important=NOT_GIVEN
    )
    assert sent(recorder) == {"TicketId": 4711, "Body": "Hi", "ConnectionInfo": None, "Cc": "a@b.c"}


def test_a_whole_body_of_none_is_sent_as_null() -> None:
    api, recorder = client(httpx.Response(200, json=[]))
    api.ticket_agent.get_ticket_list(ticket_ids=None)  # type: ignore[arg-type]
    assert recorder.requests[0].content == b"null"


def test_a_model_sends_null_for_a_field_set_to_none_and_nothing_for_a_field_never_set() -> None:
    ticket = TicketEntity(ticket_id=5, title=None)
    assert ticket.to_dict() == {"TicketId": 5, "Title": None}
    ticket.owner = None
    assert ticket.to_dict() == {"TicketId": 5, "Title": None, "Owner": None}
    api, recorder = client(httpx.Response(200, json={"TicketId": 5}))
    api.ticket_entity.put_ticket_entity(id=5, entity=ticket)
    assert sent(recorder) == {"TicketId": 5, "Title": None, "Owner": None}


def test_query_parameters_given_none_or_left_out_are_not_sent() -> None:
    api, recorder = client(httpx.Response(200, json={"value": []}))
    api.ticket_entity.get_all(select=None, filter="title eq 'x'", top=None, mode=NOT_GIVEN)
    assert recorder.requests[0].url.params == httpx.QueryParams({"$filter": "title eq 'x'"})


@pytest.mark.parametrize("value", [None, ""])
def test_a_path_part_that_is_none_or_empty_is_refused_before_any_request(value: str | None) -> None:
    api, recorder = client()
    with pytest.raises(
        ValueError,
        match=r"^name must not be .*: it is part of the path /api/v1/Ticket/\{ticket_id\}/Attachment/\{name\}$",
    ):
        api.ticket_entity.get_attachment(ticket_id=1, name=value)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^ticket_id must not be None"):
        api.ticket_entity.get_attachment(ticket_id=None, name="a.pdf")  # type: ignore[arg-type]
    assert recorder.requests == []


def test_a_path_part_of_zero_is_sent() -> None:
    api, recorder = client(
        httpx.Response(200, content=b"x", headers={"Content-Type": "application/octet-stream"})
    )
    api.ticket_entity.get_attachment(ticket_id=0, name="a")
    assert recorder.requests[0].url.path == "/SuperOffice/api/v1/Ticket/0/Attachment/a"


GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff"


@pytest.mark.parametrize(
    ("response", "expected"),
    [
        (httpx.Response(200, json=base64.b64encode(GIF).decode()), GIF),
        (
            httpx.Response(200, json="GIF89....File contents as raw bytes..."),
            b"GIF89....File contents as raw bytes...",
        ),
        (httpx.Response(200, json="Blåbær"), "Blåbær".encode()),
        (httpx.Response(200, json=""), b""),
        (httpx.Response(200, json=None), b""),
        (
            httpx.Response(
                200, content=b'"quoted"', headers={"Content-Type": "application/octet-stream"}
            ),
            b'"quoted"',
        ),
        (httpx.Response(200, content=GIF, headers={"Content-Type": "image/gif"}), GIF),
        (httpx.Response(200, content=b'"x"'), b'"x"'),  # no Content-Type: as it came
        (httpx.Response(204), b""),
    ],
    ids=[
        "base64",
        "placeholder",
        "utf-8",
        "empty-string",
        "null",
        "octet-stream",
        "image",
        "no-content-type",
        "204",
    ],
)
def test_binary_results_are_decoded_by_the_response_content_type(
    response: httpx.Response, expected: bytes
) -> None:
    api, _ = client(response)
    assert api.ticket_agent.get_attachment_stream(attachment_id=12) == expected


def test_a_binary_result_sent_as_json_but_not_a_string_is_an_api_error() -> None:
    api, _ = client(httpx.Response(200, json={"Stream": "R0lG"}))
    with pytest.raises(ApiError, match="expected binary content as a JSON string"):
        api.ticket_agent.get_attachment_stream(attachment_id=12)


def test_required_body_rows_are_arguments_without_default() -> None:
    parameters = inspect.signature(Client("https://x").ticket_agent.add_message).parameters
    required = [
        name for name, p in parameters.items() if p.default is p.empty and p.kind is p.KEYWORD_ONLY
    ]
    assert required == ["ticket_id", "body"]
    assert parameters["connection_info"].default is NOT_GIVEN
    assert parameters["ticket_id"].kind is inspect.Parameter.KEYWORD_ONLY
    api, recorder = client()
    with pytest.raises(TypeError, match="missing 1 required keyword-only argument: 'ticket_id'"):
        api.ticket_agent.add_message(body="Hi")  # type: ignore[call-arg]
    assert recorder.requests == []


def test_mypy_refuses_a_missing_required_argument_and_accepts_none_for_an_optional_one(
    tmp_path: Path,
) -> None:
    code = (
        "from superoffice_client import NOT_GIVEN, Client\n"
        "api = Client('https://x')\n"
        "api.ticket_agent.add_message(ticket_id=1, body='Hi', connection_info=None, cc=NOT_GIVEN)\n"
        "api.ticket_agent.add_message(body='Hi')\n"
        "api.ticket_agent.add_message(ticket_id=None, body='Hi')\n"
    )
    (tmp_path / "use.py").write_text(code)
    result = mypy(GENERATED, str(tmp_path / "use.py"))
    errors = [
        line.split(": error: ")[1] for line in result.stdout.splitlines() if ": error: " in line
    ]
    assert [line.split(":")[1] for line in result.stdout.splitlines() if ": error: " in line] == [
        "4",
        "5",
    ], result.stdout
    assert errors[0].startswith('Missing named argument "ticket_id"')
    assert errors[1].startswith(
        'Argument "ticket_id" to "add_message" of "TicketAgentApi" has incompatible type "None"'
    )


def test_the_emitted_tests_catch_a_client_that_drops_nulls_or_returns_json_text_for_bytes(
    tmp_path: Path, docs: Path
) -> None:
    from generator.pipeline import generate

    generate([docs], tmp_path / "out", "demo_client", cache_root=None, jobs=1)
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        str(tmp_path / "out"),
    ]
    assert subprocess.run(command, capture_output=True, cwd=tmp_path).returncode == 0
    package = tmp_path / "out" / "demo_client"
    call, response = package / "_call.py", package / "_response.py"
    dropping = call.read_text().replace(
        "body = given(fields)", "body = {k: v for k, v in given(fields).items() if v is not None}"
    )
    as_text = response.read_text().replace(
        "if result is BYTES and not _is_json(response):", "if result is BYTES:"
    )
    assert as_text.count("if result is BYTES:") == 2 and "if v is not None}" in dropping
    call.write_text(dropping)
    response.write_text(as_text)
    broken = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    failed = sorted(
        line.split(" ")[1] for line in broken.stdout.splitlines() if line.startswith("FAILED")
    )
    assert failed == [
        f"out/tests/test_ticket_agent.py::test_endpoint[{surface}-{endpoint}]"
        for surface in ("async", "sync")
        for endpoint in ("add_message", "get_attachment_stream")
    ] + [  # add_message is also the group's call through with_raw_response
        f"out/tests/test_ticket_agent.py::test_raw_response[{surface}]"
        for surface in ("async", "sync")
    ], broken.stdout
