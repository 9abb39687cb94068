"""The monthly plan editor (月送教计划): planned visits, linked objectives, materials; submit; see decisions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import planning, plans
from app.services.plans import PlanDetail, PlanEditing, RevisionInfo
from app.ui.editors.base import RecordEditor
from app.ui.i18n import format_date, format_timestamp
from app.ui.labels import DECISIONS, PLAN_STATUSES, label
from app.ui.session import AppSession
from app.ui.widgets.check_list import add_checkable, checked_keys, set_checked_keys
from app.ui.widgets.fields import FieldForm
from app.ui.widgets.shortcuts import with_shortcut
from app.ui.widgets.style import tint_style, warning_style

VISIT_COLUMNS = 5  # date, time slot, lessons, subject, content (one line per lesson)


def history_lines(history: Sequence[RevisionInfo]) -> list[str]:
    """Every revision and decision, oldest first, as lines a person reads."""
    lines = []
    for rev in history:
        line = QCoreApplication.translate("PlanReview", "Revision {n} submitted {at}").format(
            n=rev.number, at=format_timestamp(rev.submitted_at)
        )
        if rev.decision:
            line += QCoreApplication.translate("PlanReview", " — {decision} by {who} {at}").format(
                decision=label(DECISIONS, rev.decision),
                who=rev.reviewer_name,
                at=format_timestamp(rev.decided_at),
            )
            if rev.comment:
                line += QCoreApplication.translate("PlanReview", ": “{comment}”").format(comment=rev.comment)
        lines.append(line)
    return lines


class LinesDelegate(QStyledItemDelegate):
    """A cell edited in a small text box: Enter starts a new line (one per lesson), leaving the cell ends."""

    def createEditor(  # noqa: N802 - Qt naming
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(str(index.data() or ""))

    def setModelData(  # noqa: N802
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        if isinstance(editor, QPlainTextEdit):
            model.setData(index, editor.toPlainText())

    def updateEditorGeometry(  # noqa: N802
        self, editor: QWidget, option: QStyleOptionViewItem, _index: QModelIndex | QPersistentModelIndex
    ) -> None:
        rect = option.rect
        editor.setGeometry(rect.x(), rect.y(), rect.width(), max(rect.height(), 64))


class VisitsTable(QTableWidget):
    """Planned visits, one row each; Insert adds a row, Delete removes the current one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, VISIT_COLUMNS, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Time"),
                self.tr("Lessons"),
                self.tr("Subject (one line per lesson)"),
                self.tr("Content (one line per lesson)"),
            ]
        )
        self.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((110, 100, 50, 190)):
            self.setColumnWidth(column, width)
        self.setAccessibleName(self.tr("Planned visits"))
        # Subject and content hold one line per lesson: shown whole, typed in a box that takes Enter.
        self.setWordWrap(True)
        self.setItemDelegateForColumn(3, LinesDelegate(self))
        self.setItemDelegateForColumn(4, LinesDelegate(self))
        self.itemChanged.connect(lambda item: self.resizeRowToContents(item.row()))

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.setRowCount(0)
        for row in rows:
            self.add_row(row)
        self.resizeRowsToContents()

    def add_row(self, row: dict[str, Any] | None = None) -> None:
        row = row or {}
        n = self.rowCount()
        self.insertRow(n)
        for column, key in enumerate(("date", "time_slot", "lessons", "subject", "content")):
            self.setItem(n, column, QTableWidgetItem(str(row.get(key, "") or "")))
        self.set_objectives(n, list(row.get("objective_ids") or []))

    def set_objectives(self, row: int, ids: list[str]) -> None:
        """The IEP objectives this planned visit works on (kept on the row's first cell)."""
        item = self.item(row, 0)
        if item is not None:
            item.setData(Qt.ItemDataRole.UserRole, list(ids))

    def objectives_of(self, row: int) -> list[str]:
        item = self.item(row, 0)
        return list(item.data(Qt.ItemDataRole.UserRole) or []) if item is not None else []

    def rows(self) -> list[dict[str, Any]]:
        result = []
        for n in range(self.rowCount()):
            cells = [
                (cell.text().strip() if (cell := self.item(n, c)) is not None else "")
                for c in range(VISIT_COLUMNS)
            ]
            if any(cells):
                row = dict(zip(("date", "time_slot", "lessons", "subject", "content"), cells, strict=True))
                result.append({**row, "objective_ids": self.objectives_of(n)})
        return result


def _lines(text: Any) -> list[str]:
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]


