"""Encryption at rest: the SQLCipher file, the key slots, the recovery key, plaintext files encrypted in place,
encrypted backups, and the command line's log-in (issue 12)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.db.engine import (
    CIPHER_DEFAULTS,
    LEGACY_FORMAT,
    PAGE_FORMAT,
    SHA256_4K_FORMAT,
    WrongKeyError,
    connect_encrypted,
    make_engine,
    page_format_of,
)
from app.paths import resolve
from app.services import backup, check, keyring, setup, students, throttle, users
from app.services.context import ServiceContext
from app.services.errors import AuthError, ConflictError
from app.services.exchange import keys as exchange_keys
from tests.conftest import PASSWORDS, REAL_NEW_KEY, TERM, TEST_KEY, db_digest, make_id_number, run_as

NAME = "小明"  # a student of the school fixture
ADMIN_PASSWORD = PASSWORDS["admin"]


def _every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def _side(paths, *suffixes: str) -> list[Path]:
    return [Path(str(paths.db_path) + s) for s in suffixes]


def _existing(files) -> list[Path]:
    return [f for f in files if f.exists()]


def test_the_database_and_its_wal_hold_no_readable_name(populated, paths):
    """Every page is encrypted, the WAL's too: the name and the ID number are in no file on disk."""
    id_number = make_id_number("46010020110301123")  # the school fixture's first student
    backup.make_backup(paths, key=populated.ctx.store.key)
    assert Path(str(paths.db_path) + "-wal").exists()  # open, in WAL mode: the test reads a live WAL
    for file in _existing([paths.db_path, *_side(paths, "-wal", "-shm"), *_every_file(paths.data_dir)]):
        data = file.read_bytes()
        assert NAME.encode() not in data and id_number.encode() not in data, file
    assert not paths.db_path.read_bytes().startswith(b"SQLite format 3")


def test_a_wrong_key_is_refused_typed_and_changes_no_byte(school, paths):
    school.ctx.store.dispose()
    files = _side(paths, "-wal", "-shm", ".keys")
    before = db_digest(paths.db_path, *files)
    with pytest.raises(WrongKeyError) as error:
        make_engine(paths.db_path, key=bytes(32))
    assert error.value.message_id == "storage.wrong_key" and "Nothing was changed" in str(error.value)
    with pytest.raises(WrongKeyError):
        connect_encrypted(paths.db_path, bytes(range(1, 33)))
    assert db_digest(paths.db_path, *files) == before


def test_a_file_another_program_holds_is_said_to_be_in_use_not_taken_for_a_wrong_key(school, paths):
    """Each page format is tried on opening; a lock is not a format that failed its HMAC."""
    import sqlcipher3

    school.ctx.store.dispose()
    holder = connect_encrypted(paths.db_path, TEST_KEY)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE held (x)")
        with pytest.raises(sqlcipher3.OperationalError, match="locked"):
            connect_encrypted(paths.db_path, TEST_KEY)
    finally:
        holder.close()


def test_a_new_database_key_is_random():
    assert len({REAL_NEW_KEY() for _ in range(5)}) == 5 and len(REAL_NEW_KEY()) == 32


def test_the_key_file_names_nobody_is_private_and_each_slot_carries_its_parameters(school, paths):
    text = paths.key_file.read_text(encoding="utf-8")
    for username in ("admin", "office", "leader", "t1", "t2"):
        assert f'"{username}"' not in text
    assert "管理员" not in text and "admin-pass" not in text
    if os.name == "posix":
        assert paths.key_file.stat().st_mode & 0o777 == 0o600
    slots = json.loads(text)["slots"]
    assert len([s for s in slots if s["kind"] == "user"]) == 5
    assert {(s["kdf"]["t"], s["kdf"]["m"], s["kdf"]["p"]) for s in slots} == {
        (1, 8, 1)
    }  # the tests' cheap ones
    assert keyring.unlock_user(paths.db_path, "t1", "password1") == TEST_KEY
    # A slot made with other parameters (a faster machine's) opens with its own.
    keyring.DEFAULT_KDF = keyring.KdfParams(2, 16, 1)
    keyring.set_user(paths.db_path, TEST_KEY, "t2", "password2")
    assert keyring.unlock_user(paths.db_path, "t2", "password2") == TEST_KEY


