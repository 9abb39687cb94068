"""A new recovery key for the school at any time (setup.replace_recovery_key, ``songjiao recovery-key``): the
old key is refused afterwards, the administrator's password is asked again, refusals change nothing, and the
key file is replaced whole or not at all."""

from __future__ import annotations

import os
from contextlib import closing

import pytest
from sqlalchemy.orm import Session

from app.paths import resolve
from app.services import files, keyring, setup
from app.services.context import ServiceContext
from app.services.errors import AuthError, ServiceError
from tests.conftest import ON_SERVER, PASSWORDS, TEST_KEY, connect_db, run_as, sqlite_only, unchanged


@pytest.fixture
def old_key(school):
    text = setup.make_recovery_key(school.as_(school.admin))
    assert text is not None
    return text


def _entries(db_path, entity: str = "recovery_key") -> list[tuple]:
    with closing(connect_db(db_path)) as conn:
        return conn.execute(
            "SELECT user_id, entity_id, action, fields FROM audit_entry WHERE entity = ? ORDER BY at, id",
            (entity,),
        ).fetchall()


@sqlite_only
def test_a_new_recovery_key_opens_the_database_and_the_old_one_is_refused(school, paths, old_key):
    new = setup.replace_recovery_key(school.as_(school.admin), PASSWORDS["admin"])
    assert new != old_key and keyring.unlock_recovery(paths.db_path, new) == TEST_KEY
    with pytest.raises(AuthError) as refused:
        keyring.unlock_recovery(paths.db_path, old_key)
    assert refused.value.message_id == "keys.wrong_recovery"
    # Only the recovery slot changed: the passwords still open the database.
    assert keyring.unlock_user(paths.db_path, "admin", PASSWORDS["admin"]) == TEST_KEY
    assert [s["kind"] for s in keyring.load(paths.db_path).slots].count("recovery") == 1
    # Audited without personal data: who acted (an id), what, nothing else.
    assert _entries(paths.db_path) == [(school.admin.id, "", "replaced", "[]")]
    # The recovery key itself never reaches the database or the key file in the clear.
    assert new.encode() not in paths.key_file.read_bytes()


@sqlite_only
def test_a_wrong_password_is_refused_audited_and_the_key_file_is_unchanged(school, paths, old_key):
    before = paths.key_file.read_bytes()
    with pytest.raises(AuthError) as refused:
        setup.replace_recovery_key(school.as_(school.admin), "not-my-password")
    assert refused.value.message_id == "recovery_key.wrong_password" and refused.value.field == "password"
    assert paths.key_file.read_bytes() == before
    assert keyring.unlock_recovery(paths.db_path, old_key) == TEST_KEY
    assert _entries(paths.db_path) == [(school.admin.id, "", "refused", "[]")]


@sqlite_only
@pytest.mark.parametrize("who", ["office", "leader", "t1"])
def test_only_an_administrator_makes_a_new_recovery_key(school, paths, old_key, who):
    ctx = school.as_(getattr(school, who))
    assert getattr(setup.recovery_key_refusal(ctx), "message_id", "") == "recovery_key.admin_only"
    with unchanged(paths.db_path, paths.key_file), pytest.raises(ServiceError) as refused:
        setup.replace_recovery_key(ctx, "password1")
    assert refused.value.message_id == "recovery_key.admin_only"
    assert keyring.unlock_recovery(paths.db_path, old_key) == TEST_KEY


@sqlite_only
def test_a_plaintext_database_has_no_recovery_key_to_replace(tmp_path):
    from app.services.setup import initialize_school, open_store
    from tests.conftest import TERM

    plain = resolve(tmp_path / "plain.sqlite3")
    store = open_store(plain, plaintext=True)
    try:
        admin = initialize_school(
            ServiceContext(store),
            {
                "school_name": "学校",
                "term": TERM,
                "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
            },
        )
        ctx = ServiceContext(store, admin)
        with unchanged(plain.db_path), pytest.raises(ServiceError) as refused:
            setup.replace_recovery_key(ctx, "admin-pass")
        assert refused.value.message_id == "recovery_key.plaintext"
        assert not plain.key_file.exists()
    finally:
        store.dispose()


