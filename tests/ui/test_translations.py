"""Every page and dialog under both languages: in Chinese no English source text is left showing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
    QWizard,
)

from app.services import users
from app.ui.dialogs.first_run import FirstRunWizard
from app.ui.dialogs.guardian import GuardianDialog
from app.ui.dialogs.login import LoginDialog
from app.ui.dialogs.new_student import NewStudentDialog
from app.ui.i18n import I18N_DIR, format_date
from app.ui.pages.settings_admin import ResetPasswordDialog, UserDialog
from app.ui.pages.student import StudentPage
from app.ui.pages.student_privacy import AccessCopyDialog
from tests.conftest import TODAY


def _translated_sources(catalogue: str = "songjiao") -> set[str]:
    """English sources of a catalogue whose Chinese differs, plus any left unfinished: seeing one of them (or
    it without its '&' mnemonic) in Chinese means a miss."""
    root = ET.parse(I18N_DIR / f"{catalogue}_zh_CN.ts").getroot()
    found = set()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        text = "".join(translation.itertext()) if translation is not None else ""
        if translation is None or translation.get("type") == "unfinished" or (text and text != source):
            found.add(source)
            found.add(source.replace("&", ""))
    return found


def visible_texts(root: QWidget) -> set[str]:
    texts: set[str] = {root.windowTitle()}
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        texts.add(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            texts.add(w.text())
        elif isinstance(w, QGroupBox):
            texts.add(w.title())
        elif isinstance(w, QLineEdit):
            texts.add(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts.update(w.itemText(i) for i in range(w.count()))
        elif isinstance(w, QTabWidget):
            texts.update(w.tabText(i) for i in range(w.count()))
        elif isinstance(w, QListWidget):
            texts.update(w.item(i).text() for i in range(w.count()))
        elif isinstance(w, QMenu):
            texts.add(w.title())
            texts.update(a.text() for a in w.actions())
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            texts.update(
                str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                for c in range(model.columnCount(QModelIndex()))
            )
        if isinstance(w, QWizard):
            for page_id in w.pageIds():
                page = w.page(page_id)
                texts.update((page.title(), page.subTitle()))
    texts.update(a.text() for a in root.actions())
    texts.discard("")
    return texts


def _all_surfaces(make_window, school, qtbot):
    """Yield (name, widget) for every page, student tab and dialog of the first part."""
    for actor in (school.admin, school.t1):
        window = make_window(actor)
        for spec in window.specs:
            window.show_page(spec.key)
        student = StudentPage(window.session, school.students[0], window)
        window.open_detail(student)
        for index in range(student.tabs.count()):  # registered tabs are built when first shown
            student.tabs.setCurrentIndex(index)
        yield f"window as {actor.role}", window
    session = window.session
    for dialog in (
        GuardianDialog(session, school.students[0], None),
        NewStudentDialog(session),
        UserDialog(session),
        LoginDialog(school.ctx.store, today=TODAY),
        AccessCopyDialog(),
        ResetPasswordDialog(users.list_users(school.ctx)[0]),
    ):
        qtbot.addWidget(dialog)
        yield type(dialog).__name__, dialog


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_no_untranslated_text(language, request, make_window, school, store, qtbot, paths):
    request.getfixturevalue("chinese" if language == "zh_CN" else "english")
    english_sources = _translated_sources()
    seen: set[str] = set()
    for name, widget in _all_surfaces(make_window, school, qtbot):
        texts = visible_texts(widget)
        seen |= texts
        if language == "zh_CN":
            leaks = sorted(t for t in texts if t in english_sources)
            assert leaks == [], f"{name} shows untranslated text: {leaks}"
        else:
            assert "本周" not in texts and "学生" not in texts, name
    # The walk saw the navigation in the language asked for (an empty or untranslated walk finds no leak).
    assert {"本周", "学生"} <= seen if language == "zh_CN" else {"This week", "Students"} <= seen


def test_wizard_in_both_languages(store, qtbot, chinese):
    from app.services.context import Store

    assert isinstance(store, Store)
    wizard = FirstRunWizard(store, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    for _ in range(4):
        wizard.next()
    leaks = sorted(t for t in visible_texts(wizard) if t in _translated_sources())
    assert leaks == []
    assert wizard.page(0).title() == "欢迎"


def test_dates_follow_the_language(chinese):
    import datetime as dt

    assert format_date(dt.date(2026, 11, 29)) == "2026年11月29日"
    assert format_date(dt.date(2026, 11, 29), "en") == "2026-11-29"
