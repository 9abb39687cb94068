"""Two schools of one district on the test PostgreSQL, populated differently (tests/district)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.db.models import (
    MonthlyPlan,
    Pause,
    PlanRevision,
    School,
    Student,
    TeacherAssessment,
    Term,
    User,
    Visit,
    VisitLesson,
)
from app.paths import resolve
from app.services import district
from app.services.context import ServiceContext, transaction
from app.services.setup import initialize_school, open_store
from tests.conftest import TERM, TODAY


def _populate(
    url: str, name: str, *, visits_per_week: int, students, visits, plans, grades, term=TERM, pauses=()
) -> None:
    """``students``: (category, grade, status[, enrolled_on]); ``visits``: (student index, day, status, lessons
    of 30 minutes or a tuple of each lesson's minutes, deleted[, extra Visit fields, "makeup_of": a visit's
    index]); ``pauses``: (student index, first day, last day)."""
    store = open_store(resolve(url))
    try:
        ctx = ServiceContext(store, today_override=TODAY)
        initialize_school(
            ctx,
            {
                "school_name": name,
                "term": term,
                "rule": {"period": "week", "visits_per_period": visits_per_week, "lessons_per_visit": 2},
                "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
            },
        )
        with transaction(ctx) as session:
            teacher = session.scalar(select(User.id))
            term = session.scalar(select(Term.id))
            made = []
            for i, (category, grade, status, *enrolled) in enumerate(students, start=1):
                student = Student(
                    enrolled_on=dt.date.fromisoformat(enrolled[0]) if enrolled else None,
                    code=f"S{i:03d}",
                    name=f"孩子{i}",
                    id_number=f"11010120150101{i:04d}",
                    disability_category=category,
                    disability_grade=grade,
                    status=status,
                )
                session.add(student)
                made.append(student)
            session.flush()
            made_visits: list[Visit] = []
            for index, day, status, lessons, deleted, *more in visits:
                extra = dict(more[0]) if more else {}
                if "makeup_of" in extra:
                    extra["makeup_of_id"] = made_visits[extra.pop("makeup_of")].id
                visit = Visit(
                    student_id=made[index].id,
                    teacher_id=teacher,
                    date=dt.date.fromisoformat(day),
                    status=status,
                    deleted_at=dt.datetime(2026, 11, 1) if deleted else None,
                    **extra,
                )
                session.add(visit)
                session.flush()
                made_visits.append(visit)
                minutes = (30,) * lessons if isinstance(lessons, int) else lessons
                session.add_all(
                    VisitLesson(visit_id=visit.id, position=p, minutes=m) for p, m in enumerate(minutes)
                )
            for index, first, last in pauses:
                session.add(
                    Pause(
                        student_id=made[index].id,
                        start_date=dt.date.fromisoformat(first),
                        end_date=dt.date.fromisoformat(last),
                        reason="手术",
                    )
                )
            for index, month, approved_on in plans:
                plan = MonthlyPlan(
                    student_id=made[index].id,
                    month=month,
                    teacher_id=teacher,
                    status="approved" if approved_on else "draft",
                    approved_revision=1 if approved_on else None,
                )
                session.add(plan)
                session.flush()
                if approved_on:
                    session.add(
                        PlanRevision(
                            plan_id=plan.id,
                            number=1,
                            snapshot={},
                            submitted_at=dt.datetime(2026, 9, 20),
                            submitted_by=teacher,
                            decision="approved",
                            reviewer_id=teacher,
                            decided_at=dt.datetime.fromisoformat(approved_on),
                        )
                    )
            for i, grade in enumerate(grades):  # one assessment per teacher and term
                graded = User(username=f"t{i}", display_name=f"老师{i}", role="teacher", password_hash="x")
                session.add(graded)
                session.flush()
                session.add(TeacherAssessment(teacher_id=graded.id, term_id=term, grade=grade))
            assert session.scalar(select(School.name)) == name
    finally:
        store.dispose()


@pytest.fixture
def two_schools(pg_server, pg_url):
    """School ``qs``: three active children and a paused one, visits (two in one week, a cancelled and a deleted
    one), three plans (on time, late, draft), one teacher graded; school ``hs``: one child, one visit against a
    rule of two a week, no plans."""
    district.add_school(pg_url, "qs", "青山县特殊教育学校")
    district.add_school(pg_url, "hs", "河石镇中心小学")
    _populate(
        district.school_url(pg_url, "qs"),
        "青山县特殊教育学校",
        visits_per_week=1,
        students=[(1, 2, "active"), (1, 2, "active"), (3, 1, "active"), (2, 1, "paused")],
        visits=[
            (0, "2026-09-07", "done", 2, False),
            (0, "2026-09-09", "done", 2, False),  # the same week: one week met
            (1, "2026-09-14", "done", 2, False),
            (1, "2026-09-21", "cancelled", 0, False),
            (2, "2026-09-22", "done", 2, True),  # deleted: counts nowhere
            (3, "2026-08-20", "done", 2, False),  # before the term
        ],
        plans=[(0, "2026-10", "2026-09-28T10:00"), (1, "2026-11", "2026-11-03T09:00"), (2, "2026-12", None)],
        grades=["excellent"],
    )
    _populate(
        district.school_url(pg_url, "hs"),
        "河石镇中心小学",
        visits_per_week=2,
        students=[(4, 3, "active")],
        visits=[(0, "2026-10-12", "done", 1, False)],
        plans=[],
        grades=["good", "pass"],
    )
    district.refresh(pg_url, TODAY)
    return pg_url
