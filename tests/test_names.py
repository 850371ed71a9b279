"""Names a page can produce never break the generated client: not the runtime's own helpers, not
builtins or typing names in annotations, not the client's members, not the models package's."""

from __future__ import annotations

import ast
import inspect
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.naming import (
    ARGUMENT_RESERVED,
    CALL_OPTIONS,
    CLASS_RESERVED,
    CLIENT_MEMBERS,
    MODEL_MEMBERS,
    accessors,
    arguments,
    model_fields,
    package_problem,
)
from generator.pipeline import generate
from tests.pages import sample_response, table
from tests.test_typing import mypy

ROOT = Path(__file__).resolve().parent.parent


def endpoint_page(uid: str, method: str, path: str, *sections: str) -> str:
    front = f"---\ntitle: {method} {path}\nuid: {uid}\n---\n\n# {method} {path}\n\n"
    return front + f"```http\n{method} /api/v1/{path}\n```\n\nDoes it.\n\n" + "\n\n".join(sections)


def response(type_name: str, *rows: str, body: str = "") -> str:
    status = "| Response | Description |\n|---|---|\n| 200 | OK |"
    parts = [f"## Response: {type_name}", status]
    if rows:
        parts += [
            f"### Response body: {type_name}",
            table("| Property Name | Type |  Description |", *rows),
        ]
    return "\n\n".join(parts + ([sample_response(body)] if body else []))


def run_emitted_tests(out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(out)]
    return subprocess.run(command, capture_output=True, text=True, cwd=out)


def write(folder: Path, pages: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_names_that_shadow_builtins_runtime_or_client_members_are_renamed() -> None:
    names = model_fields(["Thing"])
    assert [names.claim(n) for n in ["str", "datetime", "to_dict", "title", "Thing"]] == [
        "str_",
        "datetime_",
        "to_dict_2",
        "title",
        "Thing_2",
    ]
    assert [accessors().claim(n) for n in ["close", "with_options", "list", "ticket_entity"]] == [
        "close_",
        "with_options_",
        "list_",
        "ticket_entity",
    ]
    args = arguments()
    assert [args.claim(n) for n in ["self", "timeout", "extra_headers", "model", "list_of"]] == [
        "self_2",
        "timeout_",
        "extra_headers_",
        "model",
        "list_of",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "os",
        "sys",
        "json",
        "typing",
        "httpx",
        "pytest",
        "conftest",
        "__main__",
        "tests",
        "typing_extensions",
    ],
)
def test_a_package_name_that_shadows_a_module_is_refused(name: str) -> None:
    assert package_problem(name) is not None
    assert package_problem("superoffice_client") is None


def test_odd_names_give_a_client_that_type_checks_and_passes_its_tests(tmp_path: Path) -> None:
    """docs_input's Edge agent (arguments named model, list_of, self, timeout; types named Group
    and ImportModule; fields named str, int, list, datetime), plus a group named like a client
    method, a model named like the runtime's names, and an API part with no models at all."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs_input", docs)
    write(
        docs / "odd",
        {
            "close.md": endpoint_page(
                "v1Close_WithOptions", "GET", "Close/WithOptions", response("bool", body="true")
            ),
            "select.md": endpoint_page(
                "v1Close_Sequence",
                "GET",
                "Close/Sequence",
                response(
                    "Sequence",
                    "| Select | string | x |",
                    "| NotGiven | string | x |",
                    "| Model | string | x |",
                    body='{"Select": "a", "NotGiven": "b", "Model": "c"}',
                ),
            ),
        },
    )
    out = tmp_path / "out"
    generate([docs], out, "odd_client", cache_root=None, jobs=1)
    source = (out / "odd_client" / "_client.py").read_text()
    assert "close_: CloseApi" in source
    checked = mypy(out, "odd_client")
    assert checked.returncode == 0, checked.stdout
    tested = run_emitted_tests(out)
    assert tested.returncode == 0, tested.stdout


def test_an_api_without_models_type_checks_and_has_tests(tmp_path: Path) -> None:
    docs = write(
        tmp_path / "docs",
        {
            "count.md": endpoint_page(
                "v1Thing_Count", "GET", "Thing/Count", response("int32", body="3")
            )
        },
    )
    out = tmp_path / "out"
    generate([docs], out, "bare_client", cache_root=None, jobs=1)
    checked = mypy(out, "bare_client")
    assert checked.returncode == 0, checked.stdout
    tested = run_emitted_tests(out)
    assert tested.returncode == 0, tested.stdout


def test_an_enum_parameter_is_an_open_literal() -> None:
    source = (ROOT / "generated/superoffice_client/groups/ticket_entity.py").read_text()
    assert 'mode: Literal["Slim", "Wide", "Full"] | str | None | NotGiven = NOT_GIVEN' in source


def made_from_pages(module: Path, node: ast.ImportFrom) -> bool:
    """Whether the import is of a model or group module (named after pages)."""
    target = node.module or ""
    sibling_model = module.parent.name == "models" and node.level == 1
    return sibling_model or target.startswith(("models.", "groups."))


def test_the_reserved_names_are_those_of_the_generated_runtime() -> None:
    """naming.py is the one source of the names a page may not take; they must be what the
    generated runtime really has: the clients' public members, the per-call options, the model
    base's members, and every class-like name the generated modules import or define."""
    sys.path.insert(0, str(ROOT / "generated"))
    try:
        import superoffice_client as so
        from superoffice_client import _io
    finally:
        sys.path.remove(str(ROOT / "generated"))
    for cls in (so.Client, so.AsyncClient):
        members = {name for name in dir(cls) if not name.startswith("_")} - set(cls._groups_)
        assert members == CLIENT_MEMBERS, cls
    assert set(so.RequestOptions.__annotations__) == CALL_OPTIONS
    assert {name for name in dir(so.Model) if not name.startswith("_")} == MODEL_MEMBERS
    for group in (_io.Group, _io.AsyncGroup):
        assert not [name for name in dir(group) if not name.startswith("_")]
    method = inspect.signature(so.Client("https://x").ticket_entity.get_all)
    options = [p.name for p in method.parameters.values() if p.kind is p.VAR_KEYWORD]
    assert options == ["options"] and set(options) <= ARGUMENT_RESERVED

    package = ROOT / "generated" / "superoffice_client"
    modules = [
        package / "_client.py",
        *(package / "groups").glob("[!_]*.py"),
        *(package / "models").glob("[!_]*.py"),
    ]
    names = set()
    for module in modules:
        tree = ast.parse(module.read_text())
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and not made_from_pages(module, node):
                names |= {alias.asname or alias.name for alias in node.names}
            if isinstance(node, ast.ClassDef) and module.name == "_client.py":
                names.add(node.name)
    classes = {name for name in names if name[:1].isupper()}
    assert classes and classes <= CLASS_RESERVED, classes - CLASS_RESERVED
