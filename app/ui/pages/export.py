"""Print and export from the app: the whole term, one teacher's packets, one student's packet, forms.

Every export runs on the DB worker thread (the term export then fans out to worker processes) with the
progress dialog and Cancel of app/ui/widgets/progress.py; files appear only when whole (the service writes
under a temporary name), so a cancelled export leaves whole documents only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.reports import export
from app.reports.export import ExportOptions, ExportResult
from app.reports.files import packet_file_name, safe_part
from app.services import school, users
from app.services.context import ServiceContext
from app.services.progress import TaskState
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.messages import error_text, message
from app.ui.pages.base import Page, Shell
from app.ui.pages.registry import register_page, register_student_tab
from app.ui.prefs import remember_folder, start_folder
from app.ui.session import AppSession
from app.ui.tasks import Task
from app.ui.widgets.announce import announce
from app.ui.widgets.passwords import ConfirmedPassword
from app.ui.widgets.progress import run_with_progress
from app.ui.widgets.style import error_style, warning_style

OFFICE_ROLES = ("academic_affairs", "leader", "admin", "system")
PREF_FOLDER = "export_folder"


# --- worker-thread functions (no Qt widgets, no work on the UI thread) -------------------------------------


@dataclass(frozen=True)
class Choices:
    terms: tuple[tuple[str, str], ...]  # id, name; newest first
    current: str | None
    teachers: tuple[tuple[str, str], ...]  # id, "username display name" (office only)


def load_choices(ctx: ServiceContext) -> Choices:
    terms = sorted(school.list_terms(ctx), key=lambda t: t.start, reverse=True)
    current = school.current_term(ctx)
    teachers: tuple[tuple[str, str], ...] = ()
    if ctx.actor.role in OFFICE_ROLES:
        teachers = tuple(
            (u.id, f"{u.username} {u.display_name}") for u in users.list_users(ctx, role="teacher")
        )
    return Choices(
        tuple((t.id, t.name) for t in terms),
        current.id if current else (terms[0].id if terms else None),
        teachers,
    )


def export_term_task(
    ctx: ServiceContext,
    term_id: str,
    out_dir: Path,
    options: ExportOptions,
    progress: TaskState | None = None,
) -> ExportResult:
    return export.export_term(ctx, term_id, out_dir, options, progress)


def export_packets_task(
    ctx: ServiceContext,
    term_id: str,
    out_dir: Path,
    teacher_id: str | None,
    options: ExportOptions,
    progress: TaskState | None = None,
) -> ExportResult:
    return export.export_packets(
        ctx, term_id, out_dir, teacher_id=teacher_id, options=options, progress=progress
    )


def export_single_task(
    ctx: ServiceContext,
    kind: str,
    term_id: str,
    out: Path,
    record_id: str,
    options: ExportOptions,
    progress: TaskState | None = None,
) -> ExportResult:
    if kind == "packet":
        out.parent.mkdir(parents=True, exist_ok=True)
        return export.export_packet(ctx, record_id, term_id, out, options, progress)
    return export.export_single(ctx, kind, term_id, out, record_id, options, progress)


def blank_form_task(
    ctx: ServiceContext, form: str, out: Path, password: str | None, progress: TaskState | None = None
) -> ExportResult:
    """An empty visit or plan form for hand filling (nothing personal in it)."""
    return export.export_form(ctx, form, out, options=ExportOptions(password=password), progress=progress)


# --- the shared options and result row ------------------------------------------------------------------------


class ExportOptionsBox(QGroupBox):
    """Reveal ID numbers (off, with a privacy warning) and an optional PDF password."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Options"))
        form = QFormLayout(self)
        self.reveal = QCheckBox(self.tr("Show full ID and certificate numbers"))
        self.reveal.setAccessibleName(self.tr("Show full ID and certificate numbers"))
        self.warning = QLabel(
            self.tr(
                "Privacy: full numbers identify a child. Print them only for files that "
                "stay locked away; the export is recorded."
            )
        )
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(error_style())
        self.warning.setVisible(False)
        self.reveal.toggled.connect(self.warning.setVisible)
        # Typed twice: a typo would lock the family out of their copy (the PDF opens with nothing else).
        self.pdf_password = ConfirmedPassword(
            self.tr("Password for the PDF files"),
            self.tr("Repeat the PDF password"),
            optional=True,
            parent=self,
        )
        self.password, self.confirm = self.pdf_password.password, self.pdf_password.confirm
        self.password.setPlaceholderText(self.tr("none"))
        form.addRow(self.reveal)
        form.addRow(self.warning)
        self.pdf_password.add_rows(form, self.tr("Password for the PDF files"), self.tr("Repeat it"))

    def check(self) -> bool:
        """False (with the reason shown under the fields) when the two password fields differ."""
        return self.pdf_password.check()

    def options(self) -> ExportOptions:
        return ExportOptions(password=self.pdf_password.value(), reveal_ids=self.reveal.isChecked())


