"""Students (学生基本情况), their guardians, teacher assignments and pauses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import (
    Assignment,
    Attachment,
    AuditEntry,
    Contact,
    Guardian,
    Iep,
    LessonPlan,
    MonthlyPlan,
    Pause,
    Student,
    User,
    Visit,
)
from app.domain import validation
from app.services import forms, glyphs
from app.services.access import soft_delete, student_for_read, student_for_write, visible_students
from app.services.context import ServiceContext, get_live, reading, require_role, transaction
from app.services.errors import NotFound, ValidationError

PLACEMENTS = ("home", "welfare", "rehab", "remote")
STATUSES = ("active", "paused", "returned", "transferred", "graduated")
GENDERS = ("M", "F")
RELATIONS = ("parent", "grandparent", "sibling", "temporary", "delegated", "other")

TEXT_FIELDS = {
    "code": 40,
    "name": 60,
    "ethnicity": 20,
    "id_type": 20,
    "id_number": 40,
    "roll_number": 40,
    "hukou": 200,
    "address": 300,
    "phone": 40,
    "grade_class": 40,
    "certificate_no": 40,
    "diagnosis": 2000,
    "diagnosis_hospital": 100,
    "committee_opinion": 2000,
    "safety_notes": 2000,
}
DATE_FIELDS = (
    "birth_date",
    "enrolled_on",
    "certificate_issued",
    "certificate_valid_until",
    "diagnosis_date",
    "committee_date",
    "status_since",
    "consent_signed_on",
)
BOOL_FIELDS = ("left_behind", "orphan")
STUDENT_FIELDS = (
    *TEXT_FIELDS,
    *DATE_FIELDS,
    *BOOL_FIELDS,
    "gender",
    "placement",
    "disability_category",
    "disability_grade",
    "status",
)


@dataclass(frozen=True, kw_only=True)
class StudentSummary:
    id: str
    code: str
    name: str
    gender: str
    birth_date: dt.date | None
    grade_class: str
    disability_category: int | None
    disability_grade: int | None
    status: str
    teachers: str
    id_masked: str


@dataclass(frozen=True, kw_only=True)
class GuardianInfo:
    id: str
    name: str
    relation: str
    phone: str
    phone2: str
    address: str
    lives_with_child: bool
    is_primary: bool
    is_emergency: bool
    delegated_start: dt.date | None
    delegated_end: dt.date | None
    school_notified_on: dt.date | None
    revision: int


@dataclass(frozen=True)
class AssignmentInfo:
    id: str
    teacher_id: str
    teacher_name: str
    role: str
    start: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class PauseInfo:
    id: str
    start: dt.date
    end: dt.date | None
    reason: str


@dataclass(frozen=True, kw_only=True)
class StudentDetail:
    id: str
    revision: int
    values: dict[str, Any]  # every STUDENT_FIELDS value; id/certificate numbers masked unless revealed
    revealed: bool
    guardians: tuple[GuardianInfo, ...]
    assignments: tuple[AssignmentInfo, ...]
    pauses: tuple[PauseInfo, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # field -> characters no shipped font prints ("name"; "guardians" for the guardians' names together)
    unprintable: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SaveResult:
    id: str
    revision: int
    warnings: tuple[str, ...]
    unprintable: dict[str, str] = field(default_factory=dict)  # as StudentDetail's


def student_warnings(values: dict[str, Any], today: dt.date) -> list[str]:
    """Checks that warn but never refuse (old certificates differ; service age is usually 6–15)."""
    warnings: list[str] = []
    id_number = values.get("id_number") or ""
    if id_number and values.get("id_type", "resident_id") == "resident_id":
        warnings += validation.check_id_number(id_number)
    if values.get("certificate_no"):
        warnings += validation.check_certificate_number(
            values["certificate_no"],
            id_number or None,
            values.get("disability_category"),
            values.get("disability_grade"),
        )
    birth = values.get("birth_date")
    if birth:
        age = validation.service_age_warning(birth, today)
        if age:
            warnings.append(age)
    valid_until = values.get("certificate_valid_until")
    if valid_until and valid_until < today:
        warnings.append("certificate.expired")
    return warnings


def _clean(data: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    forms.unknown_keys(data, STUDENT_FIELDS)
    values: dict[str, Any] = {}
    for key, max_len in TEXT_FIELDS.items():
        if key in data:
            values[key] = forms.text(data, key, required=key in ("code", "name"), max_len=max_len)
    for key in DATE_FIELDS:
        if key in data:
            values[key] = forms.parse_date(data[key], key)
    for key in BOOL_FIELDS:
        if key in data:
            values[key] = forms.parse_bool(data[key])
    if "gender" in data:
        values["gender"] = forms.choice(data["gender"], "gender", GENDERS, required=False) or ""
    if "placement" in data:
        values["placement"] = forms.choice(data["placement"], "placement", PLACEMENTS)
    if "status" in data:
        values["status"] = forms.choice(data["status"], "status", STATUSES)
    if "disability_category" in data:
        values["disability_category"] = forms.parse_int(
            data["disability_category"], "disability_category", low=1, high=7
        )
    if "disability_grade" in data:
        values["disability_grade"] = forms.parse_int(
            data["disability_grade"], "disability_grade", low=1, high=4
        )
    if "id_number" in values:
        values["id_number"] = values["id_number"].upper()
    if creating:
        for key in ("code", "name"):
            if not values.get(key):
                raise ValidationError("field.required", f"{key} is required.", field=key)
    birth, enrolled = values.get("birth_date"), values.get("enrolled_on")
    if birth and birth > dt.date.today():
        raise ValidationError("student.birth_future", "The birth date is in the future.", field="birth_date")
    if birth and enrolled and enrolled < birth:
        raise ValidationError(
            "student.enrolled_before_birth", "Enrolment is before the birth date.", field="enrolled_on"
        )
    return values


def _current_values(student: Student) -> dict[str, Any]:
    return {key: getattr(student, key) for key in STUDENT_FIELDS}


def create_student(ctx: ServiceContext, data: dict[str, Any]) -> SaveResult:
    require_role(ctx, "admin", "academic_affairs")
    values = _clean(data, creating=True)
    with transaction(ctx) as session:
        _unique_code(session, values["code"], None)
        student = Student(**values)
        session.add(student)
        session.flush()
        return _save_result(student, ctx.today())


def _save_result(student: Student, today: dt.date) -> SaveResult:
    values = _current_values(student)
    return SaveResult(
        student.id,
        student.revision,
        tuple(student_warnings(values, today)),
        glyphs.unprintable(values, glyphs.NAME_FIELDS),
    )


def _unprintable(student: Student) -> dict[str, str]:
    """The student's name and the guardians' names: the characters of them that will print as empty boxes."""
    found = glyphs.unprintable(_current_values(student), glyphs.NAME_FIELDS)
    guardians = glyphs.describe(
        {g.id: "".join(glyphs.missing(g.name or "")) for g in student.guardians if g.deleted_at is None}
    )
    if guardians:
        found["guardians"] = guardians
    return found


def unprintable_codes(
    ctx: ServiceContext,
    student_ids: Iterable[str] = (),
    *,
    visit_ids: Iterable[str] = (),
    plan_ids: Iterable[str] = (),
) -> tuple[str, ...]:
    """The codes (学生编号, never names) of the students, or of the students of the visits and plans, whose
    name or a guardian's name holds characters no shipped font prints: an export says these print as boxes."""
    with reading(ctx) as session:
        ids = set(student_ids)
        for model, record_ids in ((Visit, visit_ids), (MonthlyPlan, plan_ids)):
            wanted = [i for i in record_ids if i]
            if wanted:
                ids |= set(session.scalars(select(model.student_id).where(model.id.in_(wanted))))
        codes: set[str] = set()
        chosen = sorted(ids)
        for start in range(0, len(chosen), 500):
            part = chosen[start : start + 500]
            for code, name in session.execute(select(Student.code, Student.name).where(Student.id.in_(part))):
                if glyphs.missing(name or ""):
                    codes.add(code)
            guardians = select(Student.code, Guardian.name).join(Guardian, Guardian.student_id == Student.id)
            for code, name in session.execute(
                guardians.where(Student.id.in_(part), Guardian.deleted_at.is_(None))
            ):
                if glyphs.missing(name or ""):
                    codes.add(code)
    return tuple(sorted(codes))


