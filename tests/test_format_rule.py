"""Black runs only where the templates' layout cannot vouch for a file, and the output is still
exactly what black makes of it; --verify-format proves the rule."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import generator.output as output
from generator.emit.render import docstring, py_literal
from generator.format import InvalidOutput, format_python, vouched
from generator.output import unformatted
from generator.pipeline import generate
from tests.pages import page, table, tree

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = 1\n", True),
        ("x = '" + "a" * 94 + "'\n", True),  # 100 columns
        ("x = '" + "a" * 95 + "'\n", False),  # 101
        ("x = 1 \n", False),
        ("x = '“café” – 5 €'\n", True),  # one column each, as black counts
        ("x = '東京'\n", False),  # two columns each
        ("x = 'e\u0301'\n", False),  # a combining accent: no column
        ("x = '\u00a0'\n", False),  # a space that is not ' '
        ("x = '☃'\n", False),
        ("x = '\t'\n", False),
        ("x = '\x0c'\n", False),
    ],
)
def test_a_file_is_vouched_for_only_within_the_width_in_printable_ascii(source: str, expected: bool) -> None:
    assert vouched(source) is expected


def _wide_docs(folder: Path) -> Path:
    """A page whose many arguments make a long signature, with an open enum too long for a line."""
    rows = [f"| Argument{i}WithARatherLongName | int32 | The value number {i}. |" for i in range(12)]
    body = "## Request Body: request\n\n" + table("| Property Name | Type | Description |", *rows)
    result = "## Response: Thing\n\n" + table("| Property Name | Type | Description |", "| Name | string | Its name. |")
    values = ", ".join(f"SomewhatLongEnumerationValue{i}" for i in range(6))
    query = "## Query String Parameters\n\n" + table("| Parameter Name | Type | Description |", f"| mode | Enum: {values} | How. |")
    text = page(query, body, result)
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "v1DemoAgent_DoThing.md").write_text(text)
    return folder / "docs"


def test_every_character_vouched_for_is_one_column_to_black() -> None:
    from black.strings import char_width

    vouched_for = [chr(code) for code in range(0x80, 0x2600) if vouched(f"x = '{chr(code)}'\n")]
    assert len(vouched_for) > 5000
    assert [char for char in vouched_for if char_width(char) != 1] == []


def test_black_formats_what_is_not_vouched_for_and_the_output_is_black_clean(tmp_path: Path) -> None:
    docs = _wide_docs(tmp_path)
    summary = generate([docs], tmp_path / "out", "demo_client", jobs=1)
    assert 0 < summary.black_formatted < summary.files
    files = {path: text.decode() for path, text in tree(tmp_path / "out").items() if path.endswith(".py")}
    assert unformatted(files) == []


def test_verify_format_names_a_file_the_rule_wrongly_vouched_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = _wide_docs(tmp_path)
    # A rule that vouches for a layout black would not write (two-space indents).
    monkeypatch.setattr(output, "black_source", lambda text, name: (text.replace("    ", "  "), False))
    assert generate([docs], tmp_path / "unchecked", "demo_client", jobs=1).files > 0
    with pytest.raises(InvalidOutput, match=r"black would change \d+ generated files the templates vouched for: demo_client/"):
        generate([docs], tmp_path / "out", "demo_client", jobs=1, verify_format=True)
    assert not (tmp_path / "out").exists()


def test_the_committed_output_is_black_clean() -> None:
    files = {p.relative_to(ROOT / "generated").as_posix(): p.read_text() for p in (ROOT / "generated").rglob("*.py")}
    assert [path for path, text in files.items() if format_python(text, path) != text] == []


@settings(max_examples=300, deadline=None)
@example(text="\\\"", indent=0)  # an escaped backslash before a quote is not an escaped quote
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300), indent=st.sampled_from([0, 4, 8]))
def test_whatever_a_page_says_a_docstring_the_rule_vouches_for_is_black_s_own(text: str, indent: int) -> None:
    """Page text in a docstring and in a string literal: where the rule trusts the layout, black
    agrees with it."""
    head = {0: "", 4: "def f() -> None:\n    ", 8: "class A:\n    def f(self) -> None:\n        "}[indent]
    gap = "\n" if indent == 0 else ""  # black keeps a blank line after a module's docstring
    source = f"{head}{docstring(text, indent)}\n{gap}" + f"{' ' * indent}x = {py_literal(text, indent, indent + 4)}\n"
    if vouched(source):
        assert format_python(source, "x.py") == source
