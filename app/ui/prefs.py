"""UI preferences kept beside the database (language, last user, the login list): light, no DB imports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.paths import AppPaths

PREFS_FILE = "ui-settings.json"


def load_prefs(paths: AppPaths) -> dict[str, Any]:
    try:
        data = json.loads((paths.data_dir / PREFS_FILE).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def save_prefs(paths: AppPaths, **values: Any) -> None:
    prefs = load_prefs(paths)
    prefs.update(values)
    try:
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        (paths.data_dir / PREFS_FILE).write_text(json.dumps(prefs, ensure_ascii=False), encoding="utf-8")
    except OSError:
        pass  # preferences are a convenience; never fail the app over them


def start_folder(paths: AppPaths | None, key: str) -> str:
    """Where a file dialog opens (``key``: the preference that remembers it for exports, bundles, photos, …): the folder last used for it, else the
    user's Documents folder (on Windows the one Explorer shows, OneDrive-redirected or not), else home."""
    from PySide6.QtCore import QStandardPaths

    remembered = load_prefs(paths).get(key) if paths is not None else None
    if remembered and Path(remembered).is_dir():
        return str(remembered)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember_folder(paths: AppPaths | None, key: str, chosen: str | Path) -> None:
    """Keep the folder of a chosen file (or a chosen folder) for the next dialog of the same ``key``."""
    if paths is None or not str(chosen):
        return
    folder = Path(chosen)
    save_prefs(paths, **{key: str(folder if folder.is_dir() else folder.parent)})
