"""Several office users at once (issue 13): two clerks deciding one plan, editing one student, or importing one
bundle at the same moment end with one result and the other told (a ServiceError naming the conflict), never a
lost or doubled write.

Each user is a real thread with its own connection, both started at once; a barrier before every commit holds
the first writer until the second has arrived at the database (or OVERLAP_S passed). Writers take turns on both
backends (SQLite's BEGIN IMMEDIATE, PostgreSQL's write lock: app/db/server.py), so the second one is waiting
while the first commits, then reads the first one's result and is refused by the service's own rules. The
PostgreSQL run (SONGJIAO_TEST_DB=postgresql, .ci/run's second pass) proves no lost write there either.
"""

from __future__ import annotations

import contextlib
import threading

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from app.db.models import MonthlyPlan, PlanRevision, Student, Visit
from app.services import plans, students, users
from app.services.context import Actor, ServiceContext, reading
from app.services.errors import ServiceError
from tests.conftest import TODAY, open_test_store
from tests.exchange.conftest import Site, net  # noqa: F401 (net: the exchange tests' fixture)
from tests.exchange.work import finished_visit, submit_plan

OVERLAP_S = 1.5  # how long a user waits for the other one before committing anyway (SQLite never arrives)


def at_once(*calls):
    """Run each call in its own thread, all commits held until every thread is ready to commit (or OVERLAP_S
    passed); returns each call's result or the exception it raised, in order."""
    barrier = threading.Barrier(len(calls), timeout=OVERLAP_S)
    mine = set()

    def hold(_session: Session) -> None:
        if threading.get_ident() in mine:
            # Broken: the other user is waiting for our lock (SQLite), so go first.
            with contextlib.suppress(threading.BrokenBarrierError):
                barrier.wait()

    outcomes: list[object] = [None] * len(calls)

    def run(index: int, call) -> None:
        mine.add(threading.get_ident())
        try:
            outcomes[index] = call()
        except Exception as error:  # the outcome under test
            outcomes[index] = error

    event.listen(Session, "before_commit", hold)
    try:
        threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        assert not any(t.is_alive() for t in threads), "a user never finished"
    finally:
        event.remove(Session, "before_commit", hold)
    return outcomes


def one_told(outcomes) -> tuple[object, ServiceError]:
    """Exactly one succeeded and the other got a ServiceError with a message (what the user reads)."""
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert len(errors) == 1, outcomes
    (error,) = errors
    assert isinstance(error, ServiceError), repr(error)  # not a raw database error or a crash
    assert str(error).strip(), error
    (won,) = [o for o in outcomes if not isinstance(o, Exception)]
    return won, error


@pytest.fixture
def second_store(school):
    """A second user's own connection pool on the same database (another clerk's computer)."""
    store = open_test_store(school.ctx.store.paths, migrate=False)
    yield store
    store.dispose()


def test_two_clerks_deciding_one_plan(school, second_store):
    plan_id = submit_plan(school.ctx, school.t1, school.students[0])
    seen = plans.get_plan(school.as_(school.office), plan_id).plan_revision
    clerk_a = school.as_(school.office)
    made = users.create_user(
        school.as_(school.admin),
        {
            "username": "office2",
            "display_name": "教务刘老师",
            "role": "academic_affairs",
            "password": "password1",
        },
    )
    clerk_b = ServiceContext(second_store, Actor(made.id, made.role, made.display_name), TODAY)
    won, error = one_told(
        at_once(
            lambda: plans.decide_plan(clerk_a, plan_id, seen, True, "同意"),
            lambda: plans.decide_plan(clerk_b, plan_id, seen, False, "请补充教学内容"),
        )
    )
    # The second clerk found the plan already decided (by the first one's commit, not by a stale read).
    assert error.message_id == "plan.decide.not_submitted"
    with reading(school.ctx) as session:
        status = session.get(MonthlyPlan, plan_id).status
        decided = session.scalars(select(PlanRevision.decision).where(PlanRevision.plan_id == plan_id)).all()
    assert [d for d in decided if d] == [status] == [won.status]  # one decision stands, the winner's
    assert status in ("approved", "returned")


def test_two_users_editing_one_student(school, second_store):
    student_id = school.students[0]
    revision = students.get_student(school.ctx, student_id).revision
    clerk_a = school.as_(school.office)
    clerk_b = ServiceContext(second_store, school.admin, TODAY)
    won, error = one_told(
        at_once(
            lambda: students.update_student(clerk_a, student_id, {"grade_class": "四年级1班"}, revision),
            lambda: students.update_student(clerk_b, student_id, {"grade_class": "四年级2班"}, revision),
        )
    )
    assert error.message_id == "record.changed"  # the revision the second user saw is not the stored one
    with reading(school.ctx) as session:
        stored = session.execute(
            select(Student.revision, Student.grade_class).where(Student.id == student_id)
        ).one()
    assert stored.revision == revision + 1 == won.revision  # one save, not two, and not a merge of both
    assert stored.grade_class in ("四年级1班", "四年级2班")


def test_two_clerks_importing_one_bundle(school, net, second_store):  # noqa: F811 (the fixture)
    office, join = net
    laptop = join("t1")
    finished_visit(laptop.ctx, school.t1, school.students[0], TODAY)
    [bundle] = laptop.send()
    other = Site("office-2", ServiceContext(second_store, school.office, TODAY), office.folder)
    won, error = one_told(at_once(lambda: office.receive(bundle), lambda: other.receive(bundle)))
    assert won.applied > 0
    with reading(school.ctx) as session:
        assert session.scalar(select(func.count()).select_from(Visit)) == 1  # applied once


def test_users_saving_different_records_at_once_all_succeed(school, second_store):
    """Taking turns is not refusing: four users saving four different students at the same moment all succeed,
    and the audit chain every write extends stays one chain (no write linked to the same predecessor)."""
    from app.services import check

    clerk_b = ServiceContext(second_store, school.admin, TODAY)
    contexts = [school.as_(school.office), clerk_b, school.as_(school.admin), clerk_b]
    ids = [*school.students, school.students[0]]
    outcomes = at_once(
        *(
            (lambda ctx=ctx, sid=sid, n=n: students.update_student(ctx, sid, {"grade_class": f"{n}年级1班"}))
            for n, (ctx, sid) in enumerate(zip(contexts, ids, strict=True), start=1)
        )
    )
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert not [f for f in check.run_checks(school.ctx.store) if f.code.startswith("chain")]
