"""Guardian contacts: quick log, unanswered attempts, per-term lists and per-teacher counts."""

from __future__ import annotations

import pytest

from app.services import contacts, students
from app.services.errors import NotFound, PermissionDenied, ValidationError


def test_log_list_and_counts(school):
    t1, t2 = school.as_(school.t1), school.as_(school.t2)
    guardian = students.save_guardian(t1, school.students[0], {"name": "王芳", "relation": "parent"})
    first = contacts.log_contact(
        t1,
        school.students[0],
        {
            "at": "2026-11-16 18:30",
            "guardian_id": guardian,
            "channel": "phone",
            "purpose": "notice",
            "summary": "通知周三送教",
            "follow_up_on": "2026-11-18",
        },
    )
    assert first.guardian_name == "王芳" and first.answered and first.recorder_name == "张老师"
    contacts.log_contact(
        t1,
        school.students[0],
        {"at": "2026-11-17 09:00", "channel": "wechat", "purpose": "follow_up", "answered": False},
    )
    contacts.log_contact(t1, school.students[1], {"at": "2026-11-18", "channel": "home"})
    contacts.log_contact(t2, school.students[2], {"at": "2026-11-19 10:00", "channel": "letter"})
    contacts.log_contact(
        t1, school.students[0], {"at": "2026-08-20 10:00", "channel": "phone"}
    )  # before term
    listed = contacts.list_contacts(t1, school.students[0], term_id=school.term.id)
    assert [c.channel for c in listed] == ["wechat", "phone"]
    assert len(contacts.list_contacts(t1, school.students[0])) == 3
    assert [c.answered for c in contacts.list_contacts(t1, school.students[0], answered=False)] == [False]
    counts = {c.teacher_name: c for c in contacts.contact_counts(school.as_(school.office), school.term.id)}
    assert (counts["张老师"].contacts, counts["张老师"].unanswered, counts["张老师"].students) == (3, 1, 2)
    assert counts["陈老师"].contacts == 1
    assert [c.teacher_name for c in contacts.contact_counts(t2, school.term.id)] == ["陈老师"]


def test_refusals_change_nothing(school):
    t1 = school.as_(school.t1)
    other_guardian = students.save_guardian(
        school.as_(school.t2), school.students[2], {"name": "赵", "relation": "parent"}
    )
    bad = [
        ({"at": "2026-11-16 18:30", "channel": "fax"}, "channel"),
        ({"channel": "phone"}, "at"),
        ({"at": "yesterday", "channel": "phone"}, "at"),
        ({"at": "2026-12-25 10:00", "channel": "phone"}, "at"),
        ({"at": "2026-11-16", "channel": "phone", "purpose": "gossip"}, "purpose"),
        ({"at": "2026-11-16", "channel": "phone", "follow_up_on": "2026-11-01"}, "follow_up_on"),
        ({"at": "2026-11-16", "channel": "phone", "guardian_id": other_guardian}, "guardian_id"),
    ]
    for data, field in bad:
        with pytest.raises(ValidationError) as error:
            contacts.log_contact(t1, school.students[0], data)
        assert error.value.field == field
    with pytest.raises(NotFound):
        contacts.log_contact(t1, school.students[2], {"at": "2026-11-16", "channel": "phone"})
    with pytest.raises(PermissionDenied):
        contacts.log_contact(
            school.as_(school.leader), school.students[0], {"at": "2026-11-16", "channel": "phone"}
        )
    assert contacts.list_contacts(school.as_(school.office), school.students[0]) == []
    assert contacts.list_contacts(school.as_(school.office), school.students[2]) == []


def test_update_and_delete(school):
    t1 = school.as_(school.t1)
    contact = contacts.log_contact(
        t1, school.students[0], {"at": "2026-11-16 18:30", "channel": "phone", "answered": False}
    )
    updated = contacts.update_contact(t1, contact.id, {"answered": True, "feedback": "同意"})
    assert updated.answered and updated.feedback == "同意" and updated.revision == 2
    with pytest.raises(NotFound):
        contacts.update_contact(school.as_(school.t2), contact.id, {"feedback": "x"})
    with pytest.raises(ValidationError):
        contacts.update_contact(t1, contact.id, {"follow_up_on": "2026-11-01"})
    assert contacts.list_contacts(t1, school.students[0])[0].follow_up_on is None
    contacts.delete_contact(t1, contact.id)
    assert contacts.list_contacts(t1, school.students[0]) == []
