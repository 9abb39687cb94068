"""The exchange's conflict policy (app/services/exchange/policy.py) as the pure functions it is.

The exchange tests drive it through bundles; these pin each rule on rows: who owns which field, what a stale or
restored laptop cannot undo, which side a conflict keeps, and that both sides compute the same result.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.services.exchange import policy
from app.services.exchange.rows import TABLES, row_hash
from app.services.students import MASTER_FIELDS

T0, T1, T2 = "2026-11-01T08:00:00", "2026-11-02T08:00:00", "2026-11-03T08:00:00"


def row(table: str, **values: Any) -> dict[str, Any]:
    """A whole encoded row of ``table``: the column defaults, then ``values``."""
    data: dict[str, Any] = {}
    for column in TABLES[table].c:
        arg = getattr(column.default, "arg", None)
        data[column.name] = (
            [] if callable(arg) and column.name.endswith("_ids") else None if callable(arg) else arg
        )
    data.update(id="r1", revision=1, created_at=T0, updated_at=T0, author_id=None)
    data.update(values)
    return data


# --------------------------------------------------------------------------- who owns what


def test_office_tables_belong_to_the_office_whole_but_their_bookkeeping():
    school = policy.office_fields("school")
    assert school == {c.name for c in TABLES["school"].c} - policy.META
    assert "name" in school and "deleted_at" in school and "official_holidays" in school
    assert not school & {"id", "revision", "created_at", "updated_at", "author_id"}


def test_shared_tables_have_named_office_fields_and_teacher_tables_none():
    assert policy.office_fields("student") == frozenset(MASTER_FIELDS) | {"deleted_at"}
    assert "safety_notes" not in policy.office_fields("student")
    assert policy.office_fields("plan_revision") == {"decision", "reviewer_id", "decided_at", "comment"}
    assert policy.office_fields("monthly_plan") == {"approved_revision"}
    assert policy.office_fields("contact") == frozenset()


def test_default_of_is_the_column_default_and_none_for_computed_ones():
    assert policy.default_of("monthly_plan", "status") == "draft"
    assert policy.default_of("monthly_plan", "plan_revision") == 1
    assert policy.default_of("student", "status") == "active"
    assert policy.default_of("student", "placement") == "home"
    assert policy.default_of("monthly_plan", "approved_revision") is None  # no default
    assert policy.default_of("monthly_plan", "objective_ids") is None  # a callable (list): no fixed value


# --------------------------------------------------------------------------- guard: a laptop's version at the office


def test_guard_puts_back_the_offices_fields_and_keeps_the_teachers_content():
    local = row(
        "student", code="S001", name="小明", status="active", grade_class="三年级1班", safety_notes=""
    )
    incoming = {
        **local,
        "status": "graduated",
        "grade_class": "六年级",
        "safety_notes": "轮椅",
        "revision": 4,
    }
    result = policy.guard("student", incoming, local)
    assert result["status"] == "active" and result["grade_class"] == "三年级1班"
    assert result["safety_notes"] == "轮椅"
    assert result["revision"] == 5  # changed by the guard: a new revision, so the laptop takes it back
    assert incoming["status"] == "graduated"  # the input is not modified


def test_guard_of_a_new_row_gives_office_fields_their_defaults():
    incoming = row("student", code="S9", name="新生", status="graduated", placement="school", revision=1)
    result = policy.guard("student", incoming, None)
    assert result["status"] == "active" and result["placement"] == "home"
    assert result["code"] is None  # no default: the office has not given one
    assert result["revision"] == 2


def test_guard_leaves_a_version_that_touches_nothing_of_the_office_as_it_came():
    local = row("student", code="S001", name="小明")
    incoming = {**local, "safety_notes": "轮椅", "revision": 3}
    assert policy.guard("student", incoming, local) == incoming  # same revision: nothing put back


def test_guard_never_lets_a_laptop_decide_its_own_plan():
    local = row("monthly_plan", status="submitted", plan_revision=2)
    for claimed in ("approved", "returned"):
        incoming = {**local, "status": claimed, "revision": 3}
        result = policy.guard("monthly_plan", incoming, local)
        assert (result["status"], result["plan_revision"]) == ("submitted", 2)
        assert result["revision"] == 4
    fresh = row("monthly_plan", status="approved", plan_revision=1)
    assert policy.guard("monthly_plan", fresh, None)["status"] == "submitted"


def test_guard_keeps_a_decision_the_laptop_only_echoes():
    local = row("monthly_plan", status="approved", plan_revision=2, approved_revision=2)
    echo = {**local, "materials": "积木", "revision": 5}
    result = policy.guard("monthly_plan", echo, local)
    assert result["status"] == "approved" and result["materials"] == "积木"
    # The same status at another revision is not an echo: a laptop's "approved" at revision 3 is refused.
    later = {**local, "plan_revision": 3, "revision": 5}
    assert policy.guard("monthly_plan", later, local)["status"] == "approved"  # the office's own value
    assert policy.guard("monthly_plan", later, {**local, "status": "submitted"})["status"] == "submitted"


def test_a_stale_copy_at_the_decided_revision_cannot_take_the_plan_back_to_submitted():
    local = row("monthly_plan", status="approved", plan_revision=2, approved_revision=2)
    for status, revision in (("submitted", 2), ("draft", 2), ("submitted", 1)):
        stale = {**local, "status": status, "plan_revision": revision, "revision": 6}
        result = policy.guard("monthly_plan", stale, local)
        assert (result["status"], result["plan_revision"]) == ("approved", 2), (status, revision)


def test_a_new_revision_after_a_decision_goes_through():
    local = row("monthly_plan", status="returned", plan_revision=2)
    resubmitted = {**local, "status": "submitted", "plan_revision": 3, "revision": 6}
    result = policy.guard("monthly_plan", resubmitted, local)
    assert (result["status"], result["plan_revision"]) == ("submitted", 3)
    assert result["revision"] == 6  # nothing put back


def test_an_older_revision_of_an_undecided_plan_is_put_forward_but_the_same_one_is_not():
    local = row("monthly_plan", status="submitted", plan_revision=3)
    older = {**local, "status": "draft", "plan_revision": 2, "revision": 4}
    assert (policy.guard("monthly_plan", older, local)["status"], 3) == ("submitted", 3)
    assert policy.guard("monthly_plan", older, local)["plan_revision"] == 3
    # The same revision, not decided: the teacher took the plan back to draft before the office looked.
    same = {**local, "status": "draft", "revision": 4}
    assert policy.guard("monthly_plan", same, local)["status"] == "draft"


def test_guard_keeps_a_delete_the_laptop_has_not_heard_of():
    local = row("contact", deleted_at=T1, summary="电话")
    incoming = {**local, "deleted_at": None, "summary": "电话，已回访", "revision": 2}
    result = policy.guard("contact", incoming, local)
    assert result["deleted_at"] == T1 and result["summary"] == "电话，已回访"
    assert result["revision"] == 3
    undeleted_new = row("contact", deleted_at=None)
    assert policy.guard("contact", undeleted_new, None) == undeleted_new
    assert policy.guard("contact", {**local, "revision": 2}, local)["revision"] == 2  # already deleted alike


def test_guard_puts_back_a_decision_of_a_plan_revision():
    local = row("plan_revision", plan_id="p", number=1, decision="approved", reviewer_id="o", comment="好")
    incoming = {**local, "decision": None, "reviewer_id": None, "comment": "", "revision": 2}
    result = policy.guard("plan_revision", incoming, local)
    assert (result["decision"], result["reviewer_id"], result["comment"]) == ("approved", "o", "好")


# --------------------------------------------------------------------------- merge: both sides changed the record


def test_edits_of_different_fields_both_survive_with_the_common_ancestor():
    base = row("contact", summary="电话", feedback="")
    office = {**base, "summary": "电话（教务补记）", "revision": 2, "updated_at": T1}
    laptop = {**base, "feedback": "家长满意", "revision": 2, "updated_at": T2}
    result, lost = policy.merge("contact", office, laptop, base)
    assert (result["summary"], result["feedback"]) == ("电话（教务补记）", "家长满意")
    assert lost == []
    assert result["revision"] == 3 and result["updated_at"] == T2


def test_a_field_both_changed_goes_to_the_teacher_and_the_office_version_is_kept_as_lost():
    base = row("contact", summary="电话")
    office = {**base, "summary": "A", "revision": 2}
    laptop = {**base, "summary": "B", "revision": 3}
    result, lost = policy.merge("contact", office, laptop, base)
    assert result["summary"] == "B"
    assert lost == [office]
    assert result == laptop and result is not laptop  # the teacher's version, as a copy


def test_without_the_ancestor_the_teachers_content_wins_whole():
    office = row("contact", summary="A", feedback="office", revision=4, updated_at=T2)
    laptop = row("contact", summary="B", feedback="laptop", revision=2, updated_at=T1)
    result, lost = policy.merge("contact", office, laptop)
    assert (result["summary"], result["feedback"]) == ("B", "laptop")
    assert lost == [office]
    assert result["revision"] == 2  # equal to the laptop's version: taken as it is


def test_identical_versions_lose_nothing():
    same = row("contact", summary="A", revision=3)
    result, lost = policy.merge("contact", dict(same), dict(same), row("contact", summary="base"))
    assert result == same and lost == []


def test_office_fields_come_from_the_office_in_a_merge():
    base = row("student", code="S1", name="小明", status="active", safety_notes="")
    office = {**base, "status": "paused", "revision": 2, "updated_at": T1}
    laptop = {**base, "status": "active", "safety_notes": "轮椅", "revision": 2, "updated_at": T2}
    result, lost = policy.merge("student", office, laptop, base)
    assert (result["status"], result["safety_notes"]) == ("paused", "轮椅")
    assert lost == []
    assert result["revision"] == 3 and result["updated_at"] == T2


def test_the_earliest_delete_wins_for_teacher_content_and_the_offices_for_office_rows():
    base = row("contact", summary="A")
    office = {**base, "deleted_at": T2, "revision": 2}
    laptop = {**base, "deleted_at": T1, "revision": 2}
    assert policy.merge("contact", office, laptop, base)[0]["deleted_at"] == T1
    assert policy.merge("contact", {**office, "deleted_at": None}, laptop, base)[0]["deleted_at"] == T1
    assert policy.merge("contact", office, {**laptop, "deleted_at": None}, base)[0]["deleted_at"] == T2
    assert (
        policy.merge("contact", {**office, "deleted_at": None}, {**laptop, "deleted_at": None}, base)[0][
            "deleted_at"
        ]
        is None
    )
    student = row("student", code="S1", name="x")
    deleted_at_office = {**student, "deleted_at": T2, "revision": 2}
    edited_on_laptop = {**student, "deleted_at": T1, "safety_notes": "n", "revision": 2}
    assert policy.merge("student", deleted_at_office, edited_on_laptop, student)[0]["deleted_at"] == T2


def test_merge_is_the_same_whichever_side_computes_it():
    """Office and laptop each merge on import: both must arrive at the same record (the copies converge)."""
    base = row("monthly_plan", status="submitted", plan_revision=1, materials="", family_tasks="")
    office = {**base, "status": "approved", "approved_revision": 1, "family_tasks": "练习", "revision": 2}
    laptop = {**base, "materials": "积木", "revision": 2, "updated_at": T1}
    one, _ = policy.merge("monthly_plan", office, laptop, base)
    two, _ = policy.merge("monthly_plan", office, laptop, base)
    assert one == two
    assert (one["status"], one["materials"], one["family_tasks"]) == ("approved", "积木", "练习")


# --------------------------------------------------------------------------- plans: status and revisions


def plan(**values: Any) -> dict[str, Any]:
    return row("monthly_plan", student_id="s", month="2026-12", teacher_id="t", **values)


def test_the_newer_plan_revision_gives_the_status():
    office = plan(status="approved", plan_revision=1, approved_revision=1)
    laptop = plan(status="submitted", plan_revision=2, approved_revision=None)
    result, _ = policy.merge("monthly_plan", office, laptop)
    assert (result["status"], result["plan_revision"], result["approved_revision"]) == ("submitted", 2, 1)
    office_ahead = plan(status="returned", plan_revision=3)
    result, _ = policy.merge("monthly_plan", office_ahead, laptop)
    assert (result["status"], result["plan_revision"]) == ("returned", 3)


def test_at_the_same_revision_the_offices_decision_wins_else_the_teachers_status():
    decided = plan(status="returned", plan_revision=2)
    taken_back = plan(status="draft", plan_revision=2)
    assert policy.merge("monthly_plan", decided, taken_back)[0]["status"] == "returned"
    waiting = plan(status="submitted", plan_revision=2)
    assert policy.merge("monthly_plan", waiting, taken_back)[0]["status"] == "draft"
    assert (
        policy.merge("monthly_plan", plan(status="approved", plan_revision=2), taken_back)[0]["status"]
        == "approved"
    )


def test_first_submission_is_the_earliest_known_and_approval_the_highest():
    office = plan(first_submitted_at=T2, approved_revision=None)
    laptop = plan(first_submitted_at=T1, approved_revision=None, materials="x")
    result, _ = policy.merge("monthly_plan", office, laptop)
    assert result["first_submitted_at"] == T1 and result["approved_revision"] is None
    result, _ = policy.merge("monthly_plan", {**office, "first_submitted_at": None}, laptop)
    assert result["first_submitted_at"] == T1
    result, _ = policy.merge("monthly_plan", office, {**laptop, "first_submitted_at": None})
    assert result["first_submitted_at"] == T2
    both_none = policy.merge(
        "monthly_plan", {**office, "first_submitted_at": None}, {**laptop, "first_submitted_at": None}
    )
    assert both_none[0]["first_submitted_at"] is None
    result, _ = policy.merge(
        "monthly_plan", {**office, "approved_revision": 1}, {**laptop, "approved_revision": 3}
    )
    assert result["approved_revision"] == 3
    result, _ = policy.merge("monthly_plan", {**office, "approved_revision": 2}, laptop)
    assert result["approved_revision"] == 2


# --------------------------------------------------------------------------- visits: finished records are locked


def visit(**values: Any) -> dict[str, Any]:
    return row("visit", student_id="s", teacher_id="t", date="2026-11-04", **values)


def test_a_finished_visit_beats_an_unfinished_edit_of_it():
    base = visit(health="")
    finished = {**base, "status": "done", "finished_at": T1, "health": "好", "revision": 2}
    edited = {**base, "mood": "开心", "revision": 2}
    for office, laptop in ((finished, edited), (edited, finished)):
        result, lost = policy.merge("visit", office, laptop, base)
        assert result is finished
        assert lost == [edited]  # its change (mood) is not in the finished record: kept for a person


def test_the_losing_visit_is_not_lost_when_the_winner_has_its_changes():
    base = visit(health="")
    finished = {**base, "status": "done", "finished_at": T1, "health": "好", "revision": 2}
    same_change = {**base, "health": "好", "revision": 2}
    assert policy.merge("visit", finished, same_change, base) == (finished, [])
    assert policy.merge("visit", same_change, finished, base) == (finished, [])


def test_of_two_finished_versions_the_one_finished_first_stays():
    first = visit(status="done", finished_at=T1, health="A", revision=2)
    second = visit(status="done", finished_at=T2, health="B", revision=2)
    assert policy.merge("visit", first, second)[0] is first
    assert policy.merge("visit", second, first)[0] is first


def test_two_versions_finished_at_the_same_moment_are_decided_by_content_on_both_sides():
    a = visit(status="done", finished_at=T1, health="A", revision=2)
    b = visit(status="done", finished_at=T1, health="B", revision=2)
    lower = a if row_hash("visit", a) < row_hash("visit", b) else b
    assert policy.merge("visit", a, b)[0] is lower
    assert policy.merge("visit", b, a)[0] is lower


def test_unfinished_visits_merge_like_any_record():
    base = visit(health="", mood="")
    office = {**base, "health": "好", "revision": 2}
    laptop = {**base, "mood": "开心", "revision": 2}
    result, lost = policy.merge("visit", office, laptop, base)
    assert (result["health"], result["mood"], lost) == ("好", "开心", [])


@pytest.mark.parametrize("table", ["contact", "visit", "monthly_plan", "student"])
def test_a_version_with_no_change_since_the_ancestor_loses_nothing(table):
    base = row(table, revision=1)
    changed = {**base, "revision": 2, "updated_at": T1}
    for name in ("summary", "mood", "materials", "safety_notes"):
        if name in base:
            changed[name] = "新"
    result, lost = policy.merge(table, dict(base), changed, base)
    assert lost == [] and all(result[k] == v for k, v in changed.items() if k not in policy.META)


def test_a_laptops_change_of_an_office_field_is_not_lost_content():
    """The office owns the roll data: a laptop's old value there is put back, not kept as a conflict."""
    base = row("student", code="S1", name="小明", status="active", safety_notes="")
    office = {**base, "safety_notes": "楼梯", "revision": 2}
    laptop = {**base, "status": "graduated", "safety_notes": "轮椅", "revision": 2}
    result, lost = policy.merge("student", office, laptop, base)
    assert result["status"] == "active"
    assert lost == [office]  # the office's safety note lost to the teacher's; the status is no conflict


def test_two_deletes_keep_the_earliest_and_lose_nothing():
    base = row("contact", summary="A")
    office = {**base, "deleted_at": T2, "revision": 2}
    laptop = {**base, "deleted_at": T1, "revision": 2}
    result, lost = policy.merge("contact", office, laptop, base)
    assert result["deleted_at"] == T1 and lost == []


def test_the_merged_record_is_as_new_as_the_newer_side():
    base = row("contact", summary="电话", feedback="")
    office = {**base, "summary": "电话（补记）", "revision": 2, "updated_at": T2}
    laptop = {**base, "feedback": "满意", "revision": 4, "updated_at": T1}
    result, _ = policy.merge("contact", office, laptop, base)
    assert (result["revision"], result["updated_at"]) == (5, T2)


def test_guard_leaves_a_delete_the_laptop_already_has_alone():
    local = row("contact", deleted_at=T1)
    incoming = {**local, "deleted_at": T2, "revision": 2}
    assert policy.guard("contact", incoming, local) == incoming