def _unique_code(session: Session, code: str, student_id: str | None) -> None:
    query = select(Student.id).where(Student.code == code)
    if student_id:
        query = query.where(Student.id != student_id)
    if session.scalar(query) is not None:
        raise ValidationError(
            "student.code_taken", f"The student code '{code}' is already used.", field="code"
        )


# Records that belong to one student and are deleted with them.
STUDENT_OWNED = (Guardian, Assignment, Pause, Iep, MonthlyPlan, LessonPlan, Visit, Contact, Attachment)

MASTER_FIELDS = {
    "code",
    "id_type",
    "id_number",
    "roll_number",
    "status",
    "status_since",
    "placement",
    "enrolled_on",
    "grade_class",
}


def update_student(
    ctx: ServiceContext, student_id: str, data: dict[str, Any], expected_revision: int | None = None
) -> SaveResult:
    """Teachers may correct what they see at the house; roll data (学籍) belongs to the office."""
    values = _clean(data, creating=False)
    with transaction(ctx) as session:
        student = student_for_write(session, ctx, student_id)
        if ctx.actor.is_teacher and MASTER_FIELDS & set(values):
            raise ValidationError(
                "student.office_field",
                "Roll data is kept by the academic affairs office.",
                field=sorted(MASTER_FIELDS & set(values))[0],
            )
        if expected_revision is not None and expected_revision != student.revision:
            from app.services.errors import ConflictError

            raise ConflictError(
                "record.changed", "Someone else saved this student first; reload and try again."
            )
        if "code" in values:
            _unique_code(session, values["code"], student_id)
        for key, value in values.items():
            if key in ("id_number", "certificate_no", "roll_number") and "*" in (value or ""):
                continue  # a masked value came back from a form: keep the stored one
            setattr(student, key, value)
        session.flush()
        return _save_result(student, ctx.today())


