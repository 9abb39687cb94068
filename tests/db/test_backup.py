"""Backups: round trip, refusing bad files without a change, rotation, and the scheduled backup at start-up."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.services import backup, students
from app.services import school as school_service
from app.services.errors import ValidationError
from app.services.maintenance import startup_housekeeping
from tests.conftest import TEST_KEY, connect_db, run_as
from tests.populate import row_counts


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _same_records_and_a_rewind_mark(after: dict[str, int], before: dict[str, int]) -> None:
    # The populated copy holds the office key (it signed a decision): a restored copy with an exchange
    # identity marks itself rewound (app/services/exchange/lineage.py), one exchange_log row.
    after, before = dict(after), dict(before)
    assert after.pop("exchange_log") == before.pop("exchange_log") + 1
    assert after == before


def test_backup_and_restore_round_trip(populated, paths):
    store = populated.ctx.store
    before = row_counts(store.engine)
    made = backup.make_backup(paths, key=TEST_KEY)
    assert made.path.is_file() and backup.verify(made.path, TEST_KEY) is None
    students.create_student(populated.as_(populated.office), {"code": "S099", "name": "新生"})
    assert row_counts(store.engine)["student"] == before["student"] + 1
    store.dispose()
    safety = backup.restore(paths, made.path, key=TEST_KEY, current_key=TEST_KEY)
    assert safety is not None and safety.reason == "pre-restore"
    _same_records_and_a_rewind_mark(row_counts(store.engine), before)
    with closing(connect_db(safety.path, read_only=False)) as conn:  # the replaced state is kept, not lost
        assert conn.execute("SELECT count(*) FROM student").fetchone()[0] == before["student"] + 1


def _bad_files(tmp_path, good):
    truncated = tmp_path / "truncated.sqlite3"
    data = good.read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    keys = Path(str(good) + ".keys").read_bytes()  # an encrypted backup travels with its key file
    Path(str(truncated) + ".keys").write_bytes(keys)
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all " * 500)
    foreign = tmp_path / "other-app.sqlite3"
    with closing(connect_db(foreign, read_only=False)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('x')")
        conn.commit()
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(data)
    Path(str(newer) + ".keys").write_bytes(keys)
    with closing(connect_db(newer, read_only=False)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_newer'")
        conn.commit()
    return {
        "truncated": truncated,
        "garbage": garbage,
        "foreign": foreign,
        "newer": newer,
        "missing": tmp_path / "nowhere.sqlite3",
    }


def test_restore_refuses_bad_files_and_changes_nothing(populated, paths, tmp_path):
    good = backup.make_backup(paths, key=TEST_KEY).path
    populated.ctx.store.dispose()
    before = _sha(paths.db_path)
    backups_before = backup.list_backups(paths)
    for name, bad in _bad_files(tmp_path, good).items():
        with pytest.raises(ValidationError) as error:
            backup.restore(paths, bad, key=TEST_KEY, current_key=TEST_KEY)
        assert "Nothing was changed" in str(error.value), name
        assert _sha(paths.db_path) == before, name
        assert backup.list_backups(paths) == backups_before, name


def test_cli_restore_refuses_with_one_line_and_exit_2(populated, paths, tmp_path, capsys):
    good = backup.make_backup(paths, key=TEST_KEY).path
    populated.ctx.store.dispose()
    before = _sha(paths.db_path)
    for bad in _bad_files(tmp_path, good).values():
        capsys.readouterr()
        assert run_as(["--db", str(paths.db_path), "restore", str(bad)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("songjiao: error:") and "Traceback" not in err
        assert _sha(paths.db_path) == before
    assert run_as(["--db", str(paths.db_path), "restore", str(good)]) == 0
    assert "restored" in capsys.readouterr().out


def test_rotation_keeps_the_newest_n(populated, paths):
    made = [backup.make_backup(paths, f"n{i}", keep=3, key=TEST_KEY).path for i in range(5)]
    kept = [b.path for b in backup.list_backups(paths)]
    assert kept == list(reversed(made[2:]))
    assert not any(p.exists() for p in made[:2])


def test_cli_backup_and_backups(populated, paths, capsys):
    db = str(paths.db_path)
    assert run_as(["--db", db, "backup"]) == 0
    printed = capsys.readouterr().out.strip()
    assert backup.verify(paths.backup_dir / printed.rsplit("/", 1)[-1], TEST_KEY) is None
    assert run_as(["--db", db, "backups"]) == 0
    assert printed in capsys.readouterr().out


def test_startup_housekeeping_backs_up_when_due_with_the_school_settings(populated, paths):
    ctx = populated.as_(populated.admin)
    school_service.update_school(ctx, {"backup_keep": 2, "backup_every_hours": 1})
    first = startup_housekeeping(populated.ctx.store)
    assert first is not None and first.reason == "scheduled"
    assert startup_housekeeping(populated.ctx.store) is None  # not due again within the hour
    for i in range(3):
        backup.make_backup(paths, f"m{i}", keep=99, key=TEST_KEY)
    # An overdue schedule: the newest backup is older than the setting allows, so one is made and rotated to 2.
    for info in backup.list_backups(paths):  # make every backup look years old
        stamp = info.path.name[len(backup.PREFIX) : len(backup.PREFIX) + 4]
        info.path.rename(
            info.path.with_name(info.path.name.replace(backup.PREFIX + stamp, backup.PREFIX + "2020"))
        )
    assert all(b.created.year == 2020 for b in backup.list_backups(paths))
    made = startup_housekeeping(populated.ctx.store)
    assert made is not None
    assert len(backup.list_backups(paths)) == 2


def test_restore_over_a_damaged_database_keeps_the_damaged_bytes_aside(populated, paths):
    before = row_counts(populated.ctx.store.engine)
    good = backup.make_backup(paths, key=TEST_KEY).path
    populated.ctx.store.dispose()
    damaged = b"SQLite format 3\x00" + b"\xff" * 50_000
    paths.db_path.write_bytes(damaged)
    Path(str(paths.db_path) + "-wal").unlink(missing_ok=True)
    backup.restore(paths, good, key=TEST_KEY, current_key=TEST_KEY)
    _same_records_and_a_rewind_mark(row_counts(populated.ctx.store.engine), before)
    kept = list(paths.backup_dir.glob("songjiao-damaged-*.sqlite3"))
    assert [p.read_bytes() for p in kept] == [damaged]
    assert [b.path for b in backup.list_backups(paths)] == [good]  # not mixed up with real backups


def test_cli_restore_refuses_the_database_itself(populated, paths, capsys):
    populated.ctx.store.dispose()
    before = _sha(paths.db_path)
    assert run_as(["--db", str(paths.db_path), "restore", str(paths.db_path)]) == 2
    assert "database itself" in capsys.readouterr().err
    assert _sha(paths.db_path) == before and backup.list_backups(paths) == []


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_backups_leave_no_litter_and_are_private(school, paths):
    made = backup.make_backup(paths, key=TEST_KEY)
    leftovers = sorted(p.name for p in paths.backup_dir.iterdir() if p != made.path)
    # no *.partial, *.partial-wal, *.partial-shm beside the backup: only its key file
    assert leftovers == [made.path.name + ".keys"]
    if os.name == "posix":  # on Windows the user's profile folder is private already
        assert _mode(made.path) == 0o600
        assert _mode(Path(str(made.path) + ".keys")) == 0o600
        assert _mode(paths.db_path) == 0o600
        for suffix in ("-wal", "-shm"):
            side = Path(str(paths.db_path) + suffix)
            assert not side.exists() or _mode(side) == 0o600


def test_a_failed_backup_leaves_nothing(tmp_path):
    from app.paths import resolve

    paths = resolve(tmp_path / "broken.sqlite3")
    paths.ensure()
    paths.db_path.write_bytes(b"not a database at all " * 500)
    with pytest.raises((ValidationError, sqlite3.DatabaseError)):
        backup.make_backup(paths, key=TEST_KEY)
    assert list(paths.backup_dir.iterdir()) == []


def test_rotation_sweeps_litter_of_earlier_versions(school, paths):
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    old = paths.backup_dir / "songjiao-backup-20260101-000000-000000-manual.partial-wal"
    old.write_bytes(b"")
    os.utime(old, (0, 0))
    backup.make_backup(paths, key=TEST_KEY)
    assert not old.exists()


@pytest.mark.parametrize("folder", ["备份#1", "100%done"])
def test_a_backup_in_a_folder_with_hash_or_percent_checks_that_very_file(populated, paths, tmp_path, folder):
    """The check once built its URI by string formatting: '#' cut the path and SQLite created an empty database
    elsewhere (then called the real backup 'not a Songjiao database')."""
    made = backup.make_backup(paths, key=TEST_KEY)
    aside = tmp_path / folder / made.path.name
    aside.parent.mkdir()
    aside.write_bytes(made.path.read_bytes())
    Path(str(aside) + ".keys").write_bytes(Path(str(made.path) + ".keys").read_bytes())
    before = set(tmp_path.rglob("*"))
    assert backup.verify(aside, TEST_KEY) is None
    # Nothing new but SQLite's own companions of that very file (its -wal/-shm: the backups' litter, issue 10).
    companions = {aside.with_name(aside.name + suffix) for suffix in ("-wal", "-shm")}
    assert set(tmp_path.rglob("*")) - before <= companions
