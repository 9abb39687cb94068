"""The student page's Privacy tab: the guardians' consents (given, withdrawn) and the access-request export."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.reports.privacy import AccessCopy, write_access_copy
from app.services import privacy
from app.services.privacy import ConsentInfo
from app.ui.i18n import QT_TRANSLATE_NOOP, format_date
from app.ui.labels import CONSENT_PURPOSES, RELATIONS, label
from app.ui.messages import error_text
from app.ui.pages.export import choose_folder
from app.ui.pages.registry import register_student_tab
from app.ui.pages.student_tabs_core import fill_table, make_table, selected_id
from app.ui.session import AppSession
from app.ui.widgets.fields import combo
from app.ui.widgets.passwords import ConfirmedPassword
from app.ui.widgets.style import error_style

MANAGERS = ("academic_affairs", "admin")


class AccessCopyDialog(QDialog):
    """Before the guardian's copy is written: an optional PDF password, typed twice (as for archive packets).

    The copy leaves the school on a USB stick or by mail like an archive packet does; with a password the JSON
    goes inside the PDF (app/reports/privacy.py says why), so one password protects the whole record.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The guardian's copy"))
        intro = QLabel(
            self.tr(
                "The child's whole record as a PDF and a JSON file. With a password, the JSON file goes "
                "inside the PDF and both open only with it: tell the guardian the password in person or "
                "by phone, never with the file. Leave it empty for no password."
            )
        )
        intro.setWordWrap(True)
        self.pdf_password = ConfirmedPassword(
            self.tr("Password for the PDF"), self.tr("Repeat the PDF password"), optional=True, parent=self
        )
        self.pdf_password.password.setPlaceholderText(self.tr("none"))
        form = QFormLayout()
        self.pdf_password.add_rows(form, self.tr("&Password for the PDF:"), self.tr("Re&peat it:"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton(self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        if self.pdf_password.check():  # a mismatch keeps the dialog open, the reason under the fields
            super().accept()

    def password(self) -> str | None:
        return self.pdf_password.value()


class PrivacyTab(QWidget):
    """Who consented to what and when (by the guardian's role), withdrawals, and the guardian's copy."""

    def __init__(self, session: AppSession, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.student_id = session, student_id
        self.table = make_table(
            [self.tr("Purpose"), self.tr("Given by"), self.tr("Given on"), self.tr("Withdrawn on")],
            self.tr("Consents"),
        )
        self.purpose = combo({k: label(CONSENT_PURPOSES, k) for k in CONSENT_PURPOSES})
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.given_by = combo({k: label(RELATIONS, k) for k in RELATIONS})
        self.given_by.setAccessibleName(self.tr("Given by"))
        self.given_on = QLineEdit(session.ctx.today().isoformat(), self)
        self.given_on.setAccessibleName(self.tr("Given on (YYYY-MM-DD)"))
        self.add_button = QPushButton(self.tr("&Record consent"), self)
        self.add_button.clicked.connect(self.add)
        self.withdraw_button = QPushButton(self.tr("&Withdraw selected"), self)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.export_button = QPushButton(self.tr("E&xport whole record…"), self)
        self.export_button.setToolTip(
            self.tr("A guardian's access request: the child's whole record as PDF and JSON")
        )
        self.export_button.clicked.connect(self.export)
        self.access_dialog: AccessCopyDialog | None = None
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        self.message.setWordWrap(True)
        form = QHBoxLayout()
        # Each field named on screen (the row showed a "父母" and a date with no word of what they were).
        for text, field, stretch in (
            (self.tr("P&urpose:"), self.purpose, 1),
            (self.tr("&Given by:"), self.given_by, 0),
            (self.tr("Given &on:"), self.given_on, 0),
        ):
            caption = QLabel(text, self)
            caption.setBuddy(field)
            form.addWidget(caption)
            form.addWidget(field, stretch)
        form.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        # Consents are the office's records (exchange carries them to laptops, never back).
        writer = session.can(*MANAGERS)
        for widget in (self.purpose, self.given_by, self.given_on, self.add_button, self.withdraw_button):
            widget.setEnabled(writer)
        self.export_button.setVisible(session.can(*MANAGERS))
        self.reload()

    def reload(self) -> None:
        self.session.read(privacy.list_consents, self.student_id, on_done=self._show, on_error=self._failed)

    def _show(self, rows: list[ConsentInfo]) -> None:
        fill_table(
            self.table,
            [
                (
                    c.id,
                    [
                        label(CONSENT_PURPOSES, c.purpose),
                        label(RELATIONS, c.given_by),
                        format_date(c.given_on),
                        format_date(c.withdrawn_on) if c.withdrawn_on else self.tr("in force"),
                    ],
                )
                for c in rows
            ],
        )

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    def _written(self, _result: object) -> None:
        self.message.clear()
        self.reload()

    def add(self) -> None:
        data = {
            "purpose": self.purpose.currentData(),
            "given_by": self.given_by.currentData(),
            "given_on": self.given_on.text().strip(),
        }
        self.session.write(
            privacy.add_consent,
            self.student_id,
            data,
            on_done=self._written,
            on_error=self._failed,
            initiator=self,
        )

    def withdraw(self) -> None:
        consent_id = selected_id(self.table)
        if consent_id is None:
            self.message.setText(self.tr("Select the consent the guardian withdrew."))
            return
        self.session.write(
            privacy.withdraw_consent, consent_id, on_done=self._written, on_error=self._failed, initiator=self
        )

    def export(self) -> None:
        # open(), not exec(): the window stays responsive, and the dialog is the tab's to reach (tests press it).
        dialog = self.access_dialog = AccessCopyDialog(self)
        dialog.accepted.connect(lambda: self._write(dialog.password()))
        dialog.open()

    def _write(self, password: str | None) -> None:
        folder = choose_folder(self, self.session, self.tr("Folder for the guardian's copy"))
        if folder is None:
            return
        self.session.read(
            write_access_copy,
            self.student_id,
            folder,
            password,
            on_done=self._exported,
            on_error=self._failed,
        )

    def _exported(self, made: AccessCopy) -> None:
        if made.json is None:
            text = self.tr(
                "Hand this file to the guardian:\n{pdf}\nThe JSON file is attached inside it (the PDF "
                "reader's attachments panel). Tell the password in person or by phone, never with the file."
            ).format(pdf=made.pdf)
        else:
            text = self.tr("Hand these two files to the guardian:\n{pdf}\n{json}").format(
                pdf=made.pdf, json=made.json
            )
        QMessageBox.information(self, self.tr("Whole record exported"), text)


register_student_tab("privacy", QT_TRANSLATE_NOOP("Pages", "Privacy"), PrivacyTab, order=70)
