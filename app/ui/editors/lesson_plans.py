"""Lesson plans (教案): a teacher's library and the shared templates; write, copy from a template, link to visits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.services import lessons
from app.services.lessons import LessonLibrary, LessonPlanInfo, LessonPlanSummary
from app.ui.editors.base import RecordEditor
from app.ui.labels import PROCESS_STEPS, label
from app.ui.session import AppSession
from app.ui.widgets.fields import FieldForm, combo, date_edit
from app.ui.widgets.shortcuts import with_shortcut


def _spin(low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    return box


class LessonPlanLibrary(RecordEditor):
    """List on the left (search, templates only), the selected plan's form on the right."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setAccessibleName(self.tr("Lesson plans"))
        self.plan: LessonPlanInfo | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search titles"))
        self.search.setAccessibleName(self.tr("Search lesson plans"))
        self.search.textChanged.connect(lambda *_: self.reload())
        self.templates_only = QCheckBox(self.tr("Templates &only"), self)
        self.templates_only.toggled.connect(lambda *_: self.reload())
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Lesson plans"))
        self.list.currentItemChanged.connect(lambda item, _prev: self._select(item))
        self.new_button = QPushButton(self.tr("&New"), self)
        self.copy_button = QPushButton(self.tr("Ne&w from template"), self)
        self.delete_button = QPushButton(self.tr("D&elete"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(with_shortcut(self.tr("Save"), "Ctrl+S"))
        self.new_button.clicked.connect(self.new_plan)
        self.copy_button.clicked.connect(self.copy_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.save_button.clicked.connect(self.save)

        self.form = FieldForm()
        self.form.add("title", self.tr("&Title"), QLineEdit())
        self.form.add("subject", self.tr("Subject or doma&in"), QLineEdit())
        self.form.add("student_id", self.tr("St&udent"), combo([], empty=self.tr("(any student: template)")))
        self.form.add("date", self.tr("&Date"), date_edit())
        self.form.add("lesson_no", self.tr("Lesson num&ber"), _spin(1, 50))
        self.form.add("minutes", self.tr("&Minutes"), _spin(5, 240))
        self.form.add("key_points", self.tr("&Key points"), QPlainTextEdit())
        self.form.add("difficulties", self.tr("Di&fficulties"), QPlainTextEdit())
        self.form.add("aids", self.tr("Teac&hing aids"), QPlainTextEdit())
        self.process = FieldForm()
        for step, source in PROCESS_STEPS.items():
            self.process.add(step, label(PROCESS_STEPS, step) or str(source), QPlainTextEdit())
        self.after = FieldForm()
        self.after.add("support_level", self.tr("Support &level"), QLineEdit())
        self.after.add("assessment", self.tr("&Assessment"), QPlainTextEdit())
        self.after.add("reflection", self.tr("&Reflection"), QPlainTextEdit())
        self.after.add("is_template", self.tr("Tem&plate"), QCheckBox(self.tr("Others may copy this plan")))
        self.forms = [self.form, self.process, self.after]
        for form in self.forms:
            self.track(*form.widgets.values())

        left = QWidget()
        column = QVBoxLayout(left)
        column.addWidget(self.search)
        column.addWidget(self.templates_only)
        column.addWidget(self.list, 1)
        row = QHBoxLayout()
        for button in (self.new_button, self.copy_button, self.delete_button):
            row.addWidget(button)
        column.addLayout(row)
        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.form)
        column.addWidget(self.process)
        column.addWidget(self.after)
        # The form is taller than a laptop's screen: it scrolls, the Save button stays in sight below it.
        scroll = QScrollArea()
        scroll.setAccessibleName(self.tr("Lesson plan"))  # it takes focus: a reader names what scrolls
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(scroll, 1)
        column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(split, 1)
        self._rows: list[LessonPlanSummary] = []
        self.new_plan()
        self.reload()

    # --- library ------------------------------------------------------------------------------------

    def reload(self) -> None:
        templates = True if self.templates_only.isChecked() else None
        self.session.read(
            lessons.library_for_editing,
            self.search.text().strip(),
            templates,
            on_done=self._show,
            on_error=self.show_error,
        )

    def _show(self, loaded: LessonLibrary) -> None:
        rows, people = list(loaded.rows), loaded.students
        self._rows = rows
        box = self.form.widgets["student_id"]
        self.begin_loading()
        current = self.form.value("student_id")
        box.clear()  # type: ignore[attr-defined]
        box.addItem(self.tr("(any student: template)"), None)  # type: ignore[attr-defined]
        for student_id, text in people:
            box.addItem(text, student_id)  # type: ignore[attr-defined]
        self.form.set_value("student_id", current)
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            mark = self.tr(" (template)") if row.is_template else ""
            item = QListWidgetItem(f"{row.date.isoformat() if row.date else ''} {row.title}{mark}".strip())
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.list.addItem(item)
            if self.plan is not None and row.id == self.plan.id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.end_loading()
        self._update_buttons()

    def _select(self, item: QListWidgetItem | None) -> None:
        if item is None or (self.plan is not None and item.data(Qt.ItemDataRole.UserRole) == self.plan.id):
            return
        plan_id = item.data(Qt.ItemDataRole.UserRole)
        self.ask_to_leave(lambda: self._open_plan(plan_id))

    def _open_plan(self, plan_id: str) -> None:
        self.session.read(lessons.get_lesson_plan, plan_id, on_done=self.show_plan, on_error=self.show_error)

    def _update_buttons(self) -> None:
        own = self.plan is None or self.plan.teacher_id == self.session.actor.id
        writer = self.session.actor.role != "leader"
        self.save_button.setEnabled(writer and own)
        self.delete_button.setEnabled(writer and self.plan is not None and own)
        self.copy_button.setEnabled(writer and self.plan is not None)
        self.new_button.setEnabled(writer)

    # --- one plan -----------------------------------------------------------------------------------

    def show_plan(self, plan: LessonPlanInfo) -> None:
        self.plan = plan
        self.begin_loading()
        try:
            for key in self.form.widgets:
                value = getattr(plan, key)
                self.form.set_value(key, value.isoformat() if hasattr(value, "isoformat") else value)
            for step in self.process.widgets:
                self.process.set_value(step, (plan.process or {}).get(step, ""))
            for key in self.after.widgets:
                self.after.set_value(key, getattr(plan, key))
        finally:
            self.end_loading()
        self.set_clean()
        self.draft_key = f"lesson:{plan.id}"
        self._update_buttons()
        self.offer_draft()

    def new_plan(self) -> None:
        self.ask_to_leave(self._new_plan)

    def _new_plan(self) -> None:
        self.plan = None
        self.begin_loading()
        for form in self.forms:
            for key in form.widgets:
                form.set_value(key, {"lesson_no": 1, "minutes": 40}.get(key, ""))
        self.end_loading()
        self.set_clean()
        self.draft_key = "lesson:new"
        self.list.clearSelection()
        self._update_buttons()
        self.offer_draft()

    def values(self) -> dict[str, Any]:
        values = {**self.form.values(), **self.after.values()}
        values["process"] = {step: text for step, text in self.process.values().items() if text}
        return values

    def draft_payload(self) -> dict[str, Any]:
        return {**self.form.values(), **self.after.values(), "process": self.process.values()}

    def apply_draft(self, payload: dict[str, Any]) -> None:
        self.begin_loading()
        try:
            for form in (self.form, self.after):
                for key in form.widgets:
                    if key in payload:
                        form.set_value(key, payload[key])
            for step, text in (payload.get("process") or {}).items():
                if step in self.process.widgets:
                    self.process.set_value(step, text)
        finally:
            self.end_loading()

    def save_then(
        self, then: Callable[[], None] | None = None, failed: Callable[[], None] | None = None
    ) -> None:
        def done(plan: LessonPlanInfo) -> None:
            self._saved(plan)
            if then is not None:
                then()

        fn: Callable[..., LessonPlanInfo] = lessons.create_lesson_plan
        args: tuple[object, ...] = (self.values(),)
        if self.plan is not None:  # an edit names the plan and the revision it was loaded at
            fn, args = lessons.update_lesson_plan, (self.plan.id, self.values(), self.plan.revision)
        self.session.write(fn, *args, on_done=done, on_error=self.save_failed(failed), initiator=self)

    def _saved(self, plan: LessonPlanInfo) -> None:
        self.saved(plan)
        self.show_plan(plan)
        self.reload()

    def copy_selected(self) -> None:
        plan = self.plan
        if plan is not None:
            self.ask_to_leave(lambda: self._copy(plan.id))

    def _copy(self, plan_id: str) -> None:
        self.session.write(
            lessons.copy_lesson_plan,
            plan_id,
            {"is_template": False},
            on_done=self._saved,
            on_error=self.show_error,
        )

    def delete_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.plan is None:
            return
        if (
            QMessageBox.question(self, self.tr("Delete"), self.tr("Delete this lesson plan?"))
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.session.write(
            lessons.delete_lesson_plan,
            self.plan.id,
            on_done=lambda _r: self._deleted(),
            on_error=self.show_error,
        )

    def _deleted(self) -> None:
        self.discard_draft()
        self.set_clean()
        self.plan = None
        self.new_plan()
        self.reload()
