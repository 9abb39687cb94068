"""The main window: a shell of navigation, a stacked page area, menus and a status bar. Pages plug in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app.ui.editors.windows import QUIT_KEYS
from app.ui.geometry import place_window
from app.ui.labels import ROLES, label
from app.ui.pages import load_all
from app.ui.pages.base import Page
from app.ui.pages.exchange import AutoSync
from app.ui.pages.registry import PageFactory, PageSpec, pages_for
from app.ui.session import AppSession
from app.ui.widgets.shortcuts import native
from app.ui.widgets.style import error_style

APP_VERSION = "0.1"


PENDING_TABLES = frozenset({"monthly_plan", "plan_revision"})  # what the office's pending count is read from


class MainWindow(QMainWindow):
    logout_requested = Signal()
    language_requested = Signal(str)
    # A backup file's Path and its key (None: the session's key opens it): the controller closes, restores,
    # reopens.
    restore_requested = Signal(object, object)

    def __init__(self, session: AppSession) -> None:
        super().__init__()
        load_all()
        self.session = session
        self.specs: list[PageSpec[PageFactory]] = pages_for(session.actor.role)
        self.pages: dict[str, Page] = {}
        self.detail: Page | None = None
        self._saving_to_leave = False  # Save was chosen on leaving the record page; its save is under way
        self._nav_row = 0

        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget(central)
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setStyleSheet("QListWidget::item { padding: 8px; }")
        for index, spec in enumerate(self.specs):
            item = QListWidgetItem(spec.translated_title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(native(f"Ctrl+{index + 1}") if index < 9 else "")
            self.nav.addItem(item)
        # As wide as its longest entry in the font in use (a larger text size, a longer English title).
        self.nav.setFixedWidth(max(170, self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + 24))
        self.stack = QStackedWidget(central)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.itemClicked.connect(self._nav_clicked)
        self._build_menus()
        self._build_status()
        session.runner.unhandled_error.connect(self._unhandled)
        if session.actor.role == "academic_affairs" and any(s.key == "plans" for s in self.specs):
            # The office's work waiting: the count beside Plans, kept current as plans change.
            session.bus.data_changed.connect(
                lambda changes, _initiator: self.count_pending() if changes.touches(PENDING_TABLES) else None
            )
            self.count_pending()
        if self.specs:
            self.nav.setCurrentRow(0)
        from app.ui.lock import SessionLock

        self.lock = SessionLock(self, session)  # idle time, sleep, session lock: app/ui/lock.py
        self.auto_sync: AutoSync | None = None
        if session.actor.role == "teacher" and any(s.key == "exchange" for s in self.specs):
            # A teacher's laptop that knows the school's hub syncs quietly (nothing happens elsewhere).
            self.auto_sync = AutoSync(session, self)
            self.auto_sync.start()
        # Last: the menu and status bars added after a resize would make the window taller than the screen.
        place_window(self, "MainWindow", QSize(1200, 760), session.paths)

    # --- pages -------------------------------------------------------------------------------------------

    def count_pending(self) -> None:
        from app.services import plans

        self.session.read(
            plans.office_queue,
            on_done=lambda rows: self.set_badge("plans", len(rows)),
            on_error=lambda _e: None,  # a count beside a title is not worth an error dialog
        )

    def set_badge(self, key: str, count: int) -> None:
        """A count after a navigation entry's title ("计划 (3)"); none when zero."""
        for row, spec in enumerate(self.specs):
            if spec.key == key:
                title = spec.translated_title()
                item = self.nav.item(row)
                item.setText(f"{title} ({count})" if count else title)
                item.setData(Qt.ItemDataRole.UserRole + 1, count)

    def page(self, key: str) -> Page:
        """The page for ``key``, created on first use (start-up builds only the first page)."""
        if key not in self.pages:
            spec = next(s for s in self.specs if s.key == key)
            page = spec.factory(self.session, self)
            page.setObjectName(f"page_{key}")
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def current_page(self) -> Page | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def show_page(self, key: str) -> Page:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                if self.nav.currentRow() != row:
                    self.nav.setCurrentRow(row)
                else:
                    self._show(self.page(key))
                # The user may have chosen to stay on an unsaved record: then that is what is shown.
                current = self.current_page()
                assert current is not None
                return current
        raise KeyError(key)

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        if not self._leave_detail_ok(lambda: self._retry_show(key)):
            # The user chose to stay on the record: put the selection back where it was.
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(self._nav_row)
            self.nav.blockSignals(False)
            return
        self._nav_row = row
        self._show(self.page(key))

    def _show(self, page: Page) -> None:
        self.stack.setCurrentWidget(page)
        page.shown()
        self._update_actions()
        # The window says where the user is; Qt adds the application's name ("本周 — 送教上门 Songjiao"),
        # so the title must not repeat it.
        row = self.nav.currentRow()
        if 0 <= row < len(self.specs):
            self.setWindowTitle(self.specs[row].translated_title())

    def open_detail(self, page: Page, section: str = "students") -> None:
        """Show a record page (a student) in the page area; Back or the navigation leaves it."""
        if self.detail is not None and not self._leave_detail_ok(lambda: self.open_detail(page, section)):
            return
        self._drop_detail()
        self.detail = page
        self.stack.addWidget(page)
        # A record belongs under its list (a student under Students), not under whatever page was last open.
        self._highlight(section)
        self._show(page)

    def request_restore(self, path: Path, key: bytes | None = None) -> None:
        """A page asks to restore a backup: the controller closes, restores and reopens."""
        self.restore_requested.emit(path, key)

    def request_language(self, language: str) -> None:
        """The window is rebuilt in the other language: nothing unsaved may go with it (each editor and the
        open record ask first; after Save the switch runs again once the save is done)."""
        if self._leave_ok(lambda: self.request_language(language)):
            self.language_requested.emit(language)

    def _leave_ok(self, retry: Callable[[], None]) -> bool:
        """Logout and the language switch close this window: the editor windows close first (each asks about
        its unsaved changes; one kept open stops it), then the open record is left as :meth:`_leave_detail_ok`."""
        from app.ui.editors.windows import close_all

        return close_all() and self._leave_detail_ok(retry)

    def _highlight(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(row)
                self.nav.blockSignals(False)
                self._nav_row = row
                return

    def _nav_clicked(self, item: QListWidgetItem) -> None:
        # Clicking the highlighted entry while a record is open goes back to that list.
        if self.detail is not None and self.stack.currentWidget() is self.detail:
            self._nav_changed(self.nav.row(item))

    def close_detail(self, back_to: str | None = None) -> None:
        if not self._leave_detail_ok(lambda: self.close_detail(back_to)):
            return
        self._drop_detail()
        if back_to:
            self.show_page(back_to)

    def _drop_detail(self) -> None:
        if self.detail is not None:
            self.stack.removeWidget(self.detail)
            self.detail.deleteLater()
            self.detail = None

    def _retry_show(self, key: str) -> None:
        self.show_page(key)

    def _retry_close(self) -> None:
        self.close()

    def _leave_detail_ok(self, retry: Callable[[], None] | None = None) -> bool:
        """True when the record page may go now. After Save the answer is False: the save ends on the worker
        thread, and once it succeeded ``retry`` (the leaving action) runs again and finds nothing unsaved; a
        failed save keeps the record with its error shown."""
        detail = self.detail
        if detail is None or self.stack.currentWidget() is not detail or not detail.has_unsaved_changes():
            if detail is not None and self.stack.currentWidget() is detail:
                self._drop_detail()
            return True
        if self._saving_to_leave:
            return False  # the record's save is under way; the action runs once it succeeded (no second question)
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer == QMessageBox.StandardButton.Save:
            self._saving_to_leave = True

            def saved() -> None:
                self._saving_to_leave = False
                if retry is not None:  # queued: not inside the action still deciding (a synchronous runner)
                    QTimer.singleShot(0, retry)

            detail.save_then(saved, failed=lambda: setattr(self, "_saving_to_leave", False))
            return False
        self._drop_detail()
        return True

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel before leaving a record with unsaved changes (tests replace this)."""
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("Save the changes before leaving this record?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )

    # --- menus -------------------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[..., object],  # triggered(checked): Qt passes the bool only to slots taking it
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        action.setObjectName(name)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.act_new = self._action(
            self.tr("&New"), lambda: self._call("new_record"), QKeySequence.StandardKey.New, "act_new"
        )
        self.act_save = self._action(
            self.tr("&Save"), lambda: self._call("save"), QKeySequence.StandardKey.Save, "act_save"
        )
        file_menu.addAction(self.act_new)
        file_menu.addAction(self.act_save)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("Switch &user…"), self._logout, None, "act_logout"))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QUIT_KEYS, "act_quit"))

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.act_undo = self._action(
            self.tr("&Undo"), lambda: self._focus_call("undo"), QKeySequence.StandardKey.Undo, "act_undo"
        )
        self.act_redo = self._action(
            self.tr("&Redo"), lambda: self._focus_call("redo"), QKeySequence.StandardKey.Redo, "act_redo"
        )
        # Line edits and text boxes handle Ctrl+Z themselves (shortcut override); the menu entry is for mice.
        self.act_undo.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_redo.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        edit_menu.addAction(self.act_undo)
        edit_menu.addAction(self.act_redo)
        edit_menu.addSeparator()
        self.act_find = self._action(
            self.tr("&Find…"), lambda: self._call("focus_search"), QKeySequence.StandardKey.Find, "act_find"
        )
        edit_menu.addAction(self.act_find)

        view_menu = bar.addMenu(self.tr("&View"))
        for index, spec in enumerate(self.specs):
            shortcut = f"Ctrl+{index + 1}" if index < 9 else None
            view_menu.addAction(
                self._action(
                    spec.translated_title(),
                    lambda _=False, k=spec.key: self.show_page(k),
                    shortcut,
                    f"act_view_{spec.key}",
                )
            )
        view_menu.addSeparator()
        view_menu.addAction(
            self._action(self.tr("&Refresh"), self._refresh, QKeySequence.StandardKey.Refresh, "act_refresh")
        )
        language_menu = view_menu.addMenu(self.tr("&Language"))
        for code, text in (("zh_CN", "中文（简体）"), ("en", "English")):
            action = self._action(
                text, lambda _=False, c=code: self.request_language(c), None, f"act_lang_{code}"
            )
            action.setCheckable(True)
            action.setChecked(code == self.session.language)
            language_menu.addAction(action)
        view_menu.addAction(
            self._action(self.tr("This &computer…"), self.this_computer, None, "act_this_computer")
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("User &manual"), self.open_help, "F1", "act_help"))
        help_menu.addAction(self._action(self.tr("&About Songjiao"), self.about, None, "act_about"))

    def this_computer(self) -> None:
        """Language, text size and idle lock of this computer, for every role (Settings is the office's)."""
        from app.ui.pages.settings import ThisComputerDialog

        dialog = ThisComputerDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _call(self, method: str) -> None:
        page = self.current_page()
        if page is not None:
            getattr(page, method)()

    def _focus_call(self, method: str) -> None:
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, method):
            getattr(widget, method)()

    def _update_actions(self) -> None:
        page = self.current_page()
        self.act_new.setEnabled(bool(page and page.can_new))
        self.act_save.setEnabled(bool(page and page.can_save))
        self.act_find.setEnabled(bool(page and page.can_find))

    def _refresh(self) -> None:
        page = self.current_page()
        if page is not None:
            page.refresh()

    def _logout(self) -> None:
        if self._leave_ok(self._logout):
            self.logout_requested.emit()

    def open_help(self) -> None:
        """F1: the manual's page about the page shown (a student's record: the teacher's week)."""
        from app.ui.widgets.help import show_help, topic_for

        row = self.nav.currentRow()
        key = self.specs[row].key if 0 <= row < len(self.specs) else "home"
        if self.detail is not None and self.stack.currentWidget() is self.detail:
            key = "home"
        show_help(topic_for(key, self.session.actor.role), self)

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Songjiao"),
            self.tr(
                "<h3>Songjiao {version}</h3><p>Records for home-delivered teaching (送教上门): students, IEPs, "
                "monthly plans, visits and the visit rule.</p><p>Your data stays on this computer.</p>"
            ).format(version=APP_VERSION),
        )

    # --- status bar --------------------------------------------------------------------------------------

    def _build_status(self) -> None:
        actor = self.session.actor
        self.user_label = QLabel(
            self.tr("User: {name} ({role})").format(name=actor.display_name, role=label(ROLES, actor.role))
        )
        self.db_label = QLabel(self.tr("Database: {path}").format(path=self.session.paths.where))
        self.busy_label = QLabel("")
        # A failed scheduled backup stays in sight until the next start: a silent failure would leave the
        # school without the copy it believes it has.
        self.backup_label = QLabel("")
        self.backup_label.setObjectName("backupProblem")
        self.backup_label.setStyleSheet(error_style() + " font-weight: bold;")
        self.backup_label.hide()
        bar = self.statusBar()
        bar.addWidget(self.user_label)
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.backup_label)
        bar.addPermanentWidget(self.busy_label)
        # A bound method, not a lambda: Qt drops the connection when this window is deleted (language switch,
        # logout), while the session's runner lives on; a lambda would reach the deleted label.
        self.session.runner.busy_changed.connect(self._show_busy)

    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def show_backup_failure(self, error: BaseException) -> None:
        """The scheduled backup failed: say so in the status bar (the reason in words, and on hover)."""
        from app.ui.messages import error_text

        reason = error_text(error)
        self.backup_label.setText(self.tr("The scheduled backup failed: {reason}").format(reason=reason))
        self.backup_label.setToolTip(reason)
        self.backup_label.setAccessibleName(self.backup_label.text())
        self.backup_label.show()

    def _unhandled(self, error: BaseException) -> None:
        from app import logs
        from app.ui.messages import error_text

        # Over the window the user works in (an editor window, a dialog): parented to the main window, the
        # message raised it over the editor the error came from.
        parent = QApplication.activeWindow() or self
        if logs.expected(error):  # a refusal nobody showed: say it in words
            QMessageBox.warning(parent, self.tr("Something went wrong"), error_text(error))
            return
        from app.ui.crash import report

        report(error, "a background task", parent)  # already logged by the runner: the same reference

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        from app.ui.editors.windows import close_all

        # Editor windows go with the main window (each asks about unsaved changes), so the process ends.
        if not close_all():
            event.ignore()
            return
        if (
            self.detail is not None
            and self.stack.currentWidget() is self.detail
            and self.detail.has_unsaved_changes()
            and not self._leave_detail_ok(self._retry_close)
        ):
            event.ignore()
            return
        event.accept()
