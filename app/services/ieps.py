"""IEPs (个别化教育计划, 一人一案): assessment scores, goals, objectives, reviews; the shared goal bank."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Goal, GoalBankItem, Iep, IepScore, Objective, ObjectiveReview, Term
from app.domain.iep import DOMAINS, METHODS, PASSED_RESULTS, RESULTS, SCORE_DOMAINS, STATUSES, SUBJECTS
from app.services import forms, school
from app.services.access import student_for_read, student_for_write
from app.services.context import ServiceContext, get_live, reading, transaction
from app.services.context import live as _live
from app.services.errors import ConflictError, PermissionDenied, ValidationError
from app.services.goal_bank import (
    GOAL_BANK_FILE,
    BankGoal,
    BankObjective,
    add_bank_item,
    list_goal_bank,
    remove_bank_item,
    seed_goal_bank,
)

# One step forward at a time; reviewed may reopen to active (a late review correction).
TRANSITIONS = {
    "draft": ("active",),
    "active": ("reviewed", "draft"),
    "reviewed": ("archived", "active"),
    "archived": (),
}
# Objective and review dates may reach a little outside the term (summer follow-up), not years.
DATE_MARGIN = dt.timedelta(days=92)

IEP_TEXT = {
    "assessment_tool": 100,
    "assessor": 60,
    "strengths": 4000,
    "needs": 4000,
    "guardian_expectations": 4000,
    "related_services": 4000,
    "family_cooperation": 4000,
    "review_summary": 4000,
}
IEP_DATES = ("assessment_date", "signed_teacher_on", "signed_guardian_on", "signed_school_on", "review_date")
IEP_FIELDS = (*IEP_TEXT, *IEP_DATES, "subjects", "visits_per_week", "lessons_per_visit")
# Texts kept in Iep.extra (no column of their own); the archive packet prints the teacher's term summary.
IEP_EXTRA_TEXT = {"teacher_summary": 4000}


@dataclass(frozen=True)
class ReviewInfo:
    id: str
    date: dt.date
    result: str
    note: str


@dataclass(frozen=True, kw_only=True)
class ObjectiveInfo:
    id: str
    goal_id: str
    text: str
    start_date: dt.date | None
    end_date: dt.date | None
    criterion: str
    method: str
    position: int
    reviews: tuple[ReviewInfo, ...]

    @property
    def latest_result(self) -> str | None:
        return self.reviews[-1].result if self.reviews else None


@dataclass(frozen=True)
class GoalInfo:
    id: str
    domain: str
    text: str
    position: int
    objectives: tuple[ObjectiveInfo, ...]


@dataclass(frozen=True)
class ScoreInfo:
    domain: str
    score: float | None
    max_score: float | None
    note: str


@dataclass(frozen=True, kw_only=True)
class IepDetail:
    id: str
    revision: int
    student_id: str
    term_id: str
    term_name: str
    term_start: dt.date
    term_end: dt.date
    status: str
    values: dict[str, Any]  # every IEP_FIELDS and IEP_EXTRA_TEXT value
    scores: tuple[ScoreInfo, ...]
    goals: tuple[GoalInfo, ...]


@dataclass(frozen=True)
class IepSummary:
    id: str
    student_id: str
    term_id: str
    term_name: str
    status: str
    goals: int
    objectives: int


# --- reading --------------------------------------------------------------------------------------------


def _objective_info(o: Objective) -> ObjectiveInfo:
    reviews = tuple(ReviewInfo(r.id, r.date, r.result, r.note) for r in _live(o.reviews))
    return ObjectiveInfo(
        id=o.id,
        goal_id=o.goal_id,
        text=o.text,
        start_date=o.start_date,
        end_date=o.end_date,
        criterion=o.criterion,
        method=o.method,
        position=o.position,
        reviews=reviews,
    )


def _detail(session: Session, iep: Iep) -> IepDetail:
    term: Term = session.get(Term, iep.term_id)  # type: ignore[assignment]
    goals = tuple(
        GoalInfo(g.id, g.domain, g.text, g.position, tuple(_objective_info(o) for o in _live(g.objectives)))
        for g in _live(iep.goals)
    )
    scores = tuple(ScoreInfo(s.domain, s.score, s.max_score, s.note) for s in _live(iep.scores))
    values = {key: getattr(iep, key) for key in IEP_FIELDS}
    values["subjects"] = list(iep.subjects or [])
    extra = iep.extra or {}
    for key in IEP_EXTRA_TEXT:
        values[key] = str(extra.get(key) or "")
    return IepDetail(
        id=iep.id,
        revision=iep.revision,
        student_id=iep.student_id,
        term_id=iep.term_id,
        term_name=term.name,
        term_start=term.start_date,
        term_end=term.end_date,
        status=iep.status,
        values=values,
        scores=scores,
        goals=goals,
    )


def get_iep(ctx: ServiceContext, iep_id: str) -> IepDetail:
    with reading(ctx) as session:
        iep: Iep = get_live(session, Iep, iep_id, "iep")
        student_for_read(session, ctx, iep.student_id)
        return _detail(session, iep)


def find_iep(ctx: ServiceContext, student_id: str, term_id: str) -> IepDetail | None:
    """The student's IEP for a term, or None when none was written yet."""
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        iep = session.scalar(
            select(Iep).where(Iep.student_id == student_id, Iep.term_id == term_id, Iep.deleted_at.is_(None))
        )
        return None if iep is None else _detail(session, iep)


