"""Exchange flows through the real services: approvals, idempotence, order, loss, conflicts, scope."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.db.models import MonthlyPlan, PlanRevision, Student, Visit
from app.services import attachments, contacts, exchange, plans, students, visits
from app.services.context import reading
from app.services.progress import TaskState
from tests.exchange.work import approve, contact, finished_visit, note, png, submit_plan


def _approved_at_office(net, school):  # type: ignore[no-untyped-def]
    """Office and t1's laptop, with a plan submitted on the laptop, sent, received and approved at the office
    (the laptop has not heard back yet)."""
    office, join = net
    t1 = join("t1")
    plan_id = submit_plan(t1.ctx, school.t1, school.students[0])
    [up] = t1.send()
    office.receive(up)
    approve(office.ctx, school.office, plan_id)
    return office, t1, plan_id


def test_plan_submitted_on_laptop_approved_at_office_arrives_back(net, school):
    office, t1, plan_id = _approved_at_office(net, school)
    [down] = office.send("t1")
    assert down.name.startswith("songjiao-office-to-t1-")
    t1.receive(down)
    detail = plans.get_plan(t1.ctx.as_actor(school.t1), plan_id)
    assert detail.status == "approved"


def test_stale_laptop_copy_cannot_undo_an_approval(net, school):
    office, t1, plan_id = _approved_at_office(net, school)
    # The laptop has not heard back and sends again: everything unacknowledged travels again.
    note(t1.ctx, school.t1, school.students[0], "wheelchair")
    [second] = t1.send()
    result = office.receive(second)
    assert result.changes > 1
    with reading(office.ctx) as session:
        plan = session.get(MonthlyPlan, plan_id)
        assert plan.status == "approved" and plan.approved_revision == plan.plan_revision
        decisions = session.scalars(
            select(PlanRevision.decision).where(PlanRevision.plan_id == plan_id)
        ).all()
        assert decisions == ["approved"]
        assert session.get(Student, school.students[0]).safety_notes == "wheelchair"


def test_editing_after_submit_while_office_approves_keeps_both_facts(net, school):
    office, t1, plan_id = _approved_at_office(net, school)
    plans.save_plan(t1.ctx.as_actor(school.t1), school.students[0], "2026-12", {"materials": "积木"})
    [second] = t1.send()
    office.receive(second)
    [down] = office.send("t1")
    t1.receive(down)
    for site in (office, t1):
        with reading(site.ctx) as session:
            plan = session.get(MonthlyPlan, plan_id)
            # The new content needs a new approval; the old approval stays on record.
            assert plan.materials == "积木" and plan.plan_revision == 2 and plan.approved_revision == 1
            assert plan.status == "submitted"
            decided = session.scalar(
                select(PlanRevision.decision).where(PlanRevision.plan_id == plan_id, PlanRevision.number == 1)
            )
            assert decided == "approved"


def test_import_twice_out_of_order_and_lost_bundle_converge(net, school):
    office, join = net
    t1 = join("t1")
    s1 = school.students[0]
    v1 = finished_visit(t1.ctx, school.t1, s1, dt.date(2026, 11, 16))
    [b1] = t1.send()
    c1 = contact(t1.ctx, school.t1, s1, "2026-11-18 10:00")
    [b2] = t1.send()  # b1 never arrives (lost)
    v3 = finished_visit(t1.ctx, school.t1, s1, dt.date(2026, 11, 19))
    [b3] = t1.send()
    office.receive(b3)  # newest first: it carries everything still unacknowledged
    with pytest.raises(exchange.ExchangeRefused) as replay:
        office.receive(b3)
    assert replay.value.message_id == "exchange.replayed"
    for older in (b2, b1):
        with pytest.raises(exchange.ExchangeRefused) as error:
            office.receive(older)
        assert error.value.message_id == "exchange.older"
    with reading(office.ctx) as session:
        assert {v1, v3} <= set(session.scalars(select(Visit.id)))
    assert any(c.id == c1 for c in contacts.list_contacts(office.ctx, s1))


def test_both_sides_edit_a_draft_keeps_both_versions(net, school):
    office, join = net
    t1 = join("t1")
    s1 = school.students[0]
    visit = visits.create_visit(t1.ctx.as_actor(school.t1), s1, {"date": "2026-11-18", "performance": "a"})
    [b1] = t1.send()
    office.receive(b1)
    [d1] = office.send("t1")
    t1.receive(d1)
    visits.update_visit(office.ctx.as_actor(school.office), visit.id, {"performance": "office text"})
    visits.update_visit(t1.ctx.as_actor(school.t1), visit.id, {"performance": "teacher text"})
    [b2] = t1.send()
    result = office.receive(b2)
    assert result.conflicts == 1
    [conflict] = exchange.list_conflicts(office.ctx)
    assert conflict.table == "visit" and conflict.other["performance"] == "office text"
    assert conflict.kept["performance"] == "teacher text"
    [d2] = office.send("t1")
    t1.receive(d2)
    for site in (office, t1):
        with reading(site.ctx) as session:
            assert session.get(Visit, visit.id).performance == "teacher text"
    exchange.settle_conflict(office.ctx, conflict.id)
    assert exchange.list_conflicts(office.ctx) == []


def test_photos_travel_and_nothing_of_other_teachers_students(net, school):
    office, join = net
    t1, t2 = join("t1"), join("t2")
    s1, s3 = school.students[0], school.students[2]
    visit_id = finished_visit(t1.ctx, school.t1, s1, dt.date(2026, 11, 16))
    photo = png(7, 4000)
    attachments.add_attachment(t1.ctx.as_actor(school.t1), "visit", visit_id, "photo", photo, "课堂")
    finished_visit(t2.ctx, school.t2, s3, dt.date(2026, 11, 17))
    [up1], [up2] = t1.send(), t2.send()
    office.receive(up1)
    office.receive(up2)
    with reading(office.ctx) as session:
        assert session.scalar(select(Visit.student_id).where(Visit.id == visit_id)) == s1
    for site, own in ((t1, {school.students[0], school.students[1]}), (t2, {s3})):
        for path in office.send(site.name):
            site.receive(path)
        with reading(site.ctx) as session:
            assert set(session.scalars(select(Student.id))) == own
            assert set(session.scalars(select(Visit.student_id))) <= own
    [info] = attachments.list_attachments(office.ctx, "visit", visit_id)
    assert attachments.fetch_bytes(office.ctx, info.id)[1] == photo


def test_reassigned_student_leaves_the_old_laptop_and_reaches_the_new_one(net, school):
    office, join = net
    t1, t2 = join("t1"), join("t2")
    s2 = school.students[1]
    v = finished_visit(t1.ctx, school.t1, s2, dt.date(2026, 11, 16))
    office.receive(t1.send()[0])
    students.assign_teacher(
        office.ctx.as_actor(school.admin), s2, school.t2.id, "main", dt.date(2026, 11, 20)
    )
    with reading(office.ctx) as session:
        from app.db.models import Assignment

        old = session.scalar(
            select(Assignment).where(Assignment.student_id == s2, Assignment.teacher_id == school.t1.id)
        )
        assert old.end_date == dt.date(2026, 11, 19)
    for site in (t1, t2):
        site.receive(office.send(site.name)[0])
    with reading(t1.ctx) as session:
        assert s2 not in set(session.scalars(select(Student.id)))
        assert session.get(Visit, v) is None
    with reading(t2.ctx) as session:
        assert session.get(Visit, v) is not None


def test_many_deletes_need_confirmation(net, school):
    office, join = net
    t1 = join("t1")
    s1 = school.students[0]
    as_t1 = t1.ctx.as_actor(school.t1)
    ids = [students.save_guardian(as_t1, s1, {"name": f"亲属{i}", "relation": "other"}) for i in range(7)]
    office.receive(t1.send()[0])
    t1.receive(office.send("t1")[0])
    for gid in ids:
        students.delete_guardian(as_t1, gid)
    [bundle] = t1.send()
    with pytest.raises(exchange.ExchangeRefused) as error:
        office.receive(bundle)
    assert error.value.message_id == "exchange.many_deletes"
    result = office.receive(bundle, confirm_deletes=True)
    assert result.deletes == 7
    assert students.get_student(office.ctx, s1).guardians == ()


def test_two_plans_for_the_same_month_are_refused_clearly(net, school):
    office, join = net
    t1 = join("t1")
    submit_plan(t1.ctx, school.t1, school.students[0])
    plans.save_plan(
        office.ctx.as_actor(school.office),
        school.students[0],
        "2026-12",
        {"teacher_id": school.t1.id, "materials": "office draft"},
    )
    with pytest.raises(exchange.ExchangeRefused) as error:
        office.receive(t1.send()[0])
    assert error.value.message_id == "exchange.duplicate"


def test_replaced_detail_rows_are_removed_on_the_other_side(net, school):
    office, join = net
    t1 = join("t1")
    as_t1 = t1.ctx.as_actor(school.t1)
    detail = visits.create_visit(
        as_t1,
        school.students[0],
        {
            "date": "2026-11-18",
            "lessons": [
                {"subject": "生活语文", "content": "一", "minutes": 30},
                {"subject": "康复训练", "content": "二", "minutes": 30},
            ],
        },
    )
    office.receive(t1.send()[0])
    t1.receive(office.send("t1")[0])
    # The editor replaces the lesson rows outright (no tombstone): the removal must still travel.
    visits.update_visit(
        as_t1, detail.id, {"lessons": [{"subject": "生活数学", "content": "三", "minutes": 40}]}
    )
    result = office.receive(t1.send()[0])
    assert result.deletes == 0  # detail rows replaced by an editor do not ask for confirmation
    from app.db.models import VisitLesson

    for site in (office, t1):
        with reading(site.ctx) as session:
            lessons = session.scalars(
                select(VisitLesson.content).where(VisitLesson.visit_id == detail.id)
            ).all()
            assert lessons == ["三"]
    t1.receive(office.send("t1")[0])
    assert exchange.status(t1.ctx).peers[0].not_yet_received == 0
    assert exchange.status(office.ctx).peers[0].not_yet_received == 0


def test_office_roll_data_and_teacher_notes_edited_at_once_both_survive(net, school):
    office, join = net
    t1 = join("t1")
    s1 = school.students[0]
    note(t1.ctx, school.t1, s1, "allergic to peanuts")
    students.update_student(office.ctx.as_actor(school.office), s1, {"grade_class": "四年级2班"})
    assert office.receive(t1.send()[0]).conflicts == 0  # different owners' fields: no conflict
    t1.receive(office.send("t1")[0])
    for site in (office, t1):
        with reading(site.ctx) as session:
            student = session.get(Student, s1)
            assert (student.grade_class, student.safety_notes) == ("四年级2班", "allergic to peanuts")


def test_office_and_teacher_edit_different_fields_of_a_draft_both_survive(net, school):
    office, join = net
    t1 = join("t1")
    visit = visits.create_visit(t1.ctx.as_actor(school.t1), school.students[0], {"date": "2026-11-18"})
    office.receive(t1.send()[0])
    t1.receive(office.send("t1")[0])
    visits.update_visit(office.ctx.as_actor(school.office), visit.id, {"place": "村委会"})
    visits.update_visit(t1.ctx.as_actor(school.t1), visit.id, {"homework": "练习抓握"})
    assert office.receive(t1.send()[0]).conflicts == 0
    t1.receive(office.send("t1")[0])
    for site in (office, t1):
        with reading(site.ctx) as session:
            row = session.get(Visit, visit.id)
            assert (row.place, row.homework) == ("村委会", "练习抓握")
    assert exchange.status(t1.ctx).peers[0].not_yet_received == 0


def test_an_iep_merely_opened_at_the_office_gives_way_to_the_teachers(net, school):
    from app.db.models import Goal, Iep
    from app.services import ieps

    office, join = net
    t1 = join("t1")
    s1, term = school.students[0], school.term.id
    ieps.get_or_create_iep(office.ctx.as_actor(school.office), s1, term)  # the office only looked at it
    teachers = ieps.get_or_create_iep(t1.ctx.as_actor(school.t1), s1, term)
    ieps.add_goal(t1.ctx.as_actor(school.t1), teachers.id, "认知", "认识常用汉字100个")
    [office_first] = office.send("t1")
    t1.receive(office_first)  # the office's blank one does not displace the teacher's
    office.receive(t1.send()[0])  # and at the office the blank one gives way
    t1.receive(office.send("t1")[0])
    for site in (office, t1):
        with reading(site.ctx) as session:
            assert session.scalars(select(Iep.id).where(Iep.student_id == s1)).all() == [teachers.id]
            assert session.scalar(select(Goal.text).where(Goal.iep_id == teachers.id)) == "认识常用汉字100个"
    office.receive(t1.send()[0])  # the laptop confirms the removal of the blank one
    assert exchange.status(office.ctx).peers[0].not_yet_received == 0


def test_goal_bank_items_and_own_password_changes_on_a_laptop_do_not_block_exchange(net, school):
    from app.db.models import GoalBankItem
    from app.services import goal_bank, users

    office, join = net
    t1 = join("t1")
    as_t1 = t1.ctx.as_actor(school.t1)
    item = goal_bank.add_bank_item(as_t1, "认知", "认识颜色")
    users.set_password(as_t1, school.t1.id, "new-password-1", "password1")
    office.receive(t1.send()[0])
    users.update_user(office.ctx.as_actor(school.admin), school.office.id, {"phone": "13800000000"})
    t1.receive(office.send("t1")[0])
    with reading(office.ctx) as session:
        assert session.get(GoalBankItem, item).text == "认识颜色"
    users.authenticate(t1.ctx, "t1", "new-password-1")


def test_office_batch_reports_progress_and_can_stop(net, school):
    office, join = net
    t1, t2 = join("t1"), join("t2")
    files = [t1.send()[0], t2.send()[0]]
    seen: list[tuple[int, int]] = []

    def cancel_after_the_first(done: int, total: int, _label: str) -> None:
        seen.append((done, total))
        if done:
            state.cancel()

    state = TaskState(cancel_after_the_first)
    results = exchange.import_many(office.ctx, files, progress=state)
    assert seen == [(0, 2), (1, 2)] and len(results) == 1  # stopped after the first file
    results = exchange.import_many(office.ctx, files)  # again: one is a replay, the other goes in
    kinds = sorted(type(r).__name__ for _p, r in results)
    assert kinds == ["ExchangeRefused", "ImportResult"]


def test_an_imported_holiday_year_reaches_the_laptops_and_their_warnings_go(net, school, tmp_path):
    """The holiday file is imported once at the office; a laptop knows the year after its next exchange."""
    from app.services import compliance, holidays
    from tests.services.test_holidays import YEAR_2027, holiday_file

    office, join = net
    t1 = join("t1")
    assert compliance.term_compliance(t1.ctx.as_actor(school.t1)).unknown_holiday_years == (2027,)
    holidays.import_file(office.ctx.as_actor(school.office), holiday_file(tmp_path, YEAR_2027))
    [down] = office.send("t1")
    t1.receive(down)
    assert sorted(holidays.imported(t1.ctx)) == [2027]
    assert holidays.imported(t1.ctx)[2027].holidays == holidays.imported(office.ctx)[2027].holidays
    assert compliance.term_compliance(t1.ctx.as_actor(school.t1)).unknown_holiday_years == ()
