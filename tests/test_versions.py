"""The versions a run reads without importlib.metadata are the ones importlib.metadata gives."""

from __future__ import annotations

import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from generator import versions
from generator.versions import installed_version


@pytest.mark.parametrize("name", ["black", "jinja2", "markdown-it-py", "pyyaml", "PyYAML", "httpx"])
def test_an_installed_library_has_the_version_importlib_metadata_gives(name: str) -> None:
    assert installed_version(name) == version(name)


def test_a_distribution_that_is_not_installed_has_none() -> None:
    assert installed_version("no-such-distribution-here") is None


def _dist_info(folder: Path, name: str, metadata: str) -> None:
    (folder / f"{name}.dist-info").mkdir(parents=True)
    (folder / f"{name}.dist-info" / "METADATA").write_text(metadata, "utf-8")


def test_the_first_folder_on_sys_path_wins_and_an_unclear_one_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    _dist_info(first, "Shadow_Lib-2.0", "Metadata-Version: 2.1\nName: shadow-lib\nVersion: 2.0\n\n")
    _dist_info(
        second, "shadow_lib-1.0", "Metadata-Version: 2.1\nName: shadow-lib\nVersion: 1.0\n\n"
    )
    monkeypatch.setattr(sys, "path", [str(first), str(second)])
    versions._listing.cache_clear()
    assert installed_version("shadow.lib") == version("shadow.lib") == "2.0"
    # Two installs in one folder: which one counts is importlib.metadata's to say.
    _dist_info(first, "shadow_lib-3.0", "Metadata-Version: 2.1\nName: shadow-lib\nVersion: 3.0\n\n")
    versions._listing.cache_clear()
    assert installed_version("shadow-lib") == version("shadow-lib")
    versions._listing.cache_clear()


def test_a_zip_on_sys_path_and_a_folder_named_without_its_version_are_read_as_importlib_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zipfile

    bundle, folder = tmp_path / "bundle.zip", tmp_path / "site"
    with zipfile.ZipFile(bundle, "w") as archive:
        archive.writestr(
            "zipped_lib-9.9.dist-info/METADATA",
            "Metadata-Version: 2.1\nName: zipped-lib\nVersion: 9.9\n\n",
        )
    _dist_info(
        folder, "zipped_lib-1.0", "Metadata-Version: 2.1\nName: zipped-lib\nVersion: 1.0\n\n"
    )
    _dist_info(folder, "plain_lib", "Metadata-Version: 2.1\nName: plain-lib\nVersion: 5.0\n\n")
    monkeypatch.setattr(sys, "path", [str(bundle), str(folder)])
    versions._listing.cache_clear()
    assert installed_version("zipped-lib") == version("zipped-lib") == "9.9"
    monkeypatch.setattr(sys, "path", [str(folder)])
    versions._listing.cache_clear()
    assert installed_version("plain-lib") == version("plain-lib") == "5.0"
    versions._listing.cache_clear()