@dataclass(frozen=True)
class IepEditing:
    """What the IEP editor shows, read in one call (the UI chained the terms, the current term and the IEP)."""

    terms: tuple[tuple[str, str], ...]  # (term id, name), newest first: the editor's term picker
    term_id: str | None  # the term asked for, else the current one; None while no term is set up
    detail: IepDetail | None  # None: no IEP written for that term yet


def iep_for_editing(ctx: ServiceContext, student_id: str, term_id: str | None = None) -> IepEditing:
    terms = sorted(school.list_terms(ctx), key=lambda t: t.start, reverse=True)
    if term_id is None:
        current = school.current_term(ctx)
        term_id = current.id if current is not None else None
    return IepEditing(
        terms=tuple((t.id, t.name) for t in terms),
        term_id=term_id,
        detail=find_iep(ctx, student_id, term_id) if term_id else None,
    )


def current_objectives(ctx: ServiceContext, student_id: str) -> list[tuple[str, str]]:
    """(objective id, "goal › objective") of the student's IEP in the current term: what plans and visits link."""
    term = school.current_term(ctx)
    detail = find_iep(ctx, student_id, term.id) if term else None
    if detail is None:
        return []
    return [(o.id, f"{g.text} › {o.text}") for g in detail.goals for o in g.objectives]


def list_ieps(ctx: ServiceContext, student_id: str) -> list[IepSummary]:
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        rows = session.execute(
            select(Iep, Term)
            .join(Term, Term.id == Iep.term_id)
            .where(Iep.student_id == student_id, Iep.deleted_at.is_(None))
            .order_by(Term.start_date.desc())
        )
        result = []
        for iep, term in rows:
            goals = _live(iep.goals)
            result.append(
                IepSummary(
                    iep.id,
                    student_id,
                    term.id,
                    term.name,
                    iep.status,
                    len(goals),
                    sum(len(_live(g.objectives)) for g in goals),
                )
            )
        return result


# --- writing --------------------------------------------------------------------------------------------


def _editable(session: Session, ctx: ServiceContext, iep: Iep) -> Iep:
    student_for_write(session, ctx, iep.student_id)
    if iep.status == "archived":
        raise ConflictError("iep.archived", "This IEP is archived and can no longer be changed.")
    term = session.get(Term, iep.term_id)
    if term is not None and term.locked:
        raise ConflictError("term.locked", "The term is locked; its records can no longer be changed.")
    return iep