def test_a_wrong_password_waits_longer_each_time_and_an_unknown_user_is_told_the_same(
    school, paths, monkeypatch
):
    waits: list[float] = []
    monkeypatch.setattr(throttle, "DELAY_UNIT_S", 0.5)
    monkeypatch.setattr(keyring.time, "sleep", waits.append)
    for _ in range(3):
        with pytest.raises(AuthError) as error:
            keyring.unlock_user(paths.db_path, "t1", "wrong")
        assert error.value.message_id == "login.failed"
    with pytest.raises(AuthError) as error:
        keyring.unlock_user(paths.db_path, "nobody", "wrong")
    assert error.value.message_id == "login.failed"
    assert waits == [0.5, 1.0, 2.0]  # the first slip is free, then throttle's doubling curve
    keyring.unlock_user(paths.db_path, "t1", "password1")
    assert keyring.failure_delay() == 0


def test_refused_log_ins_reach_the_audit_log_without_names(school, paths):
    from sqlalchemy import select

    from app.db.models import AuditEntry

    school.ctx.store.dispose()
    for _ in range(2):
        with pytest.raises(AuthError):
            setup.unlock_store(paths, "t1", "wrong")
    store, actor = setup.unlock_store(paths, "t1", "password1")
    try:
        with store.session_factory() as session:
            refused = session.scalars(select(AuditEntry).where(AuditEntry.entity == "login")).all()
        assert [(e.action, e.entity_id, e.user_id) for e in refused] == [("refused", "", None)] * 2
        assert not Path(str(paths.db_path) + keyring.FAILURES_SUFFIX).exists()
    finally:
        store.dispose()


def test_a_password_change_rewraps_the_slot_and_an_admin_reset_writes_one(school, paths):
    as_t1 = school.as_(school.t1)
    users.set_password(as_t1, school.t1.id, "new-password", old_password="password1")
    with pytest.raises(AuthError):
        keyring.unlock_user(paths.db_path, "t1", "password1")
    assert keyring.unlock_user(paths.db_path, "t1", "new-password") == TEST_KEY
    users.set_password(school.as_(school.admin), school.t2.id, "reset-by-admin")
    assert keyring.unlock_user(paths.db_path, "t2", "reset-by-admin") == TEST_KEY


def test_the_recovery_key_opens_the_database_and_sets_new_passwords(school, paths, tmp_path):
    text = setup.make_recovery_key(school.as_(school.admin))
    assert text is not None and len(text.replace("-", "")) == 40
    school.ctx.store.dispose()
    with pytest.raises(AuthError):
        setup.recover_store(paths, "0000-" * 9 + "0000")
    store = setup.recover_store(paths, text.lower().replace("-", " "))  # typed any way
    try:
        ctx = ServiceContext(store)
        users.set_password(ctx, users.resolve_user(ctx, "admin"), "after-recovery")
    finally:
        store.dispose()
    store, actor = setup.unlock_store(paths, "admin", "after-recovery")
    store.dispose()
    assert actor.role == "admin"
    # The CLI reads it from the sheet's text file.
    sheet = tmp_path / "recovery.txt"
    sheet.write_text(f"{keyring.RECOVERY_FILE_HEADER}\n{text}\n", encoding="utf-8")
    assert run_as(["--db", str(paths.db_path), "check"], password="after-recovery") == 0
    from app.cli.main import run

    assert run(["--db", str(paths.db_path), "--recovery-key", str(sheet), "check"]) == 0