def delete_student(ctx: ServiceContext, student_id: str) -> None:
    require_role(ctx, "admin", "academic_affairs")
    with transaction(ctx) as session:
        student = get_live(session, Student, student_id, "student")
        now = utcnow()
        student.deleted_at = now
        # The child's records go with them (PIPL: deletion must be possible), as tombstones that sync carries.
        # Through the ORM, so each gets its revision, author and audit entry like any other deletion.
        for model in STUDENT_OWNED:
            for row in session.scalars(
                select(model).where(model.student_id == student_id, model.deleted_at.is_(None))
            ):
                row.deleted_at = now


def student_label(ctx: ServiceContext, student_id: str) -> str:
    """Code and name ("S001 小明") for an editor's header: which child a record is about, at a glance."""
    with reading(ctx) as session:
        student = student_for_read(session, ctx, student_id)
        return f"{student.code} {student.name}".strip()


def get_student(ctx: ServiceContext, student_id: str, *, reveal: bool = False) -> StudentDetail:
    with transaction(ctx) as session:
        student = student_for_read(session, ctx, student_id)
        values = _current_values(student)
        warnings = student_warnings(values, ctx.today())
        if reveal:
            # Revealing a child's ID number is itself a logged access (PIPL: who saw what).
            session.add(
                AuditEntry(
                    user_id=ctx.actor.id,
                    entity="student",
                    entity_id=student.id,
                    action="reveal",
                    fields=["id_number", "certificate_no", "roll_number"],
                )
            )
        else:
            values["id_number"] = validation.mask_id(values["id_number"])
            values["certificate_no"] = validation.mask_id(values["certificate_no"])
            # 学籍号 is usually "G" + the ID number, so it is as sensitive as the ID itself.
            values["roll_number"] = validation.mask_id(values["roll_number"])
        return StudentDetail(
            id=student.id,
            revision=student.revision,
            values=values,
            revealed=reveal,
            guardians=tuple(_guardian_info(g) for g in student.guardians if g.deleted_at is None),
            assignments=tuple(_assignment_info(a) for a in student.assignments if a.deleted_at is None),
            pauses=tuple(
                PauseInfo(p.id, p.start_date, p.end_date, p.reason)
                for p in student.pauses
                if p.deleted_at is None
            ),
            warnings=tuple(warnings),
            unprintable=_unprintable(student),
        )


def _guardian_info(g: Guardian) -> GuardianInfo:
    return GuardianInfo(
        id=g.id,
        name=g.name,
        relation=g.relation,
        phone=g.phone,
        phone2=g.phone2,
        address=g.address,
        lives_with_child=g.lives_with_child,
        is_primary=g.is_primary,
        is_emergency=g.is_emergency,
        delegated_start=g.delegated_start,
        delegated_end=g.delegated_end,
        school_notified_on=g.school_notified_on,
        revision=g.revision,
    )


def _assignment_info(a: Assignment) -> AssignmentInfo:
    return AssignmentInfo(a.id, a.teacher_id, a.teacher.display_name, a.role, a.start_date, a.end_date)


