"""Official holidays for years the holiday package does not know: the holiday file, its import, and lookups.

The chinese_calendar package knows only the years it shipped with; the State Council publishes the next
year's holidays each December. The school (or the education bureau) writes the notice as a small JSON
file (docs/holidays.md), imports it once at the office, and the years travel to the laptops on the school
row. The term calendar's "Fill in statutory holidays" then uses them in preference to the package.
"""

from __future__ import annotations

import datetime as dt
import json
import json.decoder
import json.scanner
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db.models import School
from app.domain.calendar import OfficialYear, unknown_years
from app.services.context import ServiceContext, reading, require_role, transaction
from app.services.errors import ValidationError
from app.services.school import school_row

FORMAT = "songjiao-holidays"
VERSION = 1
MAX_BYTES = 1_000_000  # a year is about 2 KB; anything near this is not a holiday file
MAX_HOLIDAY_DAYS = 15  # the longest break a notice has given (Spring Festival: 8-9 days)
DEFAULT_WORKDAY_NAME = "调休上班"


class _Located(dict[str, Any]):
    """A JSON object that knows its lines: where it starts and where each of its keys is written."""

    line = 0
    key_lines: dict[str, int]


def _decoder(text: str) -> json.JSONDecoder:
    """A decoder whose objects carry their lines: the pure-Python scanner with the object parser wrapped."""
    decoder = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[dict[str, Any], int]:
        obj, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
        located = _Located(obj)
        start = s_and_end[1]
        located.line = text.count("\n", 0, start) + 1
        located.key_lines = {}
        at = start
        for key in obj:  # the keys are written in this order; each is found after the one before
            found = text.find(json.dumps(key, ensure_ascii=False), at, end)
            if found >= 0:
                located.key_lines[key], at = text.count("\n", 0, found) + 1, found
        return located, end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder


def _at(obj: dict[str, Any], field: str) -> int:
    """The line of ``field`` in object ``obj``: where its key is written, else where the object starts."""
    key = field.rsplit(".", 1)[-1]
    lines: dict[str, int] = getattr(obj, "key_lines", {})
    return lines.get(key) or int(getattr(obj, "line", 0))


def _fail(message_id: str, english: str, field: str, *, line: int, **params: Any) -> ValidationError:
    return ValidationError(message_id, f"line {line}, {field}: {english}", field=field, line=line, **params)