def add_term_and_options(
    owner: QWidget, column: QVBoxLayout, term_label: str
) -> tuple[QComboBox, ExportOptionsBox]:
    """The top of every export surface: the term to export, then the options (the label comes translated)."""
    top = QFormLayout()
    term = QComboBox()
    term.setAccessibleName(term_label)
    top.addRow(term_label, term)
    column.addLayout(top)
    options_box = ExportOptionsBox(owner)
    column.addWidget(options_box)
    return term, options_box


def show_terms(term: QComboBox, choices: Choices) -> None:
    """Fill the term box, newest first, with the current term chosen."""
    term.clear()
    for term_id, name in choices.terms:
        term.addItem(name, term_id)
    if choices.current is not None:
        term.setCurrentIndex(max(0, term.findData(choices.current)))


class ResultRow(QWidget):
    """What the last export wrote, with Open folder / Open file."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text = QLabel("")
        self.text.setWordWrap(True)
        self.open_folder = QPushButton(self.tr("Open folder"))
        self.open_file = QPushButton(self.tr("Open file"))
        for button in (self.open_folder, self.open_file):
            button.setVisible(False)
        self.open_folder.clicked.connect(lambda: self._open(self.folder))
        self.open_file.clicked.connect(lambda: self._open(self.file))
        row.addWidget(self.text, 1)
        row.addWidget(self.open_file)
        row.addWidget(self.open_folder)
        self.folder: Path | None = None
        self.file: Path | None = None
        self.result: ExportResult | None = None

    def show_result(self, result: ExportResult, folder: Path) -> None:
        self.result = result
        self.text.setStyleSheet("")
        count = len(result.files)
        if result.cancelled:
            text = self.tr("Cancelled: %n whole file(s) kept.", "", count)
        else:
            text = self.tr("Done: %n file(s) written.", "", count)
        if result.errors:
            text += " " + self.tr("{count} document(s) failed: {first}").format(
                count=len(result.errors), first=result.errors[0]
            )
        if result.unprintable:
            # Written all the same (the font's empty box stands in): said in the warning colour, and aloud.
            text += " " + message("glyphs.export_unprintable", records=list(result.unprintable))
        if result.unprintable_users:
            text += " " + message("glyphs.export_unprintable_users", users=list(result.unprintable_users))
        self.text.setText(text)
        if result.unprintable or result.unprintable_users:
            self.text.setStyleSheet(warning_style())
            announce(self.text, text)
        self.folder = folder
        self.file = result.files[0] if count == 1 else None
        self.open_folder.setVisible(True)
        self.open_file.setVisible(self.file is not None)

    def show_error(self, error: BaseException) -> None:
        """Shown in the page, not in a modal box: the message stays readable beside the buttons."""
        self.result = None
        self.text.setText(self.tr("Not exported: {reason}").format(reason=error_text(error)))
        self.text.setStyleSheet(error_style())
        self.open_folder.setVisible(False)
        self.open_file.setVisible(False)

    def _open(self, path: Path | None) -> None:
        if path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def remembered_folder(session: AppSession) -> str:
    return start_folder(session.paths, PREF_FOLDER)


def choose_folder(parent: QWidget, session: AppSession, title: str) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, title, remembered_folder(session))
    if not folder:
        return None
    remember_folder(session.paths, PREF_FOLDER, folder)
    return Path(folder)


def choose_pdf(parent: QWidget, session: AppSession, title: str, name: str) -> Path | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent, title, str(Path(remembered_folder(session)) / name), "PDF (*.pdf)"
    )
    if not path:
        return None
    remember_folder(session.paths, PREF_FOLDER, path)
    return Path(path)


# --- the page -------------------------------------------------------------------------------------------------


class ExportPage(Page):
    """The office exports the term, a teacher's packets and forms; a teacher their own packets and blank forms."""

    # The tables on screen: a write announced on the bus refreshes the page only when it changed one.
    shows = frozenset({"term", "student", "assignment", "user"})

    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__(session, window)
        self.setObjectName("page_export")
        self.office = session.actor.role in OFFICE_ROLES
        self.choices: Choices | None = None
        self.task: Task[ExportResult] | None = None
        column = QVBoxLayout(self)
        self.term, self.options_box = add_term_and_options(self, column, self.tr("Term"))

        if self.office:
            office_box = QGroupBox(self.tr("For the office"))
            grid = QVBoxLayout(office_box)
            self.term_button = QPushButton(self.tr("Export the whole term…"))
            self.term_button.setToolTip(
                self.tr(
                    "Every packet, every teacher's assessment form, the summary and the "
                    "spreadsheets, into one folder"
                )
            )
            self.term_button.clicked.connect(self._term_clicked)
            grid.addWidget(self.term_button)
            teacher_row = QHBoxLayout()
            self.teacher = QComboBox()
            self.teacher.setAccessibleName(self.tr("Teacher"))
            self.teacher_packets = QPushButton(self.tr("This teacher's packets…"))
            self.teacher_packets.clicked.connect(self._teacher_packets_clicked)
            self.teacher_form = QPushButton(self.tr("This teacher's assessment form…"))
            self.teacher_form.clicked.connect(self._teacher_form_clicked)
            teacher_row.addWidget(QLabel(self.tr("Teacher")))
            teacher_row.addWidget(self.teacher, 1)
            teacher_row.addWidget(self.teacher_packets)
            teacher_row.addWidget(self.teacher_form)
            grid.addLayout(teacher_row)
            column.addWidget(office_box)
        else:
            mine = QGroupBox(self.tr("My students"))
            box = QVBoxLayout(mine)
            self.my_packets = QPushButton(self.tr("Export my students' archive packets…"))
            self.my_packets.clicked.connect(self._my_packets_clicked)
            box.addWidget(self.my_packets)
            column.addWidget(mine)

        blank = QGroupBox(self.tr("Blank forms to fill by hand"))
        row = QHBoxLayout(blank)
        self.blank_visit = QPushButton(self.tr("Visit record form…"))
        self.blank_plan = QPushButton(self.tr("Monthly plan form…"))
        self.blank_visit.clicked.connect(lambda: self._blank_clicked("visit"))
        self.blank_plan.clicked.connect(lambda: self._blank_clicked("plan"))
        row.addWidget(self.blank_visit)
        row.addWidget(self.blank_plan)
        row.addStretch(1)
        column.addWidget(blank)
        self.result_row = ResultRow(self)
        column.addWidget(self.result_row)
        column.addStretch(1)

    def refresh(self) -> None:
        self.session.read(load_choices, on_done=self._loaded, on_error=self.show_error)

    def _loaded(self, choices: Choices) -> None:
        self.choices = choices
        show_terms(self.term, choices)
        if self.office:
            self.teacher.clear()
            for teacher_id, text in choices.teachers:
                self.teacher.addItem(text, teacher_id)

    def term_id(self) -> str | None:
        data = self.term.currentData()
        return str(data) if data else None

    def term_tag(self) -> str:
        return safe_part(self.term.currentText())

    # --- the exports (tests call these with a path; the buttons ask for one first) ---------------------

    def _run(self, fn: Callable[..., ExportResult], *args: object, title: str, folder: Path) -> None:
        if not self.options_box.check():  # nothing written with a password the user did not mean
            return
        self.task = run_with_progress(
            self,
            self.session.runner,
            fn,
            self.session.ctx,
            *args,
            title=title,
            on_done=lambda result: self.result_row.show_result(result, folder),
            on_error=self.result_row.show_error,
        )

    def export_term(self, out_dir: Path) -> None:
        term_id = self.term_id()
        if term_id:
            self._run(
                export_term_task,
                term_id,
                out_dir,
                self.options_box.options(),
                title=self.tr("Exporting the term"),
                folder=out_dir,
            )

    def export_packets(self, out_dir: Path, teacher_id: str | None = None) -> None:
        term_id = self.term_id()
        if term_id:
            self._run(
                export_packets_task,
                term_id,
                out_dir,
                teacher_id,
                self.options_box.options(),
                title=self.tr("Exporting archive packets"),
                folder=out_dir,
            )

    def export_assessment(self, out: Path, teacher_id: str) -> None:
        term_id = self.term_id()
        if term_id:
            self._run(
                export_single_task,
                "assessment",
                term_id,
                out,
                teacher_id,
                self.options_box.options(),
                title=self.tr("Exporting the assessment form"),
                folder=out.parent,
            )

    def export_blank(self, form: str, out: Path) -> None:
        self._run(
            blank_form_task,
            form,
            out,
            self.options_box.options().password,
            title=self.tr("Exporting the form"),
            folder=out.parent,
        )

    def _term_clicked(self) -> None:
        if not self.options_box.check():  # before the file dialog: no folder chosen for nothing
            return
        folder = choose_folder(self, self.session, self.tr("Folder for the term's files"))
        if folder is not None:
            self.export_term(folder)

    def _teacher_packets_clicked(self) -> None:
        if not self.options_box.check():
            return
        folder = choose_folder(self, self.session, self.tr("Folder for the packets"))
        if folder is not None and self.teacher.currentData():
            self.export_packets(folder, str(self.teacher.currentData()))

    def _teacher_form_clicked(self) -> None:
        if not self.options_box.check():
            return
        teacher_id = self.teacher.currentData()
        if not teacher_id:
            return
        name = f"assessment_{safe_part(self.teacher.currentText().split(' ')[0])}_{self.term_tag()}.pdf"
        out = choose_pdf(self, self.session, self.tr("Save the assessment form"), name)
        if out is not None:
            self.export_assessment(out, str(teacher_id))

    def _my_packets_clicked(self) -> None:
        if not self.options_box.check():
            return
        folder = choose_folder(self, self.session, self.tr("Folder for the packets"))
        if folder is not None:
            self.export_packets(folder)

    def _blank_clicked(self, form: str) -> None:
        if not self.options_box.check():
            return
        out = choose_pdf(self, self.session, self.tr("Save the blank form"), f"{form}_form_blank.pdf")
        if out is not None:
            self.export_blank(form, out)