def visits_payload(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each content line is a lesson linked to the objectives chosen for its visit; the subject cell has one
    line per lesson too (a single subject serves every lesson, the last line serves lessons beyond it)."""
    payload = []
    for row in rows:
        lines = _lines(row.get("content"))
        subjects = _lines(row.get("subject")) or [""]
        ids = list(row.get("objective_ids") or [])
        payload.append(
            {
                "date": row["date"],
                "time_slot": row["time_slot"],
                "lessons": row["lessons"] or 2,
                "content": [
                    {"subject": subjects[min(n, len(subjects) - 1)], "content": line, "objective_ids": ids}
                    for n, line in enumerate(lines)
                ],
            }
        )
    return payload


def union(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(i for row in rows for i in row.get("objective_ids") or []))


def _subjects(content: Any) -> str:
    """One line per lesson; one line when every lesson has the same subject."""
    subjects = [c.subject for c in content]
    return subjects[0] if len(set(subjects)) == 1 else "\n".join(subjects)


def visit_rows(detail: PlanDetail | planning.PlanCopy) -> list[dict[str, Any]]:
    """The table rows of a plan's visits (a saved plan's or a copy of last month's)."""
    return [
        {
            "date": v.date.isoformat(),
            "time_slot": v.time_slot,
            "lessons": v.lessons,
            "subject": _subjects(v.content),
            "content": "\n".join(c.content for c in v.content),
            "objective_ids": list(dict.fromkeys(i for c in v.content for i in c.objective_ids)),
        }
        for v in detail.visits
    ]


class PlanEditor(RecordEditor):
    """A student's plan for one month (``YYYY-MM``), written by the teacher; read-only for others."""

    def __init__(
        self, session: AppSession, student_id: str, month: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(session, parent)
        self.student_id, self.month = student_id, month
        self.student_label = ""  # "S001 小明", read with the plan
        self.detail: PlanDetail | None = None
        self.setAccessibleName(self.tr("Monthly plan editor"))
        self.title = QLabel(self)
        self.comment = QLabel(self)  # the office's comment on a returned plan, in plain sight
        self.comment.setWordWrap(True)
        self.comment.setStyleSheet(tint_style("QLabel", "#fff6d6") + " QLabel { padding: 6px; }")
        self.comment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.comment.hide()
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(with_shortcut(self.tr("Save"), "Ctrl+S"))
        self.submit_button = QPushButton(self.tr("Su&bmit for approval"), self)
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.save_button)
        header.addWidget(self.submit_button)

        self.visits = VisitsTable(self)
        self.visits.itemChanged.connect(self.mark_dirty)
        self.add_visit = QPushButton(self.tr("&Add visit"), self)
        self.add_visit.clicked.connect(self._add_visit)
        self.remove_visit = QPushButton(self.tr("&Remove visit"), self)
        self.remove_visit.clicked.connect(self._remove_visit)
        self.copy_button = QPushButton(self.tr("&Copy last month"), self)
        self.copy_button.setObjectName("copy_last_month")
        self.copy_button.setToolTip(
            self.tr(
                "Last month's visits on the same weekdays of this month, holidays skipped, as the rule needs"
            )
        )
        self.copy_button.clicked.connect(self.copy_last_month)
        # Says which weeks (or the month) still lack the visits the school's rule needs.
        self.rule_warning = QLabel(self)
        self.rule_warning.setWordWrap(True)
        self.rule_warning.setStyleSheet(warning_style())
        self.rule_warning.hide()
        self.frame: planning.MonthFrame | None = None
        self.visits.itemChanged.connect(self._check_rule)
        self.objectives = QListWidget(self)
        self.objectives.setAccessibleName(self.tr("Linked IEP objectives"))
        self.objectives.itemChanged.connect(self._objective_toggled)
        self.visits.currentCellChanged.connect(lambda row, *_: self._show_row_objectives(row))
        self.form = FieldForm(self)
        self.form.add("materials", self.tr("&Materials"), QPlainTextEdit())
        self.form.add("family_tasks", self.tr("&Family tasks"), QPlainTextEdit())
        self.form.add("safety_notes", self.tr("Safet&y notes"), QPlainTextEdit())
        self.forms = [self.form]
        self.track(*self.form.widgets.values())
        self.history = QListWidget(self)
        self.history.setAccessibleName(self.tr("Revisions and decisions"))

        visit_buttons = QHBoxLayout()
        visit_buttons.addWidget(self.add_visit)
        visit_buttons.addWidget(self.remove_visit)
        visit_buttons.addWidget(self.copy_button)
        visit_buttons.addStretch(1)
        # Objectives beside the texts, and the history short, so the planned visits keep the height (five
        # rows show) and the window fits a 1366x768 screen or 1920x1080 at 150 %.
        self.visits.setMinimumHeight(150)
        for text_box in self.form.widgets.values():
            text_box.setMinimumHeight(40)
        self.history.setMaximumHeight(80)
        self.history.setMinimumHeight(40)
        objectives = QWidget(self)
        column = QVBoxLayout(objectives)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("IEP objectives of the selected visit:")))
        column.addWidget(self.objectives, 1)
        lower = QHBoxLayout()
        lower.addWidget(objectives, 1)
        lower.addWidget(self.form, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(header)
        layout.addWidget(self.comment)
        layout.addWidget(QLabel(self.tr("Planned visits:")))
        layout.addWidget(self.visits, 3)
        layout.addLayout(visit_buttons)
        layout.addWidget(self.rule_warning)
        layout.addLayout(lower, 2)
        layout.addWidget(QLabel(self.tr("Revisions and decisions:")))
        layout.addWidget(self.history)
        self.draft_key = f"plan:{student_id}:{month}"
        self.reload()

    def _add_visit(self) -> None:
        self.visits.add_row({"lessons": 2})
        self.visits.setCurrentCell(self.visits.rowCount() - 1, 0)
        self.mark_dirty()

    def _remove_visit(self) -> None:
        row = self.visits.currentRow()
        if row >= 0:
            self.visits.removeRow(row)
            self.mark_dirty()
            self._check_rule()

    def copy_last_month(self) -> None:
        self.session.read(
            planning.copy_last_month,
            self.student_id,
            self.month,
            on_done=self._copied,
            on_error=self.show_error,
        )

    def _copied(self, copy: planning.PlanCopy) -> None:
        """The copy goes into the form unsaved: the teacher reads it, then saves or submits it."""
        self.visits.set_rows(visit_rows(copy))
        for key in self.form.widgets:
            if not self.form.value(key):
                self.form.set_value(key, getattr(copy, key))
        self._show_row_objectives(self.visits.currentRow())
        self.mark_dirty()
        self._check_rule()
        self._update_header()
        self.banner.show_message(
            self.tr("Copied {n} visits from {month}: check them, then save or submit.").format(
                n=len(copy.visits), month=copy.source_month
            )
        )

    def _frame_loaded(self, frame: planning.MonthFrame) -> None:
        self.frame = frame
        self._check_rule()

    def _check_rule(self, *_args: object) -> None:
        """Warn while editing when the planned visits are fewer than the school's rule needs."""
        if self.frame is None:
            return
        dates = []
        for row in self.visits.rows():
            try:
                dates.append(dt.date.fromisoformat(str(row["date"])))
            except ValueError:
                continue  # a half-typed date: the save explains it
        short = self.frame.shortfall(dates)
        self.rule_warning.setVisible(bool(short))
        if short:
            rule = self.frame.rule
            if rule.period == "week":
                weeks = "、".join(format_date(s.start) for s in short)
                text = self.tr(
                    "The visit rule needs {n} visit(s) a week; too few are planned in the weeks of {weeks}."
                ).format(n=rule.visits_per_period, weeks=weeks)
            else:
                text = self.tr("The visit rule needs {n} visit(s) this month; {planned} are planned.").format(
                    n=rule.visits_per_period, planned=short[0].planned
                )
            self.rule_warning.setText(text)

    # --- loading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.session.read(
            planning.month_frame,
            self.student_id,
            self.month,
            on_done=self._frame_loaded,
            on_error=lambda _e: None,  # the warning is a help; the save checks what matters
        )
        self.session.read(
            plans.plan_for_editing,
            self.student_id,
            self.month,
            on_done=self._loaded,
            on_error=self.show_error,
        )

    def _loaded(self, loaded: PlanEditing) -> None:
        self.student_label = loaded.student
        with self.loading():
            self.objectives.clear()
            for objective_id, text in loaded.objectives:
                add_checkable(self.objectives, objective_id, text)
        self.show_detail(loaded.detail, loaded.history)
        self.offer_draft()

    def show_detail(self, detail: PlanDetail | None, history: Sequence[RevisionInfo] | None = None) -> None:
        self.detail = detail
        with self.loading():
            if detail is not None:
                for key in self.form.widgets:
                    self.form.set_value(key, getattr(detail, key))
                self.visits.set_rows(visit_rows(detail))
                self._show_row_objectives(self.visits.currentRow())
        self._check_rule()
        self._update_header()
        if history is not None:
            self._show_history(history)
        elif detail is not None:  # after a save or a submit: the decisions may have a new line
            self.session.read(
                plans.plan_history, detail.id, on_done=self._show_history, on_error=self.show_error
            )

    def _show_row_objectives(self, row: int) -> None:
        """The checks show the selected visit's objectives (every visit's, when none is selected)."""
        with self.loading():
            rows = self.visits.rows()
            ids = self.visits.objectives_of(row) if row >= 0 else union(rows)
            set_checked_keys(self.objectives, ids)

    def _objective_toggled(self, *_args: object) -> None:
        if self._loading:
            return
        ids = checked_keys(self.objectives)
        row = self.visits.currentRow()
        for n in [row] if row >= 0 else range(self.visits.rowCount()):
            self.visits.set_objectives(n, ids)
        self.mark_dirty()

    def _show_history(self, history: Sequence[RevisionInfo]) -> None:
        self.history.clear()
        self.history.addItems(history_lines(history))

    def _is_author(self) -> bool:
        if self.session.actor.role == "leader":
            return False
        return (
            self.detail is None
            or self.detail.teacher_id == self.session.actor.id
            or self.session.actor.role == "system"
        )

    def _update_header(self) -> None:
        detail = self.detail
        status = label(PLAN_STATUSES, detail.status) if detail else self.tr("Not written yet")
        # A literal tr() outside the f-string, so lupdate sees it (inside one it was never extracted).
        revision = " · " + self.tr("revision {n}").format(n=detail.plan_revision) if detail else ""
        # Which child the plan is for, first: several plan windows may be open at once.
        student = f"{self.student_label} · " if self.student_label else ""
        self.title.setText(
            student + self.tr("Plan for {month}: {status}").format(month=self.month, status=status) + revision
        )
        if self.isWindow() and self.student_label:
            self.setWindowTitle(self.tr("Monthly plan: {student}").format(student=self.student_label))
        returned = detail is not None and detail.status == "returned" and bool(detail.last_comment)
        self.comment.setVisible(returned)
        if detail is not None and returned:
            self.comment.setText(
                self.tr("Returned by the office: {comment}").format(comment=detail.last_comment)
            )
            self.comment.setAccessibleName(self.comment.text())
        editable = self._is_author()
        for widget in (
            *self.form.widgets.values(),
            self.visits,
            self.objectives,
            self.add_visit,
            self.remove_visit,
            self.save_button,
        ):
            widget.setEnabled(editable)
        # Copying fills an empty plan; into a plan with visits it would overwrite the teacher's work.
        self.copy_button.setVisible(editable and self.visits.rowCount() == 0)
        self.submit_button.setVisible(editable)
        # Submit saves what is on screen first, so a new plan is submitted in one step.
        self.submit_button.setEnabled(detail is None or detail.status in ("draft", "returned"))
        self.submit_button.setText(
            self.tr("Re&submit")
            if detail is not None and detail.status == "returned"
            else self.tr("Su&bmit for approval")
        )

    # --- saving -------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        rows = self.visits.rows()
        return {**self.form.values(), "objective_ids": union(rows), "visits": visits_payload(rows)}

    def draft_payload(self) -> dict[str, Any]:
        return {"form": self.form.values(), "rows": self.visits.rows()}

    def apply_draft(self, payload: dict[str, Any]) -> None:
        self.begin_loading()
        try:
            for key, value in (payload.get("form") or {}).items():
                if key in self.form.widgets:
                    self.form.set_value(key, value)
            self.visits.set_rows(list(payload.get("rows") or []))
            self._show_row_objectives(self.visits.currentRow())
        finally:
            self.end_loading()

    def save_then(
        self, then: Callable[[], None] | None = None, failed: Callable[[], None] | None = None
    ) -> None:
        if not self._is_author():
            return
        revision = self.detail.revision if self.detail is not None else None
        self.session.write(
            plans.save_plan,
            self.student_id,
            self.month,
            self.values(),
            revision,
            on_done=lambda d: self._saved(d, then),
            on_error=self.save_failed(failed),
            initiator=self,
        )

    def _saved(self, detail: PlanDetail, then: Callable[[], None] | None) -> None:
        self.saved(detail)
        self.show_detail(detail)
        if then is not None:
            then()

    def submit(self) -> None:
        """Save what is on screen, then submit it (a submitted plan is what the office reads)."""
        self.save_then(then=self._submit_saved)

    def _submit_saved(self) -> None:
        if self.detail is not None:
            self.session.write(
                plans.submit_plan, self.detail.id, on_done=self.show_detail, on_error=self.show_error
            )

    def show_error(self, error: BaseException) -> None:
        if getattr(error, "field", None) and str(error.field).startswith("visits"):  # type: ignore[attr-defined]
            from app.ui.messages import error_text

            self.banner.show_message(
                self.tr("Planned visits: {error}").format(error=error_text(error)), error=True
            )
            return
        super().show_error(error)
