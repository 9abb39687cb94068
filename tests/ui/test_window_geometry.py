"""Windows fit the screen they open on and come back where the user left them (issue 9 bug 12)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from app.ui.geometry import FRAME, fit_rect
from app.ui.prefs import load_prefs

LAPTOP = QRect(0, 0, 1366, 728)  # 1366x768 at 100 %, less the taskbar
SCALED = QRect(0, 0, 1280, 680)  # 1920x1080 at 150 %, in logical pixels, less the taskbar


def test_the_editors_default_size_fits_a_laptop_and_a_scaled_full_hd_screen():
    for available in (LAPTOP, SCALED):
        rect = fit_rect(QRect(233, 0, 900, 760), available)
        assert (
            available.contains(rect)
            and rect.bottom() + FRAME.height() - 8 <= available.bottom() + FRAME.height()
        )
        assert rect.width() == 900 and rect.height() == available.height() - FRAME.height()
        assert rect.top() >= FRAME.height() - 8  # the title bar stays on screen


def test_a_position_off_the_screen_is_brought_back_a_fitting_one_kept():
    off = fit_rect(QRect(1900, 900, 600, 400), LAPTOP)
    assert LAPTOP.contains(off) and off.size() == QSize(600, 400)
    kept = fit_rect(QRect(100, 120, 600, 400), LAPTOP)
    assert kept == QRect(100, 120, 600, 400)


def test_an_editor_window_remembers_its_size_and_position(qtbot, school, make_session):
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.windows import open_window

    session = make_session(school.t1)
    editor = PlanEditor(session, school.students[0], "2026-12")
    open_window(editor, "plan")
    qtbot.waitExposed(editor)
    available = editor.screen().availableGeometry()
    assert available.contains(editor.geometry())  # 900x760 shrunk to the offscreen screen
    editor.setGeometry(QRect(40, 60, 700, 560))
    editor.close()
    assert load_prefs(session.paths)["windows"]["PlanEditor"] == [40, 60, 700, 560]
    again = PlanEditor(session, school.students[0], "2026-12")
    open_window(again, "plan")
    qtbot.addWidget(again)
    assert again.geometry() == QRect(40, 60, 700, 560)
    assert again.status_bar is not None


def test_saving_says_saved_in_the_windows_status_line(qtbot, school, make_session):
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.windows import open_window

    session = make_session(school.t1)
    editor = PlanEditor(session, school.students[0], "2026-12")
    open_window(editor, "plan")
    qtbot.addWidget(editor)
    editor.form.widgets["materials"].setPlainText("图片卡")
    editor.save()
    assert editor.status_bar.currentMessage().startswith(editor.tr("Saved at {time}").split("{")[0])


def test_every_editor_can_shrink_to_a_scaled_full_hd_screen(qtbot, school, make_session):
    from app.services import visits
    from app.ui.editors.iep_editor import IepEditor
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.visit_editor import VisitEditor

    session = make_session(school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    room = SCALED.size() - FRAME
    for editor in (
        PlanEditor(session, school.students[0], "2026-12"),
        VisitEditor(session, visit.id),
        IepEditor(session, school.students[0]),
    ):
        qtbot.addWidget(editor)
        hint = editor.minimumSizeHint()
        assert hint.width() <= room.width() and hint.height() <= room.height(), type(editor).__name__


def test_the_main_window_fits_a_scaled_full_hd_screen_on_every_page_in_the_shipped_cjk_font(
    qtbot, qapp, school, make_window, chinese
):
    from PySide6.QtGui import QFont, QFontDatabase

    from app.paths import RESOURCES

    QFontDatabase.addApplicationFont(str(RESOURCES / "fonts" / "wqy-zenhei.ttc"))
    before = qapp.font()
    qapp.setFont(
        QFont("WenQuanYi Zen Hei", 10)
    )  # taller lines than the test default, as on a Chinese desktop
    try:
        room = SCALED.size() - FRAME
        for actor in (school.t1, school.office):
            window = make_window(actor)
            for spec in window.specs:
                window.show_page(spec.key)
                hint = window.minimumSizeHint()
                assert hint.height() <= room.height() and hint.width() <= room.width(), (spec.key, hint)
    finally:
        qapp.setFont(before)
