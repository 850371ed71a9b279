"""Black runs only where the templates' layout cannot vouch for a file, and the output is still
exactly what black makes of it; --verify-format proves the rule."""

from __future__ import annotations

import keyword
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import generator.output as output
from generator.emit.layout import constant, constant_layout, layout
from generator.emit.literals import docstring, py_literal
from generator.format import KEEP, InvalidOutput, black_source, format_python, vouched
from generator.output import unformatted
from generator.pipeline import generate
from tests.pages import page, table, tree

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("x = 1\n", True),
        ('x = "' + "a" * 94 + '"\n', True),  # 100 columns
        ('x = "' + "a" * 95 + '"\n', False),  # 101
        ("x = 1 \n", False),
        ('x = "“café” – 5 €"\n', True),  # one column each, as black counts
        ('x = "e\u0301☃\u00a0"\n', True),  # one column each to black too
        ('x = "東京"\n', False),  # two columns each: black and the emitter would count differently
        ('x = "' + "a" * 95 + '"' + KEEP + "\n", True),  # a line the emitter knows black keeps
        ('x = "東京"' + KEEP + "\n", True),
        ('x = "\t"\n', False),
        ('x = "\x0c"\n', False),
        ("x = 1 " + KEEP + "\n", False),
    ],
)
def test_a_file_is_vouched_for_only_within_the_width_as_black_counts_it(
    source: str, expected: bool
) -> None:
    assert vouched(source) is expected


@pytest.mark.parametrize(
    ("text", "black_runs"), [("東" * 40, True), ("e\u0301" * 20, False), ("a" * 40, False)]
)
def test_a_call_that_fits_by_length_but_not_by_black_s_width_goes_to_black(
    text: str, black_runs: bool
) -> None:
    source = layout("x = f(", [py_literal(text), py_literal(text)], ")", 0) + "\n"
    assert "\n" not in source.rstrip("\n")  # the emitter, counting by length, kept it on one line
    formatted, ran = black_source(source, "x.py")
    assert ran is black_runs
    assert formatted == format_python(source, "x.py")


def _wide_docs(folder: Path) -> Path:
    """A page whose many arguments make a long signature, with an open enum too long for a line and
    one whose values are wide characters."""
    rows = [
        f"| Argument{i}WithARatherLongName | int32 | The value number {i}. |" for i in range(12)
    ]
    body = "## Request Body: request\n\n" + table("| Property Name | Type | Description |", *rows)
    result = "## Response: Thing\n\n" + table(
        "| Property Name | Type | Description |", "| Name | string | Its name. |"
    )
    values = ", ".join(f"SomewhatLongEnumerationValue{i}" for i in range(6))
    # Fits by length, not by black's width (two columns a character): the emitter cannot vouch.
    wide = "| place | Enum: " + "東京" * 13 + ", Osaka | Where. |"
    query = "## Query String Parameters\n\n" + table(
        "| Parameter Name | Type | Description |", f"| mode | Enum: {values} | How. |", wide
    )
    text = page(query, body, result)
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "v1DemoAgent_DoThing.md").write_text(text)
    return folder / "docs"


def test_black_formats_what_is_not_vouched_for_and_the_output_is_black_clean(
    tmp_path: Path,
) -> None:
    docs = _wide_docs(tmp_path)
    summary = generate([docs], tmp_path / "out", "demo_client", jobs=1)
    assert 0 < summary.black_formatted < summary.files
    files = {
        path: text.decode() for path, text in tree(tmp_path / "out").items() if path.endswith(".py")
    }
    assert unformatted(files) == []


def test_verify_format_names_a_file_the_rule_wrongly_vouched_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _wide_docs(tmp_path)
    # A rule that vouches for a layout black would not write (two-space indents).
    monkeypatch.setattr(
        output, "black_source", lambda text, name: (text.replace("    ", "  "), False)
    )
    assert generate([docs], tmp_path / "unchecked", "demo_client", jobs=1).files > 0
    with pytest.raises(
        InvalidOutput,
        match=r"black would change \d+ generated files the templates vouched for: demo_client/",
    ):
        generate([docs], tmp_path / "out", "demo_client", jobs=1, verify_format=True)
    assert not (tmp_path / "out").exists()


def test_the_committed_output_is_black_clean() -> None:
    files = {
        p.relative_to(ROOT / "generated").as_posix(): p.read_text()
        for p in (ROOT / "generated").rglob("*.py")
    }
    assert [path for path, text in files.items() if format_python(text, path) != text] == []


@settings(max_examples=300, deadline=None)
@example(text='\\"', indent=0)  # an escaped backslash before a quote is not an escaped quote
@given(
    text=st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    indent=st.sampled_from([0, 4, 8]),
)
def test_whatever_a_page_says_a_docstring_the_rule_vouches_for_is_black_s_own(
    text: str, indent: int
) -> None:
    """Page text in a docstring and in a string literal: where the rule trusts the layout, black
    agrees with it."""
    head = {0: "", 4: "def f() -> None:\n    ", 8: "class A:\n    def f(self) -> None:\n        "}[
        indent
    ]
    gap = "\n" if indent == 0 else ""  # black keeps a blank line after a module's docstring
    source = (
        f"{head}{docstring(text, indent)}\n{gap}"
        + f"{' ' * indent}x = {py_literal(text, indent, indent + 4)}\n"
    )
    written, ran = black_source(source, "x.py")
    if not ran:
        assert format_python(written, "x.py") == written


