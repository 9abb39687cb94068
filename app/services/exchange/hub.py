"""The office's side of network sync: what the hub (app/hub) does with one laptop's request.

A request is one bundle, byte for byte what ``exchange export`` would write to a file; the answer is the
office's next bundle for that laptop, byte for byte what the office would write for it. The import and
the reply are the file exchange's own code (sync.import_data, sync.export_data), so the hub has no
protocol, conflict rule or check of its own: a change that travels by file and by network is one change.

Who is calling is the bundle's Ed25519 signature by the device key made at joining (authentic_sender,
the import's first check). No separate challenge: a bundle names its recipient and a sequence number
that is imported once, so replaying a captured request is refused as ``exchange.replayed`` or
``exchange.older``; and the reply is encrypted to the laptop's own X25519 key, so whoever sends a
laptop's (stolen) bundle learns nothing from the answer. See docs/hub.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.services.context import ServiceContext, reading, transaction
from app.services.errors import ServiceError
from app.services.exchange import bundle, hublink, rls
from app.services.exchange.errors import ExchangeRefused
from app.services.exchange.sync import (
    ImportResult,
    SentData,
    authentic_sender,
    export_data,
    import_data,
    self_device,
)

PROTOCOL = "songjiao-hub"
PROTOCOL_VERSION = 1


@dataclass(frozen=True)
class Caller:
    device_id: str
    teacher_id: str | None


@dataclass(frozen=True)
class HubReply:
    received: ImportResult  # the laptop's bundle, imported here
    reply: SentData  # the office's bundle for that laptop


def office_id(ctx: ServiceContext) -> str:
    """The office device this hub speaks for; refused when this database is not an exchange office."""
    with reading(ctx) as session:
        me = self_device(session)
        if me.role != "office":
            raise ExchangeRefused("exchange.not_office", "Only the office copy can serve as the hub.")
        return me.id


def authenticate(ctx: ServiceContext, data: bytes) -> Caller:
    """The device that signed this request (known, not revoked, writing to this office), or the refusal."""
    container = bundle.parse(data)
    with reading(ctx) as session:
        sender = authentic_sender(session, self_device(session), container)
        return Caller(sender.id, sender.teacher_id)


def receive(
    ctx: ServiceContext, data: bytes, *, caller: Caller | None = None, confirm_deletes: bool = False
) -> HubReply:
    """Import a laptop's bundle, then write the office's answer to it (each committed on its own).

    The answer is made after the import, so it carries the acknowledgement of what just came in and
    anything the office changed meanwhile. If the answer is lost on the way, nothing is lost: the next
    request gets a new answer carrying everything still unacknowledged.
    """
    caller = caller or authenticate(ctx, data)
    # On PostgreSQL the policies now show this teacher's children only (the second wall, rls.py).
    scoped = ctx.scoped(caller.teacher_id)
    received = import_data(scoped, data, "hub", confirm_deletes=confirm_deletes)
    return HubReply(received, export_data(scoped, received.peer_id))


def _postgresql(ctx: ServiceContext) -> bool:
    return ctx.store.engine.dialect.name == "postgresql"


def secure_database(ctx: ServiceContext, role: str = rls.DEFAULT_ROLE) -> int:
    """Put up the row-level security wall for the hub's role (run as the tables' owner, after every
    upgrade: new tables need it too); the number of tables forced. PostgreSQL only."""
    if not _postgresql(ctx):
        raise ServiceError(
            "hub.rls_needs_postgresql",
            "Row-level security needs the office database on PostgreSQL; on SQLite the hub's own checks are the one wall.",
        )
    with ctx.store.engine.begin() as connection:
        return rls.apply(connection, role)


def check_wall(ctx: ServiceContext) -> rls.WallReport | None:
    """On PostgreSQL: refused unless the hub connects as a role that owns no table and cannot bypass
    the policies, and every table is forced (``hub serve`` checks this before it listens)."""
    if not _postgresql(ctx):
        return None
    with ctx.store.engine.connect() as connection:
        report = rls.inspect_wall(connection)
    if not report.sound:
        problems = []
        if report.superuser or report.bypassrls:
            problems.append(f"the role {report.role} bypasses row-level security")
        if report.owned:
            problems.append(f"the role {report.role} owns tables ({', '.join(report.owned[:5])})")
        if report.unforced:
            problems.append(f"tables without FORCE ROW LEVEL SECURITY ({', '.join(report.unforced[:5])})")
        raise ServiceError(
            "hub.unwalled",
            "The hub will not serve from this database: "
            + "; ".join(problems)
            + ". Connect as the hub's own role and run `songjiao hub setup-db` as the owner (docs/hub.md).",
            problems="; ".join(problems),
        )
    return report


def remember(ctx: ServiceContext, link: hublink.HubLink) -> None:
    """Record at the office where its hub is and which certificate it has (join files carry it)."""
    with transaction(ctx) as session:
        hublink.write(session, link)


def recorded(ctx: ServiceContext) -> hublink.HubLink | None:
    with reading(ctx) as session:
        return hublink.read(session)
