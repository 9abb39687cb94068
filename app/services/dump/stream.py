"""Reading a dump row by row: the one-row-a-line layout of write_dump, and the checks that need no more than keys.

A load never holds the rows: the checks keep only what crosses rows (key sets for duplicates and references,
a few forward references), so memory stays near the size of the keys whatever the size of the school.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from sqlalchemy import ForeignKeyConstraint, PrimaryKeyConstraint, Table, UniqueConstraint

from app.services.errors import ValidationError

BEGIN = object()  # the row of the event that starts a table (a JSON null row must stay a row)
# (table, raw row) for a row; (table, BEGIN) when a table begins.
Event = tuple[str, Any]


class NotLineLayout(Exception):
    """The file is not (exactly) in write_dump's layout; it is then read whole, which judges it exactly as before."""


_TABLE_LINE = re.compile(r'\s*("(?:[^"\\]|\\.)*")\s*:\s*\[\s*(\])?\s*(,)?\s*')


def scan_lines(handle: IO[bytes], digest: Any | None = None) -> Iterator[Event | dict[str, Any]]:
    """The head (a dict) first, then events, from a file in write_dump's layout; NotLineLayout otherwise.

    Commas and brackets are checked as strictly as a JSON parser would, so what passes here is valid JSON.
    ``digest`` (a hashlib object) sees every byte, so a second pass can prove it read the same file.
    """
    lines = iter(handle)

    def line() -> str:
        raw = next(lines, b"")
        if digest is not None:
            digest.update(raw)
        try:
            return raw.decode("utf-8").strip()
        except UnicodeDecodeError as error:
            raise NotLineLayout from error

    def load(text: str) -> Any:
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise NotLineLayout from error

    first = line()
    if not first.startswith("{") or not first.endswith(","):
        raise NotLineLayout
    head = load(first[:-1] + "}")
    if not isinstance(head, dict) or "tables" in head or line() != '"tables": {':
        raise NotLineLayout
    yield head
    seen: set[str] = set()
    more_tables = True
    while more_tables:
        text = line()
        if text == "}" and not seen:  # no tables at all
            break
        match = _TABLE_LINE.fullmatch(text)
        if not match:
            raise NotLineLayout
        name = load(match.group(1))
        if name in seen:  # JSON keeps the last of repeated keys: leave that to the whole-file reader
            raise NotLineLayout
        seen.add(name)
        yield name, BEGIN
        if match.group(2):  # "name": [] on one line
            more_tables = bool(match.group(3))
        else:
            more_rows = True
            while more_rows:
                text = line()
                more_rows = text.endswith(",")
                if not text.startswith("{"):
                    raise NotLineLayout
                row = load(text[:-1] if more_rows else text)
                if not isinstance(row, dict):
                    raise NotLineLayout
                yield name, row
            text = line()
            if text not in ("]", "],"):
                raise NotLineLayout
            more_tables = text == "],"
        if not more_tables and line() != "}":
            raise NotLineLayout
    if line() != "}" or any(rest.strip() for rest in lines):
        raise NotLineLayout


def dict_events(tables: dict[str, list[dict[str, Any]]]) -> Iterator[Event]:
    """Events from a dump already parsed whole (another layout, or an older dump brought up to date)."""
    for name, rows in tables.items():
        if not isinstance(rows, list):
            continue  # the envelope check refuses it
        yield name, BEGIN
        for row in rows:
            yield name, row


def unique_sets(table: Table) -> list[tuple[str, ...]]:
    sets = [
        tuple(c.name for c in con.columns)
        for con in table.constraints
        if isinstance(con, PrimaryKeyConstraint | UniqueConstraint)
    ]
    sets += [tuple(c.name for c in index.columns) for index in table.indexes if index.unique]
    return sets


def _key(row: dict[str, Any], names: tuple[str, ...]) -> Any:
    """A key as compact as possible: most are one column (a 36-character id), kept without a tuple around it."""
    return row[names[0]] if len(names) == 1 else tuple(row[n] for n in names)


