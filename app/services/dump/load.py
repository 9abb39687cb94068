"""Loading a dump into an empty database: checked completely first (line by line in write_dump's layout), then
inserted in one transaction, all or nothing."""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.db import schema
from app.services import evidence
from app.services.context import Store
from app.services.dump.check import committed_schema
from app.services.dump.older import upgrade_dump
from app.services.dump.rows import (
    check_references,
    envelope,
    insert_events,
    refuse,
    require_empty,
    row_checker,
)
from app.services.dump.schema import FORMAT, VERSION
from app.services.dump.stream import NotLineLayout, dict_events, feed, scan_lines
from app.services.dump.write import DUMP_TABLES
from app.services.errors import ValidationError

Source = str | bytes | Path


@dataclass(frozen=True)
class CheckedDump:
    """A dump that passed every check, and how to read its rows again for the insert pass."""

    counts: dict[str, int]
    source: Source | None = None  # read again line by line (write_dump's layout)
    digest: str | None = None  # of the bytes the checks read: the insert pass must read the same
    tables: dict[str, list[Any]] | None = (
        None  # parsed whole (another layout, or an older dump brought up to date)
    )


def _open(source: Source) -> IO[bytes]:
    if isinstance(source, Path):
        return source.open("rb")
    return io.BytesIO(source.encode("utf-8") if isinstance(source, str) else source)


def _is_current(head: dict[str, Any]) -> bool:
    return (
        head.get("format") == FORMAT
        and head.get("version") == VERSION
        and head.get("schema_revision") == schema.head_revision()
    )


def _parse_whole(text: str | bytes) -> dict[str, Any]:
    """The whole file as one JSON document, its header checked; an older dump brought up to date."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise refuse("dump.bad_json", f"The file is not valid JSON ({error}).") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise refuse("dump.not_songjiao", "The file is not a Songjiao dump.")
    if data.get("version") != VERSION:
        raise refuse("dump.version", f"Dump format version {data.get('version')!r} is not supported.")
    revision = data.get("schema_revision")
    if revision != schema.head_revision():
        if not isinstance(revision, str) or revision not in schema.known_revisions():
            raise refuse(
                "dump.revision",
                f"The dump was made at database revision {revision!r}, which this "
                "program does not know (a newer version of Songjiao made it).",
            )
        data = upgrade_dump(data, revision)  # in memory, whole: older dumps are rare
    return data


def check_dump(source: Source) -> CheckedDump:
    """Check a dump completely (JSON, schema, values, keys, references) without touching any database.

    A file in write_dump's layout (one row a line) is read line by line, keeping only key sets, so memory
    does not grow with the rows. Anything else (another layout, an older revision, broken JSON) is read whole
    and judged as before; a dump from an older database revision is brought up to date by the migrations.
    """
    digest = hashlib.sha256()
    with _open(source) as handle:
        try:
            lines = scan_lines(handle, digest)
            head = next(lines)
            assert isinstance(head, dict)
            if not _is_current(head):
                raise NotLineLayout
            checker = row_checker(committed_schema(), DUMP_TABLES)
            feed(checker, lines)  # type: ignore[arg-type]  # after the head, only events
            counts = checker.finish({**head, "tables": {name: [] for name in checker.names}})
            return CheckedDump(counts, source=source, digest=digest.hexdigest())
        except NotLineLayout:
            pass
        if not isinstance(source, str):
            handle.seek(0)
            text: str | bytes = handle.read()
    data = _parse_whole(source if isinstance(source, str) else text)
    raw = data.get("tables")
    checker = row_checker(committed_schema(), DUMP_TABLES)
    feed(checker, dict_events(raw) if isinstance(raw, dict) else iter(()))
    return CheckedDump(checker.finish(envelope(data)), tables=raw)


def load_checked(store: Store, checked: CheckedDump) -> dict[str, int]:
    """Insert a checked dump into an empty database in one transaction, in batches; all or nothing."""
    with store.engine.connect() as conn, conn.begin():
        require_empty(conn)
        # Self-references (a make-up visit, a goal-bank child) may come before their target within a table.
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        if checked.tables is not None:
            insert_events(conn, dict_events(checked.tables), DUMP_TABLES)
        else:
            assert checked.source is not None
            digest = hashlib.sha256()
            with _open(checked.source) as handle:
                lines = scan_lines(handle, digest)
                try:
                    next(lines)
                    insert_events(conn, lines, DUMP_TABLES)
                except (NotLineLayout, KeyError, ValueError, TypeError) as error:
                    raise _changed() from error
            if digest.hexdigest() != checked.digest:
                raise _changed()  # rolls back: what was checked is not what was read
        check_references(conn)
        evidence.reset_head(conn)  # the chain came with the dump: its head is where the loaded entries end
    return checked.counts


def _changed() -> ValidationError:
    return refuse("dump.changed", "The file changed while it was being loaded.")


def load_dump(store: Store, source: Source) -> dict[str, int]:
    """Check a dump (text, bytes, or a file path: read line by line), then load it into ``store``'s empty database."""
    return load_checked(store, check_dump(source))
