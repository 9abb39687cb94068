"""Joining a laptop from a file the office makes for one teacher, and revoking a lost laptop's key.

The office generates the laptop's key pair and puts it, with the teacher's data and the office's public
keys, in a join file encrypted under a one-time passphrase (scrypt + AES-256-GCM) that the clerk reads
out or writes down for the teacher; the file is also signed by the office. Choosing keys at the office
keeps joining one step (no reply from the laptop is needed before the first bundle) and the office is
the authority anyway; the passphrase is what makes an intercepted join file useless.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.db import schema, server
from app.db.base import utcnow
from app.db.engine import remove_with_side_files
from app.db.models import ExchangeDevice, ExchangeLog, School, User
from app.paths import AppPaths
from app.services import evidence, keyring
from app.services.context import ServiceContext, require_role, transaction
from app.services.errors import AuthError
from app.services.exchange import bundle, hublink, keys
from app.services.exchange.apply import blob_bytes, set_bases
from app.services.exchange.changes import manifest
from app.services.exchange.errors import ExchangeRefused
from app.services.exchange.rows import MIRRORED_TABLES, ORDER, TABLES, decode, row_hash
from app.services.exchange.scope import mirrored, office_scope
from app.services.exchange.sync import check_references, known_revisions, self_device
from app.services.files import replace
from app.services.users import is_live_teacher, password_matches

JOIN_FORMAT = "songjiao-join"
JOIN_SUFFIX = ".sjj"


def ensure_office_identity(session: Session, label: str = "office") -> ExchangeDevice:
    me = evidence.office_identity(session, label)
    if me is None:
        raise ExchangeRefused("exchange.not_office", "Only the office copy makes join files.")
    return me


@dataclass(frozen=True)
class JoinFile:
    path: Path
    passphrase: str
    device_id: str
    fingerprint: str
    revoked: int
    hub_url: str | None = None


def _teacher(session: Session, teacher: str) -> User:
    user = session.scalar(
        select(User).where((User.username == teacher) | (User.id == teacher), User.deleted_at.is_(None))
    )
    if not is_live_teacher(user) or not user.active:
        raise ExchangeRefused("exchange.no_teacher", "There is no active teacher with this user name.")
    return user


def make_join_file(
    ctx: ServiceContext,
    teacher: str,
    out: Path,
    *,
    keep_old: bool = False,
    hub: hublink.HubLink | None = None,
) -> JoinFile:
    """Make the join file for a teacher's (new or replacement) laptop; earlier laptops are revoked.

    ``hub``: the hub's address and certificate, remembered here for later join files and bundles;
    without it, the one remembered before (if any) goes into the file.
    """
    require_role(ctx, "admin", "academic_affairs")
    out = Path(out)
    passphrase = keys.new_passphrase()
    salt = os.urandom(16)
    key = keys.passphrase_key(passphrase, salt)
    partial = out.with_name(out.name + ".partial")
    with transaction(ctx) as session:
        me = ensure_office_identity(session)
        user = _teacher(session, teacher)
        revoked = 0
        if not keep_old:
            revoked = _revoke(session, user.id)
        pair = keys.generate()
        device = ExchangeDevice(
            role="laptop",
            teacher_id=user.id,
            label=f"{user.username} laptop"[:100],
            sign_public=pair.sign_public,
            kx_public=pair.kx_public,
        )
        session.add(device)
        session.flush()
        scope = office_scope(session, user.id, ctx.today())
        changes: list[dict[str, Any]] = [
            {"t": t, "k": k, "h": scope.hash(t, k), "row": r}
            for t in ORDER
            for k, r in scope.rows.get(t, {}).items()
        ]
        blob_keys = sorted(scope.rows.get("blob", {}))
        blobs = [
            session.scalar(select(TABLES["blob"].c.data).where(TABLES["blob"].c.sha256 == k)) or b""
            for k in blob_keys
        ]
        body = {
            "office": {"id": me.id, "sign_public": me.sign_public.hex(), "kx_public": me.kx_public.hex()},
            "device": {
                "id": device.id,
                "teacher_id": user.id,
                "sign_private": pair.sign_private.hex(),
                "kx_private": pair.kx_private.hex(),
                "sign_public": pair.sign_public.hex(),
                "kx_public": pair.kx_public.hex(),
            },
            "changes": changes,
            "blobs": [[k, len(d)] for k, d in zip(blob_keys, blobs, strict=True)],
            "mirrored": manifest(scope, MIRRORED_TABLES),
            "scope_students": sorted(scope.students),
        }
        if hub is not None:
            hublink.write(session, hub)
        link = hub or hublink.read(session)
        if link is not None:
            body["hub"] = link.as_dict()
        # The laptop starts out holding exactly this: nothing of it is sent again.
        set_bases(
            session,
            device.id,
            [(c["t"], c["k"], c["h"], None if c["t"] == "blob" else c["row"]) for c in changes],
        )
        header = {
            "format": JOIN_FORMAT,
            "version": bundle.VERSION,
            "schema": schema.head_revision(),
            "sender": me.id,
            "recipient": device.id,
            "created": utcnow().isoformat(),
            "kdf": {
                "name": "scrypt",
                "salt": salt.hex(),
                "n": keys.SCRYPT_N,
                "r": keys.SCRYPT_R,
                "p": keys.SCRYPT_P,
            },
        }
        assert me.sign_private is not None
        data = bundle.seal(bundle.KIND_JOIN, header, bundle.encode_payload(body, blobs), key, me.sign_private)
        session.add(
            ExchangeLog(
                direction="join", peer_id=device.id, seq=0, changes=len(changes), file_name=out.name[:200]
            )
        )
        partial.write_bytes(data)
        result = JoinFile(
            out,
            passphrase,
            device.id,
            keys.fingerprint(pair.sign_public),
            revoked,
            link.url if link else None,
        )
    replace(partial, out)
    return result


@dataclass(frozen=True)
class JoinResult:
    device_id: str
    teacher_id: str
    students: int
    records: int
    office_fingerprint: str
    username: str  # the teacher's, for the log-in that follows the join (typed there otherwise)


def _open_join_file(path: Path, passphrase: str) -> tuple[dict[str, object], bundle.Payload]:
    container = bundle.parse(bundle.read_file(path))
    if container.kind != bundle.KIND_JOIN or container.header.get("format") != JOIN_FORMAT:
        raise ExchangeRefused("exchange.not_join_file", "This is not a join file.")
    kdf = container.header.get("kdf")
    try:
        assert isinstance(kdf, dict) and kdf.get("name") == "scrypt"
        key = keys.passphrase_key(
            passphrase, bytes.fromhex(kdf["salt"]), int(kdf["n"]), int(kdf["r"]), int(kdf["p"])
        )
    except (AssertionError, KeyError, TypeError, ValueError) as error:
        raise ExchangeRefused("exchange.damaged", "The join file is damaged.") from error
    try:
        plaintext = bundle.decrypt(container, key)
    except ExchangeRefused as error:
        raise ExchangeRefused(
            "exchange.wrong_passphrase", "The passphrase is wrong, or the join file was altered."
        ) from error
    payload = bundle.decode_payload(plaintext)
    office = payload.body.get("office")
    if not isinstance(office, dict):
        raise ExchangeRefused("exchange.damaged", "The join file is damaged.")
    bundle.check_signature(container, bytes.fromhex(str(office.get("sign_public", ""))))
    if str(container.header.get("schema")) not in known_revisions():
        raise ExchangeRefused(
            "exchange.newer_schema",
            "The join file was made by a newer version of Songjiao; please update first.",
        )
    return container.header, payload


def join_from_file(
    paths: AppPaths,
    path: Path,
    passphrase: str,
    password: str | None = None,
    username: str | None = None,
    key: bytes | None = None,
) -> JoinResult:
    """Set up this (new, empty) laptop database from a join file.

    The laptop's database is encrypted with its own key, wrapped for the teacher's ``password`` (their account's
    password, checked against the account the join file carries) and for the office's public key, so that the
    office can recover the laptop's records (keyring.unlock_office). ``key``: the new database's own key when
    the caller made it already (the desktop app opens the empty database before the join).
    """
    from app.services.setup import open_store

    header, payload = _open_join_file(Path(path), passphrase)
    body = payload.body
    blobs = blob_bytes(body, payload)
    # A join that fails after the new database was made (a mistyped password, a damaged file) removes it
    # again: left behind, it would hold a key no slot opens, and every later try would be refused.
    fresh = paths.db_url is None and not paths.db_path.exists()
    folders = (paths.db_path.parent, paths.data_dir, paths.backup_dir, paths.log_dir)
    made = [f for f in dict.fromkeys(folders) if not f.exists()] if fresh else []
    store = open_store(paths, key=key)
    try:
        ctx = ServiceContext(store)
        with transaction(ctx) as session:
            server.defer_foreign_keys(session)
            if (
                session.scalar(select(School.id)) is not None
                or session.scalar(select(ExchangeDevice.id)) is not None
            ):
                raise ExchangeRefused(
                    "exchange.not_empty", "This database already holds a school: join needs a new, empty one."
                )
            office, device = body["office"], body["device"]
            assert isinstance(office, dict) and isinstance(device, dict)
            by_table: dict[str, list[dict[str, object]]] = {}
            bases = []
            for change in body.get("changes") or []:
                table, row = change["t"], change["row"]
                if table not in TABLES or row_hash(table, row) != change["h"]:
                    raise ExchangeRefused("exchange.damaged", "The join file is damaged.")
                values = decode(table, row)
                if table == "blob":
                    values["data"] = blobs[row["sha256"]]
                by_table.setdefault(table, []).append(values)
                bases.append((table, change["k"], change["h"], None if table == "blob" else row))
            for table in ORDER:
                if by_table.get(table):
                    session.execute(insert(TABLES[table]), by_table[table])
            session.add(
                ExchangeDevice(
                    id=office["id"],
                    role="office",
                    label="office",
                    sign_public=bytes.fromhex(office["sign_public"]),
                    kx_public=bytes.fromhex(office["kx_public"]),
                )
            )
            session.add(
                ExchangeDevice(
                    id=device["id"],
                    role="laptop",
                    teacher_id=device["teacher_id"],
                    is_self=True,
                    label="this laptop",
                    sign_public=bytes.fromhex(device["sign_public"]),
                    kx_public=bytes.fromhex(device["kx_public"]),
                    sign_private=bytes.fromhex(device["sign_private"]),
                    kx_private=bytes.fromhex(device["kx_private"]),
                )
            )
            session.flush()
            set_bases(session, office["id"], bases)
            if body.get("mirrored") != manifest(mirrored(session), MIRRORED_TABLES):
                raise ExchangeRefused("exchange.verify_failed", "The join file's contents did not add up.")
            link = hublink.from_dict(body.get("hub"))
            if link is not None:
                hublink.write(session, link)
            check_references(session)
            _wrap_laptop_key(store, session, office, device, password, username)
            teacher = session.get(User, device["teacher_id"])
            assert teacher is not None, "check_references found the laptop's teacher"
            session.add(
                ExchangeLog(
                    direction="join",
                    peer_id=office["id"],
                    seq=0,
                    changes=len(bases),
                    applied=len(bases),
                    file_name=Path(path).name[:200],
                )
            )
            return JoinResult(
                device["id"],
                device["teacher_id"],
                len(body.get("scope_students") or []),
                len(bases),
                keys.fingerprint(bytes.fromhex(office["sign_public"])),
                teacher.username,
            )
    except BaseException:
        store.dispose()
        if fresh:
            # Best effort: a file held for a moment (a virus scanner on Windows) must not hide why the join
            # was refused; the refusal is what the teacher needs to hear.
            with contextlib.suppress(OSError):
                remove_with_side_files(paths.db_path)
            for folder in sorted(made, key=lambda f: len(f.parts), reverse=True):
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only if empty
        raise
    finally:
        store.dispose()


def _wrap_laptop_key(
    store: Any,
    session: Session,
    office: dict[str, Any],
    device: dict[str, Any],
    password: str | None,
    username: str | None,
) -> None:
    """The laptop key's slots: the office's, and the teacher's when the password is given (checked first,
    with the user name when one is given: the join file is for one teacher)."""
    if store.key is None:
        return
    if password is not None:
        teacher = session.get(User, device["teacher_id"])
        if (
            teacher is None
            or (username is not None and username.strip() != teacher.username)
            or not password_matches(teacher.password_hash, password)
        ):
            raise AuthError("login.failed", "Wrong user name or password.", field="password")
        keyring.set_user(store.paths.db_path, store.key, teacher.username, password)
    keyring.set_office(store.paths.db_path, store.key, bytes.fromhex(str(office["kx_public"])))


def revoke_teacher(ctx: ServiceContext, teacher: str) -> int:
    """Revoke every laptop key of a teacher (lost or replaced laptop): their bundles are refused from now."""
    require_role(ctx, "admin", "academic_affairs")
    with transaction(ctx) as session:
        me = self_device(session)
        if me.role != "office":
            raise ExchangeRefused("exchange.not_office", "Only the office revokes laptop keys.")
        user = session.scalar(select(User).where((User.username == teacher) | (User.id == teacher)))
        if user is None:
            raise ExchangeRefused("exchange.no_teacher", "There is no teacher with this user name.")
        return _revoke(session, user.id)


def _revoke(session: Session, teacher_id: str) -> int:
    devices = list(
        session.scalars(
            select(ExchangeDevice).where(
                ExchangeDevice.teacher_id == teacher_id,
                ExchangeDevice.revoked_at.is_(None),
                ExchangeDevice.is_self.is_(False),
            )
        )
    )
    for device in devices:
        device.revoked_at = utcnow()
    return len(devices)