@sqlite_only
def test_a_commit_that_fails_after_the_slot_was_written_puts_the_old_key_back(
    school, paths, old_key, monkeypatch
):
    """The slot is written inside the transaction of its audit entry; if the commit then fails (a full disk,
    a lock held too long) the old recovery slot is put back: the school's sheet keeps working."""
    made: list[str] = []
    real_set = keyring.set_recovery
    monkeypatch.setattr(keyring, "set_recovery", lambda *a: made.append(real_set(*a)) or made[-1])

    real_commit = Session.commit

    def refuse(self):
        if made:  # the commit of the transaction that wrote the new slot (the password check commits first)
            raise OSError("database or disk is full")
        real_commit(self)

    monkeypatch.setattr(Session, "commit", refuse)
    with pytest.raises(OSError):
        setup.replace_recovery_key(school.as_(school.admin), PASSWORDS["admin"])
    monkeypatch.undo()
    assert len(made) == 1  # the new slot had been written ...
    assert keyring.unlock_recovery(paths.db_path, old_key) == TEST_KEY  # ... and the old one is back
    with pytest.raises(AuthError):
        keyring.unlock_recovery(paths.db_path, made[0])
    assert _entries(paths.db_path) == []


@sqlite_only
def test_the_key_file_is_replaced_whole_or_not_at_all(school, paths, old_key, monkeypatch):
    """A rename that fails (a full disk, a held file) leaves the old key file byte for byte and no part file;
    a rename that succeeds is made durable by syncing the folder."""
    before = paths.key_file.read_bytes()

    def no_rename(_part, _target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", no_rename)
    with pytest.raises(OSError):
        setup.replace_recovery_key(school.as_(school.admin), PASSWORDS["admin"])
    monkeypatch.undo()
    assert paths.key_file.read_bytes() == before
    assert not list(paths.db_path.parent.glob("*.part"))
    assert keyring.unlock_recovery(paths.db_path, old_key) == TEST_KEY
    assert _entries(paths.db_path) == []

    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd):
        synced.append(os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else str(fd))
        real_fsync(fd)

    monkeypatch.setattr(keyring.os, "fsync", fsync)
    setup.replace_recovery_key(school.as_(school.admin), PASSWORDS["admin"])
    if os.name == "posix" and os.path.exists("/proc/self/fd"):
        assert str(paths.db_path.parent) in synced  # the folder, after the file itself


