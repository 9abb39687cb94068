"""Guardian contacts (家校联系): a quick log form (channel, purpose, answered or not) above the student's log."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import contacts
from app.services.contacts import ContactInfo, ContactsEditing
from app.ui.editors.base import RecordEditor
from app.ui.labels import CHANNELS, PURPOSES, label, pairs
from app.ui.session import AppSession
from app.ui.widgets.fields import FieldForm, combo, date_edit
from app.ui.widgets.shortcuts import with_shortcut


class ContactsPanel(RecordEditor):
    """Log a contact in a few keystrokes; "Not answered" records an attempt nobody picked up (due diligence)."""

    def __init__(self, session: AppSession, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.student_id = student_id
        self.setAccessibleName(self.tr("Guardian contacts"))
        self.form = FieldForm(self)
        self.form.add("at", self.tr("&When"), QLineEdit())
        self.form.widgets["at"].setPlaceholderText("YYYY-MM-DD HH:MM")  # type: ignore[attr-defined]
        self.form.add("guardian_id", self.tr("&Guardian"), combo([], empty=self.tr("(not recorded)")))
        self.form.add("channel", self.tr("&Channel"), combo(pairs(CHANNELS)))
        self.form.add("purpose", self.tr("&Purpose"), combo(pairs(PURPOSES)))
        self.form.add("answered", self.tr("&Answered"), QCheckBox(self.tr("Somebody answered")))
        self.form.add("summary", self.tr("&Summary"), QPlainTextEdit())
        self.form.add("feedback", self.tr("Guardian's &feedback"), QPlainTextEdit())
        self.form.add("follow_up_on", self.tr("F&ollow up on"), date_edit())
        for key in ("summary", "feedback"):
            self.form.widgets[key].setMaximumHeight(70)
        self.forms = [self.form]
        self.track(*self.form.widgets.values())
        self.log_button = QPushButton(self.tr("&Log contact"), self)
        self.log_button.setToolTip(with_shortcut(self.tr("Log contact"), "Ctrl+S"))
        self.log_button.clicked.connect(self.save)
        self.unanswered_button = QPushButton(self.tr("Log &unanswered call"), self)
        self.unanswered_button.clicked.connect(self.log_unanswered)
        self.new_button = QPushButton(self.tr("&New entry"), self)
        self.new_button.clicked.connect(self.new_entry)
        self.delete_button = QPushButton(self.tr("&Delete entry"), self)
        self.delete_button.clicked.connect(self.delete_entry)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Guardian"),
                self.tr("Channel"),
                self.tr("Purpose"),
                self.tr("Answered"),
                self.tr("Summary"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        # "2026-11-17 07:40" whole; the summary takes the rest of the width.
        self.table.setColumnWidth(0, self.fontMetrics().horizontalAdvance("2026-11-17 07:40") + 24)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Contact log"))
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.cellActivated.connect(lambda row, _c: self.edit_row(row))
        self.table.cellDoubleClicked.connect(lambda row, _c: self.edit_row(row))
        self.editing: ContactInfo | None = None  # the logged contact being corrected, or None for a new entry
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unanswered_button)
        buttons.addWidget(self.log_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        writer = session.actor.role != "leader"
        self._rows: list[ContactInfo] = []
        for widget in (
            self.log_button,
            self.unanswered_button,
            self.form,
            self.new_button,
            self.delete_button,
        ):
            widget.setEnabled(writer)
        self.draft_key = f"contact:new:{student_id}"
        self._reset_form()
        self._update_mode()
        self.reload()
        self.offer_draft()

    def _now(self) -> str:
        today = self.session.ctx.today()
        now = dt.datetime.now()
        return dt.datetime.combine(today, now.time()).strftime("%Y-%m-%d %H:%M")

    def _reset_form(self) -> None:
        self.begin_loading()
        try:
            for key in ("summary", "feedback", "follow_up_on"):
                self.form.set_value(key, "")
            self.form.set_value("at", self._now())
            self.form.set_value("answered", True)
        finally:
            self.end_loading()

    def reload(self) -> None:
        self.session.read(
            contacts.contacts_for_editing, self.student_id, on_done=self._loaded, on_error=self.show_error
        )

    def _loaded(self, loaded: ContactsEditing) -> None:
        rows, guardians = list(loaded.entries), loaded.guardians
        box = self.form.widgets["guardian_id"]
        current = self.form.value("guardian_id")
        self.begin_loading()
        box.clear()  # type: ignore[attr-defined]
        box.addItem(self.tr("(not recorded)"), None)  # type: ignore[attr-defined]
        for guardian_id, name in guardians:
            box.addItem(name, guardian_id)  # type: ignore[attr-defined]
        self.form.set_value("guardian_id", current)
        self.end_loading()
        self._rows = rows
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            cells = (
                row.at.strftime("%Y-%m-%d %H:%M"),
                row.guardian_name,
                label(CHANNELS, row.channel),
                label(PURPOSES, row.purpose),
                self.tr("Yes") if row.answered else self.tr("No answer"),
                row.summary,
            )
            for column, text in enumerate(cells):
                self.table.setItem(n, column, QTableWidgetItem(text))

    def draft_payload(self) -> dict[str, Any]:
        return self.form.values()

    def apply_draft(self, payload: dict[str, Any]) -> None:
        self.begin_loading()
        try:
            for key, value in payload.items():
                if key in self.form.widgets:
                    self.form.set_value(key, value)
        finally:
            self.end_loading()

    def save_then(
        self, then: Callable[[], None] | None = None, failed: Callable[[], None] | None = None
    ) -> None:
        def done(info: ContactInfo) -> None:
            self._logged(info)
            if then is not None:
                then()

        fn: Callable[..., ContactInfo] = contacts.log_contact
        key = self.student_id  # a new contact belongs to the student; an edited one is named by its id
        if self.editing is not None:
            fn, key = contacts.update_contact, self.editing.id
        self.session.write(
            fn, key, self.form.values(), on_done=done, on_error=self.save_failed(failed), initiator=self
        )

    def edit_row(self, row: int) -> None:
        """Correct a logged entry: its values go into the form, the button saves them back."""
        if not 0 <= row < len(self._rows) or self.session.actor.role == "leader":
            return
        entry = self._rows[row]  # taken now: saving the form first reloads the rows
        self.ask_to_leave(lambda: self._edit(entry))

    def _edit(self, entry: ContactInfo) -> None:
        self.editing = entry
        with self.loading():
            self.form.set_value("at", entry.at.strftime("%Y-%m-%d %H:%M"))
            for key in ("guardian_id", "channel", "purpose", "answered", "summary", "feedback"):
                self.form.set_value(key, getattr(entry, key))
            self.form.set_value("follow_up_on", entry.follow_up_on.isoformat() if entry.follow_up_on else "")
        self._update_mode()

    def new_entry(self) -> None:
        self.ask_to_leave(self._new_entry)

    def _new_entry(self) -> None:
        self.editing = None
        self._reset_form()
        self._update_mode()

    def delete_entry(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.editing is None:
            return
        if (
            QMessageBox.question(self, self.tr("Delete entry"), self.tr("Delete this contact entry?"))
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.session.write(
            contacts.delete_contact, self.editing.id, on_done=self._logged, on_error=self.show_error
        )

    def _update_mode(self) -> None:
        editing = self.editing is not None
        self.log_button.setText(self.tr("&Save changes") if editing else self.tr("&Log contact"))
        self.delete_button.setEnabled(editing and self.session.actor.role != "leader")
        self.unanswered_button.setEnabled(not editing and self.session.actor.role != "leader")

    def log_unanswered(self) -> None:
        """One click for the call nobody picked up: the time, channel and purpose already on the form."""
        self.form.set_value("answered", False)
        self.save()

    def _logged(self, _info: ContactInfo | None) -> None:
        self.saved()
        self.editing = None
        self._reset_form()
        self._update_mode()
        self.reload()
