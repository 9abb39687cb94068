"""Settings: school and visit rule, term calendar, users (admin), language, text size and lock, backups."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import OfficialYear
from app.services import holidays, school
from app.services.context import ServiceContext
from app.services.errors import ServiceError
from app.services.school import SchoolInfo, TermInfo
from app.ui import lock
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.messages import error_text, field_of
from app.ui.pages.base import Page, Shell
from app.ui.pages.registry import register_page
from app.ui.prefs import load_prefs, save_prefs
from app.ui.session import AppSession
from app.ui.widgets.announce import announce
from app.ui.widgets.calendar_table import CalendarTable
from app.ui.widgets.fields import FieldForm, combo, date_edit
from app.ui.widgets.rule_fields import add_rule_fields, rule_values
from app.ui.widgets.style import apply_text_size, make_heading

OFFICE = ("admin", "academic_affairs")


def right_aligned(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row


class SchoolTab(QWidget):
    def __init__(self, page: SettingsPage) -> None:
        super().__init__()
        self.page, self.session = page, page.session
        column = QVBoxLayout(self)
        f = self.form = FieldForm()
        f.add("name", self.tr("School name"), QLineEdit())
        f.add("code", self.tr("School code"), QLineEdit())
        f.add("address", self.tr("Address"), QLineEdit())
        f.add("phone", self.tr("Phone"), QLineEdit())
        add_rule_fields(f, self)
        column.addWidget(f)
        self.save_button = QPushButton(self.tr("Save school settings"))
        self.save_button.clicked.connect(self.save)
        column.addLayout(right_aligned(self.save_button))
        column.addStretch(1)

    def show_info(self, info: SchoolInfo) -> None:
        for key in ("name", "code", "address", "phone"):
            self.form.set_value(key, getattr(info, key))
        for key in (
            "period",
            "visits_per_period",
            "lessons_per_visit",
            "minutes_per_lesson",
            "yearly_min_lessons",
        ):
            self.form.set_value(key, getattr(info.rule, key))

    def save(self) -> None:
        self.form.clear_errors()
        data = {k: self.form.value(k) for k in ("name", "code", "address", "phone")}
        data["rule"] = rule_values(self.form)
        self.session.write(
            school.update_school,
            data,
            on_done=lambda _i: self.page.saved(),
            on_error=lambda e: self.page.field_error(self.form, e),
        )


class TermTab(QWidget):
    def __init__(self, page: SettingsPage) -> None:
        super().__init__()
        self.page, self.session = page, page.session
        self.terms: list[TermInfo] = []
        column = QVBoxLayout(self)
        row = QHBoxLayout()
        self.term = QComboBox()
        self.term.setAccessibleName(self.tr("Term to edit"))
        self.new_button = QPushButton(self.tr("New term"))
        self.new_button.clicked.connect(self.new_term)
        row.addWidget(QLabel(self.tr("Term:")))
        row.addWidget(self.term, 1)
        row.addWidget(self.new_button)
        column.addLayout(row)
        f = self.form = FieldForm()
        f.add("name", self.tr("Term name"), QLineEdit())
        f.add("start", self.tr("First day"), date_edit())
        f.add("end", self.tr("Last day"), date_edit())
        self.calendar = CalendarTable()
        self.calendar.prefill_button.clicked.connect(self.prefill)
        f.add("days", self.tr("Holidays and make-up workdays"), self.calendar)
        column.addWidget(f, 1)
        # The State Council's notice for a year this version does not know, as a file (docs/holidays.md).
        self.import_button = QPushButton(self.tr("Import holiday file…"))
        self.import_button.setToolTip(
            self.tr("Official holidays and make-up workdays of a year this version does not know yet")
        )
        self.import_button.clicked.connect(self.import_holidays)
        self.save_button = QPushButton(self.tr("Save term"))
        self.save_button.clicked.connect(self.save)
        column.addLayout(right_aligned(self.import_button, self.save_button))
        self.term.currentIndexChanged.connect(self._pick)

    def show_terms(self, terms: list[TermInfo], current_id: str | None) -> None:
        self.terms = terms
        self.term.blockSignals(True)
        self.term.clear()
        for term in terms:
            self.term.addItem(term.name, term.id)
        self.term.setCurrentIndex(max(self.term.findData(current_id), 0) if terms else -1)
        self.term.blockSignals(False)
        self._pick()

    def _pick(self, _index: int = 0) -> None:
        term = next((t for t in self.terms if t.id == self.term.currentData()), None)
        self.form.clear_errors()
        if term is None:
            return
        self.form.set_value("name", term.name)
        self.form.set_value("start", term.start.isoformat())
        self.form.set_value("end", term.end.isoformat())
        self.calendar.set_days(term.days)
        self.calendar.set_dates(term.start, term.end)

    def show_imported(self, imported: dict[int, OfficialYear]) -> None:
        self.calendar.imported = imported

    def import_holidays(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import holiday file"), "", self.tr("Holiday file (*.json)")
        )
        if name:
            self.session.write(
                holidays.import_file,
                Path(name),
                on_done=self._imported,
                on_error=self._import_failed,
            )

    def _import_failed(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Cannot import"), error_text(error))

    def _imported(self, years: list[int]) -> None:
        if self.page.window_ is not None:
            self.page.window_.statusBar().showMessage(
                self.tr("Official holidays imported: {years}").format(years="、".join(map(str, years))), 6000
            )
        self.page.refresh()

    def new_term(self) -> None:
        self.term.blockSignals(True)
        self.term.setCurrentIndex(-1)
        self.term.blockSignals(False)
        for key in ("name", "start", "end"):
            self.form.set_value(key, "")
        self.calendar.set_days([])
        self.calendar.notice.hide()
        self.form.widgets["name"].setFocus()

    def prefill(self) -> None:
        try:
            start = dt.date.fromisoformat(self.form.value("start"))
            end = dt.date.fromisoformat(self.form.value("end"))
        except ValueError:
            self.form.show_error("start", self.tr("Enter the first and last day of the term first."))
            return
        self.calendar.prefill(start, end)

    def save(self) -> None:
        self.form.clear_errors()
        data = {
            "name": self.form.value("name"),
            "start": self.form.value("start"),
            "end": self.form.value("end"),
            "days": self.calendar.values(),
        }
        self.session.write(
            school.save_term,
            data,
            self.term.currentData(),
            on_done=lambda _t: self.page.saved(),
            on_error=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        field = str(getattr(error, "field", "") or "")
        if field.startswith("days["):
            self.calendar.mark_row(int(field[5 : field.index("]")]))
        self.page.field_error(self.form, error)


class LanguageTab(QWidget):
    def __init__(self, page: SettingsPage | ThisComputerDialog) -> None:
        super().__init__()
        self.page = page
        column = QVBoxLayout(self)
        self.form = FieldForm()
        self.language = combo([("zh_CN", "中文（简体）"), ("en", "English")])
        self.form.add("language", self.tr("Language"), self.language)
        self.form.set_value("language", page.session.language)
        self.text_size = combo(
            [
                ("normal", self.tr("Normal")),
                ("large", self.tr("Large (125 %)")),
                ("larger", self.tr("Larger (150 %)")),
            ]
        )
        self.form.add("text_size", self.tr("Text size"), self.text_size)
        self.form.set_value("text_size", load_prefs(page.session.paths).get("text_size") or "normal")
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(lock.MIN_MINUTES, lock.MAX_MINUTES)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setAccessibleName(self.tr("Lock after this many minutes without use"))
        self.lock_minutes.setValue(lock.lock_minutes(page.session))
        self.form.add("lock_minutes", self.tr("Lock after idle"), self.lock_minutes)
        column.addWidget(self.form)
        self.apply_button = QPushButton(self.tr("Apply"))
        self.apply_button.clicked.connect(self.apply)
        column.addLayout(right_aligned(self.apply_button))
        column.addStretch(1)

    def apply(self) -> None:
        """Language, text size and idle time for this computer. A new language or text size rebuilds the window
        on the same page (editor windows close first, asking about unsaved work); the idle time alone does not:
        changing it closed every editor and left Settings on its first tab."""
        before = load_prefs(self.page.session.paths).get("text_size") or "normal"
        size = apply_text_size(self.text_size.currentData())
        minutes = self.lock_minutes.value()
        save_prefs(self.page.session.paths, text_size=size, **{lock.PREF: minutes})
        running = getattr(self.page.window_, "lock", None)
        if isinstance(running, lock.SessionLock):
            running.set_minutes(minutes)
        language = self.language.currentData()
        if self.page.window_ is not None and (language != self.page.session.language or size != before):
            self.page.window_.request_language(language)
        else:
            self.page.saved()


class ThisComputerDialog(QDialog):
    """Settings' "This computer" tab on its own (View › This computer…): teachers and leaders have no Settings
    page, yet the idle lock and the text size of their laptop are theirs to choose."""

    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__(window if isinstance(window, QWidget) else None)  # the main window, over it
        self.session, self.window_ = session, window
        self.setWindowTitle(self.tr("This computer"))
        self.setMinimumWidth(380)  # the title in full
        column = QVBoxLayout(self)
        self.tab = LanguageTab(self)
        column.addWidget(self.tab)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def saved(self) -> None:
        if self.window_ is not None:
            self.window_.statusBar().showMessage(self.tr("Saved."), 4000)
        self.accept()


class SettingsPage(Page):
    # The tables on screen: a write announced on the bus refreshes the page only when it changed one.
    shows = frozenset({"school", "term", "calendar_day", "setting", "user", "goal_bank_item"})

    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__(session, window)
        column = QVBoxLayout(self)
        title = QLabel(self.tr("Settings"))
        make_heading(title)
        column.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        column.addWidget(self.tabs, 1)
        self.school_tab = SchoolTab(self)
        self.term_tab = TermTab(self)
        self.language_tab = LanguageTab(self)
        self.tabs.addTab(self.school_tab, self.tr("School and visit rule"))
        self.tabs.addTab(self.term_tab, self.tr("Term calendar"))
        self.users_tab: QWidget | None = None
        self.backups_tab: QWidget | None = None
        if session.can("admin"):
            from app.ui.pages.settings_admin import BackupsTab, UsersTab

            self.users_tab = UsersTab(self)
            self.backups_tab = BackupsTab(self)
            self.tabs.addTab(self.users_tab, self.tr("Users and roles"))
            self.tabs.addTab(self.backups_tab, self.tr("Backups"))
        from app.ui.pages.settings_privacy import PrivacyTab

        self.privacy_tab = PrivacyTab(self)
        self.tabs.addTab(self.privacy_tab, self.tr("Privacy"))
        # Language, text size and the idle lock: the settings of this computer (ui-settings.json), not the school's.
        self.tabs.addTab(self.language_tab, self.tr("This computer"))

    def refresh(self) -> None:
        self.session.read(_settings_data, on_done=self._show, on_error=self.show_error)
        self.privacy_tab.reload()
        for tab in (self.users_tab, self.backups_tab):
            if tab is not None:
                tab.reload()  # type: ignore[attr-defined]

    def _show(
        self, data: tuple[SchoolInfo, list[TermInfo], TermInfo | None, dict[int, OfficialYear]]
    ) -> None:
        info, terms, current, imported = data
        self.school_tab.show_info(info)
        self.term_tab.show_imported(imported)
        self.term_tab.show_terms(terms, current.id if current else None)

    def saved(self) -> None:
        if self.window_ is not None:
            self.window_.statusBar().showMessage(self.tr("Saved."), 4000)
        announce(self, self.tr("Saved."))

    def field_error(self, form: FieldForm, error: BaseException) -> None:
        if isinstance(error, ServiceError) and form.show_error(field_of(error), error_text(error)):
            return
        QMessageBox.warning(self, self.tr("Cannot save"), error_text(error))


def _settings_data(
    ctx: ServiceContext,
) -> tuple[SchoolInfo, list[TermInfo], TermInfo | None, dict[int, OfficialYear]]:
    return school.get_school(ctx), school.list_terms(ctx), school.current_term(ctx), holidays.imported(ctx)


register_page("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), SettingsPage, order=90, roles=OFFICE)
