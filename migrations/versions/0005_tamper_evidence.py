"""tamper evidence: the audit hash chain and signed plan decisions

Revision ID: 0005
Revises: 0010
Create Date: 2026-12-01 10:00:00

Existing entries are linked into a chain in id order, and existing decisions are signed with the office's
key (made now if this copy has none and is not a laptop): from this revision on, an edit made outside the
program shows. A laptop cannot sign; the office's signed copies of its decisions reach it on the next
exchange, because the office's record of what the laptop holds is rewritten below as unsigned.
Plain SQLAlchemy Core only: runs on SQLite and PostgreSQL.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.db.base import utcnow
from app.domain import evidence
from app.services.exchange import keys
from app.services.exchange.rows import row_hash

revision: str = "0005"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SIGNATURE_COLUMNS = ("content_hash", "signature", "signed_by")
BATCH = 1000


def _tables() -> tuple[sa.Table, ...]:
    meta = sa.MetaData()
    audit = sa.Table(
        "audit_entry",
        meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", sa.DateTime),
        sa.Column("user_id", sa.String(36)),
        sa.Column("entity", sa.String(40)),
        sa.Column("entity_id", sa.String(36)),
        sa.Column("action", sa.String(10)),
        sa.Column("fields", sa.JSON),
        sa.Column("prev_hash", sa.String(64)),
        sa.Column("entry_hash", sa.String(64)),
    )
    head = sa.Table(
        "audit_head",
        meta,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("length", sa.Integer),
        sa.Column("last_hash", sa.String(64)),
    )
    revisions = sa.Table(
        "plan_revision",
        meta,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("plan_id", sa.String(36)),
        sa.Column("number", sa.Integer),
        sa.Column("snapshot", sa.JSON),
        sa.Column("decision", sa.String(10)),
        sa.Column("reviewer_id", sa.String(36)),
        sa.Column("decided_at", sa.DateTime),
        sa.Column("comment", sa.Text),
        *(sa.Column(name, sa.String(128)) for name in SIGNATURE_COLUMNS),
    )
    devices = sa.Table(
        "exchange_device",
        meta,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("role", sa.String(10)),
        sa.Column("teacher_id", sa.String(36)),
        sa.Column("label", sa.String(100)),
        sa.Column("is_self", sa.Boolean),
        sa.Column("sign_public", sa.LargeBinary),
        sa.Column("kx_public", sa.LargeBinary),
        sa.Column("sign_private", sa.LargeBinary),
        sa.Column("kx_private", sa.LargeBinary),
        sa.Column("created_at", sa.DateTime),
        sa.Column("last_seq_in", sa.Integer),
        sa.Column("last_seq_out", sa.Integer),
        sa.Column("acked_out", sa.Integer),
    )
    states = sa.Table(
        "exchange_state",
        meta,
        sa.Column("peer_id", sa.String(36), primary_key=True),
        sa.Column("table_name", sa.String(40), primary_key=True),
        sa.Column("record_key", sa.String(64), primary_key=True),
        sa.Column("base_hash", sa.String(64)),
        sa.Column("base_row", sa.JSON),
    )
    office_keys = sa.Table(
        "office_key",
        meta,
        sa.Column("fingerprint", sa.String(40), primary_key=True),
        sa.Column("sign_public", sa.LargeBinary),
        sa.Column("created_at", sa.DateTime),
    )
    return audit, head, revisions, devices, states, office_keys


def _link_chain(conn: sa.Connection, audit: sa.Table, head: sa.Table) -> None:
    prev, length, pending = evidence.GENESIS, 0, []
    for row in conn.execute(sa.select(audit).order_by(audit.c.id)).mappings().all():
        entry_hash = evidence.entry_hash(row, prev)
        pending.append({"key": row["id"], "prev": prev, "hash": entry_hash})
        prev, length = entry_hash, length + 1
        if len(pending) >= BATCH:
            _write_links(conn, audit, pending)
    _write_links(conn, audit, pending)
    conn.execute(sa.insert(head).values(id=1, length=length, last_hash=prev))


def _write_links(conn: sa.Connection, audit: sa.Table, pending: list[dict[str, object]]) -> None:
    if pending:
        conn.execute(
            sa.update(audit)
            .where(audit.c.id == sa.bindparam("key"))
            .values(prev_hash=sa.bindparam("prev"), entry_hash=sa.bindparam("hash")),
            pending,
        )
        pending.clear()


def _office_key(conn: sa.Connection, devices: sa.Table) -> tuple[bytes, bytes] | None:
    """(private, public) signing key of this office copy, made now if the copy has no identity; None on a laptop."""
    me = conn.execute(sa.select(devices).where(devices.c.is_self.is_(True))).first()
    if me is not None:
        return (
            (bytes(me.sign_private), bytes(me.sign_public))
            if me.role == "office" and me.sign_private
            else None
        )
    pair = keys.generate()
    conn.execute(
        sa.insert(devices).values(
            id=str(uuid.uuid4()),
            role="office",
            teacher_id=None,
            label="office",
            is_self=True,
            sign_public=pair.sign_public,
            kx_public=pair.kx_public,
            sign_private=pair.sign_private,
            kx_private=pair.kx_private,
            created_at=utcnow(),
            last_seq_in=0,
            last_seq_out=0,
            acked_out=0,
        )
    )
    return pair.sign_private, pair.sign_public


def _sign_decisions(conn: sa.Connection, revisions: sa.Table, devices: sa.Table) -> None:
    decided = conn.execute(sa.select(revisions).where(revisions.c.decision.is_not(None))).mappings().all()
    if not decided:
        return
    office = _office_key(conn, devices)
    if office is None:
        return  # a laptop: the office's signed copies arrive with the next exchange
    private, public = office
    for row in decided:
        content = evidence.content_hash(row["snapshot"])
        message = evidence.decision_message(
            revision_id=row["id"],
            plan_id=row["plan_id"],
            number=row["number"],
            content=content,
            decision=row["decision"],
            reviewer_id=row["reviewer_id"],
            decided_at=row["decided_at"],
            comment=row["comment"] or "",
        )
        conn.execute(
            sa.update(revisions)
            .where(revisions.c.id == row["id"])
            .values(
                content_hash=content,
                signature=keys.sign(private, message).hex(),
                signed_by=keys.fingerprint(public),
            )
        )


def _rebase_states(conn: sa.Connection, states: sa.Table, *, up: bool) -> None:
    """What each peer holds of plan revisions gains the new columns as empty (what its own migration leaves),
    or loses them again going down."""
    rows = conn.execute(
        sa.select(states).where(states.c.table_name == "plan_revision", states.c.base_row.is_not(None))
    ).all()
    for row in rows:
        base = {k: v for k, v in row.base_row.items() if k not in SIGNATURE_COLUMNS}
        if up:
            base.update(dict.fromkeys(SIGNATURE_COLUMNS))
        conn.execute(
            sa.update(states)
            .where(
                states.c.peer_id == row.peer_id,
                states.c.table_name == row.table_name,
                states.c.record_key == row.record_key,
            )
            .values(base_row=base, base_hash=row_hash("plan_revision", base))
        )


def upgrade() -> None:
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("entry_hash", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_head")),
    )
    with op.batch_alter_table("plan_revision", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("signature", sa.String(length=128), nullable=True))
        batch_op.add_column(sa.Column("signed_by", sa.String(length=40), nullable=True))
    op.create_table(
        "office_key",
        sa.Column("fingerprint", sa.String(length=40), nullable=False),
        sa.Column("sign_public", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("fingerprint", name=op.f("pk_office_key")),
    )
    audit, head, revisions, devices, states, office_keys = _tables()
    conn = op.get_bind()
    _link_chain(conn, audit, head)
    _sign_decisions(conn, revisions, devices)
    for (public,) in conn.execute(sa.select(devices.c.sign_public).where(devices.c.role == "office")).all():
        conn.execute(
            sa.insert(office_keys).values(
                fingerprint=keys.fingerprint(bytes(public)), sign_public=bytes(public), created_at=utcnow()
            )
        )
    _rebase_states(conn, states, up=True)


def downgrade() -> None:
    _rebase_states(op.get_bind(), _tables()[4], up=False)
    with op.batch_alter_table("plan_revision", schema=None) as batch_op:
        batch_op.drop_column("signed_by")
        batch_op.drop_column("signature")
        batch_op.drop_column("content_hash")
    op.drop_table("office_key")
    op.drop_table("audit_head")
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_column("entry_hash")
        batch_op.drop_column("prev_hash")
