"""Populated databases for storage tests: every table gets rows, through services where they exist, else the ORM."""

from __future__ import annotations

import datetime as dt
import hashlib
from types import SimpleNamespace
from typing import Any

from sqlalchemy import func, insert, select

from app.db.base import Base, new_id
from app.db.models import (
    Assignment,
    Attachment,
    Blob,
    Contact,
    Draft,
    Goal,
    GoalBankItem,
    Iep,
    IepScore,
    LessonPlan,
    MonthlyPlan,
    Objective,
    ObjectiveProgress,
    ObjectiveReview,
    PlannedVisit,
    PlanRevision,
    Setting,
    Student,
    TeacherAssessment,
    Term,
    User,
    Visit,
    VisitAmendment,
    VisitLesson,
)
from app.services import evidence, privacy, students
from app.services.context import ServiceContext, transaction

AT = dt.datetime(2026, 11, 2, 9, 30)


def add_records(school: SimpleNamespace) -> SimpleNamespace:
    """Give the conftest school one or more rows in every table (a make-up, an approval, a photo...)."""
    ctx: ServiceContext = school.ctx
    s1, s2, _s3 = school.students
    t1, office = school.t1.id, school.office.id
    g_id = students.save_guardian(
        school.as_(school.office),
        s1,
        {"name": "王芳", "relation": "parent", "phone": "13800000000", "is_primary": True},
    )
    students.save_guardian(school.as_(school.office), s2, {"name": "李强", "relation": "parent"})
    students.add_pause(school.as_(school.office), s2, "2026-12-01", "2026-12-20", "手术")
    privacy.add_consent(
        school.as_(school.office),
        s1,
        {"given_by": "parent", "purpose": "home_teaching", "given_on": "2025-09-01"},
    )
    with transaction(ctx) as session:
        bank = GoalBankItem(domain="认知", kind="goal", text="认识常用汉字100个")
        session.add(bank)
        session.flush()
        session.add(GoalBankItem(domain="认知", kind="objective", text="认识20个汉字", parent_id=bank.id))
        iep = Iep(
            student_id=s1,
            term_id=school.term.id,
            status="active",
            subjects=["生活语文", "生活数学"],
            assessment_date=dt.date(2026, 9, 5),
            extra={"note": "初评"},
        )
        session.add(iep)
        session.flush()
        session.add(IepScore(iep_id=iep.id, domain="认知", score=2.5, max_score=5.0))
        goal = Goal(iep_id=iep.id, domain="认知", text="认识常用汉字")
        session.add(goal)
        session.flush()
        objective = Objective(
            goal_id=goal.id,
            text="认识20个汉字",
            start_date=dt.date(2026, 9, 7),
            end_date=dt.date(2026, 10, 30),
            method="O",
        )
        session.add(objective)
        session.flush()
        session.add(ObjectiveReview(objective_id=objective.id, date=dt.date(2026, 10, 30), result="P"))
        plan = MonthlyPlan(
            student_id=s1,
            month="2026-11",
            teacher_id=t1,
            status="approved",
            plan_revision=1,
            approved_revision=1,
            objective_ids=[objective.id],
            first_submitted_at=AT,
        )
        session.add(plan)
        session.flush()
        planned = PlannedVisit(
            plan_id=plan.id,
            date=dt.date(2026, 11, 3),
            time_slot="09:00-10:30",
            content=[{"subject": "生活语文", "content": "认字"}],
        )
        session.add(planned)
        revision = PlanRevision(
            plan_id=plan.id,
            number=1,
            snapshot={"materials": "卡片"},
            submitted_at=AT,
            submitted_by=t1,
            decision="approved",
            reviewer_id=office,
            decided_at=AT + dt.timedelta(hours=2),
            comment="",
        )
        office_key = evidence.office_identity(session)
        assert office_key is not None
        evidence.sign_decision(revision, office_key)
        session.add(revision)
        lesson_plan = LessonPlan(
            teacher_id=t1, student_id=s1, title="认字", date=dt.date(2026, 11, 3), process={"导入": "儿歌"}
        )
        session.add(lesson_plan)
        data = bytes(range(256)) * 4
        sha = hashlib.sha256(data).hexdigest()
        session.add(Blob(sha256=sha, size=len(data), data=data))
        session.flush()
        signature = Attachment(
            student_id=s1,
            owner_type="visit",
            owner_id="",
            kind="signature",
            mime="image/png",
            blob_sha256=sha,
        )
        session.add(signature)
        session.flush()
        done = Visit(
            student_id=s1,
            teacher_id=t1,
            date=dt.date(2026, 11, 3),
            start_time=dt.time(9, 0),
            end_time=dt.time(10, 30),
            status="done",
            teacher_ids=[t1],
            plan_id=plan.id,
            planned_visit_id=planned.id,
            finished_at=AT + dt.timedelta(days=1, hours=2),
            signature_id=signature.id,
        )
        cancelled = Visit(
            student_id=s1,
            teacher_id=t1,
            date=dt.date(2026, 11, 10),
            status="cancelled",
            cancel_reason="下雪",
            cancel_cause="school",
        )
        session.add_all([done, cancelled])
        session.flush()
        signature.owner_id = done.id
        makeup = Visit(
            student_id=s1,
            teacher_id=t1,
            date=dt.date(2026, 11, 12),
            status="done",
            makeup_of_id=cancelled.id,
            finished_at=AT + dt.timedelta(days=10),
        )
        session.add(makeup)
        session.flush()
        for visit in (done, makeup):
            for position in (0, 1):
                session.add(
                    VisitLesson(
                        visit_id=visit.id,
                        position=position,
                        subject="生活语文",
                        content="认字",
                        minutes=40,
                        objective_ids=[objective.id],
                        lesson_plan_id=lesson_plan.id,
                    )
                )
        session.add(ObjectiveProgress(visit_id=done.id, objective_id=objective.id, result="C"))
        session.add(
            VisitAmendment(visit_id=done.id, field="homework", old_value="", new_value="描红", reason="补记")
        )
        session.add(
            Contact(
                student_id=s1,
                guardian_id=g_id,
                at=AT,
                channel="phone",
                purpose="notice",
                answered=False,
                recorder_id=t1,
                follow_up_on=dt.date(2026, 11, 4),
            )
        )
        session.add(
            TeacherAssessment(
                teacher_id=t1,
                term_id=school.term.id,
                manual={"conduct": 1.0},
                grade="good",
                decided_by=office,
                decided_at=AT,
            )
        )
        session.add(Setting(key="ui.language", value="zh_CN"))
        session.add(Setting(key="nothing", value=None))
        session.add(Draft(user_id=t1, key="visit:new", payload={"text": "草稿"}))
    school.visits = SimpleNamespace(done=done.id, cancelled=cancelled.id, makeup=makeup.id)
    school.plan_id = plan.id
    return school


