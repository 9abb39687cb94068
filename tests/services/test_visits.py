"""Visit records: planning, recording, finishing (lock), amendments, cancellations, make-ups and the list."""

from __future__ import annotations

import datetime as dt
import struct
import zlib

import pytest

from app.services import ieps, plans, visits
from app.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError

LESSONS = [
    {"subject": "生活语文", "content": "认读a o e", "minutes": 30},
    {"subject": "康复训练", "content": "手指操", "minutes": 30},
]


def png_bytes(width: int = 2, height: int = 1) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def t1(school):
    return school.as_(school.t1)


@pytest.fixture
def visit(school, t1):
    return visits.create_visit(
        t1,
        school.students[0],
        {"date": "2026-11-18", "start_time": "09:00", "end_time": "10:20", "lessons": LESSONS},
    )


def test_create_update_finish_flags_missing_plan(school, t1, visit):
    assert visit.status == "planned" and visit.teacher_id == school.t1.id and visit.minutes == 60
    updated = visits.update_visit(
        t1,
        visit.id,
        {
            "health": "良好",
            "mood": "愉快",
            "homework": "读拼音",
            "next_visit_on": "2026-11-25",
            "caregivers_present": "母亲",
        },
    )
    assert updated.values["health"] == "良好" and updated.lessons == visit.lessons
    done = visits.finish_visit(t1, visit.id)
    assert done.status == "done" and done.finished_at is not None and done.without_approved_plan


def test_finish_with_approved_plan_is_not_flagged(school, t1):
    plan = plans.save_plan(
        t1,
        school.students[0],
        "2026-11",
        {
            "visits": [
                {
                    "date": "2026-11-18",
                    "time_slot": "09:00-10:30",
                    "content": [{"subject": "生活语文", "content": "认读"}],
                }
            ]
        },
    )
    plans.submit_plan(t1, plan.id)
    plan = plans.decide_plan(school.as_(school.office), plan.id, 1, approve=True)
    created = visits.create_visit(t1, school.students[0], planned_visit_id=plan.visits[0].id)
    assert created.date == dt.date(2026, 11, 18) and created.values["start_time"] == dt.time(9, 0)
    assert [x.subject for x in created.lessons] == ["生活语文", ""] and created.lessons[0].minutes == 30
    assert created.plan_id == plan.id
    with pytest.raises(ConflictError):
        visits.create_visit(t1, school.students[0], planned_visit_id=plan.visits[0].id)
    done = visits.finish_visit(t1, created.id)
    assert not done.without_approved_plan


def test_finished_visit_is_locked_and_amended_with_history(school, t1, visit):
    visits.finish_visit(t1, visit.id)
    with pytest.raises(ConflictError) as error:
        visits.update_visit(t1, visit.id, {"health": "发烧"})
    assert error.value.message_id == "visit.locked"
    with pytest.raises(ValidationError):
        visits.amend_visit(t1, visit.id, {"health": "发烧"}, reason="")
    amended = visits.amend_visit(
        t1, visit.id, {"health": "低烧", "lessons": LESSONS[:1]}, reason="家长补充说明"
    )
    assert amended.values["health"] == "低烧" and len(amended.lessons) == 1
    by_field = {a.field: a for a in amended.amendments}
    assert by_field["health"].old_value == "" and by_field["health"].new_value == "低烧"
    assert len(by_field["lessons"].old_value) == 2 and by_field["lessons"].reason == "家长补充说明"
    with pytest.raises(ValidationError):
        visits.amend_visit(t1, visit.id, {"health": "低烧"}, reason="again")  # no change
    with pytest.raises(ConflictError):
        visits.cancel_visit(t1, visit.id, "x", "family")
    assert visits.get_visit(t1, visit.id).amendments == amended.amendments


def test_refusals_change_nothing(school, t1, visit):
    t2 = school.as_(school.t2)
    with pytest.raises(NotFound):
        visits.get_visit(t2, visit.id)
    with pytest.raises(NotFound):
        visits.update_visit(t2, visit.id, {"health": "x"})
    with pytest.raises(NotFound):
        visits.create_visit(t2, school.students[0], {"date": "2026-11-18"})
    with pytest.raises(PermissionDenied):
        visits.update_visit(school.as_(school.leader), visit.id, {"health": "x"})
    bad = [
        ({"end_time": "08:00"}, "end_time"),
        ({"date": "2029-01-01"}, "date"),
        ({"date": "2026-02-30"}, "date"),
        ({"lessons": [{"minutes": 999}]}, "lessons.minutes"),
        ({"next_visit_on": "2026-11-01"}, "next_visit_on"),
        ({"teacher_ids": [school.office.id]}, "teacher_ids"),
        ({"progress": [{"objective_id": "nope", "result": "P"}]}, "progress.objective_id"),
    ]
    for data, field in bad:
        with pytest.raises(ValidationError) as error:
            visits.update_visit(t1, visit.id, data)
        assert error.value.field == field
    assert visits.get_visit(t1, visit.id) == visit
    empty = visits.create_visit(t1, school.students[0], {"date": "2026-11-19"})
    with pytest.raises(ValidationError):
        visits.finish_visit(t1, empty.id)
    future = visits.create_visit(t1, school.students[0], {"date": "2026-11-27", "lessons": LESSONS})
    with pytest.raises(ValidationError):
        visits.finish_visit(t1, future.id)
    assert visits.get_visit(t1, future.id).status == "planned"


