"""The home page's "Unsaved drafts" section: work kept after a crash, reopened in its editor with one click."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.services import drafts, ieps
from app.services.drafts import DraftInfo
from app.services.ieps import IepDetail
from app.ui.editors.windows import open_window
from app.ui.i18n import QT_TRANSLATE_NOOP, format_timestamp
from app.ui.pages.registry import register_home_section
from app.ui.session import AppSession


class DraftsSection(QWidget):
    """Lists the user's drafts (newest first); Open shows the editor, which offers the draft back."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Unsaved drafts"))
        self.list.itemActivated.connect(lambda item: self.open_draft(item.data(Qt.ItemDataRole.UserRole)))
        self.open_button = QPushButton(self.tr("&Open draft"), self)
        self.open_button.clicked.connect(self._open_current)
        self.empty = QLabel(self.tr("No unsaved drafts."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addWidget(self.open_button)
        self.editor: QWidget | None = None  # the editor window a draft opened (tests drive it)
        self.reload()

    def reload(self) -> None:
        self.session.read(drafts.list_drafts, on_done=self._show, on_error=lambda _e: None)

    def _describe(self, key: str) -> str:
        kind = key.split(":", 1)[0]
        names = {
            "iep": self.tr("IEP"),
            "plan": self.tr("Monthly plan"),
            "visit": self.tr("Visit record"),
            "contact": self.tr("Guardian contact"),
            "lesson": self.tr("Lesson plan"),
        }
        return names.get(kind, kind)

    def _show(self, rows: list[DraftInfo]) -> None:
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{format_timestamp(row.saved_at)}  {self._describe(row.key)}")
            item.setData(Qt.ItemDataRole.UserRole, row.key)
            self.list.addItem(item)
        self.empty.setVisible(not rows)
        self.list.setVisible(bool(rows))
        self.open_button.setVisible(bool(rows))

    def _open_current(self) -> None:
        item = self.list.currentItem() or self.list.item(0)
        if item is not None:
            self.open_draft(item.data(Qt.ItemDataRole.UserRole))

    def open_draft(self, key: str) -> None:
        parts = key.split(":")
        if parts[0] == "iep":
            self.session.read(ieps.get_iep, parts[1], on_done=self._open_iep, on_error=lambda _e: None)
            return
        editor: QWidget | None = None
        if parts[0] == "visit":
            from app.ui.editors.visit_editor import VisitEditor

            editor, title = VisitEditor(self.session, parts[1]), self.tr("Visit record")
        elif parts[0] == "plan" and len(parts) == 3:
            from app.ui.editors.plan_editor import PlanEditor

            editor, title = PlanEditor(self.session, parts[1], parts[2]), self.tr("Monthly plan")
        elif parts[0] == "contact" and len(parts) == 3:
            from app.ui.editors.contacts import ContactsPanel

            editor, title = ContactsPanel(self.session, parts[2]), self.tr("Guardian contact")
        elif parts[0] == "lesson":
            from app.ui.editors.lesson_plans import LessonPlanLibrary

            editor, title = LessonPlanLibrary(self.session), self.tr("Lesson plan")
        if editor is not None:
            self.editor = open_window(editor, title)

    def _open_iep(self, detail: IepDetail) -> None:
        from app.ui.editors.iep_editor import IepEditor

        self.editor = open_window(
            IepEditor(self.session, detail.student_id, term_id=detail.term_id), self.tr("IEP")
        )


register_home_section(
    "drafts",
    QT_TRANSLATE_NOOP("Pages", "Unsaved drafts"),
    DraftsSection,
    order=90,
    roles=("teacher", "academic_affairs", "admin"),
)
