"""The IEP editor (个别化教育计划): assessment scores, present level, goals, delivery, signatures, review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import ieps
from app.services.ieps import IepDetail, IepEditing
from app.ui.editors.base import RecordEditor
from app.ui.editors.iep_goals import GoalsPanel
from app.ui.labels import IEP_STATUSES, SUBJECTS, area_label, label
from app.ui.session import AppSession
from app.ui.widgets.check_list import add_checkable, checked_keys, set_checked_keys
from app.ui.widgets.fields import FieldForm, date_edit
from app.ui.widgets.shortcuts import with_shortcut

NEXT_STATUS = {"draft": "active", "active": "reviewed", "reviewed": "archived"}


def _spin(low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    return box


class IepEditor(RecordEditor):
    """One student's IEP for one term (the current term unless given); created on first use."""

    def __init__(
        self,
        session: AppSession,
        student_id: str,
        parent: QWidget | None = None,
        *,
        term_id: str | None = None,
    ) -> None:
        super().__init__(session, parent)
        self.student_id = student_id
        self.term_id = term_id
        self.detail: IepDetail | None = None
        self.setAccessibleName(self.tr("IEP editor"))

        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.create_button = QPushButton(self.tr("&Write the IEP for this term"), self)
        self.create_button.clicked.connect(self.create_iep)
        self.status_button = QPushButton(self)
        self.status_button.clicked.connect(self.advance_status)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(with_shortcut(self.tr("Save"), "Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        self.term = QComboBox(self)
        self.term.setAccessibleName(self.tr("Term"))
        self.term.activated.connect(self._term_chosen)
        header.addWidget(self.term)
        for button in (self.create_button, self.status_button, self.save_button):
            header.addWidget(button)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("IEP sections"))
        # 1. assessment
        assessment = QWidget()
        self.assessment_form = FieldForm(assessment)
        self.assessment_form.add("assessment_tool", self.tr("Assessment &tool"), QLineEdit())
        self.assessment_form.add("assessment_date", self.tr("Assessment &date"), date_edit())
        self.assessment_form.add("assessor", self.tr("Assess&or"), QLineEdit())
        self.scores = QTableWidget(len(ieps.SCORE_DOMAINS), 3, assessment)
        self.scores.setHorizontalHeaderLabels([self.tr("Score"), self.tr("Maximum"), self.tr("Note")])
        self.scores.setVerticalHeaderLabels([area_label(d) for d in ieps.SCORE_DOMAINS])
        self.scores.setAccessibleName(self.tr("Assessment scores per domain"))
        self.scores.horizontalHeader().setStretchLastSection(True)
        self.scores.itemChanged.connect(self.mark_dirty)
        column = QVBoxLayout(assessment)
        column.addWidget(self.assessment_form)
        column.addWidget(self.scores, 1)
        self.tabs.addTab(assessment, self.tr("Assessment"))
        # 2–3. present level and expectations
        self.level_form = FieldForm()
        self.level_form.add("strengths", self.tr("S&trengths"), QPlainTextEdit())
        self.level_form.add("needs", self.tr("&Needs"), QPlainTextEdit())
        self.level_form.add("guardian_expectations", self.tr("&Guardian expectations"), QPlainTextEdit())
        self.tabs.addTab(self.level_form, self.tr("Present level"))
        # 4. goals and objectives
        self.goals = GoalsPanel(session, self)
        self.goals.changed.connect(self.reload)
        self.tabs.addTab(self.goals, self.tr("Goals and objectives"))
        # 5–8. subjects, delivery, services, family
        delivery = QWidget()
        self.subjects = QListWidget(delivery)
        self.subjects.setAccessibleName(self.tr("Subjects"))
        for code in ieps.SUBJECTS:
            add_checkable(self.subjects, code, label(SUBJECTS, code))
        self.subjects.itemChanged.connect(self.mark_dirty)
        self.delivery_form = FieldForm(delivery)
        self.delivery_form.add("visits_per_week", self.tr("V&isits per week"), _spin(0, 7))
        self.delivery_form.add("lessons_per_visit", self.tr("&Lessons per visit"), _spin(1, 8))
        self.delivery_form.add("related_services", self.tr("&Related services"), QPlainTextEdit())
        self.delivery_form.add(
            "family_cooperation", self.tr("Family &cooperation and caregiver training"), QPlainTextEdit()
        )
        column = QVBoxLayout(delivery)
        column.addWidget(QLabel(self.tr("Subjects:")))
        column.addWidget(self.subjects)
        column.addWidget(self.delivery_form)
        self.tabs.addTab(delivery, self.tr("Delivery"))
        # 9–10. signatures and review
        self.sign_form = FieldForm()
        self.sign_form.add("signed_teacher_on", self.tr("Teacher signed &on"), date_edit())
        self.sign_form.add("signed_guardian_on", self.tr("&Guardian signed on"), date_edit())
        self.sign_form.add("signed_school_on", self.tr("S&chool signed on"), date_edit())
        self.sign_form.add("review_date", self.tr("&Review date"), date_edit())
        self.sign_form.add("review_summary", self.tr("Review su&mmary"), QPlainTextEdit())
        # Printed in the archive packet (教师学期总结); stored by the service in the IEP's extra data.
        self.sign_form.add("teacher_summary", self.tr("Teacher's term summar&y"), QPlainTextEdit())
        self.tabs.addTab(self.sign_form, self.tr("Signatures and review"))

        self.forms = [self.assessment_form, self.level_form, self.delivery_form, self.sign_form]
        for form in self.forms:
            self.track(*form.widgets.values())
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        self._set_enabled(False)
        self.reload()

    # --- loading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.session.read(
            ieps.iep_for_editing,
            self.student_id,
            self.term_id,
            on_done=self._loaded,
            on_error=self.show_error,
        )

    def _loaded(self, loaded: IepEditing) -> None:
        if self.term.count() != len(loaded.terms):
            self.term.clear()
            for term_id, name in loaded.terms:
                self.term.addItem(name, term_id)
        if loaded.term_id is None:
            self.title.setText(self.tr("No term is set up yet."))
            return
        self.term_id = loaded.term_id
        self._show_term()
        self.show_detail(loaded.detail)

    def _show_term(self) -> None:
        index = self.term.findData(self.term_id)
        if index >= 0:
            self.term.setCurrentIndex(index)

    def _term_chosen(self, index: int) -> None:
        """Another term's IEP (earlier terms are read for the review); unsaved work is asked about first."""
        term_id = self.term.itemData(index)
        if term_id == self.term_id:
            return
        self.ask_to_leave(lambda: self._switch_term(term_id), stay=self._show_term)

    def _switch_term(self, term_id: str) -> None:
        self.term_id = term_id
        self.detail = None
        self.draft_key = None
        self.reload()

    def create_iep(self) -> None:
        if self.term_id:
            self.session.write(
                ieps.get_or_create_iep,
                self.student_id,
                self.term_id,
                on_done=self.show_detail,
                on_error=self.show_error,
            )

    def show_detail(self, detail: IepDetail | None) -> None:
        self.detail = detail
        self.create_button.setVisible(detail is None and self.session.actor.role != "leader")
        if detail is None:
            self.title.setText(self.tr("No IEP for this term yet."))
            self.begin_loading()
            for form in self.forms:
                for key in form.widgets:
                    form.set_value(key, None)
            set_checked_keys(self.subjects, [])
            self._set_scores([])
            self.end_loading()
            self.goals.tree.clear()
            self.goals.iep_id = None
            self.status_button.hide()
            self._set_enabled(False)
            return
        if self.is_dirty():
            # A reload after a goal change must not wipe what the user typed in the other sections.
            self.goals.show_goals(detail.id, detail.goals, self._editable())
            self._update_header()
            return
        self.begin_loading()
        try:
            for form in self.forms:
                for key in form.widgets:
                    value = detail.values.get(key)
                    form.set_value(key, value.isoformat() if isinstance(value, dt.date) else value)
            set_checked_keys(self.subjects, detail.values.get("subjects") or [])
            self._set_scores([(s.domain, s.score, s.max_score, s.note) for s in detail.scores])
        finally:
            self.end_loading()
        self.goals.show_goals(detail.id, detail.goals, self._editable())
        self.draft_key = f"iep:{detail.id}"
        self._update_header()
        self._set_enabled(self._editable())
        self.offer_draft()

    def _editable(self) -> bool:
        return (
            self.detail is not None
            and self.detail.status != "archived"
            and self.session.actor.role != "leader"
        )

    def _update_header(self) -> None:
        detail = self.detail
        if detail is None:
            return
        self.title.setText(
            self.tr("IEP, {term}: {status}").format(
                term=detail.term_name, status=label(IEP_STATUSES, detail.status)
            )
        )
        following = NEXT_STATUS.get(detail.status)
        self.status_button.setVisible(
            following is not None
            and self._editable()
            and not (following == "archived" and self.session.actor.is_teacher)
        )
        self.status_button.setText(
            {
                "active": self.tr("Put in &force"),
                "reviewed": self.tr("Mark re&viewed"),
                "archived": self.tr("&Archive"),
            }.get(following or "", "")
        )

    def _set_enabled(self, enabled: bool) -> None:
        for form in self.forms:
            for widget in form.widgets.values():
                widget.setEnabled(enabled)
        self.scores.setEnabled(enabled)
        self.subjects.setEnabled(enabled)
        self.save_button.setEnabled(enabled)

    def _set_scores(self, rows: list[tuple[str, Any, Any, str]]) -> None:
        self.scores.clearContents()
        index = {d: i for i, d in enumerate(ieps.SCORE_DOMAINS)}
        for domain, score, top, note in rows:
            if domain not in index:
                continue
            for column, value in enumerate((score, top, note)):
                text = (
                    "" if value in (None, "") else (f"{value:g}" if isinstance(value, float) else str(value))
                )
                self.scores.setItem(index[domain], column, QTableWidgetItem(text))

    def _scores(self) -> list[dict[str, Any]]:
        rows = []
        for i, domain in enumerate(ieps.SCORE_DOMAINS):
            cells = [self.scores.item(i, c) for c in range(3)]
            score, top, note = (c.text().strip() if c is not None else "" for c in cells)
            if score or top or note:
                rows.append({"domain": domain, "score": score, "max_score": top, "note": note})
        return rows

    # --- saving -------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for form in self.forms:
            values.update(form.values())
        values["subjects"] = checked_keys(self.subjects)
        return values

    def draft_payload(self) -> dict[str, Any]:
        return {"values": self.values(), "scores": self._scores()}

    def apply_draft(self, payload: dict[str, Any]) -> None:
        self.begin_loading()
        try:
            values = dict(payload.get("values") or {})
            for form in self.forms:
                for key in form.widgets:
                    if key in values:
                        form.set_value(key, values[key])
            set_checked_keys(self.subjects, values.get("subjects") or [])
            self._set_scores(
                [
                    (r.get("domain", ""), r.get("score"), r.get("max_score"), r.get("note", ""))
                    for r in payload.get("scores") or []
                ]
            )
        finally:
            self.end_loading()

    def save_then(
        self, then: Callable[[], None] | None = None, failed: Callable[[], None] | None = None
    ) -> None:
        if self.detail is None or not self._editable():
            if then is not None:
                then()
            return
        self.save_button.setEnabled(False)

        def done(detail: IepDetail) -> None:
            self._saved(detail)
            if then is not None:
                then()

        def refused(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.save_failed(failed)(error)

        self.session.write(
            ieps.save_iep,
            self.detail.id,
            self.values(),
            self.detail.revision,
            self._scores(),
            on_done=done,
            on_error=refused,
            initiator=self,
        )

    def _saved(self, detail: IepDetail) -> None:
        self.detail = detail
        self.save_button.setEnabled(True)
        self.saved(detail)
        self._update_header()

    def advance_status(self) -> None:
        detail = self.detail
        following = NEXT_STATUS.get(detail.status) if detail else None
        if detail is not None and following:
            self.session.write(
                ieps.set_status,
                detail.id,
                following,
                on_done=self._status_changed,
                on_error=self.show_error,
            )

    def _status_changed(self, detail: IepDetail) -> None:
        self.detail = detail
        self._update_header()
        self._set_enabled(self._editable())
        self.goals.show_goals(detail.id, detail.goals, self._editable())
