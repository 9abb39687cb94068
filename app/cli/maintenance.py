"""Maintenance commands: backup, backups, restore, check, dump, load, init, users, recovery-key, migrate."""

from __future__ import annotations

import argparse
import contextlib
import functools
import getpass
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.cli.common import (
    CliError,
    notice,
    open_context,
    password,
    print_json,
    print_recovery_key,
    terminal_progress,
    unlock_key,
)
from app.paths import AppPaths, resolve
from app.services import backup, check, dump, maintenance, school, setup, users
from app.services.context import ROLES, ServiceContext
from app.services.errors import ServiceError
from app.services.files import replace
from app.services.progress import TaskState
from app.services.setup import open_store

Handler = Callable[[argparse.Namespace], int]


def _guarded(func: Handler) -> Handler:
    """Database and file-system failures become one line on stderr (exit 2), never a traceback."""

    @functools.wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except maintenance.DATABASE_ERRORS as error:
            # app.db.probe names the cause in English only (disk full, read-only, locked, damaged): shown as detail.
            problem = maintenance.storage_problem(error, _paths(args).where) or str(error)
            raise CliError("cli.storage", problem, detail=problem) from error
        except PermissionError as error:
            raise CliError(
                "cli.permission_denied", f"permission denied: {error.filename}", path=error.filename
            ) from error
        except IsADirectoryError as error:
            raise CliError(
                "cli.is_folder", f"is a folder, not a file: {error.filename}", path=error.filename
            ) from error

    return wrapper


def _paths(args: argparse.Namespace) -> AppPaths:
    return resolve(args.db, getattr(args, "data_dir", None))


def _existing(args: argparse.Namespace) -> ServiceContext:
    """Open a database that must already exist (checking or dumping a missing file is a typo, not a wish)."""
    paths = _paths(args)
    if not paths.on_server and not paths.db_path.is_file():  # a server's database was judged by connecting
        raise CliError("cli.no_database", f"no database at {paths.db_path}", path=str(paths.db_path))
    return open_context(args)


# --- backups ----------------------------------------------------------------------------------------------


@_guarded
def _backup(args: argparse.Namespace) -> int:
    ctx = _existing(args)
    keep, _ = maintenance.backup_settings(ctx.store)
    info = backup.make_backup(ctx.store.paths, args.reason, keep, key=ctx.store.key)
    print(info.path)
    return 0


@_guarded
def _backups(args: argparse.Namespace) -> int:
    found = backup.list_backups(_paths(args))
    if args.json:
        print_json(
            [
                {
                    "path": str(b.path),
                    "created": b.created.isoformat(timespec="seconds"),
                    "reason": b.reason,
                    "size": b.size,
                }
                for b in found
            ]
        )
    elif not found:
        print(f"no backups yet in {_paths(args).backup_dir}")
    else:
        for b in found:
            print(f"{b.created:%Y-%m-%d %H:%M:%S}  {b.reason:<14} {b.size:>12}  {b.path}")
    return 0


@_guarded
def _restore(args: argparse.Namespace) -> int:
    paths = _paths(args)
    if Path(args.file).resolve() == paths.db_path:
        raise CliError(
            "cli.restore_self", "that file is the database itself; choose a backup (see `songjiao backups`)"
        )
    # No engine is opened here: restoring must work when the current file is the broken one. backup.restore
    # verifies the source before it touches anything. --user (or --recovery-key) opens the backup's own key
    # file: the password is the one the user had when the backup was made.
    source = Path(args.file)
    key = (
        unlock_key(args, source, backup_file=True) if source.is_file() else None
    )  # before any folder is made
    paths.ensure()
    current_key = None
    if paths.db_path.is_file():
        with contextlib.suppress(ServiceError):  # the current file is copied aside byte for byte instead
            current_key = unlock_key(args, paths.db_path)
    safety = backup.restore(
        paths, source, keep=maintenance.keep_everything(paths), key=key, current_key=current_key
    )
    print(f"restored {paths.db_path}")
    if safety is not None:
        print(f"the previous database was saved as {safety.path}")
    note = backup.exchange_note(paths, key)
    if note:
        print(note)
    return 0


# --- check, dump, load ------------------------------------------------------------------------------------


@_guarded
def _check(args: argparse.Namespace) -> int:
    ctx = _existing(args)
    findings = check.run_checks(ctx.store)
    if args.json:
        print_json([f.as_dict() for f in findings])
    elif findings:
        for finding in findings:
            print(finding)
    else:
        print("ok: no problems found")
    return 1 if findings else 0


PASSPHRASE_ENV = "SONGJIAO_DUMP_PASSPHRASE"


