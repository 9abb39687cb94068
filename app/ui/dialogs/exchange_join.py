"""Joining: the office makes a teacher's join file (one-time passphrase shown); a new laptop joins from it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.paths import AppPaths
from app.services import exchange
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.messages import error_text
from app.ui.prefs import start_folder
from app.ui.tasks import BaseRunner, ThreadRunner
from app.ui.widgets.style import error_style, make_selectable, password_field

CTX = "Exchange"

JOIN_CHOICE = QT_TRANSLATE_NOOP("Exchange", "Join my school from a file (a teacher's laptop)")


def join_choice_text() -> str:
    """The first-run wizard's choice (kept in this module's catalogue)."""
    return QCoreApplication.translate(CTX, JOIN_CHOICE)


def passphrase_label(passphrase: str) -> QLabel:
    label = QLabel(passphrase)
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(16)
    font.setBold(True)
    label.setFont(font)
    return make_selectable(label)


class PassphraseDialog(QDialog):
    """Shows a new join file's one-time passphrase, to pass to the teacher separately from the file."""

    def __init__(self, made: exchange.JoinFile, teacher: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.made = made
        self.setWindowTitle(self.tr("Join file made"))
        column = QVBoxLayout(self)
        column.addWidget(
            QLabel(self.tr("Join file for {teacher}: {file}").format(teacher=teacher, file=made.path.name))
        )
        column.addWidget(QLabel(self.tr("One-time passphrase:")))
        row = QHBoxLayout()
        self.passphrase = passphrase_label(made.passphrase)
        self.passphrase.setAccessibleName(self.tr("One-time passphrase"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.clicked.connect(self.copy)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.copy_button)
        column.addLayout(row)
        warning = QLabel(
            self.tr(
                "Give the passphrase to the teacher separately from the file (read it out by "
                "phone or write it down): whoever has both can read the students' records. It "
                "is shown only now."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet(error_style() + " font-weight: bold;")
        column.addWidget(warning)
        column.addWidget(QLabel(self.tr("Laptop key fingerprint: {fp}").format(fp=made.fingerprint)))
        if made.revoked:
            column.addWidget(QLabel(self.tr("The teacher's earlier laptop key was revoked.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.accept)
        column.addWidget(buttons)

    def copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.made.passphrase)


class JoinSchoolDialog(QDialog):
    """A brand-new laptop: join file + passphrase -> join_from_file on a worker thread; then log in."""

    def __init__(
        self,
        paths: AppPaths,
        parent: QWidget | None = None,
        runner: BaseRunner | None = None,
        key: bytes | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.key = key  # the new, empty database's key when the app has it open already
        self.runner = runner or ThreadRunner()
        self.result_: exchange.JoinResult | None = None
        self.setWindowTitle(self.tr("Join my school from a file"))
        self.setMinimumWidth(520)
        column = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The office gave you a join file (.sjj) and, separately, a passphrase. This laptop "
                "then holds your students; log in afterwards with your usual password."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        file_row = QHBoxLayout()
        self.file = QLineEdit()
        self.file.setAccessibleName(self.tr("Join file"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        form.addRow(self.tr("Join file"), file_row)
        self.passphrase = QLineEdit()
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        from app.services.exchange.keys import PASSPHRASE_GROUPS

        # The passphrase's shape as the office's window shows it (groups of four): XXXX-XXXX-XXXX-XXXX-XXXX.
        self.passphrase.setPlaceholderText("-".join(["XXXX"] * PASSPHRASE_GROUPS))
        form.addRow(self.tr("Passphrase"), self.passphrase)
        # The laptop's database is encrypted; the teacher's own password opens it (checked against the
        # account in the join file), and the office's key can recover it.
        self.password = password_field(self.tr("Your password"))
        form.addRow(self.tr("Your password"), self.password)
        column.addLayout(form)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        column.addWidget(self.status)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Join"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.join)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)

    def _browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Join file"), start_folder(None, ""), self.tr("Join files (*.sjj);;All files (*)")
        )
        if path:
            self.file.setText(path)

    def join(self) -> None:
        if not self.file.text().strip() or not self.passphrase.text().strip() or not self.password.text():
            self.status.setText(self.tr("Choose the join file and type the passphrase and your password."))
            return
        self.buttons.setEnabled(False)
        self.status.setText(self.tr("Joining…"))
        self.runner.submit(
            exchange.join_from_file,
            self.paths,
            Path(self.file.text().strip()),
            self.passphrase.text().strip(),
            self.password.text(),
            None,
            self.key,
            on_done=self._joined,
            on_error=self._failed,
        )

    def _joined(self, result: exchange.JoinResult) -> None:
        self.result_ = result
        self.status.setText(self.tr("Joined: %n student(s) on this laptop.", "", result.students))
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(error_text(error))


def ask_join(parent: QWidget | None, paths: AppPaths, key: bytes | None = None) -> exchange.JoinResult | None:
    """The first-run wizard's "join my school from a file": the JoinResult, or None if the user gave up."""
    dialog = JoinSchoolDialog(paths, parent, key=key)
    dialog.exec()
    return dialog.result_
