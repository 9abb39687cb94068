"""Declarative base and the identity every record carries (DESIGN.md pattern 6)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import DateTime, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

# Named constraints so that Alembic batch migrations can find and alter them on SQLite.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A UUID made on this device, so records can move between machines without renumbering."""
    return str(uuid.uuid4())


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Record(Base):
    """Abstract base: UUID key, revision, timestamps, author and soft deletion."""

    __abstract__ = True

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, nullable=False, default=utcnow, onupdate=utcnow)
    author_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True, index=False)

    def __init__(self, **kwargs: object) -> None:
        # Give the key at construction, not at flush: services relate new rows before flushing.
        kwargs.setdefault("id", new_id())
        super().__init__(**kwargs)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, object]:  # noqa: N805
        # Optimistic concurrency: a save based on an old revision fails instead of overwriting.
        return {"version_id_col": cls.revision}

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None