def _dump_passphrase(confirm: bool) -> str:
    """The dump passphrase: SONGJIAO_DUMP_PASSPHRASE, else asked without echo (twice when it is being set)."""
    passphrase = os.environ.get(PASSPHRASE_ENV)
    if passphrase:
        return passphrase
    if not sys.stdin.isatty():
        raise CliError(
            "cli.dump_passphrase",
            f"the dump is encrypted: set {PASSPHRASE_ENV} (or use --to-office, or --plaintext to write it "
            "unencrypted)",
            env=PASSPHRASE_ENV,
        )
    passphrase = getpass.getpass("dump passphrase: ")
    if confirm:
        dump.check_passphrase(passphrase)
        if getpass.getpass("the same passphrase again: ") != passphrase:
            raise CliError("cli.passphrase_mismatch", "the two passphrases differ; nothing was written")
    return passphrase


def _write_dump(
    args: argparse.Namespace, ctx: ServiceContext, out: Any, progress: TaskState | None = None
) -> dict[str, int]:
    """The dump into ``out`` (binary): sealed to the office key or a passphrase, or plaintext when asked."""
    if args.plaintext:
        text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
        try:
            return dump.write_dump(ctx.store, text, progress)
        finally:
            text.flush()
            text.detach()
    if args.to_office:
        return dump.write_sealed_dump(
            ctx.store, out, recipient=dump.office_recipient(ctx.store), progress=progress
        )
    passphrase = _dump_passphrase(confirm=True)
    dump.check_passphrase(passphrase)
    return dump.write_sealed_dump(ctx.store, out, passphrase=passphrase, progress=progress)


@_guarded
def _dump(args: argparse.Namespace) -> int:
    ctx = _existing(args)
    if args.plaintext:
        # Said before the rows go out, so it is seen even when standard output is a pipe.
        print(
            "warning: --plaintext: the dump is NOT encrypted and holds every child's personal data; "
            "keep it off laptops and USB sticks, delete it when done",
            file=sys.stderr,
        )
    elif args.to_office:
        dump.office_recipient(ctx.store)  # refused before anything is written
    if not args.out:
        if not args.plaintext and sys.stdout.isatty():
            raise CliError(
                "cli.dump_to_terminal",
                "the encrypted dump is binary: give --out FILE or redirect standard output to a file",
            )
        try:
            _write_dump(args, ctx, sys.stdout.buffer)
            sys.stdout.flush()
        except BrokenPipeError:  # `songjiao dump | head`: the reader left, which is not an error
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's exit flush quiet
        return 0
    out = Path(args.out)
    partial = out.with_name(out.name + ".partial")
    # Written aside, then moved: a failed or interrupted dump leaves no file, whole or half.
    # Owner-only permissions: the dump holds every child's personal data (PIPL: protect it at rest).
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with open(descriptor, "wb") as handle:
            counts = _write_dump(args, ctx, handle, terminal_progress())
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    replace(partial, out)
    how = "unencrypted" if args.plaintext else "encrypted"
    print(f"wrote {sum(counts.values())} rows from {len(counts)} tables to {out} ({how})")
    if args.plaintext:
        print("note: the file holds personal data; keep it on the school's machines", file=sys.stderr)
    return 0


def _dump_source(args: argparse.Namespace) -> dump.Source:
    """What `load` reads: the plaintext file, or an encrypted one opened with its passphrase or the office key."""
    path = Path(args.file)
    kind = dump.sealed_kind(path)
    if kind is None:
        return path
    if kind == "office":
        if not args.office_db:
            raise CliError(
                "cli.office_db",
                "the dump is encrypted for the office's key: give --office-db with the office database",
            )
        office_paths = resolve(args.office_db, None)
        # The office's database is encrypted too: the same --user (or --recovery-key) opens it.
        key = None if office_paths.on_server else unlock_key(args, office_paths.db_path)
        office = open_store(office_paths, key=key, create=False)
        try:
            return dump.unlock_dump(path, kx_private=dump.office_private_key(office))
        finally:
            office.dispose()
    return dump.unlock_dump(path, passphrase=_dump_passphrase(confirm=False))


@_guarded
def _load(args: argparse.Namespace) -> int:
    paths = _paths(args)
    created = not paths.on_server and not paths.db_path.exists()
    # An existing (encrypted) file is judged once it is opened, before the dump; a new one is made only after
    # the dump passed every check (key, file, rows).
    existing = None if created else open_context(args)
    checked = dump.check_dump(_dump_source(args))
    ctx = existing or open_context(args)
    try:
        counts = dump.load_checked(ctx.store, checked, terminal_progress())
        # The loaded users' passwords are known only as hashes, so they have no key slots: the recovery key,
        # and the --user's slot when its password is given, are what open the new database.
        recovery = setup.make_recovery_key(ctx)
        if args.user and ctx.store.key is not None:
            users.authenticate(ctx, args.user, password(args))
            users.write_slot(ctx, args.user, password(args))
    except BaseException:
        if created:  # leave no empty file behind a refused load into a new database
            ctx.store.dispose()
            for suffix in ("", "-wal", "-shm"):
                Path(str(paths.db_path) + suffix).unlink(missing_ok=True)
        raise
    print(f"loaded {sum(counts.values())} rows into {paths.where}")
    print_recovery_key(recovery)
    return 0