def test_the_office_can_open_a_laptop_database_with_its_private_key(school, paths):
    office = exchange_keys.generate()
    keyring.set_office(paths.db_path, TEST_KEY, office.kx_public)
    assert keyring.unlock_office(paths.db_path, office.kx_private) == TEST_KEY
    with pytest.raises(AuthError):
        keyring.unlock_office(paths.db_path, exchange_keys.generate().kx_private)


def _plaintext_school(tmp_path):
    paths = resolve(tmp_path / "old" / "school.sqlite3")
    store = setup.open_store(paths, plaintext=True)
    ctx = ServiceContext(store)
    admin = setup.initialize_school(
        ctx,
        {
            "school_name": "旧学校",
            "term": TERM,
            "admin": {"username": "admin", "display_name": "管理员", "password": ADMIN_PASSWORD},
        },
    )
    as_admin = ctx.as_actor(admin)
    users.create_user(
        as_admin, {"username": "t1", "display_name": "张老师", "role": "teacher", "password": "password1"}
    )
    students.create_student(as_admin, {"code": "S001", "name": NAME, "id_number": "110101201503070012"})
    backup.make_backup(paths, "before-update")
    store.dispose()
    assert paths.db_path.read_bytes().startswith(b"SQLite format 3") and not paths.key_file.exists()
    return paths


def test_a_plaintext_database_is_encrypted_in_place_at_the_first_log_in(tmp_path):
    paths = _plaintext_school(tmp_path)
    store, actor = setup.unlock_store(paths, "admin", ADMIN_PASSWORD)
    try:
        assert store.key is not None and store.notice and store.recovery_key and actor.role == "admin"
        assert check.run_checks(store) == []
        assert students.count_students(ServiceContext(store, actor)) == 1
    finally:
        store.dispose()
    for file in _existing([paths.db_path, *_side(paths, "-wal", "-shm"), *_every_file(paths.data_dir)]):
        assert NAME.encode() not in file.read_bytes(), file
    made = backup.list_backups(paths)
    assert [b.reason for b in made] == ["encrypted"] and backup.needs_key(
        made[0].path
    )  # the plaintext one went
    assert not list(paths.db_path.parent.glob("*.encrypting*"))
    # The teacher had no slot (the password was unknown): told to ask the administrator, who resets it.
    with pytest.raises(AuthError) as error:
        setup.unlock_store(paths, "t1", "password1")
    assert error.value.message_id == "login.no_slot"
    store, admin = setup.unlock_store(paths, "admin", ADMIN_PASSWORD)
    try:
        ctx = ServiceContext(store, admin)
        users.set_password(ctx, users.resolve_user(ctx, "t1"), "password2")
    finally:
        store.dispose()
    store, teacher = setup.unlock_store(paths, "t1", "password2")
    store.dispose()
    assert teacher.role == "teacher"


def test_at_an_office_a_teachers_first_log_in_leaves_the_file_for_an_administrators(tmp_path):
    """The school's recovery key is shown to whoever encrypts: never a teacher's; the file stays as it was."""
    paths = _plaintext_school(tmp_path)
    before = db_digest(paths.db_path)
    store, teacher = setup.unlock_store(paths, "t1", "password1")
    try:
        assert teacher.role == "teacher" and store.key is None and store.notice is None
        assert students.count_students(ServiceContext(store, teacher)) == 0  # works as before (not hers)
    finally:
        store.dispose()
    assert paths.db_path.read_bytes().startswith(b"SQLite format 3") and not paths.key_file.exists()
    assert db_digest(paths.db_path) == before
    store, admin = setup.unlock_store(paths, "admin", ADMIN_PASSWORD)
    store.dispose()
    assert store.key is not None and store.recovery_key and backup.needs_key(paths.db_path)


