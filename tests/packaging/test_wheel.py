"""The wheel carries everything an installed Songjiao needs: resources, translations, migrations, licences."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Kept in the repository only: translation sources and git settings.
NOT_SHIPPED = {".ts", ".gitattributes"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    # Build from a copy: setuptools writes build/ and *.egg-info into the tree it builds, and the xdist workers
    # may each build this module's wheel at the same moment.
    tree = tmp_path_factory.mktemp("tree") / "songjiao"
    shutil.copytree(
        ROOT,
        tree,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*cache"
        ),
    )
    done = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(tree)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (built,) = out.glob("songjiao-*.whl")
    return zipfile.ZipFile(built)


def _shipped(folder: str) -> set[str]:
    files = {p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    return {
        p.relative_to(ROOT / folder).as_posix()
        for p in files
        if p.suffix not in NOT_SHIPPED and p.name not in NOT_SHIPPED
    }


def test_every_resource_file_is_inside_the_package(wheel):
    names = set(wheel.namelist())
    resources = _shipped("resources")
    # each kind at least once, so an empty resources/ cannot pass
    for kind in (".ttc", ".qm", "dump.schema.json", "goal_bank.json", ".svg", ".png", ".ico", ".icns"):
        assert any(name.endswith(kind) for name in resources), kind
    missing = sorted(name for name in resources if f"app/_resources/{name}" not in names)
    assert not missing


def test_both_languages_catalogues_and_the_font_licence_ship(wheel):
    names = set(wheel.namelist())
    for language in ("zh_CN", "en"):
        assert f"app/_resources/i18n/songjiao_{language}.qm" in names
    assert "app/_resources/fonts/wqy-zenhei.LICENSE.txt" in names
    assert "app/_resources/fonts/songjiao-han-fallback.ttf" in names
    assert "app/_resources/fonts/songjiao-han-fallback.LICENSE.txt" in names
    assert any(
        name.endswith(".dist-info/licenses/resources/fonts/songjiao-han-fallback.LICENSE.txt")
        for name in names
    )
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


def test_migrations_ship_with_their_template_and_every_version(wheel):
    names = set(wheel.namelist())
    for name in _shipped("migrations"):
        assert f"app/_migrations/{name}" in names
    assert "app/_migrations/script.py.mako" in names


def test_every_package_of_the_code_is_in_the_wheel(wheel):
    names = set(wheel.namelist())
    packages = [p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "app").rglob("__init__.py")]
    assert packages
    assert [p for p in packages if f"{p}/__init__.py" not in names] == []


def test_console_and_gui_entry_points(wheel):
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode()
    console, gui = text.split("[gui_scripts]")
    assert "songjiao = app.__main__:main" in console
    assert "songjiao-gui = app.__main__:gui_main" in gui


def test_metadata_has_the_spdx_licence_and_classifiers(wheel):
    (metadata,) = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    text = wheel.read(metadata).decode()
    assert "License-Expression: MIT" in text
    assert "Classifier: Operating System :: Microsoft :: Windows :: Windows 10" in text
