"""The frozen build collects every module of the program, each command among them, derived from the files."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from app.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("songjiao_build", ROOT / "packaging" / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _cli_modules() -> set[str]:
    return {f"app.cli.{p.stem}" for p in (ROOT / "app" / "cli").glob("*.py") if p.stem != "__init__"}


def test_every_cli_module_and_command_module_is_collected(build):
    collected = set(build.hidden_imports())
    assert _cli_modules() <= collected
    assert set(main.COMMAND_MODULES) <= collected
    assert "alembic.op" in collected and "alembic.context" in collected  # what the migrations import


def test_a_frozen_build_lacking_a_command_module_is_refused(build):
    everything = set(build.app_modules())
    assert build.missing_in_frozen(everything) == []
    assert build.missing_in_frozen(everything - {"app.cli.roster"}) == ["app.cli.roster"]


def test_the_last_frozen_build_holds_every_cli_module(build):
    if not build.TOC.exists():
        pytest.skip("no frozen build here (python packaging/build.py makes one)")
    frozen = build.frozen_modules()
    assert _cli_modules() - frozen == set()


def test_only_the_qt_modules_the_app_imports_are_kept(build):
    excluded = set(build.qt_excludes())
    for used in ("QtCore", "QtGui", "QtWidgets", "QtNetwork"):
        assert f"PySide6.{used}" not in excluded
    assert "PySide6.QtQml" in excluded  # part of PySide6-Essentials, never imported by app/


def test_the_data_goes_where_app_paths_looks_for_it(build):
    places = {Path(target).as_posix() for _source, target in build.datas()}
    assert {
        "app/_resources/fonts",
        "app/_resources/i18n",
        "app/_resources/icons",
        "app/_migrations/versions",
    } <= places
    assert not [s for s, _t in build.datas() if s.endswith(".ts")]


def test_icu_thinning_keeps_root_chinese_english_and_gb_converters(build):
    items = [
        "root.res",
        "zh_Hans_CN.res",
        "en_US.res",
        "fr.res",
        "coll/zh.res",
        "coll/de.res",
        "zone/root.res",
        "zone/ja.res",
        "zoneinfo64.res",
        "gb18030.cnv",
        "ibm-943_P15A-2003.cnv",
        "uprops.icu",
        "brkitr/word.brk",
    ]
    assert build._icu_removals(items) == ["fr.res", "coll/de.res", "zone/ja.res", "ibm-943_P15A-2003.cnv"]


def test_the_last_frozen_linux_folder_is_under_budget_with_one_openssl(build):
    folder = build.frozen_folder()
    if not sys.platform.startswith("linux") or not folder.is_dir():
        pytest.skip("no frozen Linux build here (python packaging/build.py makes one)")
    assert build.size_of(folder) < 180e6  # the budget (README, packaging table)
    # psycopg's own OpenSSL is a link to the one Python's ssl uses (build.share_libraries)
    cryptos = [p for p in folder.rglob("libcrypto*.so*") if p.is_file() and not p.is_symlink()]
    assert len(cryptos) == 1, cryptos


def test_a_wheels_renamed_library_is_recognised(build):
    assert build.VENDORED.match("libcrypto-3a0647ea.so.3").groups() == ("libcrypto", "3")
    assert build.VENDORED.match("libgssapi_krb5-923083ce.so.2.2").groups() == ("libgssapi_krb5", "2")
    assert build.VENDORED.match("libcrypto.so.3") is None
