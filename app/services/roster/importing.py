"""Roster import (学生名单导入) from .xlsx or .csv: every row checked first, then all written or none."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Assignment, Guardian, Student, User
from app.domain.validation import DISABILITY_CATEGORIES, DISABILITY_GRADES
from app.services import forms, glyphs, students
from app.services.context import ServiceContext, reading, require_role, transaction
from app.services.errors import ValidationError
from app.services.progress import TaskState
from app.services.roster.files import read_table

# (key, 中文表头, required, note for the instructions sheet)
COLUMNS: tuple[tuple[str, str, bool, str], ...] = (
    ("code", "学生编号", True, "学校自编的唯一编号;已有编号的学生会被更新"),
    ("name", "姓名", True, ""),
    ("gender", "性别", False, "男 / 女"),
    ("birth_date", "出生日期", False, "2016-03-08 或 Excel 日期"),
    ("ethnicity", "民族", False, "如 汉族"),
    ("id_number", "身份证号", False, "18 位;请把该列设为文本格式,否则 Excel 会丢掉后几位"),
    ("roll_number", "学籍号", False, ""),
    ("hukou", "户籍地", False, ""),
    ("address", "现住址", False, "写到村(社区)和门牌号"),
    ("phone", "联系电话", False, ""),
    ("enrolled_on", "入学年月", False, "2019-09 或 2019年9月"),
    ("grade_class", "年级班级", False, "如 三年级1班"),
    ("placement", "安置方式", False, "送教上门(家庭) / 福利机构 / 康复机构 / 远程"),
    ("disability_category", "残疾类别", False, "视力 听力 言语 肢体 智力 精神 多重,或数字 1-7"),
    ("disability_grade", "残疾等级", False, "一级 二级 三级 四级,或数字 1-4"),
    ("certificate_no", "残疾人证号", False, "20 位:身份证号 + 类别 + 等级"),
    ("guardian_name", "监护人姓名", False, ""),
    (
        "guardian_relation",
        "监护人关系",
        False,
        "父亲 母亲 祖父母 外祖父母 哥哥 姐姐 委托照护人 临时监护人 其他",
    ),
    ("guardian_phone", "监护人电话", False, ""),
    ("main_teacher", "主教用户名", False, "送教教师的登录用户名"),
    ("assistant_teacher", "副教用户名", False, "送教教师的登录用户名"),
)
HEADER = {key: zh for key, zh, _, _ in COLUMNS}
REQUIRED = tuple(key for key, _, required, _ in COLUMNS if required)
ALIASES = {
    "学号": "code",
    "学生姓名": "name",
    "身份证件号码": "id_number",
    "身份证号码": "id_number",
    "家庭住址": "address",
    "年级": "grade_class",
    "班级": "grade_class",
    "残疾证号": "certificate_no",
}

GENDERS = {"男": "M", "女": "F", "男性": "M", "女性": "F", "m": "M", "f": "F", "male": "M", "female": "F"}
PLACEMENTS = {
    "送教上门": "home",
    "家庭": "home",
    "家庭送教": "home",
    "福利机构": "welfare",
    "福利院": "welfare",
    "儿童福利院": "welfare",
    "康复机构": "rehab",
    "康复中心": "rehab",
    "远程": "remote",
    "远程送教": "remote",
}
RELATIONS = {
    "父亲": "parent",
    "母亲": "parent",
    "父母": "parent",
    "爸爸": "parent",
    "妈妈": "parent",
    "祖父": "grandparent",
    "祖母": "grandparent",
    "爷爷": "grandparent",
    "奶奶": "grandparent",
    "外祖父": "grandparent",
    "外祖母": "grandparent",
    "外公": "grandparent",
    "外婆": "grandparent",
    "祖父母": "grandparent",
    "外祖父母": "grandparent",
    "哥哥": "sibling",
    "姐姐": "sibling",
    "兄姐": "sibling",
    "委托照护人": "delegated",
    "临时监护人": "temporary",
    "其他": "other",
}
GRADE_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True)
class RowError:
    """One problem of one cell: where (row, column as written), what (English), and the message id and
    parameters the window translates it from."""

    row: int
    column: str
    message: str
    message_id: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"row {self.row}, column {self.column}: {self.message}"


class RosterErrors(ValidationError):
    """Some rows are wrong: nothing was imported. ``errors`` lists every problem found."""

    def __init__(self, errors: list[RowError], rows: int) -> None:
        bad_rows = len({e.row for e in errors})
        super().__init__(
            "roster.invalid",
            f"{bad_rows} of {rows} rows have errors ({len(errors)} problems); nothing was imported.",
            bad_rows=bad_rows,
            rows=rows,
            problems=len(errors),
        )
        self.errors = tuple(errors)


@dataclass(frozen=True)
class ImportReport:
    rows: int
    created: int
    updated: int
    dry_run: bool
    warnings: tuple[str, ...]  # "row N: warning id", as the command line prints them
    notes: tuple[tuple[int, str], ...] = ()  # (row, warning id): the window translates each
    # (row, column as the sheet heads it, characters): names with characters no shipped font prints
    unprintable: tuple[tuple[int, str, str], ...] = ()


@dataclass
class _Row:
    number: int
    student: dict[str, Any]
    guardian: dict[str, Any] | None
    teachers: dict[str, str]  # role -> user id


def _norm_header(raw: Any) -> str:
    return re.sub(r"[\s*＊]", "", str(raw or "")).lower()


def map_headers(raw: list[Any]) -> tuple[dict[int, str], dict[str, str]]:
    """Column index -> field key, and field key -> the header as written (for error messages)."""
    lookup = {_norm_header(zh): key for key, zh, _, _ in COLUMNS}
    lookup.update({key: key for key, _, _, _ in COLUMNS})
    lookup.update({_norm_header(k): v for k, v in ALIASES.items()})
    mapping: dict[int, str] = {}
    written: dict[str, str] = {}
    for index, cell in enumerate(raw):
        key = lookup.get(_norm_header(cell))
        if key and key not in written:
            mapping[index] = key
            written[key] = str(cell).strip()
    return mapping, written


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _month(value: Any, key: str) -> dt.date | None:
    """入学年月: a month (2019-09, 2019年9月, 2019/9) or a full date."""
    if isinstance(value, dt.datetime | dt.date) or value in (None, ""):
        return forms.parse_date(value, key)
    raw = _cell_text(value)
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?", raw) or re.fullmatch(r"(\d{4})(\d{2})", raw)
    if match and 1 <= int(match.group(2)) <= 12:
        return dt.date(int(match.group(1)), int(match.group(2)), 1)
    return forms.parse_date(raw, key)


def _code_number(value: Any, key: str, words: dict[str, int], high: int) -> int | None:
    """A disability category or grade as a digit, a word (智力, 智力残疾, 二级) or None."""
    raw = _cell_text(value)
    if not raw:
        return None
    if raw.isdigit():
        return forms.parse_int(raw, key, low=1, high=high)
    cleaned = raw.replace("残疾", "").replace("级", "").strip()
    if cleaned.isdigit():  # "2级"
        return forms.parse_int(cleaned, key, low=1, high=high)
    for word, number in words.items():
        if cleaned == word:
            return number
    raise ValidationError("roster.code", f"'{raw}' is not one of {', '.join(words)} or 1-{high}.", field=key)


def _convert(
    values: dict[str, Any], row: int, written: dict[str, str], errors: list[RowError]
) -> dict[str, Any]:
    """Spreadsheet cells to the values the student service understands; each bad cell is one error."""
    data: dict[str, Any] = {}

    def attempt(key: str, convert: Any) -> None:
        if key not in values:
            return
        try:
            data[key] = convert(values[key])
        except ValidationError as error:
            errors.append(
                RowError(row, written.get(key, HEADER[key]), error.message, error.message_id, error.params)
            )

    for key in (
        "code",
        "name",
        "ethnicity",
        "roll_number",
        "hukou",
        "address",
        "phone",
        "grade_class",
        "certificate_no",
    ):
        attempt(key, _cell_text)
    attempt("id_number", _id_text)
    attempt("gender", lambda v: _lookup(v, GENDERS, "gender"))
    attempt(
        "placement", lambda v: _lookup(v, {**PLACEMENTS, **{p: p for p in students.PLACEMENTS}}, "placement")
    )
    attempt("birth_date", lambda v: forms.parse_date(v, "birth_date"))
    attempt("enrolled_on", lambda v: _month(v, "enrolled_on"))
    category_words = {name: number for number, name in DISABILITY_CATEGORIES.items()}
    attempt("disability_category", lambda v: _code_number(v, "disability_category", category_words, 7))
    grade_words = {**{name[0]: n for n, name in DISABILITY_GRADES.items()}, **GRADE_WORDS}
    attempt("disability_grade", lambda v: _code_number(v, "disability_grade", grade_words, 4))
    # Empty cells mean "not given": the model's default on create, the stored value on update.
    return {k: v for k, v in data.items() if v not in ("", None) or k in ("code", "name")}


def _id_text(value: Any) -> str:
    if isinstance(value, float | int) and not isinstance(value, bool) and abs(value) >= 1e15:
        raise ValidationError(
            "roster.id_as_number",
            "the ID number was stored as a number and lost digits; "
            "format the column as text and type it again.",
            field="id_number",
        )
    return _cell_text(value)


def _lookup(value: Any, table: dict[str, str], key: str, default: str = "") -> str:
    raw = _cell_text(value)
    if not raw:
        return default
    found = table.get(raw) or table.get(raw.lower())
    if found is None:
        raise ValidationError("field.choice", f"'{raw}' is not one of {'、'.join(table)}.", field=key)
    return found


def check_rows(session: Session, header: list[Any], body: list[tuple[int, list[Any]]]) -> list[_Row]:
    """Every row checked with the student service's rules; all problems collected, then raised together."""
    mapping, written = map_headers(header)
    missing = [HEADER[key] for key in REQUIRED if key not in written]
    if missing:
        raise RosterErrors(
            [RowError(1, name, "required column is missing", "roster.column_missing") for name in missing],
            len(body),
        )
    teachers = {
        u.username: u.id
        for u in session.scalars(
            select(User).where(User.role == "teacher", User.active.is_(True), User.deleted_at.is_(None))
        )
    }
    errors: list[RowError] = []
    rows: list[_Row] = []
    seen: dict[str, int] = {}
    for number, cells in body:
        values = {key: cells[index] if index < len(cells) else None for index, key in mapping.items()}
        before = len(errors)
        data = _convert(values, number, written, errors)
        code = data.get("code", "")
        if code and code in seen:
            errors.append(
                RowError(
                    number,
                    written["code"],
                    f"the code repeats row {seen[code]}",
                    "roster.code_repeats",
                    {"row": seen[code]},
                )
            )
        elif code:
            seen[code] = number
        try:
            data = students.validate_student(data, creating=True)
        except ValidationError as error:
            column = written.get(error.field or "", HEADER.get(error.field or "", error.field or "?"))
            # A cell that failed to convert is missing from data: don't report it a second time.
            if not any(e.row == number and e.column == column for e in errors[before:]):
                errors.append(RowError(number, column, error.message, error.message_id, error.params))
        guardian = _guardian(values, number, written, errors)
        chosen: dict[str, str] = {}
        for key, role in (("main_teacher", "main"), ("assistant_teacher", "assistant")):
            username = _cell_text(values.get(key))
            if not username:
                continue
            if username not in teachers:
                errors.append(
                    RowError(
                        number,
                        written[key],
                        f"no active teacher has the user name '{username}'",
                        "roster.no_teacher",
                        {"username": username},
                    )
                )
            elif teachers[username] in chosen.values():
                errors.append(
                    RowError(
                        number,
                        written[key],
                        "主教 and 副教 must be different teachers",
                        "roster.same_teacher",
                    )
                )
            else:
                chosen[role] = teachers[username]
        rows.append(_Row(number, data, guardian, chosen))
    if not body:
        errors.append(RowError(2, written["code"], "the file has no student rows", "roster.no_rows"))
    errors += _id_clashes(session, rows, written)
    if errors:
        raise RosterErrors(errors, len(body))
    return rows