# --- first run and users ----------------------------------------------------------------------------------


@_guarded
def _init(args: argparse.Namespace) -> int:
    # An existing (encrypted) file is judged first, as a plaintext one is before any command runs.
    existing = open_context(args) if _paths(args).db_path.exists() else None
    password = args.admin_password or os.environ.get("SONGJIAO_ADMIN_PASSWORD")
    if not password:
        raise CliError("cli.admin_password", "--admin-password (or SONGJIAO_ADMIN_PASSWORD) is required")
    from app.services import forms

    start = forms.parse_date(args.term_start, "--term-start", required=True)
    end = forms.parse_date(args.term_end, "--term-end", required=True)
    assert start and end
    days = (
        [
            {"date": d.date.isoformat(), "kind": d.kind, "name": d.name}
            for d in school.suggested_days(start, end)
        ]
        if end > start
        else []
    )
    data = {
        "school_name": args.school,
        "term": {"name": args.term_name, "start": start.isoformat(), "end": end.isoformat(), "days": days},
        "admin": {
            "username": args.admin_user,
            "display_name": args.admin_name or args.admin_user,
            "password": password,
        },
    }
    # Checked before the database is opened: opening creates the file, and a refused init must leave none.
    errors = setup.setup_errors(data)
    if errors:
        raise errors[0]
    ctx = existing or open_context(args)
    admin = setup.initialize_school(ctx, data)
    print(
        f"school set up with term '{args.term_name}' ({len(days)} calendar days pre-filled) and "
        f"administrator '{args.admin_user}'"
    )
    print_recovery_key(setup.make_recovery_key(ctx.as_actor(admin)))
    return 0


def _user_id(ctx: ServiceContext, username: str) -> str:
    for user in users.list_users(ctx, include_inactive=True):
        if user.username == username:
            return user.id
    raise CliError("cli.no_user", f"no user called '{username}'", username=username)


@_guarded
def _users_add(args: argparse.Namespace) -> int:
    ctx = _existing(args)
    info = users.create_user(
        ctx,
        {
            "username": args.username,
            "display_name": args.name or args.username,
            "role": args.role,
            "password": args.password,
        },
    )
    print(f"added {info.role} '{info.username}'")
    return 0


@_guarded
def _users_list(args: argparse.Namespace) -> int:
    ctx = _existing(args)
    found = users.list_users(ctx, include_inactive=args.all)
    if args.json:
        print_json(
            [
                {"username": u.username, "display_name": u.display_name, "role": u.role, "active": u.active}
                for u in found
            ]
        )
    else:
        for u in found:
            print(f"{u.username:<20} {u.role:<17} {'active' if u.active else 'disabled':<9} {u.display_name}")
    return 0


@_guarded
def _users_passwd(args: argparse.Namespace) -> int:
    ctx = _existing(args)
    users.set_password(ctx, _user_id(ctx, args.username), args.password)
    print(f"password of '{args.username}' changed")
    return 0


# --- the recovery key -------------------------------------------------------------------------------------

RECOVERY_KEY_HELP = "make a new recovery key for the school (the old one stops working)"
SHEET_NAME = (
    "songjiao-recovery-sheet.pdf"  # the desktop app's suggested name too (app/ui/dialogs/recovery.py)
)


def _sheet_path(out: str) -> Path:
    """--out: a folder (the sheet gets its usual name there) or the PDF's file name (.pdf added if missing)."""
    path = Path(out)
    if path.is_dir():
        return path / SHEET_NAME
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    if not path.parent.is_dir():
        raise CliError(
            "cli.no_folder", f"no folder {path.parent} for the recovery sheet", path=str(path.parent)
        )
    return path


