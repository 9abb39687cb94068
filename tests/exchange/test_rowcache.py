"""The exchange's row cache (rows.RowCache) is never stale: a row changed by anyone (here by SQL behind the
program's back) is read as it now is, with its new hash; values that compare equal in Python but encode
differently (1, 1.0 and true in JSON; 0.0 and -0.0) are told apart; callers get copies."""

from __future__ import annotations

import uuid

from sqlalchemy import text

from app.services.context import reading
from app.services.exchange.rows import COLUMNS, RowCache, cache_for, encode, row_hash
from app.services.exchange.scope import office_scope
from tests.conftest import TODAY


def _scope(school):
    with reading(school.ctx) as session:
        return office_scope(session, school.t1.id, TODAY)


def test_a_row_changed_behind_the_cache_is_read_as_it_is(school):
    student = school.students[0]
    first = _scope(school)
    engine = school.ctx.store.engine
    with engine.begin() as conn:  # another writer: not through the exchange, nor the services
        conn.execute(
            text("UPDATE student SET safety_notes = 'changed by SQL' WHERE id = :id"), {"id": student}
        )
    second = _scope(school)
    row = second.rows["student"][student]
    assert row["safety_notes"] == "changed by SQL"
    assert second.hash("student", student) == row_hash("student", row) != first.hash("student", student)
    with reading(school.ctx) as session:
        assert cache_for(session).cache.hits > 0  # the unchanged rows did come from the cache


def test_json_values_equal_in_python_but_not_in_encoding_are_told_apart(school):
    hashes = []
    value = "CAST(:w AS json)" if school.ctx.store.engine.dialect.name == "postgresql" else ":w"
    for weights in ('{"visit": 1}', '{"visit": 1.0}', '{"visit": true}', '{"visit": 1}'):
        with school.ctx.store.engine.begin() as conn:
            conn.execute(text(f"UPDATE school SET assessment_weights = {value}"), {"w": weights})
        scope = _scope(school)
        [(key, row)] = scope.rows["school"].items()
        assert scope.hash("school", key) == row_hash("school", row)
        hashes.append(scope.hash("school", key))
    assert len(set(hashes[:3])) == 3 and hashes[3] == hashes[0]


def test_floats_and_copies():
    cache = RowCache(limit=2)
    names = [c.name for c in COLUMNS["iep_score"]]
    key = str(uuid.uuid4())

    def values(score: float) -> tuple:
        return tuple(key if n == "id" else score if n == "score" else None for n in names)

    plus, h_plus = cache.row("iep_score", values(0.0))
    minus, h_minus = cache.row("iep_score", values(-0.0))
    assert h_plus != h_minus and minus["score"] == -0.0
    assert h_minus == row_hash("iep_score", encode("iep_score", dict(zip(names, values(-0.0), strict=True))))
    minus["score"] = 5.0  # a caller changing its row does not change the cache's
    again, h_again = cache.row("iep_score", values(-0.0))
    assert again["score"] == -0.0 and h_again == h_minus and cache.hits == 1
    for _ in range(3):  # beyond the limit the oldest rows go; answers stay right
        cache.row("iep_score", tuple(str(uuid.uuid4()) if n == "id" else None for n in names))
    assert cache.row("iep_score", values(-0.0))[1] == h_minus


def test_a_caller_changing_a_json_value_does_not_change_the_cache():
    cache = RowCache()
    names = [c.name for c in COLUMNS["visit"]]
    key = str(uuid.uuid4())
    values = tuple(key if n == "id" else ["t1"] if n == "teacher_ids" else None for n in names)
    for _ in range(2):  # the first read fills the cache, the second is a hit: both hand out their own lists
        row, digest = cache.row("visit", values)
        row["teacher_ids"].append("t2")
    again, h_again = cache.row("visit", values)
    assert again["teacher_ids"] == ["t1"] and cache.hits == 2
    assert h_again == digest == row_hash("visit", encode("visit", dict(zip(names, values, strict=True))))
