"""Lesson plans (from a template, linked to a visit lesson) and photos on a visit, as the teacher."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from app.services import attachments, lessons, visits
from tests.ui.editors_helpers import press_save
from tests.ui.helpers import wait_idle


def test_lesson_plan_from_template_linked_to_visit(qtbot, school, make_session):
    from app.ui.editors.lesson_plans import LessonPlanLibrary
    from app.ui.editors.visit_editor import VisitEditor

    template = lessons.create_lesson_plan(
        school.as_(school.t2),
        {
            "title": "认识水果",
            "subject": "生活语文",
            "is_template": True,
            "process": {"导入": "出示水果实物"},
        },
    )
    session = make_session(school.t1)
    library = LessonPlanLibrary(session)
    qtbot.addWidget(library)
    library.show()
    wait_idle(qtbot, session)
    assert library.list.count() == 1
    library.list.setCurrentRow(0)
    wait_idle(qtbot, session)
    assert library.form.value("title") == "认识水果" and not library.save_button.isEnabled()  # not mine
    qtbot.mouseClick(library.copy_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert library.plan.teacher_id == school.t1.id and library.plan.id != template.id
    assert library.process.value("导入") == "出示水果实物"
    library.form.set_value("student_id", school.students[0])
    library.form.set_value("title", "")
    press_save(qtbot, library, library.form.widgets["title"])
    wait_idle(qtbot, session)
    assert library.form.error("title")  # the title is required: said beside it
    library.form.set_value("title", "认识苹果和香蕉")
    library.save()
    wait_idle(qtbot, session)
    mine = lessons.get_lesson_plan(session.ctx, library.plan.id)
    assert mine.title == "认识苹果和香蕉" and mine.student_id == school.students[0]

    visit = visits.create_visit(
        session.ctx,
        school.students[0],
        {"date": "2026-11-18", "lessons": [{"subject": "生活语文", "content": "认识水果", "minutes": 40}]},
    )
    editor = VisitEditor(session, visit.id)
    qtbot.addWidget(editor)
    wait_idle(qtbot, session)
    editor.lessons.setCurrentCell(0, 1)
    editor.lesson_plan.setCurrentIndex(editor.lesson_plan.findData(mine.id))
    wait_idle(qtbot, session)
    assert editor.is_dirty()
    editor.save()
    wait_idle(qtbot, session)
    assert visits.get_visit(session.ctx, visit.id).lessons[0].lesson_plan_id == mine.id


def test_photos_on_a_visit(qtbot, school, make_session, tmp_path):
    from app.ui.editors.attachments import AttachmentsPanel

    session = make_session(school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("orange"))
    path = tmp_path / "photo.png"
    assert picture.save(str(path))
    panel = AttachmentsPanel(session, "visit", visit.id)
    qtbot.addWidget(panel)
    wait_idle(qtbot, session)
    panel.add_file(path, "上课照片")
    wait_idle(qtbot, session)
    assert panel.list.count() == 1 and panel.list.item(0).text() == "上课照片"
    dialog = panel.view(panel.list.item(0).data(Qt.ItemDataRole.UserRole))
    assert dialog.isVisible()
    dialog.close()
    (tmp_path / "notes.txt").write_text("not a picture")
    panel.add_file(tmp_path / "notes.txt")
    wait_idle(qtbot, session)
    assert panel.message.text() and panel.list.count() == 1  # refused, said why
    assert len(attachments.list_attachments(session.ctx, "visit", visit.id)) == 1
