"""Row-level security, the second wall (PostgreSQL): as the hub's role with one teacher set, a query that
forgets its filter still reads and writes only that teacher's students, in every table the scope touches.

The school is the `populated` one (rows in every table, most of them about t1's students S001 and S002); the
whole tree of each is cloned for a new student of t2, so each scoped table holds rows of both teachers. The
expected rows come from the exchange's own scope (rows_for_students), not from the policies' SQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os

import pytest
from sqlalchemy import create_engine, exc, insert, select, text
from sqlalchemy.orm import Session

from app.db.base import Base, new_id
from app.services.exchange import rls
from app.services.exchange.scope import ever_assigned, rows_for_students

OWNER, HUB = "sj_owner", rls.DEFAULT_ROLE
NOT_CLONED = {"school", "term", "calendar_day", "user", "goal_bank_item", "setting", "audit_entry", "draft"}
NOT_CLONED |= {"exchange_device", "exchange_state", "exchange_log", "exchange_conflict", "teacher_assessment"}


def clone_tree(session: Session, student: str, teacher_from: str, teacher_to: str, code: str) -> str:
    """Copy a student and every row hanging off it (by student_id or a foreign key) for another teacher."""
    tables = [t for t in Base.metadata.sorted_tables if t.name not in NOT_CLONED]
    picked: dict[str, list[dict]] = {}
    ids: dict[tuple[str, str], str] = {}
    shas: dict[str, str] = {}
    attached = set(
        session.scalars(
            select(Base.metadata.tables["attachment"].c.blob_sha256).where(
                Base.metadata.tables["attachment"].c.student_id == student
            )
        )
    )
    for table in tables:
        rows = [dict(r._mapping) for r in session.execute(select(table))]
        chosen = []
        for row in rows:
            mine = (
                (table.name == "student" and row["id"] == student)
                or row.get("student_id") == student
                or (table.name == "blob" and row["sha256"] in attached)
                or any(
                    (fk.column.table.name, row[fk.parent.name]) in ids
                    for fk in table.foreign_keys
                    if fk.column.table.name not in ("user", "term") and row[fk.parent.name] is not None
                )
            )
            if mine:
                chosen.append(row)
                ids[(table.name, row["id"])] = new_id()
        picked[table.name] = chosen
    session.execute(text("PRAGMA defer_foreign_keys=ON"))
    new_student = ids[("student", student)]
    for table in tables:
        for row in picked[table.name]:
            copy = dict(row, id=ids[(table.name, row["id"])])
            for fk in table.foreign_keys:
                value = row[fk.parent.name]
                if fk.column.table.name == "blob":
                    copy[fk.parent.name] = shas.get(value, value)
                elif (fk.column.table.name, value) in ids:
                    copy[fk.parent.name] = ids[(fk.column.table.name, value)]
            if "teacher_id" in copy and copy["teacher_id"] == teacher_from:
                copy["teacher_id"] = teacher_to
            if table.name == "student":
                copy.update(code=code, id_number="CLONE-" + copy["id"][:12])
            if table.name == "blob":
                copy["data"] = os.urandom(64)
                copy["sha256"] = shas[row["sha256"]] = hashlib.sha256(copy["data"]).hexdigest()
                copy["size"] = 64
            session.execute(insert(table), [copy])
    return new_student


def _exchange_rows(owner, t1: str, t2: str, student1: str, student2: str) -> dict[str, str]:
    """Two laptops' exchange bookkeeping (state, log, conflicts) plus the office's own log row."""
    devices = {"office": new_id(), "t1": new_id(), "t2": new_id()}
    t = Base.metadata.tables
    with owner.begin() as c:
        for who, device in devices.items():
            c.execute(
                insert(t["exchange_device"]),
                [
                    {
                        "id": device,
                        "role": "office" if who == "office" else "laptop",
                        "teacher_id": {"t1": t1, "t2": t2}.get(who),
                        "label": who,
                        "is_self": who == "office",
                        "sign_public": b"k" * 32,
                        "kx_public": b"k" * 32,
                        "created_at": dt.datetime(2026, 9, 1),
                        "last_seq_in": 0,
                        "last_seq_out": 0,
                        "acked_out": 0,
                    }
                ],
            )
        for who, student in (("t1", student1), ("t2", student2)):
            c.execute(
                insert(t["exchange_state"]),
                [{"peer_id": devices[who], "table_name": "student", "record_key": student, "base_hash": "x"}],
            )
            c.execute(
                insert(t["exchange_log"]),
                [
                    {
                        "direction": "in",
                        "peer_id": devices[who],
                        "seq": 1,
                        "changes": 1,
                        "applied": 1,
                        "conflicts": 0,
                        "file_name": "",
                        "note": "",
                    }
                ],
            )
            c.execute(
                insert(t["exchange_conflict"]),
                [
                    {
                        "id": new_id(),
                        "peer_id": devices[who],
                        "table_name": "student",
                        "record_key": student,
                        "student_id": student,
                        "kind": "both_edited",
                        "kept": {},
                        "other": {},
                    }
                ],
            )
        c.execute(
            insert(t["exchange_log"]),
            [
                {
                    "direction": "rewind",
                    "peer_id": devices["office"],
                    "seq": 0,
                    "changes": 0,
                    "applied": 0,
                    "conflicts": 0,
                    "file_name": "",
                    "note": "",
                }
            ],
        )
    return devices


@pytest.fixture
def walled(populated, pg_server):
    """The populated school (plus a clone for t2) on PostgreSQL, owned by a plain role, with the wall up."""
    school = populated
    t1, t2 = school.t1.id, school.t2.id
    sqlite = school.ctx.store.engine
    with Session(sqlite) as session, session.begin():
        clone = clone_tree(session, school.students[0], t1, t2, "CLONE1")
        clone_tree(session, school.students[1], t1, t2, "CLONE2")  # S002 has the pause
    with Session(sqlite) as session:
        expected = rows_for_students(session, ever_assigned(session, t1), t1, project=False)
        others = rows_for_students(session, ever_assigned(session, t2), t2, project=False)
    pg_server.admin(
        *(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{r}') THEN "
            f"CREATE ROLE {r} LOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$"
            for r in (OWNER, HUB)
        )
    )
    name = pg_server.create_database()
    pg_server.admin(f'ALTER DATABASE "{name}" OWNER TO {OWNER}')
    base = pg_server.url(name)
    with create_engine(base).begin() as c:  # the superuser: the schema is the owner's
        c.execute(text(f"ALTER SCHEMA public OWNER TO {OWNER}"))
    owner = create_engine(base.replace("postgres@", f"{OWNER}@"))
    Base.metadata.create_all(owner)
    superuser = create_engine(base)
    with superuser.begin() as c, Session(sqlite) as source:
        c.execute(text("SET session_replication_role = replica"))  # copy rows in any order
        for table in Base.metadata.sorted_tables:
            rows = [dict(r._mapping) for r in source.execute(select(table))]
            if rows:
                c.execute(insert(table), rows)
    devices = _exchange_rows(owner, t1, t2, school.students[0], clone)
    with owner.begin() as c:
        forced = rls.apply(c, HUB)
    assert forced == len(Base.metadata.tables)
    hub = create_engine(base.replace("postgres@", f"{HUB}@"))
    yield school, owner, hub, expected, others, devices, clone
    for engine in (hub, owner, superuser):
        engine.dispose()
    pg_server.drop_database(name)


def _key_column(table: str) -> str:
    return {"blob": "sha256", "exchange_state": "record_key"}.get(table, "id")


def test_the_hub_role_owns_nothing_and_every_table_is_forced(walled):
    _school, _owner, hub, *_rest = walled
    with hub.connect() as c:
        report = rls.inspect_wall(c)
    assert report.role == HUB and report.sound, report


def test_a_query_without_filter_sees_and_writes_only_the_teachers_students(walled):
    school, owner, hub, expected, others, devices, clone = walled
    t1 = school.t1.id
    t = Base.metadata.tables
    wanted = {name: set(rows) for name, rows in expected.rows.items()}
    foreign = {name: set(rows) - wanted.get(name, set()) for name, rows in others.rows.items()}
    wanted["exchange_state"] = {school.students[0]}
    foreign["exchange_state"] = {clone}
    scoped = [p.table for p in rls.policies() if p.scoped]
    assert {"student", "visit", "objective_progress", "blob", "exchange_conflict"} <= set(scoped)
    for name in scoped:
        table = t[name]
        column = _key_column(name)
        with owner.connect() as c:
            everything = set(c.scalars(select(table.c[column])))
        if name in ("exchange_log", "exchange_conflict"):
            with owner.connect() as c:
                peer = table.c.peer_id
                wanted[name] = set(
                    c.scalars(select(table.c.id).where(peer.in_([devices["t1"], devices["office"]])))
                )
                foreign[name] = everything - wanted[name]
        mine, theirs = wanted.get(name, set()), foreign.get(name, set())
        assert mine and theirs, f"{name}: the test needs rows of both teachers"
        assert mine | theirs <= everything
        with hub.begin() as c:  # reading: exactly the teacher's rows
            rls.set_teacher(c, t1)
            assert set(c.scalars(select(table.c[column]))) == mine, name
        with hub.begin() as c:  # changing every row, no filter: only the teacher's change
            rls.set_teacher(c, t1)
            assert c.execute(table.update().values({column: table.c[column]})).rowcount == len(mine), name
            assert c.execute(table.delete().where(table.c[column].in_(sorted(theirs)))).rowcount == 0, name
            c.rollback()
        if name != "blob":  # a new photo cannot be checked before its attachment exists (rls.py)
            with owner.connect() as c:
                sample = dict(
                    c.execute(select(table).where(table.c[column].in_(sorted(theirs)))).mappings().first()
                )
            if name == "exchange_log":
                del sample[column]  # a serial number
            else:
                sample[column] = new_id() if column != "record_key" else "other"
            with pytest.raises(exc.ProgrammingError, match="row-level security"), hub.begin() as c:
                rls.set_teacher(c, t1)
                c.execute(insert(table), [sample])
        with hub.begin() as c:  # no teacher set: no child at all (of the log, only the office's own rows)
            seen = set(c.scalars(select(table.c[column])))
            if name == "exchange_log":
                own = set(c.scalars(select(table.c.id).where(table.c.peer_id == devices["office"])))
                assert seen == own and own, name
            else:
                assert seen == set(), name


def test_what_the_hub_may_not_touch_at_all(walled):
    school, _owner, hub, *_rest = walled
    t = Base.metadata.tables
    for name in ("draft", "teacher_assessment"):
        with pytest.raises(exc.ProgrammingError, match="permission denied"), hub.begin() as c:
            rls.set_teacher(c, school.t1.id)
            c.execute(select(t[name]))
    with hub.begin() as c:  # shared, child-free tables are read
        rls.set_teacher(c, school.t1.id)
        assert c.scalar(select(t["school"].c.name)) == "青山县特殊教育学校"
    with pytest.raises(exc.ProgrammingError, match="permission denied"), hub.begin() as c:
        c.execute(t["user"].update().values(active=False))
    with pytest.raises(exc.ProgrammingError, match="permission denied"), hub.begin() as c:
        c.execute(t["audit_entry"].delete())  # the audit log is appended to, never rewritten


def test_setup_db_and_the_serve_check_on_postgresql(walled):
    """The services behind `hub setup-db` and `hub serve`'s check, on the walled database."""
    from app.paths import resolve
    from app.services.context import ServiceContext, Store
    from app.services.errors import ServiceError
    from app.services.exchange import hub as hub_service

    _school, owner, hub, *_rest = walled
    as_hub = ServiceContext(Store(resolve("unused.sqlite3"), engine=hub))
    assert hub_service.check_wall(as_hub).role == HUB
    as_owner = ServiceContext(Store(resolve("unused.sqlite3"), engine=owner))
    with pytest.raises(ServiceError) as refused:  # the owner is not a role to serve from
        hub_service.check_wall(as_owner)
    assert refused.value.message_id == "hub.unwalled" and "owns tables" in str(refused.value)
    assert hub_service.secure_database(as_owner) == len(Base.metadata.tables)  # idempotent: again


def test_setup_db_refuses_sqlite(school):
    from app.services.errors import ServiceError
    from app.services.exchange import hub as hub_service

    with pytest.raises(ServiceError) as refused:
        hub_service.secure_database(school.ctx)
    assert refused.value.message_id == "hub.rls_needs_postgresql"
    assert hub_service.check_wall(school.ctx) is None