def row_counts(engine: Any, tables: list[str] | None = None) -> dict[str, int]:
    with engine.connect() as conn:
        # Not the audit chain's one-row head: every database has it, even an empty one.
        names = tables or [t.name for t in Base.metadata.sorted_tables if t.name != "audit_head"]
        return {
            name: conn.execute(select(func.count()).select_from(Base.metadata.tables[name])).scalar_one()
            for name in names
        }


# --- a large school, for timing -----------------------------------------------------------------------------


def bulk_school(
    ctx: ServiceContext, n_students: int = 300, n_terms: int = 10, weeks: int = 20
) -> dict[str, int]:
    """A school of ``n_students`` over ``n_terms`` terms, one visit a week: built with bulk inserts in seconds."""
    now = dt.datetime(2026, 1, 1)
    stamp = {"revision": 1, "created_at": now, "updated_at": now}

    def rows(**values: Any) -> dict[str, Any]:
        return {"id": new_id(), **stamp, **values}

    office = rows(username="office", display_name="教务", role="academic_affairs", password_hash="x")
    teachers = [
        rows(username=f"t{i}", display_name=f"教师{i}", role="teacher", password_hash="x") for i in range(15)
    ]
    terms = []
    for k in range(n_terms):
        start = dt.date(2021 + (k + 1) // 2, 9 if k % 2 == 0 else 2, 1 if k % 2 == 0 else 20)
        terms.append(rows(name=f"学期{k}", start_date=start, end_date=start + dt.timedelta(weeks=weeks)))
    kids = [rows(code=f"B{i:04d}", name=f"学生{i}") for i in range(n_students)]
    assignments = [
        rows(
            student_id=s["id"], teacher_id=teachers[i % 15]["id"], role="main", start_date=dt.date(2021, 9, 1)
        )
        for i, s in enumerate(kids)
    ]
    visits, lessons, plans, revisions, contacts = [], [], [], [], []
    for i, kid in enumerate(kids):
        teacher = teachers[i % 15]["id"]
        for term in terms:
            for month in range(5):
                years, month0 = divmod(term["start_date"].month - 1 + month, 12)
                plan = rows(
                    student_id=kid["id"],
                    month=f"{term['start_date'].year + years}-{month0 + 1:02d}",
                    teacher_id=teacher,
                    status="approved",
                    plan_revision=1,
                    approved_revision=1,
                )
                plans.append(plan)
                revisions.append(
                    rows(
                        plan_id=plan["id"],
                        number=1,
                        snapshot={},
                        submitted_at=now,
                        submitted_by=teacher,
                        decision="approved",
                        reviewer_id=office["id"],
                        decided_at=now,
                    )
                )
                contacts.append(
                    rows(student_id=kid["id"], at=now, channel="phone", purpose="notice", recorder_id=teacher)
                )
            for week in range(weeks):
                visit = rows(
                    student_id=kid["id"],
                    teacher_id=teacher,
                    date=term["start_date"] + dt.timedelta(weeks=week),
                    status="done",
                    finished_at=now,
                )
                visits.append(visit)
                lessons += [rows(visit_id=visit["id"], position=p, minutes=40) for p in (0, 1)]
    batches = [
        (User, [office, *teachers]),
        (Term, terms),
        (Student, kids),
        (Assignment, assignments),
        (MonthlyPlan, plans),
        (PlanRevision, revisions),
        (Visit, visits),
        (VisitLesson, lessons),
        (Contact, contacts),
    ]
    with transaction(ctx) as session:
        for model, batch in batches:
            if model is PlanRevision:
                evidence.sign_rows(session, batch)
            session.execute(insert(model), batch)
    return {model.__tablename__: len(batch) for model, batch in batches}


__all__ = ["add_records", "bulk_school", "row_counts"]
