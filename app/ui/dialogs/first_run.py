"""First run: set up the school (school, term and holidays, visit rule, first administrator) or open the demo."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel, QLineEdit, QRadioButton, QVBoxLayout, QWidget, QWizard, QWizardPage

from app.services import setup
from app.services.context import Actor, ServiceContext, Store
from app.services.errors import ServiceError, ValidationError
from app.ui.messages import error_text, field_of
from app.ui.tasks import BaseRunner, Task, ThreadRunner
from app.ui.widgets.announce import announce
from app.ui.widgets.calendar_table import CalendarTable
from app.ui.widgets.fields import FieldForm, date_edit
from app.ui.widgets.progress import run_with_progress
from app.ui.widgets.rule_fields import add_rule_fields, rule_values

if TYPE_CHECKING:
    from app.services.demo import DemoResult
    from app.services.exchange import JoinResult

CHOICE, SCHOOL, TERM, RULE, ADMIN = range(5)
FIELD_PAGES = {
    "school_name": SCHOOL,
    "school_code": SCHOOL,
    "name": TERM,
    "start": TERM,
    "end": TERM,
    "days": TERM,
    "term": TERM,
    "period": RULE,
    "visits_per_period": RULE,
    "lessons_per_visit": RULE,
    "minutes_per_lesson": RULE,
    "yearly_min_lessons": RULE,
    "username": ADMIN,
    "display_name": ADMIN,
    "password": ADMIN,
    "confirm": ADMIN,
}


def default_term(today: dt.date) -> tuple[str, dt.date, dt.date]:
    """A sensible first guess for the term containing (or following) today."""
    if today.month >= 8 or today.month == 1:
        year = today.year if today.month >= 8 else today.year - 1
        return f"{year}秋季学期", dt.date(year, 9, 1), dt.date(year + 1, 1, 22)
    return f"{today.year}春季学期", dt.date(today.year, 2, 24), dt.date(today.year, 7, 10)


def demo_available() -> bool:
    try:
        from app.services import demo  # noqa: F401 - a build without the demo offers none
    except ImportError:
        return False
    return True


class FormPage(QWizardPage):
    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = FieldForm()
        column = QVBoxLayout(self)
        column.addWidget(self.form)


class FirstRunWizard(QWizard):
    """After ``exec()``: ``actor`` is the new administrator, or ``demo_result`` is set when the demo was built.

    ``runner`` builds the demo off the UI thread (the window's own runner when the app starts the wizard)."""

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        runner: BaseRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ServiceContext(store, today_override=today)
        self.runner = runner or ThreadRunner()
        self.actor: Actor | None = None
        self.demo_result: DemoResult | None = None
        self.demo_task: Task[DemoResult] | None = None  # the demo being built (tests cancel it)
        self.join_result: JoinResult | None = None  # a teacher's new laptop joined: log in next
        self.setWindowTitle(self.tr("Welcome to Songjiao"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(720, 560)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

        choice = QWizardPage()
        choice.setTitle(self.tr("Welcome"))
        choice.setSubTitle(self.tr("Songjiao keeps the records of home-delivered teaching (送教上门)."))
        box = QVBoxLayout(choice)
        self.new_school = QRadioButton(self.tr("Set up my school"))
        self.new_school.setChecked(True)
        self.open_demo = QRadioButton(self.tr("Open the demo school (sample records to try things out)"))
        self.open_demo.setEnabled(demo_available())
        # The demo makes this the last page: let the wizard show Finish instead of Next.
        self.open_demo.toggled.connect(choice.setFinalPage)
        from app.ui.dialogs.exchange_join import join_choice_text

        self.join_school = QRadioButton(join_choice_text())
        self.join_school.toggled.connect(choice.setFinalPage)
        box.addWidget(self.new_school)
        box.addWidget(self.open_demo)
        box.addWidget(self.join_school)
        box.addStretch(1)
        self.setPage(CHOICE, choice)

        school_page = FormPage(self.tr("Your school"), self.tr("The name appears on every printed page."))
        school_page.form.add("school_name", self.tr("School name"), QLineEdit())
        school_page.form.add("school_code", self.tr("School code (optional)"), QLineEdit())
        self.setPage(SCHOOL, school_page)

        term_page = FormPage(
            self.tr("The first term"),
            self.tr(
                "Weeks with a holiday on every school day are not teaching weeks. The statutory "
                "holidays are filled in; change them to your school's calendar."
            ),
        )
        name, start, end = default_term(self.ctx.today())
        term_page.form.add("name", self.tr("Term name"), QLineEdit(name))
        term_page.form.add("start", self.tr("First day"), date_edit())
        term_page.form.add("end", self.tr("Last day"), date_edit())
        term_page.form.set_value("start", start.isoformat())
        term_page.form.set_value("end", end.isoformat())
        self.calendar = CalendarTable()
        self.calendar.prefill_button.clicked.connect(self.prefill)
        term_page.form.add("days", self.tr("Holidays and make-up workdays"), self.calendar)
        self.setPage(TERM, term_page)

        rule_page = FormPage(
            self.tr("The visit rule"),
            self.tr("Usually at least one visit a week of two lessons; set your province's rule."),
        )
        add_rule_fields(rule_page.form, self)
        rule_page.form.set_value("visits_per_period", 1)
        rule_page.form.set_value("lessons_per_visit", 2)
        rule_page.form.set_value("minutes_per_lesson", 30)
        self.setPage(RULE, rule_page)

        admin_page = FormPage(
            self.tr("The first administrator"), self.tr("This account manages users, settings and backups.")
        )
        admin_page.form.add("username", self.tr("User name"), QLineEdit("admin"))
        admin_page.form.add("display_name", self.tr("Display name"), QLineEdit())
        for key, text in (("password", self.tr("Password")), ("confirm", self.tr("Repeat the password"))):
            edit = QLineEdit()
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            admin_page.form.add(key, text, edit)
        self.status = QLabel()
        self.status.setWordWrap(True)
        admin_layout = admin_page.layout()
        assert admin_layout is not None
        admin_layout.addWidget(self.status)
        self.setPage(ADMIN, admin_page)
        self._prefilled = False
        self.currentIdChanged.connect(self._entered)

    def form(self, page_id: int) -> FieldForm:
        page = self.page(page_id)
        assert isinstance(page, FormPage)
        return page.form

    def nextId(self) -> int:  # noqa: N802 - Qt naming
        if self.currentId() == CHOICE and (self.open_demo.isChecked() or self.join_school.isChecked()):
            return -1
        return super().nextId()

    def _entered(self, page_id: int) -> None:
        if page_id == TERM and not self._prefilled and not self.calendar.values():
            self._prefilled = True
            self.prefill()

    def prefill(self) -> None:
        form = self.form(TERM)
        form.clear_errors()
        try:
            start = dt.date.fromisoformat(form.value("start"))
            end = dt.date.fromisoformat(form.value("end"))
        except ValueError:
            form.show_error("start", self.tr("Enter the first and last day of the term first."))
            return
        self.calendar.prefill(start, end)

    def data(self) -> dict[str, Any]:
        school_form, term_form, admin_form = self.form(SCHOOL), self.form(TERM), self.form(ADMIN)
        return {
            "school_name": school_form.value("school_name"),
            "school_code": school_form.value("school_code"),
            "term": {
                "name": term_form.value("name"),
                "start": term_form.value("start"),
                "end": term_form.value("end"),
                "days": self.calendar.values(),
            },
            "rule": rule_values(self.form(RULE)),
            "admin": {k: admin_form.value(k) for k in ("username", "display_name", "password")},
        }

    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt naming
        if self.currentId() == CHOICE and self.open_demo.isChecked():
            return self.build_demo()
        if self.currentId() == CHOICE and self.join_school.isChecked():
            from app.ui.dialogs.exchange_join import ask_join

            self.join_result = ask_join(self, self.ctx.store.paths, self.ctx.store.key)
            return self.join_result is not None
        if self.currentId() not in (SCHOOL, TERM, RULE, ADMIN):
            return True
        if not self.check_page(self.currentId()):
            return False
        if self.currentId() != ADMIN:
            return True
        try:
            self.actor = setup.initialize_school(self.ctx, self.data())
        except ServiceError as error:
            self.show_service_error(error)
            return False
        return True

    def check_page(self, page_id: int) -> bool:
        """On Next (and Finish): every error of this page at once, each under its field; False keeps the page."""
        form = self.form(page_id)
        form.clear_errors()
        errors = [e for e in setup.setup_errors(self.data()) if FIELD_PAGES.get(field_of(e) or "") == page_id]
        if page_id == ADMIN and form.value("password") != form.value("confirm"):
            errors.append(ValidationError("password.mismatch", "The two passwords differ.", field="confirm"))
        for n, error in enumerate(errors):
            form.show_error(field_of(error), error_text(error), focus=n == 0)
            raw = str(getattr(error, "field", "") or "")
            if raw.startswith("days["):
                self.calendar.mark_row(int(raw[5 : raw.index("]")]))
        return not errors

    def show_service_error(self, error: ServiceError) -> None:
        field = field_of(error)
        target = FIELD_PAGES.get(field or "", ADMIN)
        while self.currentId() != target and self.currentId() > target:
            self.back()
        if target in (SCHOOL, TERM, RULE, ADMIN) and self.form(target).show_error(field, error_text(error)):
            raw = str(getattr(error, "field", "") or "")
            if raw.startswith("days["):
                self.calendar.mark_row(int(raw[5 : raw.index("]")]))
            return
        self.status.setText(error_text(error))
        announce(self.status, error_text(error), urgent=True)

    def build_demo(self) -> bool:
        """Finish with the demo: built on the runner behind a progress dialog (Cancel keeps nothing: the
        demo is one transaction); False until it is whole, then the wizard accepts itself."""
        from app.services import demo

        if self.demo_result is not None:
            return True
        if self.demo_task is None or self.demo_task.finished:
            self.demo_task = run_with_progress(
                self,
                self.runner,
                demo.generate,
                self.ctx,
                students=40,
                terms=2,
                title=self.tr("Building the demo school"),
                on_done=self._demo_built,
                on_error=self._demo_failed,
            )
        return False

    def _demo_built(self, result: DemoResult) -> None:
        self.demo_result = result
        self.accept()  # validates the page again, which now passes

    def _demo_failed(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Cannot build the demo"), error_text(error))

    def demo_hint(self) -> str:
        """The demo accounts, shown on the login dialog that follows."""
        logins = self.demo_result.logins if self.demo_result is not None else ()
        accounts = "、".join(f"{user} / {password}" for user, password, *_rest in logins[:4])
        return self.tr("Demo accounts (user / password): {accounts}").format(accounts=accounts)