def _id_clashes(session: Session, rows: list[_Row], written: dict[str, str]) -> list[RowError]:
    """One ID number, one child: not twice in the file, and not a second child beside one on the roll.

    A row with the code of the child already holding that ID number is that child's update. Errors name
    rows and student codes, never a name or the number itself.
    """
    column = written.get("id_number", HEADER["id_number"])
    errors: list[RowError] = []
    first: dict[str, _Row] = {}
    for row in rows:
        number = row.student.get("id_number")
        if not number:
            continue
        if number in first:
            errors.append(
                RowError(
                    row.number,
                    column,
                    f"the ID number repeats row {first[number].number}",
                    "roster.id_repeats",
                    {"row": first[number].number},
                )
            )
        else:
            first[number] = row
    numbers = sorted(first)
    on_roll: dict[str, str] = {}
    for start in range(0, len(numbers), 500):
        for number, code in session.execute(
            select(Student.id_number, Student.code).where(
                Student.id_number.in_(numbers[start : start + 500]), Student.deleted_at.is_(None)
            )
        ):
            on_roll[number] = code
    for number, row in first.items():
        holder = on_roll.get(number)
        if holder is not None and holder != row.student.get("code"):
            errors.append(
                RowError(
                    row.number,
                    column,
                    f"this ID number is already on the roll as student {holder}: "
                    "use that code to update the child",
                    "roster.id_on_roll",
                    {"code": holder},
                )
            )
    return errors