class PacketTab(QWidget):
    """On the student page: export this student's archive packet for a term (a student code in the file name)."""

    def __init__(self, session: AppSession, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.student_id = session, student_id
        self.task: Task[ExportResult] | None = None
        column = QVBoxLayout(self)
        self.term, self.options_box = add_term_and_options(self, column, self.tr("Term"))
        self.export_button = QPushButton(self.tr("Export archive packet…"))
        self.export_button.clicked.connect(self._clicked)
        column.addWidget(self.export_button)
        self.result_row = ResultRow(self)
        column.addWidget(self.result_row)
        column.addStretch(1)
        self._code = ""
        self.reload()

    def reload(self) -> None:
        def load(ctx: ServiceContext) -> tuple[Choices, str]:
            from app.services import students

            return load_choices(ctx), str(students.get_student(ctx, self.student_id).values.get("code") or "")

        self.session.runner.submit(load, self.session.ctx, on_done=self._loaded, on_error=lambda _e: None)

    def _loaded(self, loaded: tuple[Choices, str]) -> None:
        choices, self._code = loaded
        show_terms(self.term, choices)

    def export_packet(self, out: Path) -> None:
        term_id = self.term.currentData()
        if not term_id or not self.options_box.check():
            return
        self.task = run_with_progress(
            self,
            self.session.runner,
            export_single_task,
            self.session.ctx,
            "packet",
            str(term_id),
            out,
            self.student_id,
            self.options_box.options(),
            title=self.tr("Exporting the archive packet"),
            on_done=lambda result: self.result_row.show_result(result, out.parent),
            on_error=self.result_row.show_error,
        )

    def _clicked(self) -> None:
        if not self.options_box.check():
            return
        name = packet_file_name(self._code or "student", self.term.currentText())
        out = choose_pdf(self, self.session, self.tr("Save the archive packet"), name)
        if out is not None:
            self.export_packet(out)


register_page(
    "export",
    QT_TRANSLATE_NOOP("Pages", "Print and export"),
    ExportPage,
    order=80,
    roles=("teacher", "academic_affairs", "leader", "admin"),
)
register_student_tab("export", QT_TRANSLATE_NOOP("Pages", "Archive packet"), PacketTab, order=95)