def _object(value: Any, field: str, parent: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail("holidays.not_object", "must be an object { ... }.", field, line=_at(parent, field))
    return value


def _list(obj: dict[str, Any], key: str, field: str, *, required: bool = True) -> list[Any]:
    if key not in obj:
        if not required:
            return []
        raise _fail("holidays.missing", f'"{key}" is missing.', field, line=_at(obj, field), key=key)
    value = obj[key]
    if not isinstance(value, list):
        raise _fail(
            "holidays.not_list", "must be a list [ ... ].", f"{field}.{key}", line=_at(obj, f"{field}.{key}")
        )
    return value


def _date(obj: dict[str, Any], key: str, field: str, year: int) -> dt.date:
    where = f"{field}.{key}"
    if key not in obj:
        raise _fail("holidays.missing", f'"{key}" is missing.', field, line=_at(obj, field), key=key)
    raw = obj[key]
    try:
        day = dt.date.fromisoformat(raw) if isinstance(raw, str) and len(raw) == 10 else None
    except ValueError:
        day = None
    if day is None:
        raise _fail(
            "holidays.date",
            "is not a date written YYYY-MM-DD.",
            where,
            line=_at(obj, where),
            value=str(raw)[:20],
        )
    # A notice may reach into the neighbouring year (a New Year break from 30 December), no further.
    if not dt.date(year - 1, 12, 1) <= day <= dt.date(year + 1, 1, 31):
        raise _fail(
            "holidays.outside_year",
            f"{day} is not in {year}.",
            where,
            line=_at(obj, where),
            value=str(day),
            year=year,
        )
    return day


def _name(obj: dict[str, Any], field: str, default: str | None) -> str:
    raw = obj.get("name", default)
    if not isinstance(raw, str) or not raw.strip() or len(raw.strip()) > 50:
        raise _fail(
            "holidays.name",
            "needs a name of at most 50 characters.",
            f"{field}.name",
            line=_at(obj, f"{field}.name"),
        )
    return raw.strip()


def _year(entry: dict[str, Any], field: str, source: str) -> OfficialYear:
    year = entry.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise _fail(
            "holidays.year",
            "must be a year between 2000 and 2100.",
            f"{field}.year",
            line=_at(entry, f"{field}.year"),
        )
    holidays: dict[dt.date, str] = {}
    workdays: dict[dt.date, str] = {}
    for i, raw in enumerate(_list(entry, "holidays", field)):
        where = f"{field}.holidays[{i}]"
        item = _object(raw, where, entry)
        name = _name(item, where, None)
        first = _date(item, "from", where, year)
        last = _date(item, "to", where, year) if "to" in item else first
        if last < first:
            raise _fail(
                "holidays.order",
                "the last day is before the first.",
                f"{where}.to",
                line=_at(item, f"{where}.to"),
            )
        if (last - first).days >= MAX_HOLIDAY_DAYS:
            raise _fail(
                "holidays.too_long",
                "a holiday lasts at most 15 days.",
                f"{where}.to",
                line=_at(item, f"{where}.to"),
            )
        day = first
        while day <= last:
            if day in holidays:
                raise _fail(
                    "holidays.twice", f"{day} is listed twice.", where, line=_at(item, where), value=str(day)
                )
            holidays[day] = name
            day += dt.timedelta(days=1)
    for i, raw in enumerate(_list(entry, "workdays", field, required=False)):
        where = f"{field}.workdays[{i}]"
        item = _object(raw, where, entry)
        day = _date(item, "date", where, year)
        if day.weekday() < 5:
            raise _fail(
                "holidays.not_weekend",
                f"{day} is not a Saturday or Sunday.",
                f"{where}.date",
                line=_at(item, f"{where}.date"),
                value=str(day),
            )
        if day in holidays or day in workdays:
            raise _fail(
                "holidays.twice",
                f"{day} is listed twice.",
                f"{where}.date",
                line=_at(item, f"{where}.date"),
                value=str(day),
            )
        workdays[day] = _name(item, where, DEFAULT_WORKDAY_NAME)
    if not holidays:
        raise _fail(
            "holidays.missing", '"holidays" lists no day.', field, line=_at(entry, field), key="holidays"
        )
    text = entry.get("source", source)
    return OfficialYear(year, holidays, workdays, text.strip()[:300] if isinstance(text, str) else source)


def parse(text: str) -> list[OfficialYear]:
    """The years of a holiday file; a ValidationError naming the line and field of the first problem."""
    try:
        data = _decoder(text).decode(text)
    except json.JSONDecodeError as error:
        raise ValidationError(
            "holidays.syntax",
            f"line {error.lineno}, column {error.colno}: not valid JSON ({error.msg}).",
            field="file",
            line=error.lineno,
            column=error.colno,
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("version") != VERSION:
        raise ValidationError(
            "holidays.format", f'Not a holiday file: "format" must be "{FORMAT}" and "version" {VERSION}.'
        )
    source = data.get("source", "")
    source = source.strip()[:300] if isinstance(source, str) else ""
    years: list[OfficialYear] = []
    for i, raw in enumerate(_list(data, "years", "file")):
        year = _year(_object(raw, f"years[{i}]", data), f"years[{i}]", source)
        if any(y.year == year.year for y in years):
            raise _fail(
                "holidays.year_twice",
                f"{year.year} is listed twice.",
                f"years[{i}].year",
                line=_at(raw, f"years[{i}].year"),
                year=year.year,
            )
        years.append(year)
    if not years:
        raise _fail("holidays.missing", '"years" lists no year.', "file", line=_at(data, "file"), key="years")
    return years


def read_file(path: Path) -> list[OfficialYear]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ValidationError(
                "holidays.too_big", "The file is too large to be a holiday file.", field="file"
            )
        raw = path.read_bytes()
    except OSError as error:
        raise ValidationError(
            "holidays.unreadable", f"The holiday file cannot be read: {error.strerror}.", field="file"
        ) from None
    try:
        text = raw.decode("utf-8-sig")  # Notepad on Windows writes a byte-order mark
    except UnicodeDecodeError:
        raise ValidationError(
            "holidays.encoding", "The holiday file is not UTF-8 text.", field="file"
        ) from None
    return parse(text)


def encode(year: OfficialYear) -> dict[str, Any]:
    return {
        "source": year.source,
        "holidays": {d.isoformat(): n for d, n in sorted(year.holidays.items())},
        "workdays": {d.isoformat(): n for d, n in sorted(year.workdays.items())},
    }


def decode(stored: dict[str, Any] | None) -> dict[int, OfficialYear]:
    result = {}
    for key, value in (stored or {}).items():
        result[int(key)] = OfficialYear(
            int(key),
            {dt.date.fromisoformat(d): n for d, n in value.get("holidays", {}).items()},
            {dt.date.fromisoformat(d): n for d, n in value.get("workdays", {}).items()},
            value.get("source", ""),
        )
    return result


def import_file(ctx: ServiceContext, path: Path | str) -> list[int]:
    """Store the years of a holiday file (a year imported again is replaced); the years, in order.

    Validated whole before anything is written: a bad file changes nothing.
    """
    require_role(ctx, "admin", "academic_affairs")
    years = read_file(Path(path))
    with transaction(ctx) as session:
        school = school_row(session)
        stored = dict(school.official_holidays or {})
        stored.update({str(y.year): encode(y) for y in years})
        school.official_holidays = dict(sorted(stored.items()))
    return sorted(y.year for y in years)


def imported(ctx: ServiceContext) -> dict[int, OfficialYear]:
    """The years the school imported, by year (none before the school is set up)."""
    with reading(ctx) as session:
        stored = session.scalar(select(School.official_holidays).where(School.deleted_at.is_(None)))
    return decode(stored)


def missing_years(ctx: ServiceContext, start: dt.date, end: dt.date) -> list[int]:
    """Years between the dates whose official holidays this installation does not know (warn about them)."""
    return unknown_years(start, end, imported(ctx))
