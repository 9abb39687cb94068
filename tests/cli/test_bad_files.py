"""Every command, against every kind of unusable database file, exits 2 with one line naming the real
cause, prints no traceback, and leaves every file byte for byte as it was (no -wal, no -data folder).

The commands are read from the argparse parser, so a new command is covered without anyone remembering.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from app.cli.main import build_parser, run
from app.services import keyring
from tests.conftest import CHEAP_KDF, TEST_KEY, connect_db, run_as

# Commands that do not open the database: nothing to judge (restore is the cure for a bad file). The district's
# commands take a PostgreSQL URL only and refuse a file themselves (tests/district).
NO_DATABASE = {("gui",), ("backups",), ("restore",), ("roster", "template"), ("hub", "cert"), ("district",)}
VALUES = {
    "school": "青山县特殊教育学校",
    "term_name": "2026秋季学期",
    "term_start": "2026-09-01",
    "term_end": "2027-01-20",
    "admin_user": "admin",
    "username": "u1",
    "password": "password1",
    "student": "S001",
    "teacher": "t1",
}


def leaves(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], list[str]]]:
    """Every runnable command with the required arguments filled in."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from leaves(sub, (*prefix, name))
            return
    argv: list[str] = []
    for action in parser._actions:
        if action.dest == "help" or (action.option_strings and not action.required):
            continue
        value = action.choices[0] if action.choices else VALUES.get(action.dest, "INPUT")
        argv += [*(action.option_strings[:1]), str(value)]
    yield prefix, argv


COMMANDS = [
    (cmd, argv)
    for cmd, argv in leaves(build_parser("*"))
    if cmd[:1] not in NO_DATABASE and cmd not in NO_DATABASE
]


@pytest.fixture(scope="module")
def good_db(tmp_path_factory) -> Path:
    """A real (small) Songjiao database, closed, as a file to copy."""
    path = tmp_path_factory.mktemp("good") / "school.sqlite3"
    with (
        pytest.MonkeyPatch.context() as patch
    ):  # module scope: the per-test cheap_keys fixture is not here yet
        patch.setattr(keyring, "DEFAULT_KDF", CHEAP_KDF)
        patch.setattr(keyring, "new_database_key", lambda: TEST_KEY)
        _init(path)
    return path


def _init(path: Path) -> None:
    assert (
        run(
            [
                "--db",
                str(path),
                "init",
                *sum(
                    (
                        [f"--{k.replace('_', '-')}", VALUES[k]]
                        for k in ("school", "term_name", "term_start", "term_end", "admin_user")
                    ),
                    [],
                ),
                "--admin-password",
                "password1",
            ]
        )
        == 0
    )


def _make(kind: str, good: Path, folder: Path) -> Path:
    target = folder / "school.sqlite3"
    data = good.read_bytes()
    if kind in ("truncated", "newer", "copy", "read_only_file", "read_only_folder"):
        # An encrypted database with its key file (without it, the file would be just random bytes).
        Path(str(target) + ".keys").write_bytes(Path(str(good) + ".keys").read_bytes())
    if kind == "truncated":
        target.write_bytes(data[: len(data) // 3])
    elif kind == "random":
        target.write_bytes(random.Random(10).randbytes(16384))
    elif kind == "zero_bytes":
        target.write_bytes(b"")
    elif kind == "other_app":
        with closing(sqlite3.connect(target)) as conn:
            conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
            conn.execute("INSERT INTO notes (body) VALUES ('x')")
            conn.commit()
    elif kind == "newer":
        target.write_bytes(data)
        with closing(connect_db(target, read_only=False)) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_newer'")
            conn.commit()
    else:
        target.write_bytes(data)
    return target


CAUSES = {
    "truncated": "damaged",
    "random": "not a database",
    "zero_bytes": "empty",
    "other_app": "another program",
    "newer": "newer version",
    "read_only_file": "read-only",
    "read_only_folder": "read-only",
}


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        for p in sorted(folder.rglob("*"))
    }


@contextlib.contextmanager
def _read_only(kind: str, folder: Path, target: Path) -> Iterator[None]:
    if kind == "read_only_file":
        target.chmod(0o444)
    elif kind == "read_only_folder":
        folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o755)
        target.chmod(0o644)


