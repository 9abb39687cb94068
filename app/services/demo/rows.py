"""Buffers of demo rows per table, written in bulk with executemany in dependency order."""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from app.db.models import RECORD_TABLES
from app.services import evidence

FLUSH_ROWS = 20_000  # bounded memory: rows are written in batches inside the one transaction


class Rows:
    """Buffers of complete row dicts per table, written with executemany in dependency order."""

    def __init__(self, session: Session, rng: random.Random) -> None:
        self.session = session
        self.rng = rng
        self.buffers: dict[str, list[dict[str, Any]]] = {}
        self.templates: dict[str, dict[str, Any]] = {}
        self.tables: dict[str, Table] = {}
        self.mutable: dict[str, list[str]] = {}
        self.counts: dict[str, int] = {}
        self.pending = 0

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _template(self, table: Table) -> dict[str, Any]:
        template: dict[str, Any] = {}
        for column in table.columns:
            default = column.default
            if default is None:
                template[column.name] = None
            elif getattr(default, "is_callable", False):
                template[column.name] = default.arg(None)  # type: ignore[attr-defined]
            else:
                template[column.name] = getattr(default, "arg", None)
        template["id"] = None  # the template's own callable default made one id: never share it
        return template

    def add(self, model: Any, stamp: dt.datetime, /, author: str | None = None, **values: Any) -> str:
        table: Table = model.__table__
        name = table.name
        template = self.templates.get(name)
        if template is None:
            template = self.templates[name] = self._template(table)
            self.tables[name] = table
            self.mutable[name] = [k for k, v in template.items() if isinstance(v, list | dict)]
        row = template.copy()
        row.update(values)
        for key in self.mutable[name]:
            if key not in values:
                row[key] = type(template[key])()  # no row shares a mutable default with another
        record_id = values.get("id") or self.uid()
        row["id"] = record_id
        row["created_at"] = row["updated_at"] = stamp
        row["author_id"] = author
        row["revision"] = 1
        self.buffers.setdefault(name, []).append(row)
        self.pending += 1
        return str(record_id)

    def flush(self) -> None:
        for model in RECORD_TABLES:
            name = model.__tablename__
            rows = self.buffers.pop(name, None)
            if rows:
                if name == "plan_revision":
                    evidence.sign_rows(self.session, rows)  # the office signs every decision it made
                self.session.execute(insert(self.tables[name]), rows)
                self.counts[name] = self.counts.get(name, 0) + len(rows)
        self.pending = 0

    def maybe_flush(self) -> None:
        if self.pending >= FLUSH_ROWS:
            self.flush()
