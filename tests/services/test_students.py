"""Students service: roles, validation, masking, guardians, assignments."""

from __future__ import annotations

import pytest

from app.services import students
from app.services.errors import NotFound, PermissionDenied, ValidationError
from tests.conftest import unchanged


def test_teacher_sees_only_assigned_students(school):
    mine = students.list_students(school.as_(school.t1))
    assert [s.code for s in mine] == ["S001", "S002"]
    with unchanged(school.ctx.store.paths.db_path), pytest.raises(NotFound):
        students.get_student(school.as_(school.t1), school.students[2])
    assert students.count_students(school.as_(school.office)) == 3


def test_ids_masked_unless_revealed(school):
    detail = students.get_student(school.as_(school.t1), school.students[0])
    assert "*" in detail.values["id_number"] and detail.values["id_number"][:6] == "460100"
    revealed = students.get_student(school.as_(school.office), school.students[0], reveal=True)
    assert "*" not in revealed.values["id_number"]


def test_bad_input_names_the_field_and_changes_nothing(school):
    db = school.ctx.store.paths.db_path
    with unchanged(db), pytest.raises(ValidationError) as error:
        students.create_student(
            school.as_(school.office), {"code": "S009", "name": "小李", "birth_date": "2020-13-40"}
        )
    assert error.value.field == "birth_date"
    with unchanged(db), pytest.raises(ValidationError) as error:
        students.create_student(school.as_(school.office), {"code": "S001", "name": "重复"})
    assert error.value.field == "code"


def test_teacher_cannot_create_or_change_roll_data(school):
    db = school.ctx.store.paths.db_path
    with unchanged(db), pytest.raises(PermissionDenied):
        students.create_student(school.as_(school.t1), {"code": "S010", "name": "小王"})
    with unchanged(db), pytest.raises(ValidationError):
        students.update_student(school.as_(school.t1), school.students[0], {"status": "graduated"})
    result = students.update_student(school.as_(school.t1), school.students[0], {"safety_notes": "家里有狗"})
    assert result.revision == 2


def test_warnings_do_not_refuse(school):
    result = students.create_student(
        school.as_(school.office),
        {
            "code": "S011",
            "name": "小周",
            "id_number": "460100201503011231",
            "birth_date": "2005-01-01",
            "certificate_no": "12345",
        },
    )
    assert "id_number.check_digit" in result.warnings
    assert "age.outside_service_range" in result.warnings
    assert any(w.startswith("certificate") for w in result.warnings)


def test_guardians_and_primary_flag(school):
    ctx = school.as_(school.t1)
    first = students.save_guardian(
        ctx,
        school.students[0],
        {"name": "王芳", "relation": "parent", "phone": "13800138000", "is_primary": True},
    )
    second = students.save_guardian(
        ctx, school.students[0], {"name": "王大爷", "relation": "grandparent", "is_primary": True}
    )
    detail = students.get_student(ctx, school.students[0])
    primary = {g.id: g.is_primary for g in detail.guardians}
    assert primary == {first: False, second: True}
    with unchanged(school.ctx.store.paths.db_path), pytest.raises(ValidationError) as error:
        students.save_guardian(ctx, school.students[0], {"name": "X", "relation": "parent", "phone": "abc"})
    assert error.value.field == "phone"


def test_new_main_teacher_ends_previous(school):
    ctx = school.as_(school.office)
    students.assign_teacher(ctx, school.students[0], school.t2.id, "main")
    assert [s.code for s in students.list_students(school.as_(school.t2))] == ["S001", "S003"]


def test_stale_revision_is_refused(school):
    from app.services.errors import ConflictError

    ctx = school.as_(school.office)
    students.update_student(ctx, school.students[0], {"address": "一村"}, expected_revision=1)
    with unchanged(school.ctx.store.paths.db_path), pytest.raises(ConflictError):
        students.update_student(ctx, school.students[0], {"address": "二村"}, expected_revision=1)


def test_deleting_a_student_tombstones_their_records(school):
    from sqlalchemy import select

    from app.db.models import AuditEntry, Guardian, Visit
    from app.services import check, visits
    from app.services.context import reading

    teacher = school.as_(school.t1)
    guardian_id = students.save_guardian(teacher, school.students[0], {"name": "王芳", "relation": "parent"})
    visit = visits.create_visit(teacher, school.students[0], {"date": "2026-11-18"})
    with unchanged(school.ctx.store.paths.db_path), pytest.raises(PermissionDenied):
        students.delete_student(teacher, school.students[0])

    students.delete_student(school.as_(school.office), school.students[0])

    with reading(school.ctx) as session:
        for model, record_id in ((Visit, visit.id), (Guardian, guardian_id)):
            row = session.get(model, record_id)
            assert row.deleted_at is not None and row.revision == 2
        audited = set(session.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "delete")))
    assert {visit.id, guardian_id} <= audited
    assert students.count_students(school.as_(school.office)) == 2
    assert not [f for f in check.run_checks(school.ctx.store) if f.code == "visit.student_deleted"]
