"""File dialogs open where people keep their files: the folder last used, else Documents, never a stale path."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from app.paths import resolve
from app.ui.prefs import remember_folder, start_folder


def test_the_folder_last_used_else_documents(tmp_path, qapp, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / "home" / "Documents").mkdir(parents=True)
    QStandardPaths.setTestModeEnabled(False)
    paths = resolve(tmp_path / "db.sqlite3")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert start_folder(paths, "export_folder") == documents
    chosen = tmp_path / "U盘" / "packet.pdf"
    chosen.parent.mkdir()
    remember_folder(paths, "export_folder", chosen)
    assert Path(start_folder(paths, "export_folder")) == chosen.parent
    assert start_folder(paths, "photo_folder") == documents  # each kind of file keeps its own folder
    chosen.parent.rmdir()  # the USB stick was taken out: back to Documents, not a dead path
    assert start_folder(paths, "export_folder") == documents