def _check_one(argv: list[str], cause: str, capsys) -> None:
    code = run_as(argv, password="password1")  # logged in: what is refused is the file, not the login
    out, err = capsys.readouterr()
    assert code == 2, (argv, out, err)
    assert len(err.splitlines()) == 1 and "Traceback" not in err, (argv, err)
    assert cause in err, (argv, err)


@pytest.mark.parametrize("kind", list(CAUSES))
def test_every_command_refuses_an_unusable_file_unchanged(kind, good_db, tmp_path, capsys):
    if kind.startswith("read_only") and os.geteuid() == 0:
        pytest.skip("root may write read-only files; see the read-only mount test")
    folder = tmp_path / "case"
    folder.mkdir()
    target = _make(kind, good_db, folder)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "INPUT").write_bytes(b"not a roster, dump or bundle")
    before = _snapshot(folder)
    with _read_only(kind, folder, target), contextlib.chdir(inputs):
        for command, argv in COMMANDS:
            _check_one(["--db", str(target), *command, *argv], CAUSES[kind], capsys)
    assert _snapshot(folder) == before


def test_a_mistyped_path_creates_nothing_for_any_command_but_those_that_make_a_database(tmp_path, capsys):
    missing = tmp_path / "typo" / "shcool.sqlite3"
    for command, argv in COMMANDS:
        if command in (("init",), ("load",), ("demo",), ("exchange", "join")):
            continue
        with contextlib.chdir(tmp_path):
            code = run(["--db", str(missing), *command, *argv])
        _out, err = capsys.readouterr()
        assert code == 2 and len(err.splitlines()) == 1, (command, err)
        assert not (tmp_path / "typo").exists(), command


def _mount_tmpfs(folder: Path, size: str) -> bool:
    if os.geteuid() != 0:
        return False
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=False)
    return done.returncode == 0


@pytest.fixture
def mount(tmp_path):
    mounted: list[Path] = []

    def make(name: str, size: str) -> Path:
        folder = tmp_path / name
        if not _mount_tmpfs(folder, size):
            pytest.skip("mounting a tmpfs needs root")
        mounted.append(folder)
        return folder

    yield make
    for folder in mounted:
        subprocess.run(
            ["umount", "-l", str(folder)], check=False
        )  # lazy: a file still open is no reason to leave it


def test_a_read_only_file_system_is_named_and_left_alone(mount, good_db, tmp_path, capsys):
    folder = mount("ro", "4m")
    target = _make("copy", good_db, folder)
    before = _snapshot(folder)
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "INPUT").write_bytes(b"x")
    with contextlib.chdir(inputs):
        for command, argv in COMMANDS:
            _check_one(["--db", str(target), *command, *argv], "read-only", capsys)
    assert _snapshot(folder) == before


def test_a_full_disk_is_named(mount, good_db, tmp_path, capsys):
    folder = mount("full", "1m")
    # A new database on a full disk: the half-made file is removed.
    filler = folder / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as handle:
        handle.write(b"\0" * (1024 * 1024))
    _check_one(["--db", str(folder / "new.sqlite3"), "demo", "--students", "3"], "disk is full", capsys)
    # No half-made database is left (the data folder beside it may hold the log folder, made first).
    assert not [p.name for p in folder.iterdir() if p.name.startswith("new.sqlite3")]


def test_one_real_process_prints_one_line_and_no_traceback(tmp_path):
    target = tmp_path / "school.sqlite3"
    target.write_bytes(random.Random(3).randbytes(4096))
    done = subprocess.run(
        [sys.executable, "-m", "app", "--db", str(target), "compliance"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        check=False,
    )
    assert done.returncode == 2
    assert len(done.stderr.splitlines()) == 1 and "not a database" in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["school.sqlite3"]
