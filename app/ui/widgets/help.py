"""The user manual inside the app (F1): short Markdown pages under resources/help/<language>/, one per workflow.

F1 opens the page about where the user is: the page shown in the main window or the editor window in front.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QHBoxLayout, QListWidget, QListWidgetItem, QTextBrowser, QWidget

from app.paths import RESOURCES
from app.ui import i18n

HELP_DIR = RESOURCES / "help"
PAGES = ("index", "teacher-week", "office-month", "visit", "plan", "approve", "keyboard", "privacy")
# Where the user is -> the page that explains it (a main-window page key or an editor's class name).
TOPICS = {
    "plans": "plan",
    "visits": "visit",
    "VisitEditor": "visit",
    "PlanEditor": "plan",
    "PlanQueue": "approve",
}


def topic_for(where: str, role: str = "") -> str:
    if where == "plans" and role == "academic_affairs":
        return "approve"
    if where == "home":
        return "office-month" if role in ("academic_affairs", "admin", "leader") else "teacher-week"
    return TOPICS.get(where, "index")


def page_path(page: str, language: str | None = None) -> Path:
    """The page in the UI's language, else in English (a page not yet translated is still help)."""
    for folder in (language or i18n.current_language(), "en"):
        path = HELP_DIR / folder / f"{page}.md"
        if path.is_file():
            return path
    return HELP_DIR / "en" / "index.md"


def _title(path: Path) -> str:
    try:
        first = path.read_text(encoding="utf-8").splitlines()[0]
    except (OSError, IndexError):
        return path.stem
    return first.lstrip("# ").strip()


class HelpDialog(QDialog):
    """Contents on the left, the page on the right; links between pages work inside the browser."""

    def __init__(self, topic: str = "index", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Help"))
        self.setAccessibleName(self.tr("Help"))
        self.contents = QListWidget(self)
        self.contents.setAccessibleName(self.tr("Help pages"))
        self.contents.setMaximumWidth(200)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Help page"))
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)  # the manual is on this computer; nothing opens outside it
        for page in PAGES:
            item = QListWidgetItem(_title(page_path(page)))
            item.setData(0x0100, page)
            self.contents.addItem(item)
        self.contents.currentRowChanged.connect(lambda row: self.show_page(PAGES[row]) if row >= 0 else None)
        self.browser.sourceChanged.connect(self._follow)
        layout = QHBoxLayout(self)
        layout.addWidget(self.contents)
        layout.addWidget(self.browser, 1)
        self.resize(820, 560)
        self.show_page(topic if topic in PAGES else "index")
        self.contents.blockSignals(True)
        self.contents.setCurrentRow(PAGES.index(self.current_page()) if self.current_page() in PAGES else 0)
        self.contents.blockSignals(False)

    def show_page(self, page: str) -> None:
        path = page_path(page)
        if self.browser.source() != QUrl.fromLocalFile(str(path)):
            self.browser.setSource(QUrl.fromLocalFile(str(path)))

    def current_page(self) -> str:
        return Path(self.browser.source().toLocalFile()).stem

    def _follow(self, url: QUrl) -> None:
        """Keep the contents list on the page a link led to (``source()`` is not yet updated here)."""
        page = Path(url.toLocalFile()).stem
        if page in PAGES and self.contents.currentRow() != PAGES.index(page):
            self.contents.blockSignals(True)
            self.contents.setCurrentRow(PAGES.index(page))
            self.contents.blockSignals(False)


_dialog: list[HelpDialog] = []  # one help window at a time, kept alive while open


def show_help(topic: str, parent: QWidget | None = None) -> HelpDialog:
    """Open (or bring forward at ``topic``) the help window; not modal, so the user can follow along."""
    if _dialog:
        dialog = _dialog[0]
        dialog.show_page(topic)
    else:
        # A child of the window it was asked from: it closes with it (and never keeps the process alive).
        dialog = HelpDialog(topic, parent)
        _dialog.append(dialog)
        dialog.destroyed.connect(lambda *_: _dialog.clear())
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
