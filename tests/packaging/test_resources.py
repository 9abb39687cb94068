"""A Songjiao without its resources says so at start-up; it never runs on in English or without its font."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import app
from app import paths
from app.cli.main import run


def test_a_checkout_uses_its_own_resources_and_migrations():
    tree = Path(app.__file__).resolve().parent.parent
    assert tree / "resources" == paths.RESOURCES
    assert tree / "migrations" == paths.MIGRATIONS
    assert paths.missing_resources() == []


def test_an_installed_package_prefers_its_own_data_folders(tmp_path):
    fake = tmp_path / "site" / "app"
    (fake / "_resources").mkdir(parents=True)
    (tmp_path / "site" / "resources").mkdir()  # a stray folder beside site-packages' app must not win
    assert paths._data_folder("_resources", "resources", fake) == fake / "_resources"
    assert Path(paths.__file__).resolve().parent == paths.PACKAGE_DIR


@pytest.mark.parametrize("lost", ["fonts/wqy-zenhei.ttc", "i18n/songjiao_zh_CN.qm", "dump.schema.json"])
def test_a_missing_resource_stops_every_command_with_one_clear_line(tmp_path, monkeypatch, capsys, lost):
    copy = tmp_path / "resources"
    shutil.copytree(paths.RESOURCES, copy)
    (copy / lost).unlink()
    monkeypatch.setattr(paths, "RESOURCES", copy)
    db = tmp_path / "t.sqlite3"
    assert run(["--db", str(db), "terms", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "incomplete" in err and f"resources/{lost}" in err
    assert not db.exists()  # nothing was done


def test_a_missing_catalogue_is_an_error_not_english(tmp_path, monkeypatch, qapp):
    from app.ui import i18n

    empty = tmp_path / "i18n"
    empty.mkdir()
    monkeypatch.setattr(i18n, "I18N_DIR", empty)
    with pytest.raises(paths.ResourceError, match="songjiao_zh_CN.qm"):
        i18n.install_translators("zh_CN")
    monkeypatch.undo()
    i18n.install_translators("en")  # the suite's language again


def test_resource_names_the_missing_file():
    with pytest.raises(paths.ResourceError, match="resources/icons/nothing.png"):
        paths.resource("icons/nothing.png")
    assert paths.resource("icons/songjiao.png").is_file()


def test_the_desktop_app_shows_a_missing_resource_in_a_box_too(tmp_path, monkeypatch, capsys, qapp):
    from app.ui import app as ui_app

    copy = tmp_path / "resources"
    shutil.copytree(paths.RESOURCES, copy)
    (copy / "i18n" / "songjiao_zh_CN.qm").unlink()
    monkeypatch.setattr(paths, "RESOURCES", copy)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        ui_app.QMessageBox, "critical", lambda _parent, title, text: shown.append((title, text))
    )
    assert run(["--db", str(tmp_path / "t.sqlite3"), "gui"]) == 2
    assert len(shown) == 1 and "songjiao_zh_CN.qm" in shown[0][1] and "请重新安装" in shown[0][1]
    assert "incomplete" in capsys.readouterr().err
