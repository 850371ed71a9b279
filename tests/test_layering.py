"""The model is the only contract between the stages: only the pipeline calls the parser."""

from __future__ import annotations

import ast
from pathlib import Path

import generator

PACKAGE = Path(generator.__file__).parent
PIPELINE = {
    "load.py",
    "workers.py",
}  # the pipeline's loading stage calls the parser; the rest reads the model


def _imported(source: str, module: list[str]) -> set[str]:
    """The absolute names a module (`module`: its dotted name's parts) imports, relative imports
    resolved; `from x import y` gives both `x` and `x.y`, since `y` may be a module."""
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = module[: len(module) - node.level] if node.level else []
            stem = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names.add(stem)
            names.update(f"{stem}.{alias.name}" for alias in node.names)
    return names


def _is_parser(name: str) -> bool:
    return name == "generator.parse" or name.startswith("generator.parse.")


def _parser_users() -> set[str]:
    users = set()
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "parse":
            continue
        module = ["generator", *relative.with_suffix("").parts]
        if any(_is_parser(name) for name in _imported(path.read_text("utf-8"), module)):
            users.add(relative.as_posix())
    return users


def test_only_the_pipeline_imports_the_parser() -> None:
    users = _parser_users()
    assert (
        users <= PIPELINE
    ), f"{sorted(users - PIPELINE)} import generator/parse/; read the model instead"
    assert "load.py" in users


def test_the_scan_finds_every_form_of_import() -> None:
    source = "import generator.parse.markdown\nfrom ..parse import page\nfrom .parse.samples import sample\n"
    emit = _imported(source, ["generator", "emit", "pyview"])
    assert {
        "generator.parse.markdown",
        "generator.parse.page",
        "generator.emit.parse.samples",
    } <= emit
    top = _imported(source, ["generator", "lint"])
    assert "generator.parse.samples.sample" in top
    assert not any(
        _is_parser(n)
        for n in _imported("from .model import Sample\nimport json\n", ["generator", "lint"])
    )
