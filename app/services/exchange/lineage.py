"""Noticing a copy that went back in time: restored from a backup, or an old file put back by hand.

Sequence numbers alone do not catch it: a restored laptop's first bundles are refused as replayed, but
its later ones carry higher numbers and would be applied, rewinding the office to the laptop's old
values (an approval undone, a newer note replaced by an older one). So every bundle also says what its
sender knows of the exchange so far, and the receiver compares that with its own log:

- ``acked_up_to`` (the receiver's bundles the sender imported) never goes down, and the digest of the
  last of them (``acked_digest``) is the digest of the bundle the receiver wrote under that number;
- ``confirmed`` (the sender's bundles the receiver is known to have imported) is not beyond what the
  receiver imported;
- ``sent`` lists the digests of the sender's bundles the receiver has not confirmed yet: the one the
  receiver imported last must be among them with the same digest, and a number imported before never
  comes again with other contents.

Each check needs only the signed header and the receiver's log, so a copy that went back is refused on
every bundle (a refusal changes nothing, so nothing is remembered) until it is re-joined. The restore
command also marks the restored copy (an ``exchange_log`` row ``rewind``), which stops its exchange with
every device joined before the restore.
"""

from __future__ import annotations

import datetime as dt
from contextlib import closing
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import connect_file
from app.db.models import ExchangeDevice, ExchangeLog
from app.services.exchange.errors import ExchangeRefused

REWIND = "rewind"

_SENDER_WENT_BACK = (
    "The {who}'s copy has gone back in time (it was restored from a backup, or an older copy of its "
    "file was put back): its bundles would undo work this copy already has."
)
_HERE_WENT_BACK = (
    "This copy has gone back in time (it was restored from a backup, or an older copy of its file was "
    "put back): the {who} has seen newer bundles from it."
)
_ADVICE = {
    "laptop": "Re-join the laptop from a new join file made at the office.",
    "office": "The office must make a new join file for every laptop, and each laptop re-join from it.",
}


def went_back(sender_went_back: bool, sender_role: str) -> ExchangeRefused:
    """The refusal; whose copy went back decides the advice (a laptop re-joins; an office re-joins all)."""
    who = "office" if sender_role == "office" else "laptop"
    here = "laptop" if who == "office" else "office"
    if sender_went_back:
        text, advice = _SENDER_WENT_BACK.format(who=who), _ADVICE[who]
    else:
        text, advice = _HERE_WENT_BACK.format(who=who), _ADVICE[here]
    return ExchangeRefused(
        "exchange.went_back", f"{text} {advice}", side="sender" if sender_went_back else "here"
    )


def _digest(session: Session, peer_id: str, direction: str, seq: int) -> str | None:
    return session.scalar(
        select(ExchangeLog.digest)
        .where(ExchangeLog.peer_id == peer_id, ExchangeLog.direction == direction, ExchangeLog.seq == seq)
        .order_by(ExchangeLog.id.desc())
        .limit(1)
    )


def header_fields(session: Session, peer: ExchangeDevice, seq: int) -> dict[str, Any]:
    """What this copy knows of its exchange with ``peer``, for the header of bundle ``seq``."""
    sent = session.execute(
        select(ExchangeLog.seq, ExchangeLog.digest)
        .where(
            ExchangeLog.peer_id == peer.id,
            ExchangeLog.direction == "out",
            ExchangeLog.seq > peer.acked_out,
            ExchangeLog.seq < seq,
        )
        .order_by(ExchangeLog.seq)
    )
    return {
        "acked_digest": _digest(session, peer.id, "in", peer.last_seq_in) if peer.last_seq_in else None,
        "confirmed": peer.acked_out,
        "sent": [[n, d] for n, d in sent if d],
    }