def _has_null(key: Any, names: tuple[str, ...]) -> bool:
    return key is None if len(names) == 1 else None in key


_SCHEMA, _VALUE, _DUPLICATE, _REFERENCE, _CHECKSUM = range(5)


class RowChecker:
    """Schema, values, unique keys, references and blob checksums, one row at a time.

    Problems are not raised at once: the first of each kind is kept (ordered as a whole-file check would find
    them), and finish() raises the one a whole-file check would have raised, so a refusal reads the same.
    """

    def __init__(
        self,
        check: Any,
        tables: list[Table],
        where: Callable[[list[Any]], tuple[str, str]],
        refuse: Callable[..., ValidationError],
        decoder: Callable[[Any], Callable[[Any], Any]],
        same: Callable[[Any], Any],
    ) -> None:
        self.check, self.where, self.refuse = check, where, refuse
        self.tables = {table.name: table for table in tables}
        self.order = {table.name: number for number, table in enumerate(tables)}
        # Only the columns whose JSON value is not already the Python value (dates, times, bytes, booleans).
        self.decoders = {
            t.name: [(c.name, decoder(c)) for c in t.columns if decoder(c) is not same] for t in tables
        }
        self.uniques = {t.name: unique_sets(t) for t in tables}
        self.references: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...]]]] = {}
        wanted: dict[str, set[tuple[str, ...]]] = {t.name: set(self.uniques[t.name]) for t in tables}
        for table in tables:
            found = []
            for con in table.constraints:
                if isinstance(con, ForeignKeyConstraint):
                    remote = tuple(fk.column.name for fk in con.elements)
                    found.append((tuple(c.name for c in con.columns), con.referred_table.name, remote))
                    wanted.setdefault(con.referred_table.name, set()).add(remote)
            self.references[table.name] = found
        self.keys: dict[tuple[str, tuple[str, ...]], set[Any]] = {
            (name, names): set() for name, sets in wanted.items() for names in sets
        }
        self.referred = {
            t.name: [
                (names, self.keys[t.name, names])
                for names in wanted.get(t.name, ())
                if names not in self.uniques[t.name]
            ]
            for t in tables
        }
        self.pending: dict[tuple[int, int], list[tuple[int, Any]]] = {}
        self.complete: set[str] = set()
        self.names: list[str] = []  # tables in file order
        self.counts: dict[str, int] = {}
        self.problem: tuple[int, tuple[int, ...], str, list[Any], str] | None = None

    def _note(
        self, kind: int, order: tuple[int, ...], message_id: str, path: list[Any], message: str
    ) -> None:
        if self.problem is None or (kind, order) < self.problem[:2]:
            self.problem = (kind, order, message_id, path, message)

    def _wants(self, kind: int) -> bool:
        return self.problem is None or self.problem[0] >= kind

    def begin(self, name: str) -> None:
        if self.names:
            self.complete.add(self.names[-1])
        self.names.append(name)
        self.counts[name] = 0

    def row(self, name: str, raw: dict[str, Any]) -> dict[str, Any] | None:
        """The decoded row if it passed the checks so far (None if not: finish() will say why)."""
        index = self.counts[name]
        self.counts[name] = index + 1
        if not self._wants(_SCHEMA) or name not in self.check.document["$defs"] or name not in self.tables:
            return None  # an unknown table is refused by the envelope check
        validator, quick = self.check.row(name)
        if quick is None or not quick(raw):
            found = sorted(validator.iter_errors(raw), key=lambda e: [str(p) for p in e.absolute_path])
            if found:
                self._note(
                    _SCHEMA,
                    (len(self.names), index),
                    "dump.schema",
                    ["tables", name, index, *found[0].absolute_path],
                    found[0].message,
                )
                return None
        if not self._wants(_VALUE):
            return None
        number = self.order[name]
        row = dict(raw)
        try:
            for field, decode in self.decoders[name]:
                value = raw[field]
                if value is not None:
                    row[field] = decode(value)
        except (ValueError, TypeError, KeyError):
            ordered = self._decode_in_order(name, number, index, raw)  # names the field met first, as before
            if ordered is None:
                return None
            row = ordered
        self._row_keys(name, number, index, row)
        return row

    def _decode_in_order(
        self, name: str, number: int, index: int, raw: dict[str, Any]
    ) -> dict[str, Any] | None:
        decoders, row = dict(self.decoders[name]), dict(raw)
        for field, value in raw.items():
            if value is None or field not in decoders:
                continue
            try:
                row[field] = decoders[field](value)
            except (ValueError, TypeError) as error:
                self._note(
                    _VALUE,
                    (number, index),
                    "dump.value",
                    ["tables", name, index, field],
                    f"{value!r} is not a valid value ({error})",
                )
                return None
        return row

    def _row_keys(self, name: str, number: int, index: int, row: dict[str, Any]) -> None:
        if self._wants(_DUPLICATE):
            for position, names in enumerate(self.uniques[name]):
                key = _key(row, names)
                if _has_null(key, names):
                    continue  # SQL: NULLs never collide
                seen = self.keys[name, names]
                if key in seen:
                    self._note(
                        _DUPLICATE,
                        (number, position, index),
                        "dump.duplicate",
                        ["tables", name, index, names[0]],
                        f"the value is repeated ({', '.join(names)} must be unique)",
                    )
                seen.add(key)
        for names, seen in self.referred[name]:  # columns referred to but not unique
            seen.add(_key(row, names))
        if self._wants(_REFERENCE):
            for position, (local, target, remote) in enumerate(self.references[name]):
                key = _key(row, local)
                if _has_null(key, local) or key in self.keys[target, remote]:
                    continue
                if target in self.complete:
                    self._note(
                        _REFERENCE,
                        (number, position, index),
                        "dump.reference",
                        ["tables", name, index, local[0]],
                        f"refers to a missing {target} row",
                    )
                else:  # a make-up visit may come before the visit it replaces: judged at the end
                    self.pending.setdefault((number, position), []).append((index, key))
        if (
            name == "blob"
            and self._wants(_CHECKSUM)
            and "data" in row
            and hashlib.sha256(row["data"]).hexdigest() != row.get("sha256")
        ):
            self._note(
                _CHECKSUM,
                (index,),
                "dump.checksum",
                ["tables", "blob", index, "sha256"],
                "does not match the data",
            )

    def finish(self, envelope: Any) -> dict[str, int]:
        """Raise the refusal a whole-file check would raise; else the row count of every table.

        ``envelope`` is the dump without its rows (each table an empty list), checked before any row problem.
        """
        errors = sorted(
            self.check.whole.iter_errors(envelope), key=lambda e: [str(p) for p in e.absolute_path]
        )
        if errors:
            self._note(-1, (), "dump.schema", list(errors[0].absolute_path), errors[0].message)
        tables = list(self.tables.values())
        for (number, position), waiting in self.pending.items():
            local, target, remote = self.references[tables[number].name][position]
            seen = self.keys[target, remote]
            for index, key in waiting:
                if key not in seen:
                    self._note(
                        _REFERENCE,
                        (number, position, index),
                        "dump.reference",
                        ["tables", tables[number].name, index, local[0]],
                        f"refers to a missing {target} row",
                    )
                    break
        if self.problem is not None:
            _, _, message_id, path, message = self.problem
            where, field = self.where(path)
            raise self.refuse(message_id, f"{where}: {message}.", field=field)
        return dict(self.counts)


def feed(checker: RowChecker, events: Iterable[Event]) -> None:
    for name, raw in events:
        if raw is BEGIN:
            checker.begin(name)
        else:
            checker.row(name, raw)
    checker.complete.update(checker.names)
