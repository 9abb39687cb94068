"""Join, teacher edits, send to the office, the office decides, and back: the whole loop."""

from __future__ import annotations

from app.services import exchange, students


def test_join_gives_the_laptop_only_its_teachers_students(net, school):
    office, join = net
    t1 = join("t1")
    as_t1 = t1.ctx.as_actor(school.t1)
    listed = {s.id for s in students.list_students(as_t1)}
    assert listed == set(school.students[:2])
    status = exchange.status(t1.ctx)
    assert status.role == "laptop" and status.peers[0].not_yet_received == 0


def test_teacher_edit_reaches_office_and_back(net, school):
    office, join = net
    t1 = join("t1")
    as_t1 = t1.ctx.as_actor(school.t1)
    students.update_student(as_t1, school.students[0], {"safety_notes": "seizures: call 120"})
    gid = students.save_guardian(
        as_t1, school.students[0], {"name": "王妈妈", "relation": "parent", "phone": "13800138000"}
    )
    [bundle] = t1.send()
    assert "t1-to-office" in bundle.name
    result = office.receive(bundle)
    assert result.applied >= 2 and result.conflicts == 0
    latest = exchange.history(office.ctx)[0]
    assert (latest.direction, latest.teacher, latest.applied) == ("in", "t1", result.applied)
    detail = students.get_student(school.ctx, school.students[0])
    assert detail.values["safety_notes"] == "seizures: call 120"
    assert any(g.id == gid for g in detail.guardians)
    # the office's reply acknowledges: the laptop then has nothing unconfirmed
    [reply] = office.send("t1")
    t1.receive(reply)
    assert exchange.status(t1.ctx).peers[0].not_yet_received == 0
