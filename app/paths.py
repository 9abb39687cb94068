"""Where Songjiao keeps its files: platformdirs locations, overridable with --db / --data-dir."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

APP_NAME = "Songjiao"
APP_AUTHOR = "Songjiao"
DB_FILENAME = "songjiao.sqlite3"
KEY_FILE_SUFFIX = ".keys"  # the encrypted database's wrapped key, beside it (app/services/keyring.py)


# The package's own folder (what importlib.resources.files("app") gives for files on disk, without importing
# importlib.resources at every start; PyInstaller's modules have their __file__ in the bundle's app/ as well).
PACKAGE_DIR = Path(__file__).resolve().parent


def _data_folder(installed: str, checkout: str, package: Path = PACKAGE_DIR) -> Path:
    """Where a data folder of the program is: inside the installed package, or in the checkout beside `app/`.

    An installed Songjiao (wheel, pipx, PyInstaller) carries `resources/` as `app/_resources` and `migrations/` as
    `app/_migrations` (setup.py maps them). A checkout (editable install, PYTHONPATH) has no such folders and uses
    the top-level ones of the same tree as the code, never another tree's. Neither found: the installed path,
    which `missing_resources()` then reports instead of the program quietly running without them.
    """
    if not package.is_dir():  # a zip import; Qt and reportlab need real files
        raise RuntimeError("Songjiao must be installed as files, not run from a zip archive")
    inside = package / installed
    if inside.is_dir():
        return inside
    beside = package.parent / checkout
    return beside if beside.is_dir() else inside


RESOURCES = _data_folder("_resources", "resources")
MIGRATIONS = _data_folder("_migrations", "migrations")

# What a working installation must carry; checked at start-up so a broken install says so at once
# (a missing .qm would otherwise show the window in English, a missing font fail at the first print).
REQUIRED_RESOURCES = (
    "fonts/wqy-zenhei.ttc",
    "fonts/songjiao-han-fallback.ttf",
    "dump.schema.json",
    "goal_bank.json",
    "i18n/songjiao_zh_CN.qm",
    "i18n/songjiao_en.qm",
    "icons/songjiao.png",
)


class ResourceError(RuntimeError):
    """The installation lacks a file it ships with: reinstall (never run on with English or without a font)."""


def missing_resources() -> list[str]:
    """The required files this installation lacks, as paths relative to their data folder."""
    missing = [f"resources/{name}" for name in REQUIRED_RESOURCES if not (RESOURCES / name).is_file()]
    if not (MIGRATIONS / "env.py").is_file() or not any((MIGRATIONS / "versions").glob("*.py")):
        missing.append("migrations/")
    return missing


def require_resources() -> None:
    """Raise ResourceError naming what is missing; called when the program starts."""
    missing = missing_resources()
    if missing:
        raise ResourceError(
            f"this installation of Songjiao is incomplete (missing {', '.join(missing)} under {RESOURCES.parent}); "
            "please reinstall it"
        )


def resource(name: str) -> Path:
    """A shipped file by its path under resources/; a clear ResourceError when the installation lacks it."""
    path = RESOURCES / name
    if not path.is_file():
        raise ResourceError(
            f"this installation of Songjiao is incomplete (missing resources/{name}); please reinstall it"
        )
    return path


# A --db that is a PostgreSQL server's SQLAlchemy URL rather than a SQLite file (issue 13). psycopg 3 is the driver;
# a plain postgresql:// gets it too (SQLAlchemy would otherwise look for psycopg2, which is not installed).
SERVER_SCHEMES = ("postgresql+psycopg://", "postgresql://", "postgres://")


def is_server_url(db: object) -> bool:
    return isinstance(db, str) and db.startswith(SERVER_SCHEMES)


def _psycopg_url(url: str) -> str:
    scheme, rest = url.split("://", 1)
    return "postgresql+psycopg://" + rest if scheme in ("postgresql", "postgres") else url


def hide_password(url: str) -> str:
    """The URL as it may be shown or logged: ``postgresql+psycopg://user:***@host/db``."""
    return re.sub(r"(://[^:/@?]+):[^@/?]*@", r"\1:***@", url)


@dataclass(frozen=True)
class AppPaths:
    """Where one database and its folders are.

    On a PostgreSQL server (``db_url`` set) there is no database file: ``db_path`` is then only a name inside
    the data folder that stands for the server and database (one per URL, e.g. the single-instance lock is keyed
    by it); nothing creates, opens or deletes it, and everything that works on the file checks ``db_url`` first.
    """

    data_dir: Path
    db_path: Path
    db_url: str | None = field(default=None, repr=False)  # repr: it may hold a password

    @property
    def on_server(self) -> bool:
        return self.db_url is not None

    @property
    def db_option(self) -> str:
        """The ``--db`` value that opens this database again (with the password, for this process only)."""
        return self.db_url or str(self.db_path)

    @property
    def where(self) -> str:
        """The database as messages name it: the file's path, or the server's URL without its password."""
        return hide_password(self.db_url) if self.db_url else str(self.db_path)

    @property
    def key_file(self) -> Path:
        """The key file of an encrypted database: its existence says the database is encrypted."""
        return Path(str(self.db_path) + KEY_FILE_SUFFIX)

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
        for folder in (
            self.data_dir,
            self.backup_dir,
            self.log_dir,
            *(() if self.db_url else (self.db_path.parent,)),
        ):
            folder.mkdir(parents=True, exist_ok=True)
        return self


def default_data_dir() -> Path:
    override = os.environ.get("SONGJIAO_DATA_DIR")
    if override:
        return Path(override)
    import platformdirs  # only here: --db with --data-dir or SONGJIAO_DATA_DIR never needs it

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def resolve(
    db: str | os.PathLike[str] | None = None, data_dir: str | os.PathLike[str] | None = None
) -> AppPaths:
    """Paths for this run. A chosen --db keeps its backups beside it, not in the default folder; a server's URL
    keeps its logs and exports in --data-dir (default: the user's data folder)."""
    if is_server_url(db):
        url = _psycopg_url(str(db))
        base = Path(data_dir).expanduser().resolve() if data_dir else default_data_dir()
        # The password is not part of which database this is (and must not reach the name's hash input twice).
        import hashlib

        name = hashlib.sha256(hide_password(url).encode("utf-8")).hexdigest()[:16]
        return AppPaths(base, base / f"server-{name}", url)
    if db is not None:
        db_path = Path(db).expanduser().resolve()
        base = Path(data_dir).expanduser().resolve() if data_dir else db_path.parent / f"{db_path.stem}-data"
        return AppPaths(base, db_path)
    base = Path(data_dir).expanduser().resolve() if data_dir else default_data_dir()
    return AppPaths(base, base / DB_FILENAME)
