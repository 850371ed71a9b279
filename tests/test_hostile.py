"""Hostile input: any text the pages hold stays text in the generated code, and no page crashes
the generator: it either generates valid Python or stops with a located error."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.emit.literals import docstring, py_literal
from generator.format import KEEP
from generator.pipeline import generate
from tests.pages import page, sample_response, table

ROOT = Path(__file__).resolve().parent.parent
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


tricky = st.text(
    alphabet=st.sampled_from(['"', "'", "\\", "\n", "\t", " ", "a", "\x00", "\U00014647"])
)


@settings(max_examples=500)
@given(st.text() | tricky)
def test_any_text_is_a_docstring_that_says_exactly_that(text: str) -> None:
    module = ast.parse(
        f"def f():\n    {docstring(text, 4).replace(KEEP, '')}\n"
    )  # marks go before writing
    function = module.body[0]
    assert isinstance(function, ast.FunctionDef) and len(function.body) == 1
    value = ast.literal_eval(function.body[0].value)  # type: ignore[attr-defined]
    assert " ".join(value.split()) == " ".join(text.strip().split())


@given(json_values, st.integers(min_value=0, max_value=40))
def test_any_json_value_is_a_literal_that_evaluates_to_it(value: object, indent: int) -> None:
    assert ast.literal_eval(py_literal(value, indent - indent % 4)) == value


hostile = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(description=hostile, name=hostile, cell=hostile, body=hostile)
def test_a_mangled_page_generates_valid_code_or_a_located_error(
    tmp_path: Path, description: str, name: str, cell: str, body: str
) -> None:
    docs, out = tmp_path / "docs", tmp_path / "out"
    shutil.rmtree(docs, ignore_errors=True)
    docs.mkdir()
    text = page(
        description,
        "## Request Body: request",
        table("| Property Name | Type |  Description |", f"| {name} | string | {cell} |"),
        "## Response: Thing",
        "| Response | Description |\n|---|---|\n| 200 | OK |",
        "### Response body: Thing",
        table("| Property Name | Type |  Description |", f"| {name} | {cell} | {description} |"),
        sample_response(body),
    )
    (docs / "page.md").write_text(text, encoding="utf-8")
    summary = generate([docs], out, "hostile_client", cache_root=None, jobs=1)
    if summary.errors:
        assert all(error.location.file == "page.md" for error in summary.errors)
        return
    for path in out.rglob("*.py"):
        ast.parse(path.read_text("utf-8"), str(path))


def test_the_emitted_tests_catch_a_client_that_sends_the_wrong_headers(
    tmp_path: Path, docs: Path
) -> None:
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
    runtime = tmp_path / "out" / "demo_client" / "_base.py"
    runtime.write_text(runtime.read_text().replace('sent["SO-Culture"] = culture', "pass"))
    broken = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert broken.returncode == 1 and "SO-Culture" in broken.stdout