def get_or_create_iep(ctx: ServiceContext, student_id: str, term_id: str) -> IepDetail:
    """One IEP per student per term: return it, creating an empty draft the first time."""
    with transaction(ctx) as session:
        student_for_write(session, ctx, student_id)
        get_live(session, Term, term_id, "term")
        iep = session.scalar(select(Iep).where(Iep.student_id == student_id, Iep.term_id == term_id))
        if iep is not None and iep.deleted_at is not None:
            iep.deleted_at = None  # the unique key allows one row: revive rather than refuse
        if iep is None:
            iep = Iep(student_id=student_id, term_id=term_id, subjects=[], extra={})
            session.add(iep)
            session.flush()
        return _detail(session, iep)


def _clean_iep(data: dict[str, Any], term: Term) -> dict[str, Any]:
    forms.unknown_keys(data, (*IEP_FIELDS, *IEP_EXTRA_TEXT))
    values: dict[str, Any] = {}
    for key, max_len in (IEP_TEXT | IEP_EXTRA_TEXT).items():
        if key in data:
            values[key] = forms.text(data, key, max_len=max_len)
    low, high = term.start_date - dt.timedelta(days=366), term.end_date + DATE_MARGIN
    for key in IEP_DATES:
        if key in data:
            day = forms.parse_date(data[key], key)
            if day and not low <= day <= high:
                raise ValidationError("iep.date_range", f"{key} is far outside the term.", field=key)
            values[key] = day
    if "subjects" in data:
        subjects = list(data["subjects"] or [])
        for subject in subjects:
            forms.choice(subject, "subjects", SUBJECTS)
        values["subjects"] = list(dict.fromkeys(subjects))
    if "visits_per_week" in data:
        values["visits_per_week"] = forms.parse_int(
            data["visits_per_week"], "visits_per_week", low=0, high=7, required=True
        )
    if "lessons_per_visit" in data:
        values["lessons_per_visit"] = forms.parse_int(
            data["lessons_per_visit"], "lessons_per_visit", low=1, high=8, required=True
        )
    return values


def update_iep(
    ctx: ServiceContext, iep_id: str, data: dict[str, Any], expected_revision: int | None = None
) -> IepDetail:
    with transaction(ctx) as session:
        iep = _editable(session, ctx, get_live(session, Iep, iep_id, "iep"))
        _update(session, iep, data, expected_revision)
        return _detail(session, iep)


def save_iep(
    ctx: ServiceContext,
    iep_id: str,
    data: dict[str, Any],
    expected_revision: int | None = None,
    scores: list[dict[str, Any]] | None = None,
) -> IepDetail:
    """What the IEP editor's Save does, as one transaction: the sections' fields and, given, the scores."""
    cleaned = None if scores is None else _clean_scores(scores)  # refused before anything is written
    with transaction(ctx) as session:
        iep = _editable(session, ctx, get_live(session, Iep, iep_id, "iep"))
        _update(session, iep, data, expected_revision)
        if cleaned is not None:
            _replace_scores(session, iep, cleaned)
        return _detail(session, iep)


def _update(session: Session, iep: Iep, data: dict[str, Any], expected_revision: int | None) -> None:
    if expected_revision is not None and expected_revision != iep.revision:
        raise ConflictError("record.changed", "Someone else saved this IEP first; reload and try again.")
    values = _clean_iep(data, session.get(Term, iep.term_id))  # type: ignore[arg-type]
    extra = {key: values.pop(key) for key in IEP_EXTRA_TEXT if key in values}
    for key, value in values.items():
        setattr(iep, key, value)
    if extra:
        iep.extra = {**(iep.extra or {}), **extra}  # a new dict: SQLAlchemy does not see in-place JSON edits
    session.flush()