def _guardian(
    values: dict[str, Any], row: int, written: dict[str, str], errors: list[RowError]
) -> dict[str, Any] | None:
    name = _cell_text(values.get("guardian_name"))
    relation_raw = _cell_text(values.get("guardian_relation"))
    phone = _cell_text(values.get("guardian_phone"))
    if not (name or relation_raw or phone):
        return None
    fields = {"name": "guardian_name", "relation": "guardian_relation", "phone": "guardian_phone"}
    try:
        relation = _lookup(
            relation_raw, {**RELATIONS, **{r: r for r in students.RELATIONS}}, "relation", default="parent"
        )
        return students.validate_guardian(
            {"name": name, "relation": relation, "phone": phone, "is_primary": True}
        )
    except ValidationError as error:
        key = fields.get(error.field or "", "guardian_name")
        errors.append(
            RowError(row, written.get(key, HEADER[key]), error.message, error.message_id, error.params)
        )
        return None


def import_roster(
    ctx: ServiceContext, path: Path, *, dry_run: bool = False, progress: TaskState | None = None
) -> ImportReport:
    """Create or update students (matched by 学生编号), a guardian each and their teachers; all or nothing.

    ``progress`` hears (rows written, rows) and may cancel: a cancelled import raises Cancelled inside the
    transaction, so nothing of it is kept."""
    require_role(ctx, "admin", "academic_affairs")
    header, body = read_table(path)
    if dry_run:
        with reading(ctx) as session:
            rows = check_rows(session, header, body)
            existing = _existing(session, [r.student["code"] for r in rows])
            return _report(ctx, rows, existing, dry_run=True)
    with transaction(ctx) as session:
        rows = check_rows(session, header, body)
        existing = _existing(session, [r.student["code"] for r in rows])
        for done, row in enumerate(rows, start=1):
            _write(session, ctx, row, existing.get(row.student["code"]))
            if progress is not None and (done % 50 == 0 or done == len(rows)):
                progress.update(done, len(rows))
                progress.check()
            if done % 500 == 0:
                # Written rows need not stay in memory (10 000 rows held about 200 MB of ORM state).
                session.flush()
                keep = set(existing.values())
                for obj in list(session.identity_map.values()):
                    if obj not in keep:
                        session.expunge(obj)
        return _report(ctx, rows, existing, dry_run=False)


