"""The exchange use cases: send (export), receive (import, many files at once), and status."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import delete, exc, func, select, update
from sqlalchemy.orm import Session

from app.db import schema, server
from app.db.base import utcnow
from app.db.models import ExchangeConflict, ExchangeDevice, ExchangeLog, User
from app.services.context import ServiceContext, reading, require_role, transaction
from app.services.errors import ServiceError
from app.services.exchange import bundle, hublink, lineage
from app.services.exchange.apply import (
    DELETE_CONFIRM_LIMIT,
    apply_acks,
    broken_by,
    count_rows,
    drop_states,
    execute,
    load_states,
    stage,
    verify,
)
from app.services.exchange.changes import FORMAT, Built, build, bundle_key, manifest, pending, scope_for
from app.services.exchange.errors import ExchangeRefused
from app.services.exchange.rows import MIRRORED_TABLES, ORDER, TABLES
from app.services.exchange.scope import Scope, mirrored, office_scope, rows_for_students
from app.services.files import distinct_names, replace
from app.services.progress import TaskState

SUFFIX = ".sjb"


@cache
def known_revisions() -> frozenset[str]:
    """Schema revisions this program can read (reading the migration scripts takes a while: once)."""
    return frozenset(schema.known_revisions())


def self_device(session: Session) -> ExchangeDevice:
    me = session.scalar(select(ExchangeDevice).where(ExchangeDevice.is_self.is_(True)))
    if me is None:
        raise ExchangeRefused(
            "exchange.not_set_up",
            "This copy does not take part in exchange yet (make a join file at the office, "
            "or join from one on a laptop).",
        )
    return me


def _username(session: Session, user_id: str | None) -> str:
    name = session.scalar(select(User.username).where(User.id == user_id)) if user_id else None
    # A user name is staff, never a child; keep it to safe characters for a file name.
    return "".join(c for c in (name or "unknown") if c.isalnum() or c in "-_.")[:40] or "user"


def bundle_name(session: Session, me: ExchangeDevice, peer: ExchangeDevice, seq: int) -> str:
    if me.role == "office":
        return f"songjiao-office-to-{_username(session, peer.teacher_id)}-{seq:05d}{SUFFIX}"
    return f"songjiao-{_username(session, me.teacher_id)}-to-office-{seq:05d}{SUFFIX}"


@dataclass(frozen=True)
class SentBundle:
    path: Path
    peer_id: str
    seq: int
    changes: int
    attachments: int


def _peers(session: Session, teacher: str | None) -> list[ExchangeDevice]:
    query = select(ExchangeDevice).where(
        ExchangeDevice.is_self.is_(False), ExchangeDevice.revoked_at.is_(None)
    )
    if teacher is not None:
        user_id = session.scalar(select(User.id).where((User.username == teacher) | (User.id == teacher)))
        query = query.where(ExchangeDevice.teacher_id == user_id)
    peers = list(session.scalars(query.order_by(ExchangeDevice.created_at)))
    if teacher is None and len(peers) > 1:
        # The office after a restore: laptops already re-joined get their bundles, the others wait.
        peers = [p for p in peers if not lineage.blocked(session, p)] or peers
    if not peers:
        raise ExchangeRefused("exchange.no_peer", "There is no device to send to.")
    return peers


def _build_logged(
    session: Session, me: ExchangeDevice, peer: ExchangeDevice, today: dt.date, name: str
) -> Built:
    """The next bundle for ``peer``, logged with its digest under ``name`` (committed by the caller)."""
    lineage.check_not_restored(session, me, peer)
    built = build(session, me, peer, today)
    session.add(
        ExchangeLog(
            direction="out",
            peer_id=peer.id,
            seq=built.seq,
            changes=built.changes,
            file_name=name[:200],
            digest=hashlib.sha256(built.data).hexdigest(),
        )
    )
    session.flush()
    return built


def export(ctx: ServiceContext, out: Path, teacher: str | None = None) -> list[SentBundle]:
    """Write the next bundle for each peer (a laptop: the office; the office: each laptop, or one teacher's).

    ``out`` is a folder (file names are made here) or, for a single bundle, a file name.
    """
    out = Path(out)
    results: list[SentBundle] = []
    with transaction(ctx) as session:
        me = self_device(session)
        peers = _peers(session, teacher)
        if len(peers) > 1 and not out.is_dir():
            raise ExchangeRefused("exchange.out_folder", "Several bundles are due: give a folder for --out.")
        written: list[Path] = []
        names: list[str] = []  # distinct as Windows compares them: user names "Li" and "li" are two laptops
        try:
            for peer in peers:
                seq = peer.last_seq_out + 1
                if out.is_dir():
                    names.append(distinct_names([*names, bundle_name(session, me, peer, seq)])[-1])
                target = out / names[-1] if out.is_dir() else out
                built = _build_logged(session, me, peer, ctx.today(), target.name)
                partial = target.with_name(target.name + ".partial")
                partial.write_bytes(built.data)
                written.append(partial)
                results.append(SentBundle(target, peer.id, built.seq, built.changes, built.blobs))
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    # Committed: only now do the files take their final names (a crash leaves only .partial files).
    for path, result in zip(written, results, strict=True):
        replace(path, result.path)
    return results


@dataclass(frozen=True)
class SentData:
    """A bundle made for the network (the hub): the same bytes a file would hold, and its name."""

    data: bytes
    name: str
    peer_id: str
    seq: int
    changes: int
    attachments: int


def export_data(ctx: ServiceContext, peer_id: str | None = None, *, via: str = "hub") -> SentData:
    """The next bundle for one peer (a laptop: the office; the office: the laptop ``peer_id``) as bytes.

    Committed before it is returned, like a written file: a bundle number is used once, so a bundle
    lost on the way is simply superseded by the next one (it carries everything unacknowledged).
    """
    with transaction(ctx) as session:
        me = self_device(session)
        if peer_id is None:
            peers = _peers(session, None)
            if len(peers) != 1:
                raise ExchangeRefused(
                    "exchange.out_folder", "Several bundles are due: give a folder for --out."
                )
            peer = peers[0]
        else:
            found = session.get(ExchangeDevice, peer_id)
            if found is None or found.is_self or found.revoked_at is not None:
                raise ExchangeRefused("exchange.no_peer", "There is no device to send to.")
            peer = found
        # Logged as "hub songjiao-t1-to-office-00003.sjb": the history tells network from files.
        name = f"{via} {bundle_name(session, me, peer, peer.last_seq_out + 1)}"
        built = _build_logged(session, me, peer, ctx.today(), name)
        return SentData(built.data, name, peer.id, built.seq, built.changes, built.blobs)


@dataclass(frozen=True, kw_only=True)
class ImportResult:
    path: Path
    peer_id: str
    seq: int
    changes: int
    applied: int
    unchanged: int
    conflicts: int
    deletes: int
    purged_students: int
    by_table: dict[str, int] = field(default_factory=dict)  # records written per table (what came in)


def _header_int(header: dict[str, Any], name: str) -> int:
    value = header.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ExchangeRefused("exchange.damaged", "The file is damaged or is not a Songjiao exchange file.")
    return value


def authentic_sender(session: Session, me: ExchangeDevice, container: bundle.Container) -> ExchangeDevice:
    """The known, unrevoked device whose key signed this bundle for this copy; else the refusal.

    The first checks of every import, and all the hub needs to know who is calling (docs/hub.md).
    """
    header = container.header
    if container.kind != bundle.KIND_BUNDLE:
        raise ExchangeRefused("exchange.is_join_file", "This is a join file: use it to set up a new laptop.")
    sender_id = header.get("sender")
    sender = session.get(ExchangeDevice, sender_id) if isinstance(sender_id, str) else None
    if sender is None or sender.is_self:
        raise ExchangeRefused(
            "exchange.unknown_sender", "The file comes from a device this copy does not know."
        )
    bundle.check_signature(container, sender.sign_public)
    if sender.revoked_at is not None:
        raise ExchangeRefused("exchange.revoked", "The file comes from a device whose key was revoked.")
    if header.get("recipient") != me.id:
        raise ExchangeRefused("exchange.wrong_recipient", "The file is meant for another device.")
    if header.get("format") != FORMAT or sender.role == me.role:
        raise ExchangeRefused("exchange.damaged", "The file is damaged or is not a Songjiao exchange file.")
    return sender


def import_file(ctx: ServiceContext, path: Path, *, confirm_deletes: bool = False) -> ImportResult:
    """Import one bundle, all or nothing; every refusal raises ExchangeRefused and changes nothing."""
    path = Path(path)
    return import_data(ctx, bundle.read_file(path), path.name, confirm_deletes=confirm_deletes)


def import_data(
    ctx: ServiceContext, data: bytes, name: str, *, confirm_deletes: bool = False
) -> ImportResult:
    """Import one bundle given as bytes (a file's contents, or a hub request or reply); see import_file."""
    path = Path(name)
    digest = hashlib.sha256(data).hexdigest()
    container = bundle.parse(data)
    header = container.header
    with transaction(ctx) as session:
        server.defer_foreign_keys(session)  # parents and children may arrive in any order
        me = self_device(session)
        sender = authentic_sender(session, me, container)
        if str(header.get("schema")) not in known_revisions():
            raise ExchangeRefused(
                "exchange.newer_schema",
                "The file was written by a newer version of Songjiao; please update first.",
            )
        seq, acked = _header_int(header, "seq"), _header_int(header, "acked_up_to")
        lineage.check_not_restored(session, me, sender)
        lineage.check_sequence(session, sender, seq, digest)
        lineage.check_header(session, sender, header)
        eph = bytes.fromhex(str(header.get("eph", "")))
        assert me.kx_private is not None
        plaintext = bundle.decrypt(container, _recipient_key(me.kx_private, eph, container.aad))
        payload = bundle.decode_payload(plaintext)
        apply_acks(session, sender, acked)
        plan = stage(session, me, sender, payload)
        before = count_rows(session, {w.table for w in plan.writes} | {t for t, _k in plan.removals})
        scope = _held(session, me, sender, ctx.today()).all_hashes()
        if plan.deletes > DELETE_CONFIRM_LIMIT and not confirm_deletes:
            raise ExchangeRefused(
                "exchange.many_deletes",
                f"The bundle would delete {plan.deletes} records; import it again with "
                "confirmation if that is intended.",
                deletes=plan.deletes,
            )
        try:
            execute(session, plan, sender.id)
        except exc.IntegrityError as error:  # e.g. a second IEP for the same student and term
            raise ExchangeRefused(
                "exchange.integrity", "The bundle clashes with records here (a duplicate of a unique record)."
            ) from error
        verify(session, plan, before, scope)
        purged = 0
        if me.role == "laptop":
            _check_mirrored(session, payload.body)
            purged = _purge(session, sender.id, set(payload.body.get("scope_students") or []))
            link = hublink.from_dict(payload.body.get("hub"))
            if link is not None:  # signed by the office: where its hub is and which certificate to pin
                hublink.write(session, link)
        if me.role == "office" and not server.on_server(session):
            _refuse_broken(broken_by(session, plan))  # the import's own writes only (apply.broken_by)
        else:
            check_references(session)
        sender.last_seq_in = seq
        sender.last_import_at = utcnow()
        applied = len(plan.writes) + len(plan.removals)
        session.add(
            ExchangeLog(
                direction="in",
                peer_id=sender.id,
                seq=seq,
                changes=plan.changes,
                applied=applied,
                conflicts=len(plan.conflicts),
                file_name=path.name[:200],
                digest=digest,
            )
        )
        by_table: dict[str, int] = {}
        for write in plan.writes:
            by_table[write.table] = by_table.get(write.table, 0) + 1
        return ImportResult(
            path=path,
            peer_id=sender.id,
            seq=seq,
            changes=plan.changes,
            applied=applied,
            unchanged=plan.unchanged,
            conflicts=len(plan.conflicts),
            deletes=plan.deletes,
            purged_students=purged,
            by_table=by_table,
        )


def _held(session: Session, me: ExchangeDevice, peer: ExchangeDevice, today: dt.date) -> Scope:
    """The records shared with this peer, as they are here: what post-import verification covers."""
    if me.role == "office":
        return office_scope(session, peer.teacher_id or "", today, project=False)
    return rows_for_students(
        session, set(session.scalars(select(TABLES["student"].c.id))), me.teacher_id, project=False
    )


def _recipient_key(kx_private: bytes, eph_public: bytes, aad: bytes) -> bytes:
    if len(eph_public) != 32:
        raise ExchangeRefused("exchange.damaged", "The file is damaged or is not a Songjiao exchange file.")
    return bundle_key(kx_private, eph_public, eph_public, aad[bundle._PREFIX.size :])


def _check_mirrored(session: Session, body: dict[str, Any]) -> None:
    """On a laptop: school, calendar, users and goal bank must now equal the office's, exactly."""
    expected = body.get("mirrored")
    if expected != manifest(mirrored(session), MIRRORED_TABLES):
        raise ExchangeRefused(
            "exchange.verify_failed",
            "After the import, the school settings did not match the office's copy; the import was undone.",
        )


def check_references(session: Session) -> None:
    _refuse_broken(len(server.broken_references(session)))


def _refuse_broken(count: int) -> None:
    if count:
        raise ExchangeRefused(
            "exchange.broken_references",
            "The bundle refers to records this copy does not have.",
            count=count,
        )


def _purge(session: Session, office_id: str, in_scope: set[str]) -> int:
    """Remove students the office took off this laptop, once everything of theirs reached the office."""
    students = set(session.scalars(select(TABLES["student"].c.id)))
    states = load_states(session, office_id)
    purged = 0
    for student in sorted(students - in_scope):
        scope = rows_for_students(
            session,
            {student},
            None,
            tables=[
                t for t in ORDER if t not in ("school", "term", "calendar_day", "goal_bank_item", "user")
            ],
        )
        synced = all(
            (state := states.get((t, k))) is not None and state.base_hash == scope.hash(t, k)
            for t, k, _r in scope.items()
        )
        if not synced:
            continue  # unsent work: keep it until the office has confirmed it
        used = set(
            session.scalars(
                select(TABLES["attachment"].c.blob_sha256).where(TABLES["attachment"].c.student_id != student)
            )
        )
        for table in reversed(ORDER):
            keys = set(scope.rows.get(table, {}))
            if table == "blob":
                keys -= used
            if keys:
                column = TABLES[table].c["sha256" if table == "blob" else "id"]
                session.execute(delete(TABLES[table]).where(column.in_(sorted(keys))))
                drop_states(session, office_id, [(table, k) for k in keys])
        # Conflict copies hold the child's data too: they leave with the student.
        session.execute(delete(ExchangeConflict).where(ExchangeConflict.student_id == student))
        purged += 1
    return purged


def import_many(
    ctx: ServiceContext,
    paths: list[Path],
    *,
    confirm_deletes: bool = False,
    progress: TaskState | None = None,
) -> list[tuple[Path, ImportResult | ServiceError]]:
    """The office's batch: each file on its own (one refused file does not stop the others), in
    sequence order per sender so that a pile of files from one laptop goes in oldest first.

    ``progress`` is updated after each file; once cancelled, the batch stops before the next one. Each
    file is its own transaction, so stopping loses nothing.
    """

    def order(path: Path) -> tuple[str, int]:
        try:
            header = bundle.peek_header(path)
            return str(header.get("sender")), int(header.get("seq", 0))
        except (ServiceError, ValueError, TypeError, OSError):
            return "", 0

    results: list[tuple[Path, ImportResult | ServiceError]] = []
    ordered = sorted(paths, key=order)
    if progress is not None:
        progress.update(0, len(ordered))
    for done, path in enumerate(ordered, start=1):
        try:
            results.append((path, import_file(ctx, path, confirm_deletes=confirm_deletes)))
        except ServiceError as error:
            results.append((path, error))
        if progress is not None:
            progress.update(done, len(ordered))
            if progress.cancelled:
                break
    return results


@dataclass(frozen=True, kw_only=True)
class PeerStatus:
    device_id: str
    role: str
    teacher: str
    revoked: bool
    last_sent: int
    confirmed: int
    last_received: int
    not_yet_received: int  # records of ours the peer has not confirmed
    by_table: dict[str, int]  # the same, per table (visit: 3, attachment: 12 ...)
    last_import_at: dt.datetime | None
    last_export_at: dt.datetime | None


@dataclass(frozen=True)
class ExchangeStatus:
    device_id: str
    role: str
    fingerprint: str
    peers: tuple[PeerStatus, ...]
    open_conflicts: int


def status(ctx: ServiceContext) -> ExchangeStatus:
    from app.services.exchange.keys import fingerprint

    with reading(ctx) as session:
        me = self_device(session)
        peers = []
        for peer in session.scalars(
            select(ExchangeDevice)
            .where(ExchangeDevice.is_self.is_(False))
            .order_by(ExchangeDevice.created_at)
        ):
            todo = (
                []
                if peer.revoked_at
                else pending(session, scope_for(session, me, peer, ctx.today()), peer.id)
            )
            by_table: dict[str, int] = {}
            for table, *_rest in todo:
                by_table[table] = by_table.get(table, 0) + 1
            peers.append(
                PeerStatus(
                    device_id=peer.id,
                    role=peer.role,
                    teacher=_username(session, peer.teacher_id) if peer.teacher_id else "office",
                    revoked=peer.revoked_at is not None,
                    last_sent=peer.last_seq_out,
                    confirmed=peer.acked_out,
                    last_received=peer.last_seq_in,
                    not_yet_received=len(todo),
                    by_table=by_table,
                    last_import_at=peer.last_import_at,
                    last_export_at=peer.last_export_at,
                )
            )
        conflicts = (
            session.scalar(
                select(func.count())
                .select_from(ExchangeConflict)
                .where(ExchangeConflict.settled_at.is_(None))
            )
            or 0
        )
        return ExchangeStatus(me.id, me.role, fingerprint(me.sign_public), tuple(peers), conflicts)


@dataclass(frozen=True, kw_only=True)
class LogEntry:
    at: dt.datetime
    direction: str  # in | out | join
    teacher: str
    seq: int
    changes: int
    applied: int
    conflicts: int
    file_name: str


def history(ctx: ServiceContext, limit: int = 50) -> list[LogEntry]:
    """What came in and went out, newest first (the office's "what arrived today")."""
    with reading(ctx) as session:
        entries = list(session.scalars(select(ExchangeLog).order_by(ExchangeLog.id.desc()).limit(limit)))
        teachers = {d.id: d.teacher_id for d in session.scalars(select(ExchangeDevice))}
        return [
            LogEntry(
                at=e.at,
                direction=e.direction,
                teacher=_username(session, teachers.get(e.peer_id)) if teachers.get(e.peer_id) else "office",
                seq=e.seq,
                changes=e.changes,
                applied=e.applied,
                conflicts=e.conflicts,
                file_name=e.file_name,
            )
            for e in entries
        ]


@dataclass(frozen=True, kw_only=True)
class ConflictInfo:
    id: str
    table: str
    record_key: str
    student_id: str | None
    kind: str
    detected_at: dt.datetime
    kept: dict[str, Any]
    other: dict[str, Any]


def list_conflicts(ctx: ServiceContext, include_settled: bool = False) -> list[ConflictInfo]:
    with reading(ctx) as session:
        query = select(ExchangeConflict).order_by(ExchangeConflict.detected_at)
        if not include_settled:
            query = query.where(ExchangeConflict.settled_at.is_(None))
        return [
            ConflictInfo(
                id=c.id,
                table=c.table_name,
                record_key=c.record_key,
                student_id=c.student_id,
                kind=c.kind,
                detected_at=c.detected_at,
                kept=c.kept,
                other=c.other,
            )
            for c in session.scalars(query)
        ]


def settle_conflict(ctx: ServiceContext, conflict_id: str) -> None:
    """A person looked at both versions (and re-entered what mattered): the conflict is closed."""
    require_role(ctx, "teacher", "academic_affairs", "admin")
    with transaction(ctx) as session:
        session.execute(
            update(ExchangeConflict)
            .where(ExchangeConflict.id == conflict_id)
            .values(settled_at=utcnow(), settled_by=None if ctx.actor.role == "system" else ctx.actor.id)
        )


__all__ = ["SentBundle", "ImportResult", "export", "import_file", "import_many", "status"]