def set_status(ctx: ServiceContext, iep_id: str, status: str) -> IepDetail:
    status = forms.choice(status, "status", STATUSES) or "draft"
    with transaction(ctx) as session:
        iep: Iep = get_live(session, Iep, iep_id, "iep")
        student_for_write(session, ctx, iep.student_id)
        if status not in TRANSITIONS[iep.status]:
            raise ConflictError(
                "iep.transition", f"An IEP cannot go from {iep.status} to {status}.", field="status"
            )
        if status == "archived" and ctx.actor.is_teacher:
            raise PermissionDenied("iep.archive_office", "Only the academic affairs office archives IEPs.")
        iep.status = status
        session.flush()
        return _detail(session, iep)


def set_scores(ctx: ServiceContext, iep_id: str, scores: list[dict[str, Any]]) -> IepDetail:
    """Replace the assessment scores: one row per domain or subject (score, max_score, note)."""
    cleaned = _clean_scores(scores)
    with transaction(ctx) as session:
        iep = _editable(session, ctx, get_live(session, Iep, iep_id, "iep"))
        _replace_scores(session, iep, cleaned)
        return _detail(session, iep)


ScoreRow = tuple[str, float | None, float | None, str]  # domain, score, maximum, note


def _clean_scores(scores: list[dict[str, Any]]) -> list[ScoreRow]:
    cleaned = []
    seen: set[str] = set()
    for row in scores:
        forms.unknown_keys(row, ("domain", "score", "max_score", "note"))
        domain = forms.choice(row.get("domain"), "domain", SCORE_DOMAINS) or ""
        if domain in seen:
            raise ValidationError("iep.score_twice", f"{domain} is scored twice.", field="domain")
        seen.add(domain)
        score, top = _number(row.get("score"), "score"), _number(row.get("max_score"), "max_score")
        if score is not None and top is not None and score > top:
            raise ValidationError("iep.score_above_max", "A score is above its maximum.", field="score")
        cleaned.append((domain, score, top, forms.text(row, "note", max_len=500)))
    return cleaned


def _replace_scores(session: Session, iep: Iep, cleaned: list[ScoreRow]) -> None:
    for old in _live(iep.scores):
        session.delete(old)
    session.flush()
    order = {d: i for i, d in enumerate(SCORE_DOMAINS)}
    for domain, score, top, note in cleaned:
        session.add(
            IepScore(
                iep_id=iep.id, domain=domain, score=score, max_score=top, note=note, position=order[domain]
            )
        )
    session.flush()
    session.expire(iep, ["scores"])


def _number(value: Any, key: str) -> float | None:
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError("field.number", f"{key}: '{value}' is not a number.", field=key) from None
    if not 0 <= number <= 1000:
        raise ValidationError("field.range", f"{key} must be between 0 and 1000.", field=key)
    return number


# --- goals and objectives -------------------------------------------------------------------------------


def add_goal(ctx: ServiceContext, iep_id: str, domain: str, text: str) -> str:
    domain = forms.choice(domain, "domain", SCORE_DOMAINS) or ""
    text = forms.text({"text": text}, "text", required=True, max_len=1000)
    with transaction(ctx) as session:
        iep = _editable(session, ctx, get_live(session, Iep, iep_id, "iep"))
        goal = Goal(iep_id=iep.id, domain=domain, text=text, position=len(_live(iep.goals)))
        session.add(goal)
        session.flush()
        return goal.id


def _goal(session: Session, ctx: ServiceContext, goal_id: str) -> Goal:
    goal: Goal = get_live(session, Goal, goal_id, "goal")
    _editable(session, ctx, goal.iep)
    return goal


