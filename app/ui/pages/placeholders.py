"""Placeholders for what part 2 builds (plans, visits pages; IEP, plans, visits... student tabs).

Part 2 replaces each by registering the same key (see registry.py); the placeholders keep the shell's
navigation and the student page complete in the meantime.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.pages.base import Page
from app.ui.pages.registry import register_page, register_student_tab

_NOT_YET = QT_TRANSLATE_NOOP("Placeholder", "This part of Songjiao is not available in this version yet.")


def _message(parent: QWidget) -> None:
    column = QVBoxLayout(parent)
    text = QLabel(QCoreApplication.translate("Placeholder", _NOT_YET))
    text.setAlignment(Qt.AlignmentFlag.AlignCenter)
    text.setStyleSheet("color: #666;")
    column.addWidget(text)


class PlaceholderPage(Page):
    def __init__(self, session: Any, window: Any = None) -> None:
        super().__init__(session, window)
        _message(self)


class PlaceholderTab(QWidget):
    def __init__(self, session: Any, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.student_id = session, student_id
        _message(self)


def _register_defaults() -> None:
    # setdefault semantics: a real page registered before this module is imported is kept.
    from app.ui.pages import registry

    if registry.page_spec("plans") is None:
        register_page("plans", QT_TRANSLATE_NOOP("Pages", "Plans"), PlaceholderPage, order=30)
    if registry.page_spec("visits") is None:
        register_page("visits", QT_TRANSLATE_NOOP("Pages", "Visits"), PlaceholderPage, order=40)
    tabs = (
        ("iep", QT_TRANSLATE_NOOP("Pages", "IEP")),
        ("plans", QT_TRANSLATE_NOOP("Pages", "Monthly plans")),
        ("visits", QT_TRANSLATE_NOOP("Pages", "Visits")),
        ("contacts", QT_TRANSLATE_NOOP("Pages", "Contacts")),
        ("attachments", QT_TRANSLATE_NOOP("Pages", "Attachments")),
        ("timeline", QT_TRANSLATE_NOOP("Pages", "Timeline")),
    )
    for order, (key, title) in enumerate(tabs, start=1):
        if key not in registry._STUDENT_TABS:
            register_student_tab(key, title, PlaceholderTab, order=order * 10)


_register_defaults()