def test_progress_per_objective(school, t1, visit):
    iep = ieps.get_or_create_iep(t1, school.students[0], school.term.id)
    objective = ieps.add_objective(
        t1, ieps.add_goal(t1, iep.id, "生活语文", "学习拼音"), {"text": "认读a o e"}
    )
    updated = visits.update_visit(
        t1,
        visit.id,
        {
            "lessons": [{**LESSONS[0], "objective_ids": [objective]}],
            "progress": [{"objective_id": objective, "result": "c", "note": "能认读a"}],
        },
    )
    assert updated.progress[0].result == "C" and updated.lessons[0].objective_ids == (objective,)


def test_cancel_and_makeup(school, t1, visit):
    with pytest.raises(ValidationError):
        visits.cancel_visit(t1, visit.id, "生病", "weather")
    with pytest.raises(ValidationError):
        visits.cancel_visit(t1, visit.id, "", "family")
    with pytest.raises(ConflictError):
        visits.schedule_makeup(t1, visit.id, "2026-11-25")  # not cancelled yet
    cancelled = visits.cancel_visit(t1, visit.id, "教师外出培训", "school")
    assert cancelled.status == "cancelled" and cancelled.cancel_cause == "school"
    with pytest.raises(ValidationError) as error:
        visits.schedule_makeup(t1, visit.id, "2026-11-18")
    assert error.value.field == "date"
    makeup = visits.schedule_makeup(t1, visit.id, "2026-11-19", {"lessons": LESSONS})
    assert makeup.makeup_of_id == visit.id and makeup.status == "planned"
    with pytest.raises(ConflictError):
        visits.schedule_makeup(t1, visit.id, "2026-11-20")
    assert visits.count_visits(t1, makeups=True) == 1


def test_signature(school, t1, visit):
    with pytest.raises(ValidationError):
        visits.set_signature(t1, visit.id, b"\xff\xd8\xff garbage")
    first = visits.set_signature(t1, visit.id, png_bytes())
    second = visits.set_signature(t1, visit.id, png_bytes(3))
    assert visits.get_visit(t1, visit.id).signature_id == second.id != first.id
    visits.finish_visit(t1, visit.id)
    with pytest.raises(ConflictError):
        visits.set_signature(t1, visit.id, png_bytes(4))
    assert visits.list_visits(t1)[0].has_signature


def test_list_is_paged_sorted_and_filtered_in_sql(school, t1):
    office = school.as_(school.office)
    for day in range(2, 20):
        visits.create_visit(
            t1, school.students[day % 2], {"date": f"2026-11-{day:02d}", "lessons": LESSONS[:1]}
        )
    visits.create_visit(school.as_(school.t2), school.students[2], {"date": "2026-11-05"})
    assert visits.count_visits(office) == 19 and visits.count_visits(t1) == 18
    page = visits.list_visits(office, offset=0, limit=5)
    assert (
        [v.date.day for v in page] == [19, 18, 17, 16, 15] and page[0].lessons == 1 and page[0].minutes == 30
    )
    nxt = visits.list_visits(office, offset=5, limit=5)
    assert nxt[0].date.day == 14
    by_name = visits.list_visits(office, sort="student_code", descending=False, limit=None)
    assert [v.student_code for v in by_name][-1] == "S003"
    assert visits.count_visits(office, student_id=school.students[0]) == 9
    assert visits.count_visits(office, date_from=dt.date(2026, 11, 10), date_to=dt.date(2026, 11, 12)) == 3
    assert visits.count_visits(office, teacher_id=school.t2.id) == 1
    assert visits.count_visits(office, search="S003") == 1
    assert visits.count_visits(office, status="done") == 0


def test_planned_visit_can_be_deleted_but_done_cannot(school, t1, visit):
    other = visits.create_visit(t1, school.students[0], {"date": "2026-11-17", "lessons": LESSONS})
    visits.delete_visit(t1, other.id)
    with pytest.raises(NotFound):
        visits.get_visit(t1, other.id)
    visits.finish_visit(t1, visit.id)
    with pytest.raises(ConflictError):
        visits.delete_visit(t1, visit.id)


def test_new_visit_defaults_to_today_and_amended_date_rechecks_plan(school, t1):
    assert visits.create_visit(t1, school.students[1]).date == dt.date(2026, 11, 20)
    plan = plans.save_plan(t1, school.students[0], "2026-10", {"visits": [{"date": "2026-10-20"}]})
    plans.submit_plan(t1, plan.id)
    plans.decide_plan(school.as_(school.office), plan.id, 1, approve=True)
    visit = visits.create_visit(t1, school.students[0], {"date": "2026-11-02", "lessons": LESSONS})
    assert visits.finish_visit(t1, visit.id).without_approved_plan
    moved = visits.amend_visit(t1, visit.id, {"date": "2026-10-30"}, reason="日期记错")
    assert not moved.without_approved_plan and moved.amendments[0].old_value == "2026-11-02"
