"""Loading a dump into an empty database: checked completely first (line by line in write_dump's layout), then
inserted in one transaction, all or nothing."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from app.db import schema
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
from app.services.dump.stream import BEGIN, NotLineLayout, dict_events, feed, scan_lines
from app.services.dump.write import DUMP_TABLES, PROGRESS_EVERY
from app.services.errors import ValidationError
from app.services.progress import TaskState
from app.services.sealed import Sealed

# Text, bytes, a plaintext file, or an encrypted file with its key (see app/services/sealed.py).
Source = str | bytes | Path | Sealed


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
    if isinstance(source, Sealed):
        return source.open()  # decrypted chunk by chunk: memory stays bounded as for a plaintext file
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
        with _open(source) as handle:  # opened again: a sealed file is read from its start, not seeked
            text: str | bytes = handle.read()
    data = _parse_whole(source if isinstance(source, str) else text)
    raw = data.get("tables")
    checker = row_checker(committed_schema(), DUMP_TABLES)
    feed(checker, dict_events(raw) if isinstance(raw, dict) else iter(()))
    return CheckedDump(checker.finish(envelope(data)), tables=raw)


def _counted(events: Iterator[Any], progress: TaskState | None, total: int) -> Iterator[Any]:
    """The insert pass's events, telling ``progress`` (rows, of ``total``, table) and checking for a cancel."""
    if progress is None:
        yield from events
        return
    done = 0
    for event in events:
        name, raw = event
        if raw is not BEGIN:
            done += 1
            if done % PROGRESS_EVERY == 0:
                progress.update(done, total, name)
                progress.check()  # inside the insert's transaction: a cancel rolls every row back
        yield event
    progress.update(done, total, "")
    progress.check()


def load_checked(store: Store, checked: CheckedDump, progress: TaskState | None = None) -> dict[str, int]:
    """Insert a checked dump into an empty database in one transaction, in batches; all or nothing.

    ``progress`` hears (rows inserted, rows, table name); a cancel raises :class:`Cancelled` inside the
    transaction, which rolls back: the database is left as empty as it was.
    """
    total = sum(checked.counts.values())
    with store.engine.connect() as conn, conn.begin():
        require_empty(conn)
        # Self-references (a make-up visit, a goal-bank child) may come before their target within a table.
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        if checked.tables is not None:
            insert_events(conn, _counted(dict_events(checked.tables), progress, total), DUMP_TABLES)
        else:
            assert checked.source is not None
            digest = hashlib.sha256()
            with _open(checked.source) as handle:
                lines = scan_lines(handle, digest)
                try:
                    next(lines)
                    insert_events(conn, _counted(lines, progress, total), DUMP_TABLES)
                except (NotLineLayout, KeyError, ValueError, TypeError) as error:
                    raise _changed() from error
            if digest.hexdigest() != checked.digest:
                raise _changed()  # rolls back: what was checked is not what was read
        check_references(conn)
    return checked.counts


def _changed() -> ValidationError:
    return refuse("dump.changed", "The file changed while it was being loaded.")


def load_dump(store: Store, source: Source, progress: TaskState | None = None) -> dict[str, int]:
    """Check a dump (text, bytes, or a file path: read line by line), then load it into ``store``'s empty database."""
    return load_checked(store, check_dump(source), progress)