def test_a_laptop_is_encrypted_at_its_teachers_log_in_and_the_office_can_recover_it(tmp_path):
    """A joined laptop from before encryption: its one user encrypts it; the office's key gets the slot that a
    laptop joined encrypted has, and no school recovery key is made on a laptop."""
    from app.db.models import ExchangeDevice, User

    paths = _plaintext_school(tmp_path)
    office, laptop = exchange_keys.generate(), exchange_keys.generate()
    store = setup.open_store(paths, plaintext=True)
    with store.session_factory() as session, session.begin():
        t1 = session.query(User).filter_by(username="t1").one()
        session.add(
            ExchangeDevice(
                role="office", label="office", sign_public=office.sign_public, kx_public=office.kx_public
            )
        )
        session.add(
            ExchangeDevice(
                role="laptop",
                teacher_id=t1.id,
                is_self=True,
                label="this laptop",
                sign_public=laptop.sign_public,
                kx_public=laptop.kx_public,
            )
        )
    store.dispose()
    store, teacher = setup.unlock_store(paths, "t1", "password1")
    store.dispose()
    assert teacher.role == "teacher" and store.key is not None and store.notice and store.recovery_key is None
    assert keyring.unlock_office(paths.db_path, office.kx_private) == store.key
    assert keyring.unlock_user(paths.db_path, "t1", "password1") == store.key
    assert keyring.load(paths.db_path).find("recovery") is None
    assert NAME.encode() not in paths.db_path.read_bytes()


def test_a_backup_carries_its_key_file_and_restores_elsewhere_with_its_own_password(
    populated, paths, tmp_path, capsys
):
    made = backup.make_backup(paths, key=TEST_KEY)
    assert Path(str(made.path) + ".keys").read_bytes() == paths.key_file.read_bytes()
    assert backup.verify(made.path) is not None  # encrypted: not checked without its key
    assert backup.verify(made.path, TEST_KEY) is None
    elsewhere = resolve(tmp_path / "other-machine" / "school.sqlite3")
    db = str(elsewhere.db_path)
    before = db_digest(elsewhere.db_path, elsewhere.data_dir)
    assert run_as(["--db", db, "restore", str(made.path)], password="wrong-password") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Wrong user name or password" in err
    assert db_digest(elsewhere.db_path, elsewhere.data_dir) == before
    assert run_as(["--db", db, "restore", str(made.path)]) == 0
    assert run_as(["--db", db, "check"]) == 0
    assert elsewhere.key_file.exists()


def test_the_command_line_needs_a_right_password_and_the_audit_names_the_user(
    school, paths, capsys, monkeypatch
):
    from sqlalchemy import select

    from app.cli.main import run
    from app.db.models import AuditEntry

    school.ctx.store.dispose()
    db = str(paths.db_path)
    files = _side(paths, "-wal", "-shm", ".keys")
    before = db_digest(paths.db_path, *files)
    monkeypatch.delenv("SONGJIAO_PASSWORD", raising=False)
    monkeypatch.setenv("SONGJIAO_LANG", "en")
    assert run(["--db", db, "students", "list"]) == 2  # no --user
    assert capsys.readouterr().err.count("\n") == 1
    assert run(["--db", db, "--user", "admin", "students", "list"]) == 2  # no password, no terminal
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "SONGJIAO_PASSWORD" in err
    assert run_as(["--db", db, "students", "list"], password="wrong") == 2
    assert capsys.readouterr().err.count("\n") == 1
    monkeypatch.setenv("SONGJIAO_LANG", "zh_CN")
    assert run_as(["--db", db, "students", "list"], password="wrong") == 2
    assert "用户名或密码错误" in capsys.readouterr().err
    assert db_digest(paths.db_path, *files) == before
    assert run_as(["--db", db, "users", "passwd", "t2", "--password", "via-cli-1"]) == 0
    store, _actor = setup.unlock_store(paths, "t2", "via-cli-1")
    try:
        with store.session_factory() as session:
            entry = session.scalars(
                select(AuditEntry)
                .where(AuditEntry.entity == "user", AuditEntry.entity_id == school.t2.id)
                .order_by(AuditEntry.id.desc())
            ).first()
        assert entry is not None and entry.user_id == school.admin.id
    finally:
        store.dispose()