@settings(max_examples=150, deadline=None)
@given(
    # A parameter name as the generator makes them: never a keyword (`as`, `if`, ...).
    name=st.from_regex(r"[a-z][a-z_]{0,30}", fullmatch=True).filter(
        lambda name: not keyword.iskeyword(name) and not keyword.issoftkeyword(name)
    ),
    values=st.lists(
        st.from_regex(r"[A-Za-z][A-Za-z0-9 ]{0,24}", fullmatch=True), min_size=1, max_size=12
    ),
    tail=st.sampled_from(["", " | None", " | None | NotGiven"]),
    optional=st.booleans(),
    indent=st.sampled_from([0, 4]),
)
def test_a_long_open_enum_parameter_is_laid_out_as_black_does(
    name: str, values: list[str], tail: str, optional: bool, indent: int
) -> None:
    annotation = "Literal[" + ", ".join(py_literal(v) for v in values) + "] | str" + tail
    param = f"{name}: {annotation}" + (" = NOT_GIVEN" if optional else "")
    signature = layout("def f(", ["self", "*", param, "**options: Any"], ") -> None:", indent)
    pad = " " * indent
    source = ("class A:\n" if indent else "") + f"{pad}{signature}\n{pad}    pass\n"
    written, ran = black_source(source, "x.py")
    assert format_python(source, "x.py") == written
    assert not ran  # the emitter laid it out itself


def _codec_expression(depth: int, model: str) -> str:
    inner = f'_m.model("{model}")' if model else "_m.JSON"
    for _ in range(depth):
        inner = f"_m.list_of({inner})"
    return inner


@settings(max_examples=400, deadline=None)
@given(
    name=st.from_regex(r"_[A-Z][A-Z0-9_]{0,90}", fullmatch=True),
    model=st.from_regex(r"[A-Z][A-Za-z0-9]{0,90}", fullmatch=True) | st.just(""),
    depth=st.integers(min_value=0, max_value=3),
    hint_depth=st.integers(min_value=0, max_value=2),
)
def test_a_long_module_constant_is_laid_out_as_black_does(
    name: str, model: str, depth: int, hint_depth: int
) -> None:
    hint = model or "Any"
    for _ in range(hint_depth):
        hint = f"list[{hint}]"
    annotation, expression = f"_m.Codec[{hint}]", _codec_expression(depth, model)
    laid = constant_layout(name, annotation, expression)
    written = constant(name, annotation, expression)
    assert format_python(written + "\n", "x.py") == written + "\n"
    assert laid in (None, written)


@pytest.mark.parametrize(
    ("name", "hint", "expression", "shape"),
    [
        ("_X", "list[Thing]", '_m.list_of(_m.model("Thing"))', ""),
        (
            "_L" * 15,
            "list[" + "T" * 30 + "]",
            '_m.list_of(_m.model("' + "T" * 30 + '"))',
            "_m.list_of(\n",
        ),
        ("_L" * 10, "T" * 40, '_m.model("' + "T" * 40 + '")', '_m.model(\n    "'),
        ("_L" * 30, "T" * 20, '_m.list_of(_m.model("' + "T" * 30 + '"))', " = (\n"),
        (
            "_L" * 30,
            "list[" + "T" * 50 + "]",
            '_m.list_of(_m.model("' + "T" * 9 + '"))',
            "_m.Codec[\n",
        ),
    ],
)
def test_the_emitter_lays_out_each_shape_of_module_constant_itself(
    name: str, hint: str, expression: str, shape: str
) -> None:
    laid = constant_layout(name, f"_m.Codec[{hint}]", expression)
    assert laid is not None and shape in laid
    assert format_python(laid + "\n", "x.py") == laid + "\n"


def test_the_width_of_every_character_is_black_s_without_importing_black() -> None:
    """`format.width` reads black's table as data (importing black costs a third of a second):
    it must count every code point as black does, and leave black unimported."""
    import subprocess
    import sys

    from black.strings import str_width

    from generator.format import width

    characters = [chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert [width(c) for c in characters] == [str_width(c) for c in characters]
    assert width("ab\u0301\u4e2d\u00e9 x") == str_width("ab\u0301\u4e2d\u00e9 x")
    probe = "import sys; from generator.format import width; width('\u4e2d'); print('black' in sys.modules)"
    imported = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert imported.stdout.strip() == "False", imported.stderr


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("id: an id", "    id: an id"),
        ("", "    "),
        ("a  b ", "    a  b "),  # spaces kept as written
        ("  a b", "    a b"),  # leading ones are not
        ("a " + "b" * 9 + " c", "    a\n        bbbbbbbbb\n        c"),
        ("a" * 12, "    " + "a" * 12),  # a word longer than the width is not broken
    ],
)
def test_an_args_entry_is_wrapped_at_word_breaks_within_the_width(line: str, expected: str) -> None:
    from generator.emit.pydocs import indent

    assert indent(line, width=10) == expected