def check_sequence(session: Session, sender: ExchangeDevice, seq: int, digest: str) -> None:
    """A number already imported: the same file again (replayed, older), or a copy that went back."""
    if seq > sender.last_seq_in:
        return
    seen = _digest(session, sender.id, "in", seq)
    if seen is not None and seen != digest:
        raise went_back(True, sender.role)
    if seq == sender.last_seq_in:
        raise ExchangeRefused("exchange.replayed", "This bundle was already imported.")
    raise ExchangeRefused(
        "exchange.older",
        "A newer bundle from this device was already imported; this older one carries nothing new.",
    )


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def check_header(session: Session, sender: ExchangeDevice, header: dict[str, Any]) -> None:
    """The sender's knowledge of the exchange, against this copy's log (see the module docstring).

    Fields missing from a bundle of an older program version are not checked.
    """
    acked = _int(header.get("acked_up_to")) or 0
    if acked < sender.acked_out:
        # It confirmed our bundle number ``acked_out`` before; now it has forgotten it.
        raise went_back(True, sender.role)
    if acked > sender.last_seq_out:
        raise went_back(False, sender.role)  # it imported bundles of ours that this copy never wrote
    acked_digest = header.get("acked_digest")
    if acked and isinstance(acked_digest, str):
        ours = _digest(session, sender.id, "out", acked)
        if ours is not None and ours != acked_digest:
            # It imported a bundle with that number that is not the one this copy remembers writing.
            raise went_back(False, sender.role)
    confirmed = _int(header.get("confirmed"))
    if confirmed is not None and confirmed > sender.last_seq_in:
        raise went_back(False, sender.role)  # it knows we imported bundles we do not remember
    sent = header.get("sent")
    if not isinstance(sent, list) or confirmed is None:
        return
    listed = {n: d for n, d in (x for x in sent if isinstance(x, list) and len(x) == 2)}
    last = sender.last_seq_in
    if last > confirmed:
        seen = _digest(session, sender.id, "in", last)
        if seen is not None and last in listed and listed[last] != seen:
            raise went_back(True, sender.role)  # its bundle with our last number is another one


def restored_at(session: Session) -> dt.datetime | None:
    """When this copy was last restored from a backup (the restore command marks it), if ever."""
    return session.scalar(
        select(ExchangeLog.at).where(ExchangeLog.direction == REWIND).order_by(ExchangeLog.at.desc()).limit(1)
    )


def blocked(session: Session, peer: ExchangeDevice) -> bool:
    when = restored_at(session)
    return when is not None and peer.created_at <= when


def check_not_restored(session: Session, me: ExchangeDevice, peer: ExchangeDevice) -> None:
    """No exchange with a device joined before this copy was restored: its knowledge is newer than ours."""
    when = restored_at(session)
    if when is None or peer.created_at > when:
        return
    advice = _ADVICE[me.role if me.role in _ADVICE else "laptop"]
    raise ExchangeRefused(
        "exchange.restored",
        f"This copy was restored from a backup on {when:%Y-%m-%d}, so its exchange with devices joined "
        f"before then has stopped (it would send them older versions of records). {advice}",
        restored=when.date().isoformat(),
    )


def mark_restored(db_path: Path, key: bytes | None = None) -> None:
    """After a restore: mark the restored file so that exchange with earlier-joined devices stops.

    A driver connection (SQLCipher with ``key``) on the closed file, as the restore itself works: the backup may be from an older
    schema revision, and the ``exchange_log`` columns used here exist since revision 0002.
    """
    with closing(connect_file(db_path, key)) as conn:
        if _self_role(conn) is None:
            return
        with conn:
            conn.execute(
                "INSERT INTO exchange_log (at, direction, peer_id, seq, changes, applied, conflicts, "
                "file_name, note) VALUES (?, ?, (SELECT id FROM exchange_device WHERE is_self = 1), "
                "0, 0, 0, 0, '', 'restored from a backup')",
                (dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" "), REWIND),
            )


def _self_role(conn: Any) -> str | None:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"exchange_device", "exchange_log"} <= tables:
        return None
    row = conn.execute("SELECT role FROM exchange_device WHERE is_self = 1").fetchone()
    return None if row is None else str(row[0])


RESTORE_NOTES = {
    "office": (
        "This copy is the exchange office: the laptops hold newer bundles than this backup knows, so "
        "exchange with them has stopped. Make a new join file for every laptop and re-join each one "
        "(work a laptop has not sent yet stays only on that laptop)."
    ),
    "laptop": (
        "This copy is a teacher's laptop: the office has seen newer bundles from it, so exchange has "
        "stopped. Re-join from a new join file made at the office (the office's copy then comes back; "
        "work made after this backup and not sent is lost)."
    ),
}


def restore_role(db_path: Path, key: bytes | None = None) -> str | None:
    """``office`` or ``laptop`` when this file was restored and still has devices it can no longer
    exchange with (joined before the restore, not revoked): what the restore means for exchange."""
    with closing(connect_file(db_path, key, read_only=True)) as conn:
        role = _self_role(conn)
        if role is None:
            return None
        blocked = conn.execute(
            "SELECT count(*) FROM exchange_device WHERE is_self = 0 AND revoked_at IS NULL AND created_at < "
            "(SELECT max(at) FROM exchange_log WHERE direction = ?)",
            (REWIND,),
        ).fetchone()[0]
    return role if blocked else None
