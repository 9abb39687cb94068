"""The school's recovery key, shown once after set-up: save it as a printable sheet for the school's safe."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.style import make_heading


class RecoveryKeyDialog(QDialog):
    """``saved`` lists the files written (the sheet PDF and its text file)."""

    def __init__(self, key_text: str, school_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key_text, self.school_name = key_text, school_name
        self.saved: list[Path] = []
        self.setWindowTitle(self.tr("Recovery key"))
        column = QVBoxLayout(self)
        heading = QLabel(self.tr("The school's recovery key"))
        make_heading(heading, 1.2)
        column.addWidget(heading)
        intro = QLabel(
            self.tr(
                "The records are encrypted. If every password is lost, only this key opens them. It is shown "
                "only now: save the recovery sheet, print it and keep it in the school's safe, not beside "
                "this computer."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.key = QLabel(key_text)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setAccessibleName(self.tr("Recovery key"))
        make_heading(self.key, 1.1)
        column.addWidget(self.key)
        self.save_button = QPushButton(self.tr("&Save the recovery sheet…"))
        self.save_button.clicked.connect(self.choose_and_save)
        column.addWidget(self.save_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("I have kept it safe"))
        buttons.accepted.connect(self.accept)
        column.addWidget(buttons)

    def choose_and_save(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery sheet"), "songjiao-recovery-sheet.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save(Path(name))

    def save(self, pdf: Path) -> None:
        from app.reports.export import export_recovery_sheet
        from app.services.errors import ServiceError
        from app.ui.messages import error_text

        try:
            self.saved = list(export_recovery_sheet(self.school_name, self.key_text, pdf))
        except (OSError, ServiceError) as error:
            text = error_text(error) if isinstance(error, ServiceError) else str(error.strerror or error)
            QMessageBox.warning(self, self.tr("Cannot save the recovery sheet"), text)
