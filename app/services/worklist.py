"""The home page's to-do lists: a teacher's week, plans and unfinished records; the office's teachers behind."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import and_, select

from app.db.models import (
    Goal,
    Iep,
    MonthlyPlan,
    Objective,
    ObjectiveReview,
    PlannedVisit,
    PlanRevision,
    Student,
    User,
    Visit,
    VisitLesson,
)
from app.services import compliance, school
from app.services.access import visible_students
from app.services.context import ServiceContext, reading, require_role

OBJECTIVE_DAYS = 14  # objectives ending within this many days want a review
CERTIFICATE_DAYS = 60  # 残疾人证 renewals take weeks: warn two months ahead
# Plans a teacher still has to act on: not yet written/submitted, or returned by the office.
_TO_WRITE = ("draft",)
_OPEN_IEP = ("draft", "active")


@dataclass(frozen=True)
class WorkItem:
    """One line on the home page. ``kind`` says what to do; ``record_id`` is what to open (see below)."""

    kind: (
        str  # visit | planned_visit | plan_missing | plan_draft | plan_returned | not_recorded | incomplete |
    )
    #            objective_due | certificate_due | certificate_expired
    student_id: str
    student_code: str
    student_name: str
    day: dt.date | None = None
    record_id: str = (
        ""  # visit id, plan id (plans, planned visits), IEP id (objectives), student id (certificates)
    )
    detail: str = ""  # month, office comment, objective text
    missing: tuple[str, ...] = ()  # incomplete records: content | objectives | signature
    month: str = ""  # plans and planned visits: the plan's month (what the plan editor opens)


@dataclass(frozen=True, kw_only=True)
class Worklist:
    today: dt.date
    week_start: dt.date
    week_end: dt.date
    next_month: str
    this_week: tuple[WorkItem, ...]
    plans: tuple[WorkItem, ...]
    unfinished: tuple[WorkItem, ...]
    coming_due: tuple[WorkItem, ...]


@dataclass(frozen=True)
class TeacherBehind:
    teacher_id: str
    name: str
    students: int
    owed_makeups: int
    weeks_due: int
    weeks_met: int

    @property
    def met_ratio(self) -> float | None:
        return None if self.weeks_due == 0 else self.weeks_met / self.weeks_due

    @property
    def behind(self) -> bool:
        return self.owed_makeups > 0 or self.weeks_met < self.weeks_due


def _next_month(day: dt.date) -> str:
    return f"{day.year + 1}-01" if day.month == 12 else f"{day.year}-{day.month + 1:02d}"


def teacher_worklist(ctx: ServiceContext) -> Worklist:
    """What the actor's visible students need from them now (a teacher: only assigned students)."""
    today = ctx.today()
    week_start = today - dt.timedelta(days=today.weekday())
    week_end = week_start + dt.timedelta(days=6)
    month = _next_month(today)
    term = school.current_term(ctx)
    since = term.start if term is not None else today - dt.timedelta(days=183)
    with reading(ctx) as session:
        seen = visible_students(ctx).with_only_columns(Student.id).scalar_subquery()
        people = {
            sid: (code, name, status, valid)
            for sid, code, name, status, valid in session.execute(
                select(
                    Student.id, Student.code, Student.name, Student.status, Student.certificate_valid_until
                ).where(Student.deleted_at.is_(None), Student.id.in_(seen))
            )
        }

        def item(kind: str, sid: str, **kw: object) -> WorkItem:
            code, name = people[sid][0], people[sid][1]
            return WorkItem(kind, sid, code, name, **kw)  # type: ignore[arg-type]

        # This week: visit records already planned, then plan dates nobody has opened a record for yet.
        week: list[WorkItem] = [
            item("visit", sid, day=day, record_id=vid)
            for vid, sid, day in session.execute(
                select(Visit.id, Visit.student_id, Visit.date).where(
                    Visit.deleted_at.is_(None),
                    Visit.status == "planned",
                    Visit.student_id.in_(seen),
                    Visit.date >= max(week_start, today),
                    Visit.date <= week_end,
                )
            )
        ]
        opened = select(Visit.planned_visit_id).where(
            Visit.deleted_at.is_(None), Visit.planned_visit_id.is_not(None)
        )
        week += [
            item("planned_visit", sid, day=day, record_id=pid, detail=slot, month=m)
            for pid, sid, day, slot, m in session.execute(
                select(
                    MonthlyPlan.id,
                    MonthlyPlan.student_id,
                    PlannedVisit.date,
                    PlannedVisit.time_slot,
                    MonthlyPlan.month,
                )
                .join(PlannedVisit, PlannedVisit.plan_id == MonthlyPlan.id)
                .where(
                    MonthlyPlan.deleted_at.is_(None),
                    PlannedVisit.deleted_at.is_(None),
                    MonthlyPlan.student_id.in_(seen),
                    PlannedVisit.date >= today,
                    PlannedVisit.date <= week_end,
                    PlannedVisit.id.not_in(opened),
                )
            )
        ]

        # Plans: next month's for every active student, and any plan the office returned.
        plan_rows = list(
            session.execute(
                select(MonthlyPlan.id, MonthlyPlan.student_id, MonthlyPlan.month, MonthlyPlan.status).where(
                    MonthlyPlan.deleted_at.is_(None),
                    MonthlyPlan.student_id.in_(seen),
                    (MonthlyPlan.month == month) | (MonthlyPlan.status == "returned"),
                )
            )
        )
        next_plans = {sid: (pid, status) for pid, sid, m, status in plan_rows if m == month}
        plan_items: list[WorkItem] = []
        for sid, (_code, _name, status, _valid) in people.items():
            if status != "active":
                continue
            if sid not in next_plans:
                plan_items.append(item("plan_missing", sid, detail=month, month=month))
            elif next_plans[sid][1] in _TO_WRITE:
                plan_items.append(
                    item("plan_draft", sid, record_id=next_plans[sid][0], detail=month, month=month)
                )
        returned = {pid: (sid, m) for pid, sid, m, status in plan_rows if status == "returned"}
        comments: dict[str, str] = {}
        for pid, comment in session.execute(
            select(PlanRevision.plan_id, PlanRevision.comment)
            .where(
                PlanRevision.deleted_at.is_(None),
                PlanRevision.plan_id.in_(list(returned)),
                PlanRevision.decision == "returned",
            )
            .order_by(PlanRevision.number)
        ):
            comments[pid] = comment  # the latest return wins
        plan_items += [
            item("plan_returned", sid, record_id=pid, detail=comments.get(pid, ""), month=m)
            for pid, (sid, m) in sorted(returned.items(), key=lambda kv: kv[1][1])
        ]

        # Unfinished records this term: past visits never recorded, done visits missing a part.
        unfinished = [
            item("not_recorded", sid, day=day, record_id=vid)
            for vid, sid, day in session.execute(
                select(Visit.id, Visit.student_id, Visit.date)
                .where(
                    Visit.deleted_at.is_(None),
                    Visit.status == "planned",
                    Visit.student_id.in_(seen),
                    Visit.date >= since,
                    Visit.date < today,
                )
                .order_by(Visit.date)
            )
        ]
        done = {
            vid: (sid, day, signature)
            for vid, sid, day, signature in session.execute(
                select(Visit.id, Visit.student_id, Visit.date, Visit.signature_id).where(
                    Visit.deleted_at.is_(None),
                    Visit.status == "done",
                    Visit.student_id.in_(seen),
                    Visit.date >= since,
                )
            )
        }
        lessons: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
        for vid, content, objectives in session.execute(
            select(VisitLesson.visit_id, VisitLesson.content, VisitLesson.objective_ids)
            .join(Visit, Visit.id == VisitLesson.visit_id)
            .where(
                VisitLesson.deleted_at.is_(None),
                Visit.deleted_at.is_(None),
                Visit.status == "done",
                Visit.student_id.in_(seen),
                Visit.date >= since,
            )
        ):
            lessons[vid].append((content or "", objectives or []))
        for vid, (sid, day, signature) in sorted(done.items(), key=lambda kv: kv[1][1]):
            taught = lessons.get(vid, [])
            # Same test as the term assessment's "records complete": content, objectives, signature.
            missing = tuple(
                part
                for part, lacking in (
                    ("content", not taught or not all(c.strip() for c, _o in taught)),
                    ("objectives", not any(o for _c, o in taught)),
                    ("signature", not signature),
                )
                if lacking
            )
            if missing:
                unfinished.append(item("incomplete", sid, day=day, record_id=vid, missing=missing))

        # Coming due: objectives ending soon with no review yet; certificates running out.
        reviewed = select(ObjectiveReview.objective_id).where(ObjectiveReview.deleted_at.is_(None))
        due = [
            item("objective_due", sid, day=end, record_id=iep_id, detail=text)
            for iep_id, sid, end, text in session.execute(
                select(Iep.id, Iep.student_id, Objective.end_date, Objective.text)
                .join(Goal, Goal.iep_id == Iep.id)
                .join(Objective, Objective.goal_id == Goal.id)
                .where(
                    and_(
                        Iep.deleted_at.is_(None),
                        Goal.deleted_at.is_(None),
                        Objective.deleted_at.is_(None),
                        Iep.student_id.in_(seen),
                        Iep.status.in_(_OPEN_IEP),
                        Objective.end_date.is_not(None),
                        Objective.end_date <= today + dt.timedelta(days=OBJECTIVE_DAYS),
                        Objective.id.not_in(reviewed),
                    )
                )
                .order_by(Objective.end_date)
            )
        ]
        horizon = today + dt.timedelta(days=CERTIFICATE_DAYS)
        due += [
            item("certificate_expired" if valid < today else "certificate_due", sid, day=valid, record_id=sid)
            for sid, (_c, _n, status, valid) in sorted(people.items(), key=lambda kv: kv[1][3] or today)
            if valid is not None and valid <= horizon and status in ("active", "paused")
        ]
    week.sort(key=lambda w: (w.day or today, w.student_code))
    return Worklist(
        today=today,
        week_start=week_start,
        week_end=week_end,
        next_month=month,
        this_week=tuple(week),
        plans=tuple(plan_items),
        unfinished=tuple(unfinished),
        coming_due=tuple(due),
    )


def teachers_behind(ctx: ServiceContext, term_ref: str | None = None) -> list[TeacherBehind]:
    """Per teacher (main teacher of each student): owed make-ups and weeks met this term; most behind first."""
    require_role(ctx, "academic_affairs", "leader", "admin")
    result = compliance.term_compliance(ctx, term_ref)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for student in result.students:
        if not student.teacher_ids:
            continue
        # teacher_ids lists the 主教 first; counting assistants too would count each owed visit twice.
        row = counts[student.teacher_ids[0]]
        totals = student.result.totals
        row[0] += 1
        row[1] += totals.owed_makeups
        row[2] += totals.due_periods
        row[3] += totals.met + totals.met_by_makeup
    with reading(ctx) as session:
        names = dict(
            session.execute(select(User.id, User.display_name).where(User.id.in_(list(counts)))).all()
        )
    rows = [TeacherBehind(tid, names.get(tid, ""), *c) for tid, c in counts.items()]
    rows.sort(key=lambda r: (-r.owed_makeups, r.met_ratio if r.met_ratio is not None else 1.0, r.name))
    return rows