def update_goal(ctx: ServiceContext, goal_id: str, data: dict[str, Any]) -> None:
    forms.unknown_keys(data, ("domain", "text"))
    values: dict[str, Any] = {}
    if "domain" in data:
        values["domain"] = forms.choice(data["domain"], "domain", SCORE_DOMAINS)
    if "text" in data:
        values["text"] = forms.text(data, "text", required=True, max_len=1000)
    with transaction(ctx) as session:
        goal = _goal(session, ctx, goal_id)
        for key, value in values.items():
            setattr(goal, key, value)


def delete_goal(ctx: ServiceContext, goal_id: str) -> None:
    with transaction(ctx) as session:
        goal = _goal(session, ctx, goal_id)
        now = utcnow()
        goal.deleted_at = now
        for objective in _live(goal.objectives):
            objective.deleted_at = now


def reorder_goals(ctx: ServiceContext, iep_id: str, goal_ids: list[str]) -> None:
    with transaction(ctx) as session:
        iep = _editable(session, ctx, get_live(session, Iep, iep_id, "iep"))
        _reorder(_live(iep.goals), goal_ids)


def _reorder(items: list[Any], ids: list[str]) -> None:
    if sorted(ids) != sorted(i.id for i in items):
        raise ValidationError(
            "order.mismatch", "The new order must list every item exactly once.", field="ids"
        )
    position = {item_id: n for n, item_id in enumerate(ids)}
    for item in items:
        if item.position != position[item.id]:
            item.position = position[item.id]


def _clean_objective(data: dict[str, Any], term: Term, *, creating: bool) -> dict[str, Any]:
    forms.unknown_keys(data, ("text", "start_date", "end_date", "criterion", "method"))
    values: dict[str, Any] = {}
    if creating or "text" in data:
        values["text"] = forms.text(data, "text", required=True, max_len=1000)
    if "criterion" in data:
        values["criterion"] = forms.text(data, "criterion", max_len=200)
    if "method" in data or creating:
        values["method"] = forms.choice(data.get("method") or "O", "method", METHODS)
    low, high = term.start_date - DATE_MARGIN, term.end_date + DATE_MARGIN
    for key in ("start_date", "end_date"):
        if key in data:
            day = forms.parse_date(data[key], key)
            if day and not low <= day <= high:
                raise ValidationError("objective.date_range", f"{key} must lie within the term.", field=key)
            values[key] = day
    return values


def _check_span(start: dt.date | None, end: dt.date | None) -> None:
    if start and end and end < start:
        raise ValidationError("objective.dates", "The objective ends before it starts.", field="end_date")


def add_objective(ctx: ServiceContext, goal_id: str, data: dict[str, Any]) -> str:
    with transaction(ctx) as session:
        goal = _goal(session, ctx, goal_id)
        values = _clean_objective(data, session.get(Term, goal.iep.term_id), creating=True)  # type: ignore[arg-type]
        _check_span(values.get("start_date"), values.get("end_date"))
        objective = Objective(goal_id=goal.id, position=len(_live(goal.objectives)), **values)
        session.add(objective)
        session.flush()
        return objective.id


def _objective(session: Session, ctx: ServiceContext, objective_id: str) -> Objective:
    objective: Objective = get_live(session, Objective, objective_id, "objective")
    if objective.goal.deleted_at is not None:
        raise ValidationError("objective.not_found", "The objective does not exist or was deleted.")
    _editable(session, ctx, objective.goal.iep)
    return objective


def update_objective(ctx: ServiceContext, objective_id: str, data: dict[str, Any]) -> None:
    with transaction(ctx) as session:
        objective = _objective(session, ctx, objective_id)
        term = session.get(Term, objective.goal.iep.term_id)
        values = _clean_objective(data, term, creating=False)  # type: ignore[arg-type]
        _check_span(
            values.get("start_date", objective.start_date), values.get("end_date", objective.end_date)
        )
        for key, value in values.items():
            setattr(objective, key, value)


def delete_objective(ctx: ServiceContext, objective_id: str) -> None:
    with transaction(ctx) as session:
        _objective(session, ctx, objective_id).deleted_at = utcnow()