def _teachers_label(session: Session, student_ids: list[str]) -> dict[str, str]:
    rows = session.execute(
        select(Assignment.student_id, User.display_name, Assignment.role)
        .join(User, User.id == Assignment.teacher_id)
        .where(
            Assignment.student_id.in_(student_ids),
            Assignment.deleted_at.is_(None),
            Assignment.end_date.is_(None),
        )
        .order_by(Assignment.role.desc())
    )
    labels: dict[str, list[str]] = {}
    for student_id, name, _role in rows:
        labels.setdefault(student_id, []).append(name)
    return {k: "、".join(v) for k, v in labels.items()}


def _filtered(
    ctx: ServiceContext,
    search: str = "",
    status: str | None = None,
    teacher_id: str | None = None,
    category: int | None = None,
) -> Any:
    query = visible_students(ctx)
    if search:
        like = f"%{search.strip()}%"
        query = query.where(
            or_(Student.name.like(like), Student.code.like(like), Student.grade_class.like(like))
        )
    if status:
        query = query.where(Student.status == status)
    if category:
        query = query.where(Student.disability_category == category)
    if teacher_id:
        query = query.where(
            Student.id.in_(
                select(Assignment.student_id).where(
                    Assignment.teacher_id == teacher_id, Assignment.deleted_at.is_(None)
                )
            )
        )
    return query


SORT_COLUMNS = {
    "code": Student.code,
    "name": Student.name,
    "birth_date": Student.birth_date,
    "grade_class": Student.grade_class,
    "status": Student.status,
    "disability_category": Student.disability_category,
}


def count_students(ctx: ServiceContext, **filters: Any) -> int:
    with reading(ctx) as session:
        query = _filtered(ctx, **filters)
        return session.scalar(select(func.count()).select_from(query.subquery())) or 0


def list_students(
    ctx: ServiceContext,
    *,
    offset: int = 0,
    limit: int | None = None,
    sort: str = "code",
    descending: bool = False,
    **filters: Any,
) -> list[StudentSummary]:
    """A page of students, filtered and sorted in SQL (the lazy list model fetches pages)."""
    column = SORT_COLUMNS.get(sort, Student.code)
    with reading(ctx) as session:
        query = _filtered(ctx, **filters).order_by(column.desc() if descending else column, Student.id)
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        students = list(session.scalars(query))
        labels = _teachers_label(session, [s.id for s in students])
        return [
            StudentSummary(
                id=s.id,
                code=s.code,
                name=s.name,
                gender=s.gender,
                birth_date=s.birth_date,
                grade_class=s.grade_class,
                disability_category=s.disability_category,
                disability_grade=s.disability_grade,
                status=s.status,
                teachers=labels.get(s.id, ""),
                id_masked=validation.mask_id(s.id_number),
            )
            for s in students
        ]


# --- guardians -------------------------------------------------------------------------------------------

GUARDIAN_FIELDS = (
    "name",
    "relation",
    "phone",
    "phone2",
    "address",
    "lives_with_child",
    "is_primary",
    "is_emergency",
    "delegated_start",
    "delegated_end",
    "school_notified_on",
)


def _clean_guardian(data: dict[str, Any]) -> dict[str, Any]:
    forms.unknown_keys(data, GUARDIAN_FIELDS)
    values: dict[str, Any] = {
        "name": forms.text(data, "name", required=True, max_len=60),
        "relation": forms.choice(data.get("relation"), "relation", RELATIONS),
        "phone": forms.text(data, "phone", max_len=40),
        "phone2": forms.text(data, "phone2", max_len=40),
        "address": forms.text(data, "address", max_len=300),
        "lives_with_child": forms.parse_bool(data.get("lives_with_child", True)),
        "is_primary": forms.parse_bool(data.get("is_primary", False)),
        "is_emergency": forms.parse_bool(data.get("is_emergency", False)),
    }
    for key in ("delegated_start", "delegated_end", "school_notified_on"):
        values[key] = forms.parse_date(data.get(key), key)
    if (
        values["delegated_start"]
        and values["delegated_end"]
        and values["delegated_end"] < values["delegated_start"]
    ):
        raise ValidationError(
            "guardian.delegation_dates", "Delegated care ends before it starts.", field="delegated_end"
        )
    for key in ("phone", "phone2"):
        if values[key] and validation.check_phone(values[key]):
            raise ValidationError(
                "guardian.phone", f"{key}: '{values[key]}' is not a phone number.", field=key
            )
    return values