@_guarded
def _recovery_key(args: argparse.Namespace) -> int:
    # The folder is checked before anything changes: a refused --out must leave the old key working.
    sheet = _sheet_path(args.out) if args.out else None
    ctx = _existing(args)
    # A plaintext database was encrypted by this very log-in: its recovery key, made just now, is the new one.
    text = ctx.store.recovery_key
    if text is None:
        # The password (or the recovery key) was given to this very command: it is the re-authentication.
        text = setup.replace_recovery_key(ctx, None)
    print_recovery_key(text)
    if ctx.store.recovery_key is None:  # replaced, not made by an encryption at this log-in
        print(notice("recovery_key.replaced"))
    if sheet is not None:
        from app.reports.export import export_recovery_sheet

        for written in export_recovery_sheet(school.get_school(ctx).name, text, sheet):
            print(f"saved: {written}")
    return 0


# --- schema -----------------------------------------------------------------------------------------------


@_guarded
def _migrate(args: argparse.Namespace) -> int:
    paths = _paths(args).ensure()
    chain = maintenance.revisions()
    target = args.to or chain[-1]
    if target not in chain:
        raise CliError(
            "cli.unknown_revision",
            f"unknown revision '{target}' (known: {', '.join(chain)})",
            revision=target,
            known=", ".join(chain),
        )
    done = maintenance.migrate(paths, target, unlock_key(args, paths.db_path))
    if done.current == target:
        print(f"already at revision {target}")
        return 0
    if done.backup is not None:
        print(f"backup: {done.backup}")
    print(f"migrated from {done.current} to {target}")
    return 0


# --- registration -----------------------------------------------------------------------------------------


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    def add(name: str, func: Handler, help_text: str, parent: Any = sub) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = parent.add_parser(name, help=help_text, description=help_text)
        parser.set_defaults(func=func)
        return parser

    p = add("backup", _backup, "make a backup now and print its path")
    p.add_argument("--reason", default="manual", help="a word kept in the file name (default: manual)")
    p = add("backups", _backups, "list the backups, newest first")
    p.add_argument("--json", action="store_true")
    p = add(
        "restore", _restore, "replace the database with a verified backup (the current one is saved first)"
    )
    p.add_argument("file")
    p = add("check", _check, "check the database file and the record rules; exit 1 when something is found")
    p.add_argument("--json", action="store_true", help="findings as JSON")
    p = add("dump", _dump, "write the whole database as JSON (resources/dump.schema.json), encrypted")
    p.epilog = f"By default the dump is encrypted to a passphrase: {PASSPHRASE_ENV}, else asked without echo."
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    how = p.add_mutually_exclusive_group()
    how.add_argument(
        "--to-office",
        action="store_true",
        help="encrypt to the office's exchange key instead of a passphrase (only the office can open it)",
    )
    how.add_argument(
        "--plaintext",
        action="store_true",
        help="write the JSON unencrypted (the file then holds every child's data in the clear)",
    )
    p = add("load", _load, "load a JSON dump (encrypted or not) into an empty database")
    p.add_argument("file")
    p.add_argument(
        "--office-db",
        metavar="PATH",
        help="the office database, whose key opens a dump encrypted with --to-office",
    )
    p = add("init", _init, "set up the school, its first term and administrator without the wizard")
    p.add_argument("--school", required=True, help="school name")
    p.add_argument("--term-name", required=True)
    p.add_argument("--term-start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--term-end", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--admin-user", required=True)
    p.add_argument("--admin-name", help="display name (default: the user name)")
    p.add_argument("--admin-password", help="or set SONGJIAO_ADMIN_PASSWORD")
    p = add("users", _no_subcommand, "manage user accounts")
    users_sub = p.add_subparsers(dest="users_command", metavar="ACTION")
    q = add("add", _users_add, "add a user", users_sub)
    q.add_argument("username")
    q.add_argument("--name", help="display name (default: the user name)")
    q.add_argument("--role", required=True, choices=ROLES)
    q.add_argument("--password", required=True)
    q = add("list", _users_list, "list users", users_sub)
    q.add_argument("--all", action="store_true", help="include disabled users")
    q.add_argument("--json", action="store_true")
    q = add("passwd", _users_passwd, "set a user's password", users_sub)
    q.add_argument("username")
    q.add_argument("--password", required=True)
    p = add("recovery-key", _recovery_key, RECOVERY_KEY_HELP)
    p.epilog = (
        "Log in as an administrator (--user) or with the old key (--recovery-key FILE). The new key is printed "
        "once; print it or save the sheet, and keep it in the school's safe."
    )
    p.add_argument(
        "--out",
        metavar="PATH",
        help="also save the recovery sheet (PDF) and its text file: a folder, or the PDF's file name",
    )
    p = add(
        "migrate", _migrate, "upgrade the database schema to this program's version (a backup is made first)"
    )
    p.add_argument(
        "--to", metavar="REV", help="a revision to up- or downgrade to ('base' removes every table)"
    )


def _no_subcommand(args: argparse.Namespace) -> int:
    raise CliError("cli.users_action", "users: choose an action: add, list or passwd")