@sqlite_only
def test_the_command_makes_a_new_key_prints_it_once_and_saves_the_sheet(
    school, paths, old_key, tmp_path, capsys
):
    db = str(paths.db_path)
    school.ctx.store.dispose()
    out = tmp_path / "safe"
    out.mkdir()
    assert run_as(["--db", db, "recovery-key", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    lines = [line.strip() for line in printed.splitlines()]
    new = next(line for line in lines if keyring._normalize_recovery(line))
    assert printed.count(new) == 1 and "The old recovery key no longer opens the database" in printed
    assert keyring.unlock_recovery(paths.db_path, new) == TEST_KEY
    with pytest.raises(AuthError):
        keyring.unlock_recovery(paths.db_path, old_key)
    sheet, text_file = out / "songjiao-recovery-sheet.pdf", out / "songjiao-recovery-sheet.txt"
    assert sheet.read_bytes().startswith(b"%PDF") and keyring.read_recovery_file(text_file) == new
    assert _entries(paths.db_path) == [(school.admin.id, "", "replaced", "[]")]
    # The sheet's file opens the database on the command line, and makes the next key itself (as the system).
    assert run_as(["--db", db, "check"]) == 0
    from app.cli.main import run

    capsys.readouterr()
    # Any other command opened by the recovery key says to replace it; this one does not need to.
    assert run(["--db", db, "--recovery-key", str(text_file), "check"]) == 0
    assert "note: The recovery key was used" in capsys.readouterr().err
    assert run(["--db", db, "--recovery-key", str(text_file), "recovery-key"]) == 0
    captured = capsys.readouterr()
    assert "The recovery key was used" not in captured.err
    third = next(line.strip() for line in captured.out.splitlines() if keyring._normalize_recovery(line))
    assert keyring.unlock_recovery(paths.db_path, third) == TEST_KEY
    with pytest.raises(AuthError):
        keyring.unlock_recovery(paths.db_path, new)
    assert _entries(paths.db_path)[-1] == (None, "", "replaced", "[]")


@sqlite_only
def test_the_command_refuses_a_teacher_and_a_missing_folder_with_one_line(
    school, paths, old_key, tmp_path, capsys
):
    db = str(paths.db_path)
    school.ctx.store.dispose()
    for argv, user, expected in (
        (["recovery-key"], "t1", "Only an administrator can make a new recovery key."),
        (["recovery-key", "--out", str(tmp_path / "no" / "sheet.pdf")], "admin", "There is no folder"),
    ):
        capsys.readouterr()
        with unchanged(paths.db_path, paths.key_file):
            assert run_as(["--db", db, *argv], user=user) == 2
        captured = capsys.readouterr()
        assert len(captured.err.strip().splitlines()) == 1 and expected in captured.err
        assert (
            keyring._normalize_recovery(captured.out.strip()) is None and "Recovery key" not in captured.out
        )
    assert keyring.unlock_recovery(paths.db_path, old_key) == TEST_KEY


@sqlite_only
def test_the_command_refuses_a_plaintext_database_with_one_line(tmp_path, capsys):
    from app.cli.main import run
    from app.services.setup import open_store

    plain = resolve(tmp_path / "plain.sqlite3")
    open_store(plain, plaintext=True).dispose()
    sheet = tmp_path / "sheet.txt"
    sheet.write_text(keyring.new_recovery_text() + "\n", encoding="utf-8")
    with unchanged(plain.db_path):
        assert run(["--db", str(plain.db_path), "--recovery-key", str(sheet), "recovery-key"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "not encrypted" in err


@sqlite_only
def test_an_administrators_log_in_encrypts_a_plaintext_database_and_its_new_key_is_the_one_printed(
    tmp_path, capsys
):
    """The command's log-in encrypts a plaintext school in place (as every administrator's log-in does): the
    recovery key made by that encryption is the new one, printed on standard output, not replaced again."""
    from app.services.setup import initialize_school, open_store
    from tests.conftest import TERM

    plain = resolve(tmp_path / "plain.sqlite3")
    store = open_store(plain, plaintext=True)
    initialize_school(
        ServiceContext(store),
        {
            "school_name": "学校",
            "term": TERM,
            "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
        },
    )
    store.dispose()
    assert run_as(["--db", str(plain.db_path), "recovery-key"]) == 0
    out = capsys.readouterr().out
    new = next(line.strip() for line in out.splitlines() if keyring._normalize_recovery(line))
    assert keyring.unlock_recovery(plain.db_path, new) == TEST_KEY
    assert _entries(plain.db_path) == []  # encrypted, not replaced: nothing to replace was there


@pytest.mark.skipif(not ON_SERVER, reason="the PostgreSQL run (SONGJIAO_TEST_DB=postgresql)")
def test_a_postgresql_database_has_no_recovery_key(school, paths, capsys):
    ctx = school.as_(school.admin)
    assert getattr(setup.recovery_key_refusal(ctx), "message_id", "") == "recovery_key.server"
    with unchanged(paths.db_path), pytest.raises(ServiceError):
        setup.replace_recovery_key(ctx, PASSWORDS["admin"])
    school.ctx.store.dispose()
    capsys.readouterr()
    assert run_as(["--db", paths.db_option, "recovery-key"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "PostgreSQL server" in err


_REPLACER = """
import os, sys
from pathlib import Path
from app.services import keyring
db, log = Path(sys.argv[1]), open(sys.argv[2], "a", encoding="ascii")
def note(line):
    log.write(line + "\\n"); log.flush(); os.fsync(log.fileno())
fresh = keyring.new_recovery_text
while True:
    text = fresh()
    note("next " + text)
    keyring.new_recovery_text = lambda: text  # the key set_recovery makes: noted before it is written
    keyring.set_recovery(db, bytes(range(32)))
    note("done " + text)
"""


@sqlite_only
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_process_killed_while_it_replaces_the_recovery_key_leaves_a_key_file_that_opens(tmp_path):
    """SIGKILL at random moments of a loop of replacements: after each kill the key file is whole, holds one
    recovery slot, and it opens with the last key acknowledged or the one being written; the password's slot
    is untouched. (A power cut is the folder sync's business: not something a test can pull.)"""
    import random
    import signal
    import subprocess
    import sys
    import time

    db = tmp_path / "school.sqlite3"
    keys = keyring.new_key_file()
    keys.put(keyring.user_slot(keys, TEST_KEY, "admin", "admin-pass"))
    keyring.save(db, keys)
    log = tmp_path / "replaced.log"
    rng = random.Random(12)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    kills = 0
    for _round in range(8):
        log.write_text("", encoding="ascii")
        child = subprocess.Popen([sys.executable, "-c", _REPLACER, str(db), str(log)], env=env)
        try:
            deadline = time.monotonic() + 60
            while "done " not in log.read_text(encoding="ascii"):  # running, past its imports
                assert child.poll() is None and time.monotonic() < deadline, "the replacing process died"
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 0.05))
            child.send_signal(signal.SIGKILL)
            kills += 1
        finally:
            child.wait(timeout=30)
        lines = log.read_text(encoding="ascii").splitlines()
        done = [line[5:] for line in lines if line.startswith("done ")]
        pending = lines[-1][5:] if lines[-1].startswith("next ") else None
        keys = keyring.read_key_file(keyring.key_file(db))  # whole: it parses
        assert [s["kind"] for s in keys.slots].count("recovery") == 1
        opened = [t for t in (done[-1], pending) if t is not None and _opens(db, t)]
        assert len(opened) == 1, (done[-1], pending)
        assert keyring.unlock_user(db, "admin", "admin-pass") == TEST_KEY
    assert kills == 8


def _opens(db, text: str) -> bool:
    try:
        return keyring.unlock_recovery(db, text) == TEST_KEY
    except AuthError:
        return False


@sqlite_only
def test_a_laptop_has_no_recovery_key_to_replace(school, paths):
    """A teacher's laptop is recovered with the office's key (its slot), never with a school recovery key."""
    from app.db.models import ExchangeDevice
    from app.services.exchange import keys as exchange_keys

    office, laptop = exchange_keys.generate(), exchange_keys.generate()
    with school.ctx.store.session_factory() as session, session.begin():
        session.add(
            ExchangeDevice(
                role="office", label="o", sign_public=office.sign_public, kx_public=office.kx_public
            )
        )
        session.add(
            ExchangeDevice(
                role="laptop",
                teacher_id=school.t1.id,
                is_self=True,
                label="l",
                sign_public=laptop.sign_public,
                kx_public=laptop.kx_public,
            )
        )
    ctx = school.as_(school.admin)
    assert getattr(setup.recovery_key_refusal(ctx), "message_id", "") == "recovery_key.laptop"
    with unchanged(paths.db_path, paths.key_file), pytest.raises(ServiceError):
        setup.replace_recovery_key(ctx, PASSWORDS["admin"])