def save_guardian(
    ctx: ServiceContext, student_id: str, data: dict[str, Any], guardian_id: str | None = None
) -> str:
    values = _clean_guardian(data)
    with transaction(ctx) as session:
        student_for_write(session, ctx, student_id)
        if guardian_id:
            guardian: Guardian = get_live(session, Guardian, guardian_id, "guardian")
            if guardian.student_id != student_id:
                raise ValidationError("guardian.wrong_student", "This guardian belongs to another student.")
        else:
            guardian = Guardian(student_id=student_id, **values)
            session.add(guardian)
        for key, value in values.items():
            setattr(guardian, key, value)
        session.flush()
        if values["is_primary"]:
            for other in session.scalars(
                select(Guardian).where(Guardian.student_id == student_id, Guardian.id != guardian.id)
            ):
                other.is_primary = False
        session.flush()
        return guardian.id


def delete_guardian(ctx: ServiceContext, guardian_id: str) -> None:
    soft_delete(ctx, Guardian, guardian_id, "guardian")


# --- assignments and pauses ------------------------------------------------------------------------------


def assign_teacher(
    ctx: ServiceContext, student_id: str, teacher_id: str, role: str = "main", start: dt.date | None = None
) -> str:
    """Assign a teacher; a new 主教 ends the previous 主教's assignment the day before."""
    require_role(ctx, "admin", "academic_affairs")
    role = forms.choice(role, "role", ("main", "assistant")) or "main"
    with transaction(ctx) as session:
        get_live(session, Student, student_id, "student")
        teacher: User = get_live(session, User, teacher_id, "user")
        if teacher.role != "teacher":
            raise ValidationError(
                "assignment.not_teacher", "Only a teacher can be assigned.", field="teacher_id"
            )
        start = start or ctx.today()
        current = list(
            session.scalars(
                select(Assignment).where(
                    Assignment.student_id == student_id,
                    Assignment.deleted_at.is_(None),
                    Assignment.end_date.is_(None),
                )
            )
        )
        # End the previous 主教 first, whatever order the rows come in: one main teacher at a time.
        if role == "main":
            for existing in current:
                if existing.role == "main" and existing.teacher_id != teacher_id:
                    existing.end_date = max(start - dt.timedelta(days=1), existing.start_date or start)
        for existing in current:
            if existing.teacher_id == teacher_id:
                existing.role = role
                return existing.id
        assignment = Assignment(student_id=student_id, teacher_id=teacher_id, role=role, start_date=start)
        session.add(assignment)
        session.flush()
        return assignment.id


def end_assignment(ctx: ServiceContext, assignment_id: str, end: dt.date | None = None) -> None:
    require_role(ctx, "admin", "academic_affairs")
    with transaction(ctx) as session:
        assignment: Assignment = get_live(session, Assignment, assignment_id, "assignment")
        assignment.end_date = end or ctx.today()


def add_pause(ctx: ServiceContext, student_id: str, start: Any, end: Any, reason: str) -> str:
    start_date = forms.parse_date(start, "start", required=True)
    end_date = forms.parse_date(end, "end")
    reason = forms.text({"reason": reason}, "reason", required=True, max_len=200)
    assert start_date is not None
    if end_date and end_date < start_date:
        raise ValidationError("pause.dates", "The pause ends before it starts.", field="end")
    with transaction(ctx) as session:
        student_for_write(session, ctx, student_id)
        pause = Pause(student_id=student_id, start_date=start_date, end_date=end_date, reason=reason)
        session.add(pause)
        session.flush()
        return pause.id


def remove_pause(ctx: ServiceContext, pause_id: str) -> None:
    soft_delete(ctx, Pause, pause_id, "pause")


# --- public validators (used by the roster import, which checks every row before writing any) -----------


def validate_student(data: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    """The same checks create_student/update_student apply; raises ValidationError naming the field."""
    return _clean(data, creating=creating)


def validate_guardian(data: dict[str, Any]) -> dict[str, Any]:
    """The same checks save_guardian applies; raises ValidationError naming the field."""
    return _clean_guardian(data)


def resolve_student(ctx: ServiceContext, ref: str) -> str:
    """A student's id from its code or id, among the students the actor sees (for the command line)."""
    with reading(ctx) as session:
        found = session.scalar(
            visible_students(ctx)
            .where(or_(Student.code == ref, Student.id == ref))
            .with_only_columns(Student.id)
        )
    if found is None:
        raise NotFound("student.not_found", "The student does not exist or was deleted.", field="student")
    return str(found)