def test_the_recovery_log_in_sets_only_an_active_administrators_password(school, paths):
    """setup.recovery_login (the desktop's recovery-key dialog): a teacher's account or an unknown id is
    refused with every file unchanged; an administrator's new password writes their slot and logs them in."""
    from tests.conftest import unchanged

    text = setup.make_recovery_key(school.as_(school.admin))
    school.ctx.store.dispose()
    store = setup.recover_store(paths, text)
    try:
        for wrong in (school.t1.id, "no-such-id"):
            with unchanged(paths.db_path, paths.key_file), pytest.raises(Exception) as refused:
                setup.recovery_login(store, wrong, "new-admin-pass")
            assert getattr(refused.value, "message_id", "") == "recovery.not_admin"
        actor = setup.recovery_login(store, school.admin.id, "new-admin-pass")
        assert actor.id == school.admin.id and actor.role == "admin"
        assert keyring.unlock_user(paths.db_path, "admin", "new-admin-pass") == store.key
    finally:
        store.dispose()


def test_a_recovery_log_in_that_fails_changes_nothing(school, paths, monkeypatch):
    """The new password, its "recovered" audit entry and the key slot are one transaction: an audit entry that
    cannot be written leaves the password and the slot as they were, and so does a key slot that cannot be."""
    from sqlalchemy import text as sql

    from tests.conftest import unchanged

    recovery = setup.make_recovery_key(school.as_(school.admin))
    school.ctx.store.dispose()
    store = setup.recover_store(paths, recovery)
    try:
        with store.engine.begin() as conn:  # the audit log refusing the entry (a full disk, a lock)
            conn.execute(
                sql(
                    "CREATE TRIGGER no_recovered BEFORE INSERT ON audit_entry WHEN NEW.action = 'recovered' "
                    "BEGIN SELECT RAISE(ABORT, 'audit log refused'); END"
                )
            )
        with unchanged(paths.db_path, paths.key_file), pytest.raises(ConflictError):
            setup.recovery_login(store, school.admin.id, "new-admin-pass")
        with store.engine.begin() as conn:
            conn.execute(sql("DROP TRIGGER no_recovered"))

        def no_slot(*_args):
            raise OSError("key file not writable")

        monkeypatch.setattr(keyring, "set_user", no_slot)
        with unchanged(paths.db_path, paths.key_file), pytest.raises(OSError):
            setup.recovery_login(store, school.admin.id, "new-admin-pass")
    finally:
        store.dispose()
    assert keyring.unlock_user(paths.db_path, "admin", PASSWORDS["admin"]) == TEST_KEY
    with pytest.raises(AuthError):
        setup.unlock_store(paths, "admin", "new-admin-pass")


def test_a_backup_under_another_key_opens_only_with_its_own_password_or_recovery_key(school, paths, tmp_path):
    other = resolve(tmp_path / "other" / "school.sqlite3")
    other_key = bytes(range(50, 82))
    store = setup.open_store(other, key=other_key)
    try:
        admin = setup.initialize_school(
            ServiceContext(store),
            {
                "school_name": "另一所学校",
                "term": TERM,
                "admin": {"username": "admin", "display_name": "管理员", "password": "other-pass"},
            },
        )
        text = setup.make_recovery_key(ServiceContext(store, admin))
        made = backup.make_backup(other, key=other_key)
    finally:
        store.dispose()
    assert backup.opens_with(made.path, other_key) and not backup.opens_with(made.path, TEST_KEY)
    assert not backup.opens_with(made.path, None)
    files = (made.path, Path(str(made.path) + ".keys"))
    before = [f.read_bytes() for f in files]  # another key's file: compared byte for byte
    with pytest.raises(AuthError):
        backup.unwrap_backup_key(made.path, username="admin", password=ADMIN_PASSWORD)
    with pytest.raises(AuthError):
        backup.unwrap_backup_key(made.path, recovery=keyring.new_recovery_text())
    assert [f.read_bytes() for f in files] == before
    assert not Path(str(made.path) + keyring.FAILURES_SUFFIX).exists()  # a backup's refusals leave no note
    assert backup.unwrap_backup_key(made.path, username="admin", password="other-pass") == other_key
    assert backup.unwrap_backup_key(made.path, recovery=text.lower()) == other_key


