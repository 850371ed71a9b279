"""Settings from the current folder's `pyproject.toml`, table `[tool.superoffice-docs-generator]`.

Command-line flags override them; built-in defaults apply to what neither gives. A key the
generator does not know is an error naming the key, the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

SECTION = "superoffice-docs-generator"


class ConfigError(Exception):
    """A pyproject.toml whose settings cannot be used."""


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


# key → (what it must be, check, the command-line option's destination)
KEYS: dict[str, tuple[str, Any, str]] = {
    "docs": ("a list of folders or pages", _strings, "docs"),
    "out": ("a folder name", lambda v: isinstance(v, str) and v != "", "out"),
    "package": ("a package name", lambda v: isinstance(v, str), "package"),
    "package-version": (
        "a version string",
        lambda v: isinstance(v, str) and v != "",
        "package_version",
    ),
    "strict": ("true or false", lambda v: isinstance(v, bool), "strict"),
    "jobs": (
        "a positive integer",
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
        "jobs",
    ),
    "cache": (
        "a folder name, or false for no cache",
        lambda v: v is False or isinstance(v, str) and v != "",
        "cache",
    ),
    "ignore": ("a list of warning codes", _strings, "ignore"),
    "baseline": ("a baseline file name", lambda v: isinstance(v, str) and v != "", "baseline"),
}


def read_config(path: Path = Path("pyproject.toml")) -> dict[str, Any]:
    """The settings in `path`, by option destination (`package-version` → `package_version`);
    {} when the file or the table is not there."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    tool = data.get("tool")
    table = tool.get(SECTION) if isinstance(tool, dict) else None
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.{SECTION} must be a table")
    settings = {}
    for key, value in table.items():
        where = _where(path, text, key)
        if key not in KEYS:
            known = ", ".join(KEYS)
            raise ConfigError(
                f"{where}: unknown key '{key}' in [tool.{SECTION}] (known keys: {known})"
            )
        what, valid, dest = KEYS[key]
        if not valid(value):
            raise ConfigError(f"{where}: '{key}' must be {what}, not {value!r}")
        settings[dest] = value
    return settings


def _where(path: Path, text: str, key: str) -> str:
    """`pyproject.toml:12`: the line that sets `key` in the table (just the file when not found)."""
    inside = False
    pattern = re.compile(r"""\s*(?:"{0}"|'{0}'|{0})\s*=""".format(re.escape(key)))
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = (
                re.fullmatch(
                    r"\[\s*tool\s*\.\s*(?:\"%s\"|%s)\s*\]" % ((re.escape(SECTION),) * 2),
                    stripped.split("#")[0].strip(),
                )
                is not None
            )
        elif inside and pattern.match(line):
            return f"{path}:{number}"
    return str(path)
