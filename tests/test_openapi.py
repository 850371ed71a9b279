"""The OpenAPI 3.1 export: valid, deterministic, and faithful to every page."""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator.emit.openapi import openapi_document
from generator.load import load

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "restful"
BIN = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"  # the environment's tools


def export(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", "openapi", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )


def test_the_export_of_docs_input_validates_and_is_deterministic(tmp_path: Path) -> None:
    first = export().stdout
    assert export().stdout == first
    document = json.loads(first)
    validate(document)
    export("-o", str(tmp_path / "api.yaml"))
    assert yaml.safe_load((tmp_path / "api.yaml").read_text()) == document


def test_operations_parameters_bodies_and_responses() -> None:
    document = json.loads(export().stdout)
    get = document["paths"]["/api/v1/Ticket/{id}"]["get"]
    assert (get["operationId"], get["tags"], get["summary"]) == (
        "v1TicketEntity_GetTicketEntity",
        ["TicketEntity"],
        "Gets a TicketEntity object.",
    )
    assert [(p["name"], p["in"], p["required"]) for p in get["parameters"]] == [
        ("id", "path", True),
        ("$select", "query", False),
        ("SO-Language", "header", False),
    ]
    assert get["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/TicketEntity"
    }
    assert get["responses"]["200"]["content"]["application/json"]["example"]["TicketId"] == 4711
    assert get["responses"]["404"] == {"description": "Not Found."}
    assert get["x-source"] == {"file": "rest/Ticket/v1TicketEntity_GetTicketEntity.md", "line": 9}
    count = document["paths"]["/api/v1/Ticket/Count"]["get"]
    assert [(p["name"], p["required"]) for p in count["parameters"]] == [
        ("status", True),
        ("from", False),
        ("class", False),
    ]
    assert count["responses"]["200"]["content"]["application/json"]["schema"] == {
        "type": "integer",
        "format": "int32",
    }
    delete = document["paths"]["/api/v1/Ticket/{id}"]["delete"]
    assert delete["responses"] == {"204": {"description": "TicketEntity deleted."}}
    attachment = document["paths"]["/api/v1/Ticket/{ticketId}/Attachment/{name}"]["get"]
    assert attachment["responses"]["200"]["content"] == {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
    }
    upload = document["paths"]["/api/v1/Ticket/{ticketId}/Attachment"]["put"]
    assert upload["requestBody"]["content"] == {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
    }
    owner = document["paths"]["/api/v1/Agents/Ticket/GetOwner"]["post"]["requestBody"]["content"][
        "application/json"
    ]
    assert owner == {
        "schema": {"$ref": "#/components/schemas/TicketAgentGetOwnerRequest"},
        "example": {"TicketId": 4711},
    }
    put = document["paths"]["/api/v1/Ticket/{id}"]["put"]["requestBody"]["content"][
        "application/json"
    ]["schema"]
    assert list(put["properties"]) == [
        "TicketId",
        "Title",
    ]  # the page's Request Body table, not the whole TicketEntity


def test_components_map_superoffice_types() -> None:
    document = json.loads(export().stdout)
    schemas = document["components"]["schemas"]
    ticket = schemas["TicketEntity"]["properties"]
    assert ticket["TicketId"] == {
        "type": "integer",
        "format": "int32",
        "description": "Primary key",
    }
    assert ticket["CreatedAt"]["format"] == "date-time"
    assert ticket["Owner"]["$ref"] == "#/components/schemas/Associate"
    assert (
        ticket["Tags"]["type"] == "array" and ticket["CustomFields"]["additionalProperties"] is True
    )
    assert schemas["TableRight"]["additionalProperties"] is True
    assert "known only by name" in schemas["TableRight"]["description"]
    assert (
        schemas["TicketEntity"]["x-source"]["file"]
        == "rest/Ticket/v1TicketEntity_GetTicketEntity.md"
    )
    assert set(document["components"]["securitySchemes"]) == {
        "basic",
        "bearer",
        "soticket",
        "appToken",
    }
    assert {"basic": [], "appToken": []} in document["security"] and {"bearer": []} in document[
        "security"
    ]


def _states_a_method(path: Path) -> bool:
    return re.search(r"^```http\s*\n\w+ /", path.read_text("utf-8"), re.M) is not None


def _page_facts(path: Path) -> dict[str, Any]:
    """What a page says, read line by line: independent of the generator's parser."""
    text = path.read_text("utf-8")
    uid = re.search(r"^(?:uid|id):\s*(\S+)", text, re.M)
    method, target = re.search(r"^```http\s*\n(\w+) (\S+)", text, re.M).groups()  # type: ignore[union-attr]
    sections: dict[str, list[str]] = {}
    current = ""
    for line in text.split("\n"):
        heading = re.match(r"^#+\s*(.*?)\s*#*\s*$", line)
        if heading:
            current = heading[1].lower()
        elif line.startswith("|") and not re.match(r"^\|\s*-", line):
            sections.setdefault(current, []).append(line)

    def rows(prefix: str) -> list[list[str]]:
        found = [r for name, lines in sections.items() if name.startswith(prefix) for r in lines]
        return (
            [[cell.strip() for cell in r.strip().strip("|").split("|")] for r in found[1:]]
            if found
            else []
        )

    query = {
        r[0]: "**Required**" in r[-1]
        for r in rows("query string")
        if r[0] and r[0] != "Parameter Name"
    }
    body = [r[0] for r in rows("request body") if r[0] and r[0] != "Property Name"]
    codes = sorted(
        {
            r[0]
            for name, lines in sections.items()
            for line in lines
            for r in [[c.strip() for c in line.strip().strip("|").split("|")]]
            if re.fullmatch(r"[1-5]\d\d", r[0])
        }
    )
    path = target.split("?")[0]
    return {
        "uid": uid[1] if uid else None,
        "method": method.lower(),
        "path": path,
        "parts": re.findall(r"\{(\w+)\}", path),
        "query": query,
        "body": body,
        "codes": codes,
    }


def _resolve(document: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    if schema.get("type") == "array":
        schema = schema["items"]
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_the_corpus_export_validates_and_says_what_every_page_says() -> None:
    api, summary = load([CORPUS])
    assert api is not None
    document = openapi_document(api)
    validate(document)
    operations = {
        op["operationId"]: (path, method, op)
        for path, item in document["paths"].items()
        for method, op in item.items()
    }
    # Index pages (an http block with only a path) are not endpoints, by the same line-based reading.
    pages = [
        p for p in sorted(CORPUS.rglob("*.md")) if "samples" not in p.parts and _states_a_method(p)
    ]
    assert len(pages) < len([p for p in CORPUS.rglob("*.md") if "samples" not in p.parts])
    assert len(operations) == len(pages) == summary.endpoints
    for page in pages:
        facts = _page_facts(page)
        path, method, op = operations[facts["uid"]]
        where = page.relative_to(CORPUS)
        assert (method, path) == (facts["method"], facts["path"]), where
        parameters = op.get("parameters", [])
        assert [p["name"] for p in parameters if p["in"] == "path"] == facts["parts"], where
        assert {p["name"]: p["required"] for p in parameters if p["in"] == "query"} == facts[
            "query"
        ], where
        if facts["body"]:
            schema = _resolve(document, op["requestBody"]["content"]["application/json"]["schema"])
            assert list(schema["properties"]) == facts["body"], where
        assert sorted(op["responses"]) == (facts["codes"] or ["default"]), where


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("openapi-python-client", path=BIN) is None,
    reason="openapi-python-client is not installed",
)
def test_openapi_python_client_generates_a_package_that_imports(tmp_path: Path) -> None:
    export("-o", str(tmp_path / "api.json"))
    env = dict(os.environ, PATH=BIN)
    subprocess.run(
        [
            "openapi-python-client",
            "generate",
            "--path",
            str(tmp_path / "api.json"),
            "--meta",
            "none",
            "--output-path",
            str(tmp_path / "client"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    sys.path.insert(0, str(tmp_path))
    try:
        package = importlib.import_module("client")
        names = [m.name for m in pkgutil.walk_packages(package.__path__, "client.")]
        for name in names:
            importlib.import_module(name)
        assert any(name.endswith("get_ticket_entity") for name in names)
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "client" or m.startswith("client.")]:
            del sys.modules[name]
