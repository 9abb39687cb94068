"""Holiday files: years the holiday package does not know, imported, validated, used and warned about."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.domain.calendar import unknown_years
from app.services import compliance, holidays
from app.services import school as school_service
from app.services.errors import PermissionDenied, ValidationError
from tests.conftest import unchanged

D = dt.date.fromisoformat
EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "holidays-2026.json"
# Made-up holidays for 2027 in the shape of a notice (tests only: the real one is the State Council's).
YEAR_2027 = {
    "year": 2027,
    "holidays": [
        {"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"},
        {"name": "春节", "from": "2027-02-05", "to": "2027-02-13"},
    ],
    "workdays": [{"date": "2027-01-09"}, {"date": "2027-02-14", "name": "春节调休上班"}],
}


def holiday_file(tmp_path: Path, *years: dict, name: str = "holidays.json", **top) -> Path:
    doc = {"format": "songjiao-holidays", "version": 1, "source": "测试", "years": list(years), **top}
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_the_documented_example_is_exactly_what_the_package_knows_for_2026():
    """The file format can say everything a notice says: docs/holidays-2026.json equals the package's 2026."""
    [year] = holidays.read_file(EXAMPLE)
    start, end = D("2026-01-01"), D("2026-12-31")
    from_file = school_service.suggested_days(start, end, {2026: year})
    from_package = school_service.suggested_days(start, end)
    assert [(e.date, e.kind) for e in from_file] == [(e.date, e.kind) for e in from_package]
    holiday_names = {e.date: e.name for e in from_file if e.kind == "holiday"}
    assert holiday_names == {e.date: e.name for e in from_package if e.kind == "holiday"}
    assert {e.name for e in from_file if e.kind == "workday"} >= {"国庆节调休上班", "春节调休上班"}


def test_a_term_crossing_new_year_into_an_unknown_year_is_warned_until_the_year_is_imported(school, tmp_path):
    term = school.term  # 2026-09-01 to 2027-01-22
    assert holidays.missing_years(school.ctx, term.start, term.end) == [2027]
    assert compliance.term_compliance(school.ctx).unknown_holiday_years == (2027,)
    before = school_service.suggested_days(term.start, term.end, holidays.imported(school.ctx))
    assert not [e for e in before if e.date.year == 2027]  # silently nothing: hence the warning

    assert holidays.import_file(school.as_(school.office), holiday_file(tmp_path, YEAR_2027)) == [2027]

    assert holidays.missing_years(school.ctx, term.start, term.end) == []
    assert compliance.term_compliance(school.ctx).unknown_holiday_years == ()
    after = school_service.suggested_days(term.start, term.end, holidays.imported(school.ctx))
    new_year = [(e.date, e.kind, e.name) for e in after if e.date.year == 2027]
    # 2027-01-02 and -03 are a weekend: not listed; the Saturday 9 January is worked.
    assert new_year == [(D("2027-01-01"), "holiday", "元旦"), (D("2027-01-09"), "workday", "调休上班")]
    assert [e for e in after if e.date.year == 2026] == [e for e in before if e.date.year == 2026]


def test_importing_a_year_again_replaces_it_and_keeps_the_others(school, tmp_path):
    office = school.as_(school.office)
    year_2028 = {"year": 2028, "holidays": [{"name": "元旦", "from": "2028-01-01"}]}
    holidays.import_file(office, holiday_file(tmp_path, YEAR_2027, year_2028))
    changed = {
        **YEAR_2027,
        "holidays": [{"name": "春节", "from": "2027-02-08", "to": "2027-02-09"}],
        "workdays": [],
    }
    holidays.import_file(office, holiday_file(tmp_path, changed, name="again.json"))
    imported = holidays.imported(school.ctx)
    assert sorted(imported) == [2027, 2028]
    assert imported[2027].holidays == {D("2027-02-08"): "春节", D("2027-02-09"): "春节"}
    assert imported[2027].workdays == {} and imported[2027].source == "测试"
    assert imported[2028].holidays == {D("2028-01-01"): "元旦"}


def test_an_imported_year_wins_over_the_package(school, tmp_path):
    """A year the package knows can be corrected by a file (a notice amended after the package shipped)."""
    amended = {"year": 2026, "holidays": [{"name": "国庆节", "from": "2026-10-01", "to": "2026-10-08"}]}
    holidays.import_file(school.ctx, holiday_file(tmp_path, amended))
    days = school_service.suggested_days(D("2026-09-01"), D("2026-10-31"), holidays.imported(school.ctx))
    assert [(e.date, e.kind) for e in days] == [(D(f"2026-10-0{d}"), "holiday") for d in (1, 2, 5, 6, 7, 8)]


def test_only_the_office_imports_and_a_refusal_changes_nothing(school, tmp_path):
    path = holiday_file(tmp_path, YEAR_2027)
    for actor in (school.t1, school.leader):
        with unchanged(school.ctx.store.paths.db_path), pytest.raises(PermissionDenied):
            holidays.import_file(school.as_(actor), path)


