"""The commands' settings: the command line's argument types, and what it leaves out filled in
from pyproject.toml, else from the built-in defaults."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from . import baseline
from .baseline import BaselineError
from .config import ConfigError
from .naming import package_problem

# Built-in defaults, applied after the command line and pyproject.toml (see `_settle`).
DEFAULTS: dict[str, Any] = {
    "docs": ["docs_input"],
    "out": "generated",
    "package": "superoffice_client",
    "strict": False,
    "jobs": None,
    "cache": ".cache/generator",
    "ignore": [],
    "baseline": None,
    "package_version": "0.1.0",
}


def package_name(text: str) -> str:
    problem = package_problem(text)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return text


def jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"{jobs} is not a number of processes; give 1 or more")
    return jobs


def codes(text: str) -> list[str]:
    try:
        return baseline.codes(text)
    except BaselineError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(
            f"{port} is not a port number (0 to 65535; 0 picks a free one)"
        )
    return port


def package_version(text: str) -> str:
    if not re.fullmatch(r"\d+(\.\d+)*((a|b|rc)\d+)?(\.post\d+)?(\.dev\d+)?", text):
        raise argparse.ArgumentTypeError(f"'{text}' is not a version such as 0.1.0 or 1.2.0rc1")
    return text


def settle(args: argparse.Namespace, config: dict[str, Any]) -> None:
    """Fill in what the command line left out: from pyproject.toml, else the built-in default."""
    given = dict(vars(args))
    for dest, default in DEFAULTS.items():
        if dest not in given:
            continue
        value = given[dest]
        if dest == "docs" and not value:
            value = None
        if dest == "ignore" and value is not None:
            value = [code for codes in value for code in codes]
        if value is None:
            value = config.get(dest, default)
            if dest == "cache" and value is False:
                args.no_cache, value = True, default
            value = _typed(dest, value)
        setattr(args, dest, value)
    if "no_cache" in given and args.no_cache is None:
        args.no_cache = False


def _typed(dest: str, value: Any) -> Any:
    """A value from pyproject.toml or the defaults as the command line would have made it."""
    if value is None:
        return None
    if dest == "docs":
        return [Path(item) for item in value]
    if dest in ("out", "cache", "baseline"):
        return Path(value)
    if dest == "package":
        try:
            return package_name(value)
        except argparse.ArgumentTypeError as error:
            raise ConfigError(f"pyproject.toml: package: {error}") from None
    if dest == "package_version":
        try:
            return package_version(value)
        except argparse.ArgumentTypeError as error:
            raise ConfigError(f"pyproject.toml: package-version: {error}") from None
    if dest == "ignore":
        try:
            return baseline.codes(",".join(value))
        except BaselineError as error:
            raise ConfigError(f"pyproject.toml: ignore: {error}") from None
    return value