def reorder_objectives(ctx: ServiceContext, goal_id: str, objective_ids: list[str]) -> None:
    with transaction(ctx) as session:
        _reorder(_live(_goal(session, ctx, goal_id).objectives), objective_ids)


def add_review(ctx: ServiceContext, objective_id: str, date: Any, result: str, note: str = "") -> str:
    """Record an objective's result on a review date (P C D S E, or a 0–3 score)."""
    day = forms.parse_date(date, "date", required=True)
    assert day is not None
    result = (
        forms.choice(str(result).strip().upper() if result is not None else None, "result", RESULTS) or ""
    )
    note = forms.text({"note": note}, "note", max_len=1000)
    if day > ctx.today():
        raise ValidationError("review.future", "A review cannot be dated in the future.", field="date")
    with transaction(ctx) as session:
        objective = _objective(session, ctx, objective_id)
        term: Term = session.get(Term, objective.goal.iep.term_id)  # type: ignore[assignment]
        if not term.start_date - DATE_MARGIN <= day <= term.end_date + DATE_MARGIN:
            raise ValidationError(
                "review.date_range", "The review date is far outside the term.", field="date"
            )
        review = ObjectiveReview(objective_id=objective.id, date=day, result=result, note=note)
        session.add(review)
        session.flush()
        return review.id


def delete_review(ctx: ServiceContext, review_id: str) -> None:
    with transaction(ctx) as session:
        review: ObjectiveReview = get_live(session, ObjectiveReview, review_id, "review")
        _objective(session, ctx, review.objective_id)
        review.deleted_at = utcnow()


def add_goal_from_bank(ctx: ServiceContext, iep_id: str, bank_goal_id: str) -> str:
    """Copy a bank goal and its objectives into an IEP (texts only; dates and criteria are set after)."""
    with transaction(ctx) as session:
        iep = _editable(session, ctx, get_live(session, Iep, iep_id, "iep"))
        bank: GoalBankItem = get_live(session, GoalBankItem, bank_goal_id, "goal_bank_item")
        if bank.kind != "goal":
            raise ValidationError("bank.not_goal", "Pick a goal, not an objective.", field="bank_goal_id")
        goal = Goal(iep_id=iep.id, domain=bank.domain, text=bank.text, position=len(_live(iep.goals)))
        session.add(goal)
        children = session.scalars(
            select(GoalBankItem)
            .where(GoalBankItem.parent_id == bank.id, GoalBankItem.deleted_at.is_(None))
            .order_by(GoalBankItem.position, GoalBankItem.created_at)
        )
        for n, child in enumerate(children):
            session.add(Objective(goal_id=goal.id, text=child.text, method="O", position=n))
        session.flush()
        return goal.id


__all__ = [  # the goal bank and the vocabulary are re-exported: callers know them as ieps.*
    "DOMAINS",
    "GOAL_BANK_FILE",
    "METHODS",
    "PASSED_RESULTS",
    "RESULTS",
    "SCORE_DOMAINS",
    "STATUSES",
    "SUBJECTS",
    "BankGoal",
    "BankObjective",
    "GoalInfo",
    "IepDetail",
    "IepSummary",
    "ObjectiveInfo",
    "ReviewInfo",
    "ScoreInfo",
    "add_bank_item",
    "add_goal",
    "add_goal_from_bank",
    "add_objective",
    "add_review",
    "delete_goal",
    "delete_objective",
    "delete_review",
    "IepEditing",
    "current_objectives",
    "find_iep",
    "get_iep",
    "get_or_create_iep",
    "iep_for_editing",
    "list_goal_bank",
    "list_ieps",
    "remove_bank_item",
    "reorder_goals",
    "reorder_objectives",
    "seed_goal_bank",
    "save_iep",
    "set_scores",
    "set_status",
    "update_goal",
    "update_iep",
    "update_objective",
]
