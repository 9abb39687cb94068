"""Import the roster (学生名单) from the Students page: every row checked and shown before anything is written,
then all rows or none, on the worker thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import roster
from app.services.errors import ServiceError
from app.services.roster import ImportReport, RosterErrors, RowError
from app.ui.messages import error_text, message, warning_text
from app.ui.prefs import remember_folder, start_folder
from app.ui.session import AppSession
from app.ui.widgets.style import error_style

PREF_FOLDER = "roster_folder"


def row_error_text(problem: RowError) -> str:
    """One cell's problem in the user's language (the catalogue's text for its id; English when it has none)."""
    if not problem.message_id:
        return problem.message
    return error_text(ServiceError(problem.message_id, problem.message, **problem.params))


class RosterImportDialog(QDialog):
    """Choose an .xlsx or .csv roster (or save the blank template), see what it would do, then import it."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path: Path | None = None
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("Import the roster"))
        self.resize(760, 460)
        column = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Fill in the roster template in Excel or WPS (one student per row), then choose the file. "
                "Every row is checked first; nothing is written until you import, and then all rows or none."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)

        bar = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("&Choose file…"))
        self.choose_button.clicked.connect(self._choose)
        self.template_button = QPushButton(self.tr("Save the blank &template…"))
        self.template_button.clicked.connect(self._save_template)
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setAccessibleName(self.tr("Chosen file"))
        bar.addWidget(self.choose_button)
        bar.addWidget(self.template_button)
        bar.addWidget(self.file_label, 1)
        column.addLayout(bar)

        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Check result"))
        column.addWidget(self.summary)
        self.problems = QTableWidget(0, 3)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Problem")])
        self.problems.setAccessibleName(self.tr("Problems found in the file"))
        self.problems.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems.setTabKeyNavigation(False)
        self.problems.verticalHeader().hide()
        header = self.problems.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.problems, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = QPushButton(self.tr("&Import all rows"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self._import)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)

    # --- choosing and checking ----------------------------------------------------------------------------

    def _choose(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the roster"),
            start_folder(self.session.paths, PREF_FOLDER),
            self.tr("Roster (*.xlsx *.csv)"),
        )
        if name:
            remember_folder(self.session.paths, PREF_FOLDER, name)
            self.check(Path(name))

    def _save_template(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the blank roster template"),
            str(Path(start_folder(self.session.paths, PREF_FOLDER)) / "roster-template.xlsx"),
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
        )
        if not name:
            return
        remember_folder(self.session.paths, PREF_FOLDER, name)
        try:
            roster.write_template(Path(name), roster.COLUMNS)
        except OSError as error:
            self._say(
                self.tr("The template could not be saved: {reason}").format(reason=error.strerror), True
            )
            return
        self._say(self.tr("The template was saved: {name}").format(name=Path(name).name), False)

    def check(self, path: Path) -> None:
        """Read and check every row (a dry run: nothing is written), then show what importing would do."""
        self.path, self.report = path, None
        self.file_label.setText(path.name)
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self._fill([])
        self._say(self.tr("Checking every row…"), False)
        self.session.read(
            roster.import_roster, path, dry_run=True, on_done=self._checked, on_error=self._refused
        )

    def _checked(self, report: ImportReport) -> None:
        self.choose_button.setEnabled(True)
        self.report = report
        self._fill(
            [(str(row), "", warning_text(warning)) for row, warning in report.notes]
            + [
                (str(row), column, message("glyphs.unprintable", chars=chars))
                for row, column, chars in report.unprintable
            ]
        )
        text = self.tr(
            "{rows} rows, all correct: importing creates {created} students and updates {updated}."
        ).format(rows=report.rows, created=report.created, updated=report.updated)
        if report.notes or report.unprintable:
            text += " " + self.tr("The notes below do not stop the import.")
        self._say(text, False)
        self.import_button.setEnabled(report.rows > 0)
        self.import_button.setFocus()

    def _refused(self, error: BaseException) -> None:
        self.choose_button.setEnabled(True)
        self.import_button.setEnabled(False)
        if isinstance(error, RosterErrors):
            self._fill([(str(p.row), p.column, row_error_text(p)) for p in error.errors])
            rows = len({p.row for p in error.errors})
            self._say(
                self.tr(
                    "{rows} rows have problems ({count} in all). Correct them in the file, save it and choose it "
                    "again: nothing was imported."
                ).format(rows=rows, count=len(error.errors)),
                True,
            )
            self.problems.setFocus()
        else:
            self._say(error_text(error), True)

    # --- importing ------------------------------------------------------------------------------------------

    def _import(self) -> None:
        if self.path is None or self.report is None:
            return
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self._say(self.tr("Importing…"), False)
        task = self.session.write(
            roster.import_roster,
            self.path,
            on_done=self._imported,
            on_error=self._refused,
            initiator=self,
            with_progress=True,
        )
        if task.progress_signal is not None and not task.finished:
            task.progress_signal.changed.connect(self._moved)

    def _moved(self, done: int, total: int, _label: str) -> None:
        self._say(self.tr("Importing… {done} of {total} rows").format(done=done, total=total), False)

    def _imported(self, report: ImportReport) -> None:
        self.choose_button.setEnabled(True)
        self.report = None
        self._say(
            self.tr("Imported: {created} students created, {updated} updated.").format(
                created=report.created, updated=report.updated
            ),
            False,
        )

    # --- showing --------------------------------------------------------------------------------------------

    def _fill(self, rows: list[tuple[str, str, str]]) -> None:
        self.problems.setRowCount(len(rows))
        for n, cells in enumerate(rows):
            for c, text in enumerate(cells):
                self.problems.setItem(n, c, QTableWidgetItem(text))

    def _say(self, text: str, problem: bool) -> None:
        self.summary.setText(text)
        self.summary.setAccessibleDescription(text)
        # Colour is a second signal only: the words say whether something is wrong.
        self.summary.setStyleSheet(error_style() + " font-weight: bold;" if problem else "")