def test_users_without_a_slot_are_listed_and_a_log_in_on_the_open_database_writes_theirs(school, paths):
    keyring.drop_user(paths.db_path, "t1")  # as after an encryption in place: t1's password only as a hash
    ctx = ServiceContext(school.ctx.store)
    assert users.without_slot(ctx) == {school.t1.id}
    assert not users.ensure_slot(ctx, "admin", ADMIN_PASSWORD)  # has one: nothing written
    assert users.ensure_slot(ctx, "t1", "password1")
    assert users.without_slot(ctx) == set()
    assert keyring.unlock_user(paths.db_path, "t1", "password1") == TEST_KEY


@pytest.mark.parametrize(
    "old_format",
    [SHA256_4K_FORMAT, LEGACY_FORMAT],
    ids=["4k-hmac-sha256: the version before", "4k-hmac-sha512: the first encrypted version"],
)
def test_a_file_in_an_older_page_format_opens_checks_and_backs_up_in_its_own_format(
    populated, paths, tmp_path, old_format
):
    """New files use 8 KiB HMAC-SHA256 pages (engine.PAGE_FORMAT); a file of an earlier version (4 KiB pages,
    HMAC-SHA256 or SQLCipher 4's default HMAC-SHA512) still opens, checks clean, and its backup is a copy in its
    own format."""
    from contextlib import closing

    import sqlcipher3

    populated.ctx.store.dispose()
    with closing(connect_encrypted(paths.db_path, TEST_KEY)) as conn:
        assert page_format_of(conn) == PAGE_FORMAT
        assert conn.execute("PRAGMA cipher_page_size").fetchone()[0] == "8192"
    older = tmp_path / "older.sqlite3"
    conn = sqlcipher3.connect(str(paths.db_path))
    conn.execute(f"PRAGMA key = \"x'{TEST_KEY.hex()}'\"")
    for pragma in PAGE_FORMAT:
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("ATTACH DATABASE ? AS older KEY ?", (str(older), f"x'{TEST_KEY.hex()}'"))
    for name, value in {**CIPHER_DEFAULTS, **dict(p.split(" = ") for p in old_format)}.items():
        conn.execute(f"PRAGMA older.{name} = {value}")
    conn.execute("SELECT sqlcipher_export('older')")
    conn.execute("DETACH DATABASE older")
    conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(paths.db_path) + suffix).unlink(missing_ok=True)
    older.replace(paths.db_path)
    with closing(connect_encrypted(paths.db_path, TEST_KEY)) as conn:
        assert page_format_of(conn) == old_format
    with pytest.raises(WrongKeyError):  # forced into the new format, its pages fail their HMAC
        connect_encrypted(paths.db_path, TEST_KEY, page_format=PAGE_FORMAT)
    store = setup.open_store(paths, key=TEST_KEY, create=False)
    try:
        assert check.run_checks(store) == []
        made = backup.make_backup(paths, key=TEST_KEY)
    finally:
        store.dispose()
    assert backup.verify(made.path, TEST_KEY) is None
    with closing(connect_encrypted(made.path, TEST_KEY, read_only=True)) as conn:
        assert page_format_of(conn) == old_format
    assert NAME.encode() not in made.path.read_bytes() and NAME.encode() not in paths.db_path.read_bytes()
