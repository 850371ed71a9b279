"""The client's runtime is ordinary Python in generator/runtime/: type-checked and black-clean
where it lives, and copied into every generated package as it is."""

from __future__ import annotations

from pathlib import Path

from generator.format import format_python
from generator.output import HEADER
from generator.runtime import modules
from tests.test_typing import mypy

ROOT = Path(__file__).resolve().parent.parent
RUNTIME = ROOT / "generator" / "runtime"


def test_the_runtime_passes_mypy_strict_where_it_lives() -> None:
    result = mypy(ROOT, "generator/runtime")
    assert result.returncode == 0, result.stdout


def test_every_runtime_module_is_black_clean_and_copied_as_it_is() -> None:
    copied = modules()
    assert "_call.py" in copied and "webhooks.py" in copied and "__init__.py" not in copied
    for name, source in copied.items():
        assert format_python(source, name) == source, name
        assert (ROOT / "generated" / "superoffice_client" / name).read_text(
            "utf-8"
        ) == HEADER + source, name


def test_the_runtime_does_not_name_the_package_it_is_copied_into() -> None:
    for path in RUNTIME.glob("*.py"):
        text = path.read_text("utf-8")
        assert "superoffice_client" not in text and "{{" not in text, path.name
