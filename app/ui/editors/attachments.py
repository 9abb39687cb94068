"""Photos of a record (a visit, or the student): list with thumbnails, add from a file, view, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services import attachments
from app.services.attachments import AttachmentInfo
from app.services.context import ServiceContext
from app.ui.i18n import format_timestamp
from app.ui.messages import error_text
from app.ui.prefs import remember_folder, start_folder
from app.ui.session import AppSession
from app.ui.widgets.style import error_style


def load_photos(ctx: ServiceContext, owner_type: str, owner_id: str) -> list[tuple[AttachmentInfo, bytes]]:
    """The photos with their bytes (thumbnails are made on the UI thread from these)."""
    return [
        (info, attachments.fetch_bytes(ctx, info.id)[1])
        for info in attachments.list_attachments(ctx, owner_type, owner_id, kind="photo")
    ]


class AttachmentsPanel(QWidget):
    def __init__(
        self, session: AppSession, owner_type: str, owner_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session, self.owner_type, self.owner_id = session, owner_type, owner_id
        self.setAccessibleName(self.tr("Photos"))
        self.list = QListWidget(self)
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(160, 120))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setAccessibleName(self.tr("Photos"))
        self.list.itemActivated.connect(lambda item: self.view(item.data(Qt.ItemDataRole.UserRole)))
        self.add_button = QPushButton(self.tr("&Add photo…"), self)
        self.add_button.clicked.connect(self.choose_file)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        writer = session.actor.role != "leader"
        self.add_button.setEnabled(writer)
        self.remove_button.setEnabled(writer)
        self._data: dict[str, bytes] = {}
        self.reload()

    def reload(self) -> None:
        self.session.read(
            load_photos, self.owner_type, self.owner_id, on_done=self._show, on_error=self._failed
        )

    def _show(self, photos: list[tuple[AttachmentInfo, bytes]]) -> None:
        self.list.clear()
        self._data = {}
        for info, data in photos:
            pixmap = QPixmap()
            pixmap.loadFromData(data)
            item = QListWidgetItem(
                QIcon(
                    pixmap.scaled(
                        160,
                        120,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                ),
                info.caption or format_timestamp(info.created_at)[:10],
            )
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, info.caption or self.tr("Photo"))
            self.list.addItem(item)
            self._data[info.id] = data

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Add photo"),
            start_folder(self.session.paths, "photo_folder"),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if name:
            remember_folder(self.session.paths, "photo_folder", name)
            self.add_file(Path(name))

    def add_file(self, path: Path, caption: str = "") -> None:
        try:
            data = path.read_bytes()
        except OSError:
            self.message.setText(self.tr("The file cannot be read."))
            return
        self.message.clear()
        self.session.write(
            attachments.add_attachment,
            self.owner_type,
            self.owner_id,
            "photo",
            data,
            caption,
            on_done=lambda _info: self.reload(),
            on_error=self._failed,
        )

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.session.write(
                attachments.delete_attachment,
                item.data(Qt.ItemDataRole.UserRole),
                on_done=lambda _r: self.reload(),
                on_error=self._failed,
            )

    def view(self, attachment_id: str) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Photo"))
        pixmap = QPixmap()
        pixmap.loadFromData(self._data.get(attachment_id, b""))
        picture = QLabel(dialog)
        picture.setPixmap(pixmap)
        picture.setAccessibleName(self.tr("Photo"))
        scroll = QScrollArea(dialog)
        scroll.setWidget(picture)
        QVBoxLayout(dialog).addWidget(scroll)
        dialog.resize(800, 600)
        dialog.open()
        return dialog
