"""The demo school: deterministic, fast at small sizes, and consistent with the rules services enforce."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select
from sqlalchemy.orm import aliased

from app.db.models import (
    Assignment,
    Attachment,
    Blob,
    CalendarDay,
    Contact,
    Guardian,
    MonthlyPlan,
    PlanRevision,
    Student,
    Term,
    User,
    Visit,
    VisitLesson,
)
from app.domain import validation
from app.paths import resolve
from app.services import plans
from app.services.compliance import term_compliance
from app.services.context import ServiceContext, reading
from app.services.demo import content_digest, generate, plan_terms, term_days
from app.services.errors import ConflictError
from tests.conftest import TODAY, open_test_store, sqlite_only, unchanged

TABLES = [
    "student",
    "guardian",
    "iep",
    "objective",
    "monthly_plan",
    "plan_revision",
    "visit",
    "visit_lesson",
    "contact",
    "blob",
    "calendar_day",
]


@pytest.fixture
def demo(ctx):
    result = generate(ctx, students=30, terms=2, seed=7, today=TODAY)
    return ctx, result


def _other_db(tmp_path, name):
    store = open_test_store(resolve(tmp_path / name))
    return store, ServiceContext(store, today_override=TODAY)


def test_same_seed_gives_the_same_school_and_another_seed_does_not(tmp_path):
    digests = []
    for name, seed in (("a.sqlite3", 5), ("b.sqlite3", 5), ("c.sqlite3", 6)):
        store, ctx = _other_db(tmp_path, name)
        try:
            generate(ctx, students=12, terms=2, seed=seed, today=TODAY)
            digests.append(content_digest(ctx, TABLES))
        finally:
            store.dispose()
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


def test_terms_are_consecutive_end_now_and_have_holidays(demo):
    ctx, result = demo
    assert [t.name for t in result.terms] == ["2026春季学期", "2026秋季学期"]
    assert result.terms[-1].start <= TODAY <= result.terms[-1].end
    with reading(ctx) as session:
        names = set(session.scalars(select(CalendarDay.name)))
        assert {"国庆节", "中秋节"} <= names
        assert session.scalar(select(Term.locked).where(Term.name == "2026秋季学期")) is False


def test_ten_terms_alternate_and_unknown_years_still_get_fixed_holidays():
    terms = plan_terms(dt.date(2029, 11, 2), 10)
    assert len(terms) == 10 and terms[-1].name == "2029秋季学期" and terms[0].name == "2025春季学期"
    assert all(a.end < b.start for a, b in zip(terms, terms[1:], strict=False))
    autumn_2029 = terms[-1]
    days = {d: name for d, kind, name in term_days(autumn_2029) if kind == "holiday"}
    assert days[dt.date(2029, 10, 1)] == "国庆节"  # chinese_calendar has no 2029 data: fixed dates stand in
    assert dt.date(2030, 1, 1) in days


def test_people_identity_numbers_and_teacher_pairs(demo):
    ctx, result = demo
    with reading(ctx) as session:
        users = {u.username: u for u in session.scalars(select(User))}
        assert {"admin", "office", "leader"} <= set(users)
        assert users["office"].role == "academic_affairs"
        teachers = [u for u in users.values() if u.role == "teacher"]
        assert len(teachers) == 4  # two pairs for 30 children, about eight each as 主教
        assert ("t01", "teacher123", "teacher") in result.logins
        mains = Counter()
        for student in session.scalars(select(Student)):
            assert validation.check_id_number(student.id_number, TODAY) == []
            assert (
                validation.check_certificate_number(
                    student.certificate_no,
                    student.id_number,
                    student.disability_category,
                    student.disability_grade,
                )
                == []
            )
            roles = {
                a.role: a.teacher_id
                for a in session.scalars(select(Assignment).where(Assignment.student_id == student.id))
            }
            assert set(roles) == {"main", "assistant"} and roles["main"] != roles["assistant"]
            mains[roles["main"]] += 1
            relations = {
                g.relation for g in session.scalars(select(Guardian).where(Guardian.student_id == student.id))
            }
            assert "parent" in relations
        assert max(mains.values()) <= 8
        relations = Counter(session.scalars(select(Guardian.relation)))
        assert relations["grandparent"] and relations["delegated"]


def test_plans_are_in_every_state_and_approvals_follow_the_rules(demo):
    ctx, _ = demo
    with reading(ctx) as session:
        plans = list(session.scalars(select(MonthlyPlan)))
        assert {p.status for p in plans} == {"draft", "submitted", "approved", "returned", "resubmitted"}
        roles = {u.id: u.role for u in session.scalars(select(User))}
        for plan in plans:
            revisions = list(
                session.scalars(
                    select(PlanRevision).where(PlanRevision.plan_id == plan.id).order_by(PlanRevision.number)
                )
            )
            assert [r.number for r in revisions] == list(range(1, len(revisions) + 1))
            if plan.status == "draft":
                assert revisions == [] and plan.first_submitted_at is None
                continue
            last = revisions[-1]
            for revision in revisions:
                if revision.decision:
                    assert roles[revision.reviewer_id] == "academic_affairs"
                    assert revision.reviewer_id != plan.teacher_id
                    assert revision.decided_at > revision.submitted_at
                if revision.decision == "returned":
                    assert revision.comment
            if plan.status == "approved":
                assert (
                    last.decision == "approved"
                    and plan.approved_revision == plan.plan_revision == last.number
                )
            elif plan.status in ("submitted", "resubmitted"):
                assert last.decision is None
                assert (plan.status == "resubmitted") == (len(revisions) > 1)
            else:
                assert last.decision == "returned"


def test_visits_lessons_cancellations_and_makeups_are_consistent(demo):
    ctx, _ = demo
    with reading(ctx) as session:
        visits = {v.id: v for v in session.scalars(select(Visit))}
        lessons = Counter(session.scalars(select(VisitLesson.visit_id)))
        statuses = Counter(v.status for v in visits.values())
        assert statuses["done"] and statuses["cancelled"] and statuses["planned"]
        causes = Counter(v.cancel_cause for v in visits.values() if v.status == "cancelled")
        assert causes["family"] and causes["school"]
        makeups = 0
        for visit in visits.values():
            if visit.status == "done":
                assert visit.finished_at is not None and lessons[visit.id] >= 1 and visit.date < TODAY
            else:
                assert visit.finished_at is None and lessons[visit.id] == 0
            if visit.status == "cancelled":
                assert visit.cancel_reason and visit.cancel_cause in ("family", "school")
            if visit.status == "planned":
                assert visit.date >= TODAY
            if visit.makeup_of_id:
                makeups += 1
                original = visits[visit.makeup_of_id]
                assert original.status == "cancelled" and original.student_id == visit.student_id
                assert original.date < visit.date <= original.date + dt.timedelta(days=14)
        assert makeups
        signed = session.scalars(select(Attachment).where(Attachment.kind == "signature")).first()
        assert signed is not None and visits[signed.owner_id].signature_id == signed.id
        for blob in session.scalars(select(Blob)):
            assert blob.data.startswith(b"\x89PNG\r\n\x1a\n") and len(blob.data) == blob.size < 4000
        assert session.scalar(select(Contact.id).where(Contact.answered.is_(False))) is not None
        plan = aliased(MonthlyPlan)
        flagged = session.execute(
            select(plans.lacks_approved_plan(), plan.approved_revision, Visit.status).join(
                plan, plan.id == Visit.plan_id
            )
        ).all()
        assert all(flag == (status == "done" and approved is None) for flag, approved, status in flagged)
        assert any(flag for flag, _approved, _status in flagged)


def test_compliance_over_the_demo_shows_every_kind_of_week(demo):
    ctx, result = demo
    seen: Counter[str] = Counter()
    for term in result.terms:
        for student in term_compliance(ctx, term.name).students:
            seen.update(str(p.status) for p in student.result.periods)
    assert {"met", "met_by_makeup", "missed_owed", "missed_excused", "not_teaching", "future"} <= set(seen)
    assert seen["met"] > 10 * seen["missed_owed"]  # a realistic school mostly meets the rule


def test_demo_refuses_a_database_that_already_holds_a_school(demo):
    ctx, _ = demo
    with unchanged(ctx.store.paths.db_path), pytest.raises(ConflictError):
        generate(ctx, students=3, terms=1, seed=1, today=TODAY)


def test_demo_reports_progress_and_a_cancel_keeps_nothing(ctx):
    from app.services.progress import Cancelled, TaskState

    state = TaskState(lambda done, total, _l: state.cancel() if done >= total // 2 else None)
    with unchanged(ctx.store.paths.db_path), pytest.raises(Cancelled):
        generate(ctx, students=4, terms=2, seed=1, today=TODAY, progress=state)
    assert state.total == 8 and state.done == 4
    seen: list[tuple[int, int, str]] = []
    generate(ctx, students=4, terms=2, seed=1, today=TODAY, progress=TaskState(lambda *u: seen.append(u)))
    assert [done for done, _t, _l in seen] == list(range(1, 9)) and {t for _d, t, _l in seen} == {8}
    assert [label for _d, _t, label in seen][-1] == "2026秋季学期"


@sqlite_only  # key slots belong to an encrypted file; a server has none
def test_every_demo_login_opens_the_encrypted_school_and_a_cancel_writes_no_slot(ctx):
    """The slots are derived on another thread while the rows are written; each one opens the school."""
    from app.services import keyring
    from app.services.progress import Cancelled, TaskState

    db = ctx.store.paths.db_path
    assert ctx.store.key is not None
    state = TaskState(lambda done, total, _l: state.cancel() if done >= 2 else None)
    with pytest.raises(Cancelled):
        generate(ctx, students=4, terms=1, seed=1, today=TODAY, progress=state)
    assert not keyring.has_user(db, "admin")
    result = generate(ctx, students=9, terms=1, seed=1, today=TODAY)
    assert {role for _u, _p, role in result.logins} >= {"admin", "academic_affairs", "leader", "teacher"}
    for username, password, _role in result.logins:
        assert keyring.unlock_user(db, username, password, wait=False) == ctx.store.key
