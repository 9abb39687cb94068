"""The compliance grid: colours per status, the reason in the tooltip, the legend."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.db.models import Visit, VisitLesson
from app.services import students
from app.services.context import transaction
from app.ui.item_models.compliance import COLOURS, STATUS_ROLE
from tests.ui.helpers import wait_idle


def _visit(school, student_id: str, day: dt.date, minutes: tuple[int, ...] = (30, 30), **extra) -> None:
    with transaction(school.ctx) as session:
        visit = Visit(student_id=student_id, teacher_id=school.t1.id, date=day, status="done", **extra)
        session.add(visit)
        session.flush()
        for position, m in enumerate(minutes):
            session.add(VisitLesson(visit_id=visit.id, position=position, minutes=m))


def _column(model, start: dt.date) -> int:
    for column in range(1, model.columnCount()):
        if model.result.students[0].result.periods[column - 1].period.start == start:
            return column
    raise AssertionError(start)


def test_grid_colours_and_tooltips(make_window, school, english, qtbot):
    xiaoming, xiaohong = school.students[0], school.students[1]
    _visit(school, xiaoming, dt.date(2026, 11, 4))
    _visit(school, xiaoming, dt.date(2026, 11, 11), minutes=(30,))  # one lesson too few
    students.add_pause(school.as_(school.t1), xiaohong, "2026-11-02", "2026-11-15", "手术")
    window = make_window(school.t1)
    page = window.show_page("compliance")
    wait_idle(qtbot, window)
    model = page.model
    assert model.rowCount() == 2 and model.columnCount() > 15
    rows = {model.result.students[r].student_id: r for r in range(model.rowCount())}
    ming, hong = rows[xiaoming], rows[xiaohong]

    def cell(row: int, start: dt.date, role: int):
        return model.data(model.index(row, _column(model, start)), role)

    nov2, nov9, oct5, dec7 = (
        dt.date(2026, 11, 2),
        dt.date(2026, 11, 9),
        dt.date(2026, 10, 5),
        dt.date(2026, 12, 7),
    )
    assert cell(ming, nov2, STATUS_ROLE) == "met"
    assert cell(ming, nov2, Qt.ItemDataRole.BackgroundRole).name() == COLOURS["met"]
    assert cell(ming, nov9, STATUS_ROLE) == "missed_owed"
    assert cell(ming, nov9, Qt.ItemDataRole.BackgroundRole).name() == COLOURS["missed_owed"]
    assert "A visit took place but with too few lessons." in cell(ming, nov9, Qt.ItemDataRole.ToolTipRole)
    assert cell(hong, nov9, STATUS_ROLE) == "paused"
    assert "手术" in cell(hong, nov9, Qt.ItemDataRole.ToolTipRole)
    # The fixture's National Day week still has school days (10-08, 10-09, make-up Saturday 10-10).
    assert cell(ming, dec7, STATUS_ROLE) == "future"
    assert cell(ming, dec7, Qt.ItemDataRole.BackgroundRole).name() == COLOURS["future"]
    assert cell(ming, oct5, STATUS_ROLE) == "missed_owed"
    assert "No visit this week: a make-up is owed." in cell(ming, oct5, Qt.ItemDataRole.ToolTipRole)
    legend = {w.objectName(): w.text() for w in page.findChildren(type(page.summary)) if w.objectName()}
    assert legend["legend_missed_owed"] == "Missed, make-up owed"
    assert legend["legend_not_teaching"] == "Holiday / not teaching"


def test_holiday_week_is_grey(make_window, school, english, qtbot):
    from app.services import school as school_service

    term = school.term
    # National Day week made a full holiday: 10-01…10-09 off, no make-up Saturday.
    days = [
        {"date": d.date.isoformat(), "kind": d.kind, "name": d.name} for d in term.days if d.kind == "holiday"
    ]
    days += [{"date": f"2026-10-{d:02d}", "kind": "holiday", "name": "国庆节"} for d in (8, 9)]
    school_service.save_term(
        school.as_(school.admin),
        {"name": term.name, "start": "2026-09-01", "end": "2027-01-22", "days": days},
        term.id,
    )
    page = make_window(school.office).show_page("compliance")
    wait_idle(qtbot, page.session)
    model = page.model
    column = _column(model, dt.date(2026, 10, 5))
    index = model.index(0, column)
    assert model.data(index, STATUS_ROLE) == "not_teaching"
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).name() == COLOURS["not_teaching"]
    assert "Holiday: not a teaching week." in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.rowCount() == 3  # the office sees the whole school
    page.teacher.setCurrentIndex(page.teacher.findData(school.t2.id))
    wait_idle(qtbot, page.session)
    assert model.rowCount() == 1
