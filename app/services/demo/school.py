"""The demo school's people: school, users, terms, goal bank, students, guardians and teacher pairs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.db.models import (
    Assignment,
    CalendarDay,
    GoalBankItem,
    Guardian,
    Pause,
    School,
    Setting,
    Student,
    Term,
    User,
)
from app.domain.calendar import TermCalendar
from app.services.demo import data
from app.services.demo.data import at
from app.services.school import suggested_days

if TYPE_CHECKING:
    from app.services.demo.rows import Rows


LOGINS = (
    ("admin", "admin123", "admin", "系统管理员"),
    ("office", "office123", "academic_affairs", "教务处王老师"),
    ("leader", "leader123", "leader", "符校长"),
)
TEACHER_PASSWORD = "teacher123"
STUDENTS_PER_TEACHER = 8  # as 主教; each teacher is also 副教 to about as many


@dataclass(frozen=True)
class DemoTerm:
    name: str
    start: dt.date
    end: dt.date


def _weekday_near(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=weekday - day.weekday())


def _autumn(year: int) -> DemoTerm:
    end = _weekday_near(dt.date(year + 1, 1, 20), 4)  # the Friday of that week
    return DemoTerm(f"{year}秋季学期", dt.date(year, 9, 1), end)


def _spring(year: int) -> DemoTerm:
    start = _weekday_near(dt.date(year, 2, 28), 0)  # the Monday near the end of February
    return DemoTerm(f"{year}春季学期", start, _weekday_near(dt.date(year, 7, 5), 4))


def plan_terms(today: dt.date, count: int) -> list[DemoTerm]:
    """``count`` consecutive terms, the last one the term running today (or the latest started)."""
    candidates = []
    for year in range(today.year - count // 2 - 2, today.year + 1):
        candidates += [_spring(year), _autumn(year)]
    started = [t for t in candidates if t.start <= today]
    return started[-count:]


def _known_year(year: int) -> bool:
    try:
        import chinese_calendar as cc

        cc.is_holiday(dt.date(year, 6, 1))
        return True
    except (ImportError, NotImplementedError):
        return False


def term_days(term: DemoTerm) -> list[tuple[dt.date, str, str]]:
    """Holidays and make-up workdays: the official calendar, or fixed-date holidays for unknown years."""
    days = {e.date: (e.date, e.kind, e.name) for e in suggested_days(term.start, term.end)}
    fixed = [
        (1, 1, "元旦"),
        (4, 5, "清明节"),
        *((5, d, "劳动节") for d in range(1, 4)),
        *((10, d, "国庆节") for d in range(1, 8)),
    ]
    for year in range(term.start.year, term.end.year + 1):
        if _known_year(year):
            continue
        for month, day, name in fixed:
            date = dt.date(year, month, day)
            if term.start <= date <= term.end and date.weekday() < 5:
                days.setdefault(date, (date, "holiday", name))
    return sorted(days.values())


@dataclass
class TermRef:
    id: str
    demo: DemoTerm
    calendar: TermCalendar
    index: int


@dataclass
class Kid:
    """What the per-term generator needs to know about one demo student."""

    id: str
    code: str
    main: str
    assistant: str
    enrolled: dt.date
    ended: dt.date | None  # last day on the roll, when the child left
    address: str
    guardian_id: str
    caregiver_names: str
    weekday: int
    pauses: list[tuple[dt.date, dt.date, str]] = field(default_factory=list)
    paused_since: dt.date | None = None


class DemoSchool:
    def __init__(self, rows: Rows, today: dt.date, terms: list[DemoTerm], hashes: dict[str, str]) -> None:
        self.rows, self.rng, self.today, self.plan, self.hashes = rows, rows.rng, today, terms, hashes
        self.first_day = terms[0].start
        self.terms: list[TermRef] = []
        self.teachers: list[tuple[str, str]] = []  # (id, display name)
        self.office_id = ""
        self.leader_id = ""
        self.admin_id = ""

    def build(self, count: int) -> list[tuple[str, str, str]]:
        """The school, its users, terms and goal bank; the logins to print."""
        logins = self._school_and_users(count)
        self._terms()
        self._goal_bank()
        return logins

    def students(self, count: int) -> list[Kid]:
        """The students with their guardians and teacher pairs (their term records come from records.py)."""
        return [self._student(number) for number in range(1, count + 1)]

    # --- school, users, calendar --------------------------------------------------------------------------

    def _school_and_users(self, count: int) -> list[tuple[str, str, str]]:
        rows, made = self.rows, at(self.first_day - dt.timedelta(days=20))
        rows.add(
            School,
            made,
            name="五指山市特殊教育学校",
            code="4690010001",
            address=data.COUNTY + "通什镇育才路8号",
            phone="0898-86621234",
            rule_period="week",
            rule_visits_per_period=1,
            rule_lessons_per_visit=2,
            rule_minutes_per_lesson=30,
            rule_yearly_min_lessons=None,
            assessment_weights={
                "weeks_met": 40,
                "records_complete": 20,
                "plans_on_time": 15,
                "contacts": 10,
                "objectives_passed": 15,
            },
        )
        rows.add(
            Setting,
            made,
            key="demo",
            value={"generator": "songjiao demo", "today": self.today.isoformat()},
            note="This database holds invented demo records, not real children.",
        )
        logins = []
        for username, password, role, display in LOGINS:
            user_id = rows.add(
                User,
                made,
                username=username,
                display_name=display,
                role=role,
                password_hash=self.hashes[password],
                phone=data.phone(self.rng),
            )
            setattr(self, f"{'office' if role == 'academic_affairs' else role}_id", user_id)
            logins.append((username, password, role))
        # Teachers come in pairs (主教 + 副教), about eight children each as 主教.
        pairs = max(1, -(-count // (2 * STUDENTS_PER_TEACHER)))
        for number in range(1, 2 * pairs + 1):
            gender = self.rng.choice("MF")
            name = data.adult_name(self.rng, gender)
            username = f"t{number:02d}"
            user_id = rows.add(
                User,
                made,
                username=username,
                display_name=f"{name}老师",
                role="teacher",
                password_hash=self.hashes[TEACHER_PASSWORD],
                phone=data.phone(self.rng),
            )
            self.teachers.append((user_id, f"{name}老师"))
            logins.append((username, TEACHER_PASSWORD, "teacher"))
        return logins

    def _terms(self) -> None:
        for index, term in enumerate(self.plan):
            made = at(term.start - dt.timedelta(days=14))
            term_id = self.rows.add(
                Term,
                made,
                author=self.admin_id,
                name=term.name,
                start_date=term.start,
                end_date=term.end,
                locked=term.end < self.today - dt.timedelta(days=60),
            )
            holidays: set[dt.date] = set()
            workdays: set[dt.date] = set()
            for date, kind, name in term_days(term):
                self.rows.add(
                    CalendarDay, made, author=self.admin_id, term_id=term_id, date=date, kind=kind, name=name
                )
                (holidays if kind == "holiday" else workdays).add(date)
            calendar = TermCalendar(term.start, term.end, frozenset(holidays), frozenset(workdays))
            self.terms.append(TermRef(term_id, term, calendar, index))

    def _goal_bank(self) -> None:
        made = at(self.first_day - dt.timedelta(days=10))
        for domain, (goal, objectives) in data.GOALS.items():
            parent = self.rows.add(
                GoalBankItem, made, author=self.office_id, domain=domain, kind="goal", text=goal
            )
            for text in objectives:
                self.rows.add(
                    GoalBankItem,
                    made,
                    author=self.office_id,
                    domain=domain,
                    kind="objective",
                    text=text,
                    parent_id=parent,
                )

    # --- students -------------------------------------------------------------------------------------------

    def _student(self, number: int) -> Kid:
        rng, rows = self.rng, self.rows
        gender = rng.choice("MF")
        name, surname = data.child_name(rng, gender)
        age_now = rng.choice((7, 8, 9, 10, 11, 12, 13, 14, 15, 16)) if rng.random() > 0.02 else 17
        birth = dt.date(self.today.year - age_now, rng.randrange(1, 13), rng.randrange(1, 29))
        enrol_year = max(birth.year + 6 + rng.choice((0, 0, 1, 2)), self.first_day.year - 3)
        enrolled = dt.date(enrol_year, 9, 1)
        if enrolled > self.today:
            enrolled = self.plan[-1].start
        if rng.random() < 0.12 and len(self.plan) > 1:
            # Some children join mid-history, at the start of a later term.
            enrolled = max(enrolled, self.plan[rng.randrange(1, len(self.plan))].start)
        category = int(data.weighted(rng, data.CATEGORIES))  # type: ignore[call-overload]
        grade = int(data.weighted(rng, data.GRADES))  # type: ignore[call-overload]
        id_number = data.id_number(rng, birth, gender)
        status, since, ended = "active", None, None
        roll = rng.random()
        last = self.plan[-1]
        if roll < 0.03 and enrolled < last.start:
            status, since = rng.choice(("returned", "transferred")), last.start + dt.timedelta(days=30)
            ended = since - dt.timedelta(days=1)
        elif roll < 0.04:
            status, since = "paused", self.today - dt.timedelta(days=rng.randrange(10, 40))
        home = data.address(rng)
        made = at(enrolled - dt.timedelta(days=rng.randrange(5, 20)))
        pair = (number - 1) // (2 * STUDENTS_PER_TEACHER)
        first, second = self.teachers[2 * pair], self.teachers[2 * pair + 1]
        main, assistant = (first, second) if number % 2 else (second, first)
        student_id = rows.add(
            Student,
            made,
            author=self.office_id,
            code=f"SJ{number:04d}",
            name=name,
            gender=gender,
            birth_date=birth,
            ethnicity=data.weighted(rng, data.ETHNICITIES),
            id_type="resident_id",
            id_number=id_number,
            roll_number=f"G{id_number}",
            hukou=home[: len(data.COUNTY) + 3],
            address=home,
            phone=data.phone(rng),
            enrolled_on=enrolled,
            grade_class=f"{min(9, max(1, enrol_year - birth.year - 5))}年级送教班",
            placement=rng.choice(("home",) * 8 + ("welfare", "rehab")),
            disability_category=category,
            disability_grade=grade,
            certificate_no=f"{id_number}{category}{grade}",
            certificate_issued=enrolled - dt.timedelta(days=rng.randrange(100, 900)),
            certificate_valid_until=dt.date(enrolled.year + 10, 6, 30),
            diagnosis=data.DIAGNOSES[category],
            diagnosis_hospital=rng.choice(data.HOSPITALS),
            diagnosis_date=birth + dt.timedelta(days=700),
            committee_opinion="经评估,建议送教上门",
            committee_date=enrolled - dt.timedelta(days=20),
            left_behind=False,
            orphan=rng.random() < 0.01,
            safety_notes=rng.choice(data.SAFETY),
            status=status,
            status_since=since,
            consent_signed_on=enrolled - dt.timedelta(days=10),
        )
        guardian_id, caregivers, left_behind = self._guardians(student_id, surname, home, made)
        if left_behind:
            rows.buffers["student"][-1]["left_behind"] = True
        for teacher, role in ((main, "main"), (assistant, "assistant")):
            rows.add(
                Assignment,
                made,
                author=self.office_id,
                student_id=student_id,
                teacher_id=teacher[0],
                role=role,
                start_date=enrolled,
            )
        kid = Kid(
            student_id,
            f"SJ{number:04d}",
            main[0],
            assistant[0],
            enrolled,
            ended,
            home,
            guardian_id,
            caregivers,
            rng.randrange(0, 5),
            paused_since=since if status == "paused" else None,
        )
        for term in self.terms:
            if rng.random() < 0.06 and term.demo.end - dt.timedelta(days=40) > term.demo.start:
                start = term.demo.start + dt.timedelta(days=rng.randrange(20, 80))
                end = start + dt.timedelta(days=rng.randrange(14, 35))
                if start < self.today:
                    reason = rng.choice(data.PAUSE_REASONS)
                    rows.add(
                        Pause,
                        at(start),
                        author=main[0],
                        student_id=student_id,
                        start_date=start,
                        end_date=end,
                        reason=reason,
                    )
                    kid.pauses.append((start, end, reason))
        return kid

    def _guardians(
        self, student_id: str, surname: str, home: str, made: dt.datetime
    ) -> tuple[str, str, bool]:
        """Parents, often a grandparent, and for left-behind children a delegated caregiver."""
        rng, rows = self.rng, self.rows
        left_behind = rng.random() < 0.15
        mother = data.adult_name(rng, "F")
        father = data.adult_name(rng, "M", surname)
        primary = rows.add(
            Guardian,
            made,
            student_id=student_id,
            name=mother,
            relation="parent",
            phone=data.phone(rng),
            address=home,
            lives_with_child=not left_behind,
            is_primary=not left_behind,
            is_emergency=True,
        )
        rows.add(
            Guardian,
            made,
            student_id=student_id,
            name=father,
            relation="parent",
            phone=data.phone(rng),
            address=home if not left_behind else "广东省东莞市(务工)",
            lives_with_child=not left_behind,
        )
        names = mother
        if left_behind:
            carer = data.adult_name(rng, "F", surname)
            primary = rows.add(
                Guardian,
                made,
                student_id=student_id,
                name=carer,
                relation="delegated",
                phone=data.phone(rng),
                address=home,
                lives_with_child=True,
                is_primary=True,
                delegated_start=made.date(),
                school_notified_on=made.date() + dt.timedelta(days=3),
            )
            names = f"{carer}(委托照护人)"
        elif rng.random() < 0.4:
            grandma = data.adult_name(rng, "F")
            rows.add(
                Guardian,
                made,
                student_id=student_id,
                name=grandma,
                relation="grandparent",
                phone=data.phone(rng),
                address=home,
                lives_with_child=True,
            )
            names = f"{mother}、{grandma}"
        return primary, names, left_behind
