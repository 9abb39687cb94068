"""Where Songjiao keeps its files: platformdirs locations, overridable with --db / --data-dir."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "Songjiao"
APP_AUTHOR = "Songjiao"
DB_FILENAME = "songjiao.sqlite3"
RESOURCES = Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    db_path: Path

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def export_dir(self) -> Path:
        return self.data_dir / "exports"

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.backup_dir, self.log_dir, self.db_path.parent):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def default_data_dir() -> Path:
    override = os.environ.get("SONGJIAO_DATA_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def resolve(
    db: str | os.PathLike[str] | None = None, data_dir: str | os.PathLike[str] | None = None
) -> AppPaths:
    """Paths for this run. A chosen --db keeps its backups beside it, not in the default folder."""
    if db is not None:
        db_path = Path(db).expanduser().resolve()
        base = Path(data_dir).expanduser().resolve() if data_dir else db_path.parent / f"{db_path.stem}-data"
        return AppPaths(base, db_path)
    base = Path(data_dir).expanduser().resolve() if data_dir else default_data_dir()
    return AppPaths(base, base / DB_FILENAME)
