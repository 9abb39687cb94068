"""The student page: basic information (validated next to each field, IDs masked) and registered tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import validation
from app.services import students
from app.services.context import Changes
from app.services.errors import ServiceError
from app.services.students import MASTER_FIELDS, StudentDetail
from app.ui.editors.base import RecordEditor
from app.ui.labels import CATEGORIES, GENDERS, GRADES, ID_TYPES, PLACEMENTS, STATUSES, label
from app.ui.messages import error_text, field_of, message, warning_text
from app.ui.pages.base import Page, Shell
from app.ui.pages.registry import student_tabs_for
from app.ui.session import AppSession
from app.ui.widgets.announce import announce
from app.ui.widgets.fields import FieldForm, combo, date_edit
from app.ui.widgets.style import make_heading, warning_style

DATE_KEYS = set(students.DATE_FIELDS)


def form_value(key: str, value: Any) -> Any:
    """A stored value as the form shows it (dates typed as ISO text, missing as empty)."""
    if key in DATE_KEYS:
        return value.isoformat() if isinstance(value, dt.date) else ""
    if value is None and key not in ("disability_category", "disability_grade"):
        return ""
    return value


# Which field a student warning (app.domain.validation ids) is about: by full id, else by its prefix.
WARNING_FIELDS = {
    "certificate.expired": "certificate_valid_until",
    "id_number": "id_number",
    "certificate": "certificate_no",
    "age": "birth_date",
    "phone": "phone",
}


class BasicInfoTab(QWidget):
    """The 学生基本情况 form. Saves only the fields that changed, with the revision it was loaded at."""

    def __init__(self, session: AppSession, page: StudentPage) -> None:
        super().__init__()
        self.session, self.page = session, page
        self.detail: StudentDetail | None = None
        self.loaded: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(warning_style())
        self.warnings.hide()
        outer.addWidget(self.warnings)
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Student details"))  # it takes focus: a reader names what scrolls
        scroll.setWidgetResizable(True)
        self.form = FieldForm()
        scroll.setWidget(self.form)
        outer.addWidget(scroll, 1)
        f = self.form
        f.add("code", self.tr("Student code"), QLineEdit())
        f.add("name", self.tr("Name"), QLineEdit())
        f.watch_printable("name")
        f.add(
            "gender",
            self.tr("Gender"),
            combo({"M": label(GENDERS, "M"), "F": label(GENDERS, "F")}, empty=self.tr("Not given")),
        )
        f.widgets["gender"].setItemData(0, "")  # type: ignore[attr-defined]
        f.add("birth_date", self.tr("Birth date"), date_edit())
        f.add("ethnicity", self.tr("Ethnicity"), QLineEdit())
        f.add("id_type", self.tr("ID document"), combo({k: label(ID_TYPES, k) for k in ID_TYPES}))
        self.reveal_button = QPushButton(self.tr("Reveal"))
        self.reveal_button.setAccessibleName(self.tr("Reveal ID and certificate numbers"))
        self.reveal_button.setToolTip(self.tr("Show the full numbers (the access is recorded)"))
        self.reveal_button.clicked.connect(self.reveal)
        f.add("id_number", self.tr("ID number"), QLineEdit(), extra=self.reveal_button)
        # Checked as it is typed, the warning under the field: a wrong check digit is seen before saving.
        f.widgets["id_number"].textEdited.connect(self._check_id_number)  # type: ignore[attr-defined]
        self._correcting: str | None = None  # an ID number saved with a warning, shown unmasked until fixed
        f.add("roll_number", self.tr("School roll number"), QLineEdit())
        f.add("hukou", self.tr("Registered residence"), QLineEdit())
        f.add("address", self.tr("Home address"), QLineEdit())
        f.add("phone", self.tr("Phone"), QLineEdit())
        f.add("enrolled_on", self.tr("Enrolled on"), date_edit())
        f.add("grade_class", self.tr("Class"), QLineEdit())
        f.add("placement", self.tr("Placement"), combo({k: label(PLACEMENTS, k) for k in PLACEMENTS}))
        f.add(
            "disability_category",
            self.tr("Disability category"),
            combo({k: label(CATEGORIES, k) for k in CATEGORIES}, empty=self.tr("Not given")),
        )
        f.add(
            "disability_grade",
            self.tr("Disability grade"),
            combo({k: label(GRADES, k) for k in GRADES}, empty=self.tr("Not given")),
        )
        f.add("certificate_no", self.tr("Disability certificate number"), QLineEdit())
        f.add("certificate_issued", self.tr("Certificate issued on"), date_edit())
        f.add("certificate_valid_until", self.tr("Certificate valid until"), date_edit())
        f.add("diagnosis", self.tr("Diagnosis"), QPlainTextEdit())
        f.add("diagnosis_hospital", self.tr("Diagnosing hospital"), QLineEdit())
        f.add("diagnosis_date", self.tr("Diagnosis date"), date_edit())
        f.add("committee_opinion", self.tr("Expert committee opinion"), QPlainTextEdit())
        f.add("committee_date", self.tr("Committee date"), date_edit())
        f.add("left_behind", self.tr("Left-behind child"), QCheckBox(self.tr("Yes")))
        f.add("orphan", self.tr("Orphan"), QCheckBox(self.tr("Yes")))
        f.add("safety_notes", self.tr("Safety notes"), QPlainTextEdit())
        f.add("status", self.tr("Enrolment status"), combo({k: label(STATUSES, k) for k in STATUSES}))
        f.add("status_since", self.tr("Status since"), date_edit())
        f.add("consent_signed_on", self.tr("Family consent signed on"), date_edit())
        for key in ("diagnosis", "committee_opinion", "safety_notes"):
            f.widgets[key].setMaximumHeight(70)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        outer.addLayout(buttons)
        self._apply_permissions()

    def _apply_permissions(self) -> None:
        actor = self.session.actor
        read_only = actor.role == "leader"
        for key, widget in self.form.widgets.items():
            if read_only or (actor.is_teacher and key in MASTER_FIELDS):
                widget.setEnabled(False)
        self.save_button.setEnabled(not read_only)

    def show_detail(self, detail: StudentDetail) -> None:
        self.detail = detail
        self.loaded = {key: form_value(key, detail.values.get(key)) for key in self.form.widgets}
        if self._correcting and self.loaded["id_number"] == validation.mask_id(self._correcting):
            # The number the user just saved with a warning: masked, the mistake could not be seen or fixed.
            self.loaded["id_number"] = self._correcting
        for key, value in self.loaded.items():
            self.form.set_value(key, value)
        self.loaded = self.form.values()  # as the widgets hold them (combo fall-backs included)
        self.form.clear_errors()
        self.reveal_button.setEnabled(not detail.revealed)
        self._show_warnings(detail.warnings, detail.unprintable)

    def _show_warnings(self, warnings: tuple[str, ...], unprintable: Mapping[str, str]) -> None:
        """Each warning under its field (the ID number's under the ID number); the rest above the form.

        ``unprintable``: characters of a name no shipped font has (they would print as boxes), under the name;
        the guardians' ones above the form (their names are on the Guardians tab).
        """
        loose = []
        by_field: dict[str, list[str]] = {}
        for warning in warnings:
            key = WARNING_FIELDS.get(warning) or WARNING_FIELDS.get(warning.split(".", 1)[0])
            if key in self.form.errors:
                by_field.setdefault(key, []).append(warning_text(warning))
            else:
                loose.append(warning_text(warning))
        for key, chars in unprintable.items():
            if key in self.form.errors:
                by_field.setdefault(key, []).append(message("glyphs.unprintable", chars=chars))
            else:
                loose.append(message("glyphs.unprintable_guardians", chars=chars))
        for key, texts in by_field.items():
            self.form.show_error(key, " ".join(texts), focus=False)
        if loose:
            self.warnings.setText(self.tr("Please check: ") + " ".join(loose))
            self.warnings.show()
            announce(self.warnings, self.warnings.text())
        else:
            self.warnings.hide()

    def _check_id_number(self, text: str) -> None:
        self.form.clear_error("id_number")
        number = text.strip()
        if number and "*" not in number and self.form.value("id_type") in ("resident_id", None, ""):
            found = validation.check_id_number(number, self.session.ctx.today())
            if found:
                self.form.show_error("id_number", " ".join(warning_text(w) for w in found), focus=False)

    def changed_values(self) -> dict[str, Any]:
        current = self.form.values()
        return {k: v for k, v in current.items() if v != self.loaded.get(k)}

    def reveal(self) -> None:
        if self.detail is None:
            return
        self.session.write(
            students.get_student,
            self.detail.id,
            reveal=True,
            on_done=self._revealed,
            on_error=self.page.show_error,
        )

    def _revealed(self, detail: StudentDetail) -> None:
        for key in ("id_number", "certificate_no"):
            value = form_value(key, detail.values.get(key))
            self.form.set_value(key, value)
            self.loaded[key] = value
        self.reveal_button.setEnabled(False)

    def save(self) -> None:
        self.save_then()

    def save_then(
        self, then: Callable[[], None] | None = None, failed: Callable[[], None] | None = None
    ) -> None:
        """Save the changed fields; ``then()`` after the save succeeded (at once when nothing changed), ``failed()``
        after the error is shown."""
        if self.detail is None:
            return
        changes = self.changed_values()
        self.form.clear_errors()
        if not changes:
            if then is not None:
                then()
            return

        def done(result: students.SaveResult) -> None:
            self._saved(result)
            if then is not None:
                then()  # leaving the page: nothing to show again
            else:
                self.page.refresh()  # its own notice skips it: the saved record is read back (ID numbers masked)

        self.session.write(
            students.update_student,
            self.detail.id,
            changes,
            expected_revision=self.detail.revision,
            on_done=done,
            on_error=lambda error: self._refused(error, failed),
            initiator=self.page,  # the page shows the saved values already: its own notice must not reload it
        )

    def _refused(self, error: BaseException, failed: Callable[[], None] | None) -> None:
        self._failed(error)
        if failed is not None:
            failed()

    def _saved(self, result: students.SaveResult) -> None:
        self.loaded = self.form.values()
        number = str(self.loaded.get("id_number") or "")
        doubtful = any(w.startswith("id_number.") for w in result.warnings)
        self._correcting = number if doubtful and "*" not in number else None
        self.detail = (
            None
            if self.detail is None
            else StudentDetail(
                id=self.detail.id,
                revision=result.revision,
                values=self.detail.values,
                revealed=self.detail.revealed,
                guardians=self.detail.guardians,
                assignments=self.detail.assignments,
                pauses=self.detail.pauses,
                warnings=result.warnings,
            )
        )
        self._show_warnings(result.warnings, result.unprintable)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError) and self.form.show_error(field_of(error), error_text(error)):
            return
        self.page.show_error(error)


class StudentPage(Page):
    """One student: a header with Back, then tabs (the record tabs come from the registry)."""

    can_save = True

    def __init__(self, session: AppSession, student_id: str, window: Shell | None = None) -> None:
        super().__init__(session, window)
        self.student_id = student_id
        self.setObjectName("page_student")
        column = QVBoxLayout(self)
        header = QHBoxLayout()
        self.back = QPushButton(self.tr("← Students"))
        self.back.setAccessibleName(self.tr("Back to the student list"))
        self.back.clicked.connect(lambda: window.close_detail("students") if window else None)
        self.title = QLabel()
        make_heading(self.title)
        header.addWidget(self.back)
        header.addWidget(self.title, 1)
        column.addLayout(header)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Student record sections"))
        column.addWidget(self.tabs, 1)
        from app.ui.pages.student_tabs_core import AssignmentsTab, GuardiansTab, PausesTab

        self.basic = BasicInfoTab(session, self)
        self.guardians = GuardiansTab(session, self)
        self.assignments = AssignmentsTab(session, self)
        self.pauses = PausesTab(session, self)
        self.tabs.addTab(self.basic, self.tr("Basic information"))
        self.tabs.addTab(self.guardians, self.tr("Guardians"))
        self.tabs.addTab(self.assignments, self.tr("Teachers"))
        self.tabs.addTab(self.pauses, self.tr("Pauses"))
        # Registered tabs are built when first shown (or first asked for): their constructors cost ~10-60 ms
        # each on the UI thread and each queues its own loads ahead of the student's, so building them all
        # made opening a student take ~0.5 s. An empty placeholder holds each tab's place until then.
        self._specs = {spec.key: spec for spec in student_tabs_for(session.actor.role)}
        self._placeholders: dict[str, QWidget] = {}
        self._built: dict[str, QWidget] = {}
        for key, spec in self._specs.items():
            self._placeholders[key] = QWidget()
            self.tabs.addTab(self._placeholders[key], spec.translated_title())
        self.extra_tabs = LazyTabs(self)
        self.detail: StudentDetail | None = None
        self._stale_tabs: set[str] = set()
        self.tabs.currentChanged.connect(self._tab_shown)

    def build_tab(self, key: str) -> QWidget:
        """The registered tab's widget, constructed (and so loading itself) on first use."""
        widget = self._built.get(key)
        if widget is not None:
            return widget
        widget = self._specs[key].factory(self.session, self.student_id, self)
        self._built[key] = widget
        placeholder = self._placeholders.pop(key)
        index = self.tabs.indexOf(placeholder)
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)  # swapping the page in is not the user changing tabs
        try:
            self.tabs.insertTab(index, widget, self.tabs.tabText(index))
            self.tabs.removeTab(index + 1)
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        placeholder.deleteLater()
        return widget

    def refresh(self) -> None:
        self.session.read(
            students.get_student, self.student_id, on_done=self._loaded, on_error=self.show_error
        )

    def _loaded(self, detail: StudentDetail) -> None:
        first = self.detail is None
        self.detail = detail
        self.title.setText(f"{detail.values.get('name', '')}  ·  {detail.values.get('code', '')}")
        self.basic.show_detail(detail)
        self.guardians.show_detail(detail)
        self.assignments.show_detail(detail)
        self.pauses.show_detail(detail)
        # Built tabs reload when next shown; on the first load they have just loaded themselves.
        self._stale_tabs = set() if first else set(self._built)
        self._tab_shown(self.tabs.currentIndex())

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        key = next((k for k, w in self._placeholders.items() if w is widget), None)
        if key is not None:
            self.build_tab(key)  # its constructor loads it
            return
        key = next((k for k, w in self._built.items() if w is widget), None)
        if key is None or key not in self._stale_tabs:
            return
        self._stale_tabs.discard(key)
        reload = getattr(widget, "reload", None)
        if reload is not None:
            reload()

    def on_data_changed(self, changes: Changes) -> None:
        # Refresh the side tables; keep what the user is typing in the form.
        if self.basic.changed_values():
            self.session.read(students.get_student, self.student_id, on_done=self._side_tables)
        else:
            self.refresh()

    def _side_tables(self, detail: StudentDetail) -> None:
        self.guardians.show_detail(detail)
        self.assignments.show_detail(detail)
        self.pauses.show_detail(detail)

    def save(self) -> None:
        self.save_then()

    def save_then(
        self, then: Callable[[], None] | None = None, failed: Callable[[], None] | None = None
    ) -> None:
        # Ctrl+S on an editor tab (IEP, contacts) saves that editor; ``then()`` once the save succeeded.
        current = self.tabs.currentWidget()
        if current in self._built.values() and isinstance(current, RecordEditor):
            current.save_then(then, failed)
            return
        self.basic.save_then(then, failed)

    def has_unsaved_changes(self) -> bool:
        # A dirty editor tab counts too.
        if any(getattr(w, "is_dirty", lambda: False)() for w in self._built.values()):
            return True
        return bool(self.basic.detail is not None and self.basic.changed_values())


class LazyTabs(Mapping[str, QWidget]):
    """``page.extra_tabs[key]``: the registered tab's widget, built on first access."""

    def __init__(self, page: StudentPage) -> None:
        self._page = page

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._page._specs:
            raise KeyError(key)
        return self._page.build_tab(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._page._specs)

    def __len__(self) -> int:
        return len(self._page._specs)