def _refusal(school, tmp_path, text: str) -> ValidationError:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with unchanged(school.ctx.store.paths.db_path), pytest.raises(ValidationError) as caught:
        holidays.import_file(school.ctx, path)
    return caught.value


def _doc(*years: dict) -> str:
    return json.dumps({"format": "songjiao-holidays", "version": 1, "years": list(years)}, indent=2)


BAD_FIELDS = [
    # (change to the 2027 year, message id, field named, text on the line named)
    ({"year": "2027"}, "holidays.year", "years[0].year", '"year": "2027"'),
    ({"year": 1999}, "holidays.year", "years[0].year", '"year": 1999'),
    ({"holidays": {}}, "holidays.not_list", "years[0].holidays", '"holidays": {}'),
    ({"holidays": []}, "holidays.missing", "years[0]", "{"),
    ({"holidays": ["2027-01-01"]}, "holidays.not_object", "years[0].holidays[0]", "{"),
    ({"holidays": [{"from": "2027-01-01"}]}, "holidays.name", "years[0].holidays[0].name", "{"),
    ({"holidays": [{"name": "元旦"}]}, "holidays.missing", "years[0].holidays[0]", "{"),
    (
        {"holidays": [{"name": "元旦", "from": "2027-1-1"}]},
        "holidays.date",
        "years[0].holidays[0].from",
        '"2027-1-1"',
    ),
    (
        {"holidays": [{"name": "a", "from": "2027-02-30"}]},
        "holidays.date",
        "years[0].holidays[0].from",
        '"2027-02-30"',
    ),
    (
        {"holidays": [{"name": "元旦", "from": "2029-01-01"}]},
        "holidays.outside_year",
        "years[0].holidays[0].from",
        '"from": "2029-01-01"',
    ),
    (
        {"holidays": [{"name": "春节", "from": "2027-02-13", "to": "2027-02-05"}]},
        "holidays.order",
        "years[0].holidays[0].to",
        '"to": "2027-02-05"',
    ),
    (
        {"holidays": [{"name": "春节", "from": "2027-02-01", "to": "2027-02-20"}]},
        "holidays.too_long",
        "years[0].holidays[0].to",
        '"to": "2027-02-20"',
    ),
    (
        {"holidays": [{"name": "a", "from": "2027-01-01"}, {"name": "b", "from": "2027-01-01"}]},
        "holidays.twice",
        "years[0].holidays[1]",
        "{",
    ),
    (
        {"workdays": [{"date": "2027-01-08"}]},
        "holidays.not_weekend",
        "years[0].workdays[0].date",
        '"2027-01-08"',
    ),
    ({"workdays": [{"date": "2027-01-02"}]}, "holidays.twice", "years[0].workdays[0].date", '"2027-01-02"'),
    (
        {"workdays": [{"date": "2027-01-09", "name": ""}]},
        "holidays.name",
        "years[0].workdays[0].name",
        '"name": ""',
    ),
]


@pytest.mark.parametrize(("change", "message_id", "field", "on_line"), BAD_FIELDS)
def test_a_bad_field_is_named_with_its_line_and_nothing_is_imported(
    school, tmp_path, change, message_id, field, on_line
):
    text = _doc({**YEAR_2027, **change})
    error = _refusal(school, tmp_path, text)
    assert (error.message_id, error.field) == (message_id, field)
    # The line a person finds the problem on: where the key is written, else where its object starts.
    line = text.splitlines()[error.params["line"] - 1].strip()
    assert on_line in line if on_line != "{" else line == "{"


def test_syntax_and_format_errors_are_named_and_change_nothing(school, tmp_path):
    error = _refusal(
        school, tmp_path, '{\n  "format": "songjiao-holidays",\n  "version": 1\n  "years": []\n}'
    )
    assert error.message_id == "holidays.syntax" and error.params == {"line": 4, "column": 3}
    assert _refusal(school, tmp_path, '{"format": "x", "version": 1}').message_id == "holidays.format"
    assert _refusal(school, tmp_path, "[]").message_id == "holidays.format"
    assert _refusal(school, tmp_path, _doc()).message_id == "holidays.missing"
    error = _refusal(school, tmp_path, _doc(YEAR_2027, YEAR_2027))
    assert (error.message_id, error.field) == ("holidays.year_twice", "years[1].year")
    (tmp_path / "bad.json").write_bytes(b"\xff\xfe{}")
    with pytest.raises(ValidationError) as caught:
        holidays.read_file(tmp_path / "bad.json")
    assert caught.value.message_id == "holidays.encoding"
    with pytest.raises(ValidationError) as caught:
        holidays.read_file(tmp_path / "missing.json")
    assert caught.value.message_id == "holidays.unreadable"


def test_a_byte_order_mark_is_accepted(school, tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + _doc(YEAR_2027).encode())
    assert [y.year for y in holidays.read_file(path)] == [2027]


def test_a_term_setup_without_a_school_knows_only_the_package():
    """The first-run wizard has no school yet: nothing imported, 2027 unknown, 2026 known."""
    assert unknown_years(D("2026-09-01"), D("2027-01-22")) == [2027]
    assert unknown_years(D("2026-02-01"), D("2026-07-10")) == []
