"""UI preferences kept beside the database (language, last user, the login list): light, no DB imports."""

from __future__ import annotations

import json
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
