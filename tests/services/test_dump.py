"""Dump and load: the documented JSON format, a lossless round trip, and refusals that name table, row and field."""

from __future__ import annotations

import importlib.util
import io
import json

import pytest

from app.db.models import RECORD_TABLES
from app.paths import RESOURCES
from app.services import dump
from app.services import school as school_service
from app.services.errors import ConflictError, ValidationError
from tests.populate import row_counts


def _generator():
    path = RESOURCES.parent / "packaging" / "gen_dump_schema.py"
    spec = importlib.util.spec_from_file_location("gen_dump_schema", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_schema_matches_the_models():
    expected = _generator().render()
    assert dump.SCHEMA_PATH.read_text(encoding="utf-8") == expected, (
        "run: .venv/bin/python packaging/gen_dump_schema.py"
    )


def _text(store) -> str:
    out = io.StringIO()
    dump.write_dump(store, out)
    return out.getvalue()


def test_dump_format(populated):
    data = json.loads(_text(populated.ctx.store))
    assert data["format"] == "songjiao-dump" and data["version"] == 1
    assert list(data["tables"]) == [m.__tablename__ for m in RECORD_TABLES] + ["audit_entry"]
    visit = next(v for v in data["tables"]["visit"] if v["id"] == populated.visits.done)
    assert visit["date"] == "2026-11-03" and visit["start_time"] == "09:00:00"
    assert visit["finished_at"].startswith("2026-11-03T11:30")
    blob = data["tables"]["blob"][0]
    import base64

    assert base64.b64decode(blob["data"]) == bytes(range(256)) * 4


def test_round_trip_is_lossless(populated, target):
    first = json.loads(_text(populated.ctx.store))
    counts = dump.load_dump(target, json.dumps(first))
    assert counts["visit"] == 3
    second = json.loads(_text(target))
    assert second["schema_revision"] == first["schema_revision"]
    assert second["tables"] == first["tables"]
    dumped = {t.name for t in dump.DUMP_TABLES}
    assert {k: v for k, v in row_counts(target.engine).items() if k in dumped} == {
        k: v for k, v in row_counts(populated.ctx.store.engine).items() if k in dumped
    }


def _refused(target, data, message_id) -> ValidationError:
    text = data if isinstance(data, str) else json.dumps(data)
    with pytest.raises(ValidationError) as error:
        dump.load_dump(target, text)
    assert error.value.message_id == message_id
    assert "Nothing was loaded" in str(error.value)
    assert set(row_counts(target.engine).values()) == {0}
    return error.value


def test_refusals_name_what_is_wrong_and_load_nothing(populated, target):
    good = json.loads(_text(populated.ctx.store))

    def changed(table, row, field, value):
        data = json.loads(json.dumps(good))
        data["tables"][table][row][field] = value
        return data

    assert "not valid JSON" in str(_refused(target, '{"format": "songjiao-dump",', "dump.bad_json"))
    _refused(target, {"format": "other"}, "dump.not_songjiao")
    _refused(target, {**good, "version": 2}, "dump.version")
    _refused(target, {**good, "schema_revision": "0000_unknown"}, "dump.revision")
    error = _refused(target, changed("visit", 1, "date", 20261103), "dump.schema")
    assert "table 'visit', row 2, field 'date'" in str(error) and error.field == "visit.1.date"
    error = _refused(target, changed("student", 0, "name", None), "dump.schema")
    assert "table 'student', row 1, field 'name'" in str(error)
    data = json.loads(json.dumps(good))
    del data["tables"]["contact"][0]["summary"]
    assert "table 'contact', row 1" in str(_refused(target, data, "dump.schema"))
    error = _refused(target, changed("visit", 0, "date", "2026-02-30"), "dump.value")
    assert "table 'visit', row 1, field 'date'" in str(error)
    duplicate = changed("student", 1, "id", good["tables"]["student"][0]["id"])
    assert "table 'student', row 2, field 'id'" in str(_refused(target, duplicate, "dump.duplicate"))
    dangling = changed("visit_lesson", 0, "visit_id", "00000000-0000-0000-0000-0000000000ff")
    error = _refused(target, dangling, "dump.reference")
    assert "table 'visit_lesson', row 1, field 'visit_id'" in str(error) and "missing visit" in str(error)
    _refused(
        target, changed("blob", 0, "sha256", "0" * 64), "dump.reference"
    )  # the attachment now points nowhere
    forged = changed("blob", 0, "data", "AAAA")
    assert "table 'blob', row 1, field 'sha256'" in str(_refused(target, forged, "dump.checksum"))


def test_load_refuses_a_database_that_is_not_empty(populated):
    text = _text(populated.ctx.store)
    before = row_counts(populated.ctx.store.engine)
    with pytest.raises(ConflictError) as error:
        dump.load_dump(populated.ctx.store, text)
    assert error.value.message_id == "load.not_empty"
    assert row_counts(populated.ctx.store.engine) == before


def test_quick_row_check_agrees_with_jsonschema(populated):
    """The fast path may only say yes where jsonschema says yes (else load would accept what the schema refuses)."""
    data = json.loads(_text(populated.ctx.store))
    odd_values = [
        None,
        "",
        "x",
        "2026-11-03",
        "2026-11-03T09:00:00",
        "09:00:00",
        0,
        1,
        -1,
        2.5,
        3.0,
        True,
        False,
        [],
        {},
        "AAAA",
        "not base64!",
    ]
    for name, rows in data["tables"].items():
        validator, quick = dump.committed_schema().row(name)
        assert quick is not None, name  # every table gets the fast path today
        for row in rows[:2]:
            assert quick(row) and validator.is_valid(row)
            for field in row:
                for value in odd_values:
                    bent = {**row, field: value}
                    assert quick(bent) == validator.is_valid(bent), (name, field, value)
            extra = {**row, "unexpected": 1}
            assert not quick(extra) and not validator.is_valid(extra)
            missing = dict(row)
            missing.pop(next(iter(row)))
            assert not quick(missing) and not validator.is_valid(missing)


class _WritesDuringDump(io.StringIO):
    """An output that saves a record through the app the first time the dump writes to it, while the dump's
    read is open, and reads it back at once: the save committed then, it did not wait for the dump."""

    def __init__(self, ctx) -> None:
        super().__init__()
        self.ctx, self.saved, self.committed = ctx, False, None

    def write(self, text: str) -> int:
        if not self.saved:
            self.saved = True
            # A dump holding the write lock (BEGIN IMMEDIATE) would make this save fail with "database is
            # locked" once the busy timeout ran out: the dump is blocked in this very call, so it cannot let go.
            school_service.put_setting(self.ctx, "saved.during.dump", True)
            self.committed = school_service.get_setting(self.ctx, "saved.during.dump")
        return super().write(text)


def test_a_dump_reads_a_snapshot_and_does_not_block_the_app(populated):
    out = _WritesDuringDump(populated.ctx)
    dump.write_dump(populated.ctx.store, out)
    assert out.saved and out.committed is True  # saved and visible while the dump was still writing
    keys = {row["key"] for row in json.loads(out.getvalue())["tables"]["setting"]}
    assert "saved.during.dump" not in keys  # the dump is the state when it started
    assert school_service.get_setting(populated.ctx, "saved.during.dump") is True


def test_the_demo_school_checks_clean_and_round_trips(ctx, target):
    from app.services import check
    from app.services.demo import generate

    generate(ctx, students=8, terms=2, seed=3)
    assert check.run_checks(ctx.store) == []
    first = json.loads(_text(ctx.store))
    dump.load_dump(target, json.dumps(first))
    assert json.loads(_text(target))["tables"] == first["tables"]
    assert check.run_checks(target) == []


def test_dump_and_load_report_progress_and_a_cancel_keeps_nothing(populated, target, monkeypatch, tmp_path):
    from app.services.dump import load as load_module
    from app.services.dump import write as write_module
    from app.services.progress import Cancelled, TaskState
    from tests.conftest import db_digest

    monkeypatch.setattr(write_module, "PROGRESS_EVERY", 5)  # the small school has a few hundred rows
    monkeypatch.setattr(load_module, "PROGRESS_EVERY", 5)
    written: list[tuple[int, int]] = []
    out = io.StringIO()
    counts = dump.write_dump(
        populated.ctx.store, out, TaskState(lambda done, total, _l: written.append((done, total)))
    )
    rows = sum(counts.values())
    assert written[-1] == (rows, rows) and len(written) > len(counts)  # within tables too
    assert [done for done, _ in written] == sorted(done for done, _ in written)

    state = TaskState(lambda done, total, _l: state.cancel() if done >= total // 2 else None)
    with pytest.raises(Cancelled):
        dump.write_dump(populated.ctx.store, io.StringIO(), state)

    path = tmp_path / "school.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    checked = dump.check_dump(path)
    before = db_digest(target.paths.db_path)
    state = TaskState(lambda done, total, _l: state.cancel() if done >= total // 2 else None)
    with pytest.raises(Cancelled):
        dump.load_checked(target, checked, state)
    assert state.done < rows and set(row_counts(target.engine).values()) == {0}  # rolled back
    assert db_digest(target.paths.db_path) == before
    loaded: list[tuple[int, int]] = []
    dump.load_checked(target, checked, TaskState(lambda done, total, _l: loaded.append((done, total))))
    assert loaded[-1] == (rows, rows) and len(loaded) > 2