def _existing(session: Session, codes: list[str]) -> dict[str, Student]:
    found: dict[str, Student] = {}
    for start in range(0, len(codes), 500):
        for student in session.scalars(select(Student).where(Student.code.in_(codes[start : start + 500]))):
            found[student.code] = student
    return found


def _report(
    ctx: ServiceContext, rows: list[_Row], existing: dict[str, Student], *, dry_run: bool
) -> ImportReport:
    notes = [
        (row.number, warning)
        for row in rows
        for warning in students.student_warnings(row.student, ctx.today())
    ]
    unprintable = [
        (row.number, HEADER[column], chars)
        for row in rows
        for column, values in (("name", row.student), ("guardian_name", row.guardian or {}))
        for chars in glyphs.unprintable(values, glyphs.NAME_FIELDS).values()
    ]
    updated = sum(1 for row in rows if row.student["code"] in existing)
    return ImportReport(
        len(rows),
        len(rows) - updated,
        updated,
        dry_run,
        tuple(f"row {number}: {warning}" for number, warning in notes)
        + tuple(
            f"row {number}: {column}: glyphs.unprintable {chars}" for number, column, chars in unprintable
        ),
        tuple(notes),
        tuple(unprintable),
    )


def _write(session: Session, ctx: ServiceContext, row: _Row, student: Student | None) -> None:
    if student is None:
        # A new child has no guardians or assignments to match: no queries and no flush per row (records
        # get their ids at construction), so a county's 10 000 rows go in with one flush at the end.
        student = Student(**row.student)
        session.add(student)
        if row.guardian:
            session.add(Guardian(student_id=student.id, **row.guardian))
        start = student.enrolled_on or ctx.today()
        for role, teacher_id in row.teachers.items():
            session.add(Assignment(student_id=student.id, teacher_id=teacher_id, role=role, start_date=start))
        return
    else:
        if student.deleted_at is not None:
            student.deleted_at = None  # a re-imported code brings the record back
        for key, value in row.student.items():
            if value not in (None, ""):  # an empty cell keeps what the school already recorded
                setattr(student, key, value)
    session.flush()
    if row.guardian:
        guardian = session.scalar(
            select(Guardian).where(
                Guardian.student_id == student.id,
                Guardian.name == row.guardian["name"],
                Guardian.deleted_at.is_(None),
            )
        )
        if guardian is None:
            guardian = Guardian(student_id=student.id, **row.guardian)
            session.add(guardian)
        else:
            for key in ("relation", "phone"):
                setattr(guardian, key, row.guardian[key])
        session.flush()
        for other in session.scalars(
            select(Guardian).where(Guardian.student_id == student.id, Guardian.id != guardian.id)
        ):
            other.is_primary = False
    for role, teacher_id in row.teachers.items():
        _assign(session, student.id, teacher_id, role, student.enrolled_on or ctx.today(), ctx.today())


def _assign(
    session: Session, student_id: str, teacher_id: str, role: str, start: dt.date, today: dt.date
) -> None:
    """Like students.assign_teacher, inside the import's transaction: a new 主教 ends the previous one."""
    current = list(
        session.scalars(
            select(Assignment).where(
                Assignment.student_id == student_id,
                Assignment.deleted_at.is_(None),
                Assignment.end_date.is_(None),
            )
        )
    )
    same = next((a for a in current if a.teacher_id == teacher_id), None)
    for existing in current:
        if existing is not same and existing.role == role:
            existing.end_date = today - dt.timedelta(days=1)
            start = today
    if same is not None:
        same.role = role
        return
    session.add(Assignment(student_id=student_id, teacher_id=teacher_id, role=role, start_date=start))
    session.flush()
