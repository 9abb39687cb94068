"""The audit chain on PostgreSQL: migration 0005 runs there, and concurrent writers queue on the chain's head
(SELECT … FOR UPDATE) instead of linking to the same predecessor (READ COMMITTED would fork it otherwise)."""

from __future__ import annotations

import threading

from alembic import command
from sqlalchemy import create_engine, text

from app.db import schema
from app.db.models import Setting
from app.paths import resolve
from app.services import evidence
from app.services.context import ServiceContext, Store, transaction


def _alembic(engine, action: str, target: str) -> None:
    with engine.connect() as conn:
        cfg = schema._config(engine)
        cfg.attributes["connection"] = conn
        getattr(command, action)(cfg, target)
        conn.commit()


def test_concurrent_writers_keep_one_chain_on_postgresql(pg_url, tmp_path):
    engine = create_engine(pg_url)
    try:
        _alembic(engine, "upgrade", "head")
        ctx = ServiceContext(Store(resolve(tmp_path / "unused.sqlite3"), engine=engine))
        errors: list[BaseException] = []

        def write(prefix: str) -> None:
            try:
                for i in range(10):
                    with transaction(ctx) as session:
                        session.add(Setting(key=f"{prefix}{i}", value=i))
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=write, args=(p,)) for p in "ABCD"]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        with engine.connect() as conn:
            assert evidence.verify(conn) == []
            assert conn.execute(text("SELECT length FROM audit_head")).scalar_one() == 40
            conn.execute(text("UPDATE audit_entry SET action = 'delete' WHERE id = 7"))
            assert [(p.code, p.record_id) for p in evidence.verify(conn)] == [("chain.edited", "7")]
            conn.rollback()
        # Down and up again: 0005 links the existing entries on PostgreSQL too.
        _alembic(engine, "downgrade", "0003")
        _alembic(engine, "upgrade", "head")
        with engine.connect() as conn:
            assert evidence.verify(conn) == []
    finally:
        engine.dispose()
