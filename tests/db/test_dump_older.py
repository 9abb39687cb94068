"""A dump made by an older program (older database revision) still loads: the migrations convert it."""

from __future__ import annotations

import io
import json

import pytest

from app.db import schema
from app.paths import resolve
from app.services import dump
from app.services.errors import ValidationError
from tests.conftest import open_test_store
from tests.populate import row_counts


def _text(store) -> str:
    out = io.StringIO()
    dump.write_dump(store, out)
    return out.getvalue()


@pytest.fixture
def old_dump(populated):
    return json.loads(_text(populated.ctx.store))


def test_an_older_dump_is_migrated_and_loaded(old_dump, future_migrations, tmp_path):
    assert old_dump["schema_revision"] == future_migrations != schema.head_revision()
    target = open_test_store(resolve(tmp_path / "new" / "school.sqlite3"))
    try:
        dump.load_dump(target, json.dumps(old_dump))
        again = json.loads(_text(target))
        assert again["schema_revision"] == "test_future"
        assert again["tables"] == old_dump["tables"]
        with target.engine.connect() as conn:  # the later revision's column got its default on every row
            assert conn.exec_driver_sql("SELECT DISTINCT nickname FROM student").fetchall() == [("",)]
    finally:
        target.dispose()


def test_an_older_dump_with_problems_is_refused_by_table_row_and_field(old_dump, future_migrations, tmp_path):
    target = open_test_store(resolve(tmp_path / "new" / "school.sqlite3"))
    try:
        bad = json.loads(json.dumps(old_dump))
        bad["tables"]["visit"][2]["date"] = "yesterday"
        with pytest.raises(ValidationError) as error:
            dump.load_dump(target, json.dumps(bad))
        assert "table 'visit', row 3, field 'date'" in str(error.value)
        bad = json.loads(json.dumps(old_dump))
        bad["tables"]["homework_photos"] = []
        with pytest.raises(ValidationError) as error:
            dump.load_dump(target, json.dumps(bad))
        assert "homework_photos" in str(error.value)
        assert set(row_counts(target.engine).values()) == {0}
    finally:
        target.dispose()


def test_a_dump_from_an_unknown_revision_is_refused(old_dump, tmp_path):
    target = open_test_store(resolve(tmp_path / "new" / "school.sqlite3"))
    try:
        with pytest.raises(ValidationError) as error:
            dump.load_dump(target, json.dumps({**old_dump, "schema_revision": "9999_newer"}))
        assert error.value.message_id == "dump.revision" and "newer version" in str(error.value)
    finally:
        target.dispose()
