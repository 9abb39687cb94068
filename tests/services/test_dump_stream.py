"""Loading a dump line by line: the same refusals as reading it whole, nothing loaded on a refusal, any layout."""

from __future__ import annotations

import io
import json

import pytest

from app.db.engine import CIPHER_DEFAULTS, PAGE_FORMAT
from app.services import dump
from app.services.dump.stream import scan_lines
from app.services.errors import ValidationError
from tests.conftest import TEST_KEY, sqlite_only
from tests.populate import row_counts


@pytest.fixture
def text(populated) -> str:
    out = io.StringIO()
    dump.write_dump(populated.ctx.store, out)
    return out.getvalue()


def _bend(text: str, table: str, row: int, field: str, value: object) -> str:
    """The dump with one value changed, still one row a line (so it is read line by line)."""
    lines = text.split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith(f'  "{table}": ['))
    number = start + 1 + row
    body = lines[number].strip()
    comma = body.endswith(",")
    data = json.loads(body.rstrip(","))
    data[field] = value
    lines[number] = "   " + json.dumps(data, ensure_ascii=False) + ("," if comma else "")
    bent = "\n".join(lines)
    list(scan_lines(io.BytesIO(bent.encode("utf-8"))))  # raises if the layout were lost
    return bent


def _refusal(target, text: str) -> ValidationError:
    with pytest.raises(ValidationError) as error:
        dump.load_dump(target, text)
    assert "Nothing was loaded" in str(error.value)
    assert set(row_counts(target.engine).values()) == {0}
    return error.value


def _same_as_whole(target, text: str) -> ValidationError:
    """Refused line by line exactly as the same document on one line (read whole) is refused."""
    streamed = _refusal(target, text)
    whole = _refusal(target, json.dumps(json.loads(text), ensure_ascii=False))
    assert (streamed.message_id, str(streamed), streamed.field) == (whole.message_id, str(whole), whole.field)
    return streamed


def test_a_written_dump_is_read_line_by_line_and_round_trips(text, target):
    checked = dump.check_dump(text)
    assert checked.source is not None and checked.tables is None  # streamed, not parsed whole
    counts = dump.load_checked(target, checked)
    assert counts["visit"] == 3
    out = io.StringIO()
    dump.write_dump(target, out)
    assert json.loads(out.getvalue())["tables"] == json.loads(text)["tables"]


@sqlite_only  # compares the stored text byte for byte through ATTACH; the PostgreSQL run round-trips the dump
def test_stored_values_are_exactly_what_the_app_stores(populated, text, target):
    # Rows go to the driver without SQLAlchemy's per-row work: the stored text (dates, times, JSON, NULL versus
    # JSON null, booleans) must still be byte for byte what the app itself wrote.
    dump.load_dump(target, text)
    source = populated.ctx.store.paths.db_path
    with target.engine.connect() as conn:
        # An attached file takes SQLCipher's process-wide default page format, not the main file's: the app's
        # (engine.PAGE_FORMAT) for this one ATTACH.
        for pragma in PAGE_FORMAT:
            conn.exec_driver_sql(f"PRAGMA cipher_default_{pragma.removeprefix('cipher_')}")
        try:
            conn.exec_driver_sql(f"ATTACH DATABASE '{source}' AS source KEY \"x'{TEST_KEY.hex()}'\"")
        finally:
            for name, value in CIPHER_DEFAULTS.items():
                conn.exec_driver_sql(f"PRAGMA cipher_default_{name.removeprefix('cipher_')} = {value}")
        for table in dump.DUMP_TABLES:
            for left, right in (("main", "source"), ("source", "main")):
                extra = conn.exec_driver_sql(
                    f'SELECT * FROM {left}."{table.name}" EXCEPT SELECT * FROM {right}."{table.name}"'
                ).fetchall()
                assert extra == [], (table.name, left)
            typed = f'SELECT count(*) FROM {{}}."{table.name}"'
            assert (
                conn.exec_driver_sql(typed.format("main")).scalar()
                == conn.exec_driver_sql(typed.format("source")).scalar()
            )


def test_refusals_read_the_same_line_by_line(text, target):
    error = _same_as_whole(target, _bend(text, "visit", 1, "date", 20261103))
    assert error.message_id == "dump.schema" and "table 'visit', row 2, field 'date'" in str(error)
    error = _same_as_whole(target, _bend(text, "visit", 0, "date", "2026-02-30"))
    assert error.message_id == "dump.value" and "table 'visit', row 1, field 'date'" in str(error)
    first = json.loads(text)["tables"]["student"][0]["id"]
    error = _same_as_whole(target, _bend(text, "student", 1, "id", first))
    assert error.message_id == "dump.duplicate" and "table 'student', row 2, field 'id'" in str(error)
    error = _same_as_whole(
        target, _bend(text, "visit_lesson", 0, "visit_id", "00000000-0000-0000-0000-0000000000ff")
    )
    assert error.message_id == "dump.reference" and "table 'visit_lesson', row 1, field 'visit_id'" in str(
        error
    )
    error = _same_as_whole(target, _bend(text, "blob", 0, "data", "AAAA"))
    assert error.message_id == "dump.checksum" and "table 'blob', row 1, field 'sha256'" in str(error)
    error = _same_as_whole(target, _bend(text, "visit", 0, "unexpected", 1))
    assert error.message_id == "dump.schema" and "table 'visit', row 1" in str(error)


def test_a_missing_self_reference_is_found_after_the_whole_table(text, target):
    # A make-up visit may name a visit later in the table, so this can only be judged at the table's end.
    error = _same_as_whole(
        target, _bend(text, "visit", 0, "makeup_of_id", "00000000-0000-0000-0000-0000000000ee")
    )
    assert error.message_id == "dump.reference" and "table 'visit', row 1, field 'makeup_of_id'" in str(error)


def test_the_first_problem_is_the_one_a_whole_read_reports(text, target):
    first = json.loads(text)["tables"]["student"][0]["id"]
    duplicate_then_schema = _bend(_bend(text, "student", 1, "id", first), "contact", 0, "summary", 5)
    error = _same_as_whole(target, duplicate_then_schema)
    assert error.message_id == "dump.schema" and "table 'contact', row 1" in str(error)  # schema before keys
    two_duplicates = _bend(
        _bend(text, "student", 1, "id", first), "user", 1, "id", json.loads(text)["tables"]["user"][0]["id"]
    )
    assert "table 'user', row 2" in str(_same_as_whole(target, two_duplicates))  # earlier table first


def test_broken_json_and_other_layouts(text, target):
    broken = text.replace('"date": "2026-11-03"', '"date": "2026-11-03', 1)
    assert _refusal(target, broken).message_id == "dump.bad_json"
    pretty = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    checked = dump.check_dump(pretty)
    assert checked.tables is not None  # another layout is read whole, and loads the same
    dump.load_checked(target, checked)
    assert row_counts(target.engine)["visit"] == 3


def test_a_file_changed_between_check_and_insert_loads_nothing(text, target, tmp_path):
    path = tmp_path / "dump.json"
    path.write_text(text, encoding="utf-8")
    checked = dump.check_dump(path)
    path.write_text(_bend(text, "student", 0, "name", "another name"), encoding="utf-8")
    with pytest.raises(ValidationError) as error:
        dump.load_checked(target, checked)
    assert error.value.message_id == "dump.changed" and "Nothing was loaded" in str(error.value)
    assert set(row_counts(target.engine).values()) == {0}
