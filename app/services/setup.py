"""Opening a database (with the migration guard) and the first-run set-up of a school."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import probe, schema
from app.db.engine import create_private, remove_with_side_files
from app.db.models import School, User
from app.db.schema import SchemaError  # what open_store refuses with: a newer or a foreign database
from app.paths import AppPaths
from app.services import backup, forms, goal_bank, keyring, school, users
from app.services.context import Actor, ServiceContext, Store, require_role, transaction
from app.services.errors import AuthError, ConflictError, ServiceError, ValidationError

log = logging.getLogger(__name__)


def open_store(
    paths: AppPaths,
    *,
    key: bytes | None = None,
    migrate: bool = True,
    create: bool = True,
    plaintext: bool = False,
) -> Store:
    """Open (creating if needed and ``create``) the database and bring its schema to this program's version.

    The file is judged before anything touches it (probe.probe): a missing one is created only when
    ``create`` (read commands never make a database, nor folders, from a mistyped path); anything that
    is not a usable Songjiao database is refused unchanged. A database from a newer program is refused;
    an older one is backed up before it is upgraded.

    An encrypted database needs its ``key`` (unwrapped from a slot: :func:`unlock_store`); a new database is
    encrypted with ``key`` or a fresh random one, and its key file starts without slots (set-up adds the first
    administrator's and the recovery slot). A plaintext database (from before encryption) opens as it is;
    ``plaintext`` makes a new one unencrypted (only the benchmarks' side-by-side comparison asks for that).
    """
    if paths.db_url is not None:
        return _open_server_store(paths, migrate=migrate)
    found = probe.probe(paths.db_path, schema.known_revisions())
    if found.kind == "encrypted" and key is None and create and not keyring.load(paths.db_path).slots:
        # A set-up that never finished (the wizard was closed): no slot, so nobody can ever open this file,
        # and it holds no school. Start again.
        remove_with_side_files(paths.db_path)
        found = probe.Probe("missing")
    if found.kind == "encrypted" and key is None:
        raise probe.locked(paths.db_path)
    if found.kind == "missing" and not create:
        raise probe.StorageError(
            "storage.missing",
            f"{paths.db_path}: there is no database here: check the --db path. Nothing was created.",
        )
    folders = [paths.db_path.parent, paths.data_dir, paths.backup_dir, paths.log_dir]
    made = [f for f in dict.fromkeys(folders) if not f.exists()]
    created = False
    try:
        paths.ensure()
        # A new database is private to the user, as its backups and dumps are.
        created = create_private(paths.db_path)
        if created and not plaintext:
            key = key or keyring.new_database_key()
            keyring.save(paths.db_path, keyring.new_key_file())
    except PermissionError as error:
        raise probe.read_only_folder(paths.db_path) from error
    except OSError:  # e.g. a full disk while the key file was written: no half-made database is left
        if created:
            remove_with_side_files(paths.db_path)
        raise

    def undo() -> None:
        # E.g. the disk filled up while the schema was made: no half-made database or folder is left.
        if created:
            remove_with_side_files(paths.db_path)
            for folder in sorted(made, key=lambda f: len(f.parts), reverse=True):
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only if empty

    try:
        encrypted = (created and not plaintext) or found.kind == "encrypted"
        store = Store(paths, key=key if encrypted else None)
    except BaseException:
        undo()
        raise
    try:
        current = schema.check_compatible(store.engine)
        if migrate and current != schema.head_revision():
            if current is not None:
                store.engine.dispose()
                backup.make_backup(paths, "pre-migration", key=store.key)
            schema.upgrade(store.engine)
    except BaseException:
        store.dispose()
        undo()
        raise
    return store


def _open_server_store(paths: AppPaths, *, migrate: bool) -> Store:
    """open_store on a PostgreSQL server: judged by connecting, migrated in one transaction (a failed migration
    leaves the database as it was: PostgreSQL's DDL is transactional). There is no file to copy before an
    upgrade: the school's pg_dump routine is its backup (docs/postgres.md)."""
    assert paths.db_url is not None
    probe.probe_server(paths.db_url, schema.known_revisions(), paths.where)
    for folder in (paths.data_dir, paths.log_dir):  # the log and exports live on this computer
        folder.mkdir(parents=True, exist_ok=True)
    store = Store(paths)
    try:
        current = schema.check_compatible(store.engine)
        if migrate and current != schema.head_revision():
            schema.upgrade(store.engine)
    except BaseException:
        store.dispose()
        raise
    return store


def setup_errors(data: dict[str, Any]) -> list[ServiceError]:
    """Every problem in the set-up data at once, each naming its field (``school_name``, ``start``, ``end``,
    ``days[3].date``, ``lessons_per_visit``, ``password``...), so a page can show all of its errors beside their
    fields when the user presses Next. The same checks :func:`initialize_school` makes (it stops at the first);
    nothing is written. A database that already holds a school is :func:`initialize_school`'s to refuse."""
    found: list[ServiceError] = []

    def check(step: Callable[[], Any]) -> Any:
        try:
            return step()
        except ValidationError as error:
            found.append(error)
            return None

    check(lambda: forms.text(data, "school_name", required=True, max_len=200))
    check(lambda: forms.text(data, "school_code", max_len=40))
    term = data.get("term") or {}
    check(lambda: forms.text(term, "name", required=True, max_len=100))
    start = check(lambda: forms.parse_date(term.get("start"), "start", required=True))
    end = check(lambda: forms.parse_date(term.get("end"), "end", required=True))
    if start and end and check(lambda: school.check_term_dates(start, end)):
        check(lambda: school.validate_days(term.get("days"), start, end))
    rule = data.get("rule") or {}
    for key, value in rule.items():  # one field at a time: validate_rule stops at its first error
        check(partial(school.validate_rule, {key: value}))
    admin = data.get("admin") or {}
    check(lambda: forms.text(admin, "username", required=True, max_len=60))
    check(lambda: forms.text(admin, "display_name", required=True, max_len=60))
    check(lambda: users.check_password(str(admin.get("password") or "")))
    return found


def initialize_school(ctx: ServiceContext, data: dict[str, Any]) -> Actor:
    """First run: the school, its first term with calendar, the visit rule, the first administrator and the
    shipped goal bank (the wizard and ``init`` both come here, so both get it)."""
    name = forms.text(data, "school_name", required=True, max_len=200)
    rule = school.validate_rule(data.get("rule") or {})
    admin = data.get("admin") or {}
    username = forms.text(admin, "username", required=True, max_len=60)
    display = forms.text(admin, "display_name", required=True, max_len=60)
    password_hash = users.hash_password(str(admin.get("password") or ""))
    term_data = data.get("term")
    if not term_data:
        raise ValidationError("field.required", "The first term is required.", field="term")
    with transaction(ctx) as session:
        if session.scalar(select(School.id)) is not None:
            raise ConflictError("school.exists", "This database already holds a school.")
        session.add(
            School(
                name=name,
                code=forms.text(data, "school_code", max_len=40),
                rule_period=rule.period,
                rule_visits_per_period=rule.visits_per_period,
                rule_lessons_per_visit=rule.lessons_per_visit,
                rule_minutes_per_lesson=rule.minutes_per_lesson,
                rule_yearly_min_lessons=rule.yearly_min_lessons,
            )
        )
        user = User(username=username, display_name=display, role="admin", password_hash=password_hash)
        session.add(user)
        session.flush()
        school.write_term(session, term_data)
        goal_bank.add_seed_items(session)
        users.write_slot(ctx, username, str(admin.get("password") or ""))  # last: a failure rolls back
        return Actor(user.id, "admin", display)


def make_recovery_key(ctx: ServiceContext) -> str | None:
    """A new recovery key for the school (replacing the earlier one), to print once and keep in the safe;
    None for a database that is not encrypted (PostgreSQL: the server's disk encryption protects it)."""
    require_role(ctx, "admin")
    if ctx.store.key is None:
        return None
    return keyring.set_recovery(ctx.store.paths.db_path, ctx.store.key)


# The audit entries of a new recovery key (no personal data: who acted is the entry's user, never the key).
RECOVERY_KEY_ENTITY = "recovery_key"
RECOVERY_KEY_REPLACED = "replaced"
RECOVERY_KEY_REFUSED = "refused"  # the administrator's password, asked again, was wrong


def recovery_key_refusal(ctx: ServiceContext) -> ServiceError | None:
    """Why no new recovery key can be made here (None when one can): an administrator's business (or the
    system's, opened by the recovery key itself), on an encrypted database of this computer; a laptop is
    recovered with the office's key instead, and PostgreSQL or a plaintext file have no key file at all."""
    from app.services.encrypt import laptop_office_key
    from app.services.errors import PermissionDenied

    if ctx.actor.role not in ("admin", "system"):
        return PermissionDenied(
            "recovery_key.admin_only", "Only an administrator can make a new recovery key."
        )
    if ctx.store.paths.on_server:
        return ConflictError(
            "recovery_key.server",
            "This database is on a PostgreSQL server: it has no recovery key (the server's disk encryption "
            "and backups protect it).",
        )
    if ctx.store.key is None:
        return ConflictError(
            "recovery_key.plaintext",
            "This database is not encrypted yet, so it has no recovery key: it is encrypted at an "
            "administrator's log-in.",
        )
    if laptop_office_key(ctx.store) is not None:
        return ConflictError(
            "recovery_key.laptop",
            "A teacher's laptop has no recovery key: the office's key recovers its records.",
        )
    return None


def replace_recovery_key(ctx: ServiceContext, password: str | None) -> str:
    """A new recovery key for the school in place of the old one, which stops opening the database at once
    (the backups made before keep the key file of their time, so the old key still opens those). Returns the
    new key's text, to be shown once. Audited as ``recovery_key``/``replaced`` (the acting user, nothing else).

    ``password``: the administrator's own password, asked again (a window left open is not enough for this);
    a wrong one is refused and audited, nothing changed. None only where the password or the recovery key was
    given just now, in the same step (a command line's log-in, a recovery log-in)."""
    from app.db.models import AuditEntry
    from app.services import lock

    refusal = recovery_key_refusal(ctx)
    if refusal is not None:
        raise refusal
    assert ctx.store.key is not None
    if password is not None:
        try:
            lock.reauthenticate(
                ctx, password, entity=RECOVERY_KEY_ENTITY, entity_id="", refused=RECOVERY_KEY_REFUSED
            )
        except AuthError:
            raise AuthError(
                "recovery_key.wrong_password",
                "The password is wrong: the recovery key was not changed.",
                field="password",
            ) from None
    db_path = ctx.store.paths.db_path
    previous = keyring.recovery_slot(db_path)
    text: str | None = None
    try:
        with transaction(ctx) as session:
            session.add(
                AuditEntry(
                    user_id=None if ctx.actor.role == "system" else ctx.actor.id,
                    entity=RECOVERY_KEY_ENTITY,
                    entity_id="",
                    action=RECOVERY_KEY_REPLACED,
                    fields=[],
                )
            )
            session.flush()
            # Last, as a password's slot is: a key file that cannot be written rolls the entry back.
            text = keyring.set_recovery(db_path, ctx.store.key)
    except BaseException:
        # The slot written but the entry not committed (or the write failed half-way): the old key stays valid.
        if text is not None or keyring.recovery_slot(db_path) != previous:
            keyring.restore_recovery(db_path, previous)
        raise
    log.info("recovery key replaced by user %s", ctx.actor.id)  # the id only
    return text


def unwrap_key(db_path: Path, username: str, password: str, *, wait: bool = True, note: bool = True) -> bytes:
    """The database key from ``username``'s slot. A wrong password (or an unknown user) is refused after a
    growing delay and noted for the audit log, every file of the database unchanged; a user without a slot
    (one whose password was not known when the database was encrypted) is told to ask the administrator."""
    try:
        return keyring.unlock_user(db_path, username, password, wait=wait)
    except AuthError:
        if note:  # a database's refusals are audited; a backup's (restore) leave no trace beside it
            keyring.note_failure(db_path)
        if not keyring.has_user(db_path, username):
            raise AuthError(
                "login.no_slot",
                "Wrong user name or password; if your account was made before the database was encrypted, "
                "ask the administrator to set a new password for you.",
                field="password",
            ) from None
        raise


def unwrap_recovery(db_path: Path, recovery_text: str, *, note: bool = True) -> bytes:
    """The database key from the school's recovery slot (a wrong recovery key is noted for the audit log)."""
    try:
        return keyring.unlock_recovery(db_path, recovery_text)
    except AuthError:
        if note:
            keyring.note_failure(db_path)
        raise


def unlock_store(
    paths: AppPaths, username: str, password: str, key: bytes | None = None, *, wait: bool = True
) -> tuple[Store, Actor]:
    """Log in: unwrap the database key from the user's slot (unless ``key`` was unwrapped already), open the
    database, check the account. A plaintext database (from before encryption) is opened as it is."""
    kind = probe.probe(paths.db_path, schema.known_revisions()).kind
    if key is None and kind == "encrypted":
        key = unwrap_key(paths.db_path, username, password, wait=wait)
    store = open_store(paths, key=key, create=False)
    try:
        actor = users.authenticate(ServiceContext(store), username, password)
        _record_failures(store)
    except BaseException:
        store.dispose()
        raise
    if kind == "ours" and store.key is None:
        store = encrypt_at_login(store, actor, username, password)
    return store, actor


def encrypt_at_login(store: Store, actor: Actor, username: str, password: str) -> Store:
    """A plaintext database from before encryption, its user just logged in: encrypted in place now, with
    this user's slot (``store`` is closed; the encrypted one is returned, its notice and recovery key set to be
    shown once). The desktop app opens a plaintext file before the password is typed, so it comes here.

    At an office only an administrator's log-in encrypts: the school's recovery key is shown to whoever
    encrypts, and the other users need their passwords set again, both an administrator's business; a
    teacher's or a clerk's log-in leaves the file as it is until then. A laptop has one user, its teacher."""
    from app.services.encrypt import NOTICE, encrypt_in_place, laptop_office_key

    if actor.role != "admin" and laptop_office_key(store) is None:
        log.warning("database left plaintext: it is encrypted at an administrator's log-in")
        return store
    done = encrypt_in_place(store, username, password)
    done.store.notice, done.store.recovery_key = NOTICE, done.recovery_key
    return done.store


def _record_failures(store: Store) -> None:
    """The refused log-ins noted since the last opening, as audit entries (times only, no names)."""
    import datetime as dt

    from app.db.models import AuditEntry

    times = keyring.take_failures(store.paths.db_path)
    if not times:
        return
    with transaction(ServiceContext(store)) as session:
        for at in times:
            try:
                when = dt.datetime.fromisoformat(at)
            except ValueError:
                continue
            session.add(
                AuditEntry(at=when, user_id=None, entity="login", entity_id="", action="refused", fields=[])
            )


def recover_store(paths: AppPaths, recovery_text: str, key: bytes | None = None) -> Store:
    """Open an encrypted database with the school's recovery key (every password lost): the caller acts as
    the system, so that an administrator's password can be set again."""
    if key is None and probe.probe(paths.db_path, schema.known_revisions()).kind == "ours":
        raise ConflictError(
            "recovery.plaintext",
            "This database is not encrypted, so it has no recovery key: log in with a user name and password.",
        )
    store = open_store(paths, key=key or unwrap_recovery(paths.db_path, recovery_text), create=False)
    _record_failures(store)
    return store


def recovery_login(store: Store, user_id: str, new_password: str) -> Actor:
    """After the recovery key opened ``store`` (every password lost): a new password for one of the school's
    administrators, which writes their key slot, then that administrator logged in. The audit log records a
    recovery log-in by the system (the account's id, no name); the other users' passwords are then the
    administrator's to reset in Settings › Users."""
    from app.db.models import AuditEntry

    ctx = ServiceContext(store)  # the system: the recovery key stands for the school
    # One transaction: the audit entry is flushed with the password, and the key slot, written last, rolls both
    # back if it cannot be written (no password changed without its entry, nor a slot without its password).
    with transaction(ctx) as session:
        user = session.get(User, user_id)
        if user is None or user.deleted_at is not None or not user.active or user.role != "admin":
            raise ValidationError(
                "recovery.not_admin",
                "Choose one of the school's active administrators.",
                field="user",
            )
        username = user.username
        session.add(
            AuditEntry(user_id=None, entity="login", entity_id=user_id, action="recovered", fields=[])
        )
        users.replace_password(ctx, session, user, new_password)
    return users.authenticate(ctx, username, new_password)


__all__ = [
    "SchemaError",
    "encrypt_at_login",
    "initialize_school",
    "make_recovery_key",
    "open_store",
    "recover_store",
    "recovery_key_refusal",
    "recovery_login",
    "replace_recovery_key",
    "unlock_store",
]
