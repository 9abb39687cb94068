"""The visit record editor (送教上门记录): lessons, progress, guidance, signature; finish, amend, cancel, make up."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.rules import RecordConcern, VisitRule, lessons_exceed_span, record_concerns
from app.services import forms, visit_prefill, visits
from app.services.context import ServiceContext
from app.services.errors import ServiceError
from app.services.visits import VisitDetail, VisitEditing
from app.ui.editors.attachments import AttachmentsPanel
from app.ui.editors.base import FormDialog, RecordEditor
from app.ui.editors.visit_parts import LessonsTable, ProgressTable, amend_dialog, cancel_dialog, makeup_dialog
from app.ui.i18n import format_date, format_timestamp
from app.ui.labels import CANCEL_CAUSES, VISIT_STATUSES, label
from app.ui.session import AppSession
from app.ui.widgets.check_list import add_checkable, checked_keys, set_checked_keys
from app.ui.widgets.fields import FieldForm, combo, date_edit
from app.ui.widgets.shortcuts import with_shortcut
from app.ui.widgets.signature_pad import SignaturePad

TEXT_KEYS = (
    "place",
    "caregivers_present",
    "health",
    "mood",
    "performance",
    "family_guidance",
    "homework",
    "caregiver_opinion",
)


def start_from_planned(ctx: ServiceContext, student_id: str, planned_visit_id: str) -> VisitDetail:
    """The visit record made from a planned visit of the month's plan (date, times, lessons prefilled)."""
    return visits.create_visit(ctx, student_id, planned_visit_id=planned_visit_id)


def strip_mnemonic(text: str) -> str:
    """The text without its mnemonic: "添加照片(&A)…" gives "添加照片…", "&Add photo…" gives "Add photo…"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def _text(value: Any) -> str:
    if value is None:
        return ""
    return (
        value.strftime("%H:%M")
        if hasattr(value, "hour")
        else (value.isoformat() if hasattr(value, "isoformat") else str(value))
    )


class VisitEditor(RecordEditor):
    """One visit record. Planned: edit and finish (locks). Done: corrections are amendments with a reason."""

    makeup_created = Signal(object)

    def __init__(self, session: AppSession, visit_id: str, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.visit_id = visit_id
        self.detail: VisitDetail | None = None
        self.dialog: FormDialog | None = None
        self._objectives: list[tuple[str, str]] = []
        self._stored_png: bytes | None = None  # the record's signature as stored, shown on the pad
        self.amending = False
        self._signature_changed = False
        self.setAccessibleName(self.tr("Visit record"))
        self.title = QLabel(self)
        self.flags = QLabel(self)
        self.flags.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setToolTip(with_shortcut(self.tr("Save"), "Ctrl+S"))
        self.finish_button = QPushButton(self.tr("&Finish and lock"), self)
        self.amend_button = QPushButton(self.tr("&Amend…"), self)
        self.cancel_button = QPushButton(self.tr("&Cancel visit…"), self)
        self.makeup_button = QPushButton(self.tr("Schedule &make-up…"), self)
        self.save_button.clicked.connect(self.save)
        self.finish_button.clicked.connect(self.finish)
        self.amend_button.clicked.connect(self.start_amending)
        self.cancel_button.clicked.connect(self.cancel_visit)
        self.makeup_button.clicked.connect(self.schedule_makeup)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        for button in (
            self.save_button,
            self.finish_button,
            self.amend_button,
            self.cancel_button,
            self.makeup_button,
        ):
            header.addWidget(button)

        self.form = FieldForm()
        self.form.add("date", self.tr("&Date"), date_edit())
        for key, text in (("start_time", self.tr("S&tart time")), ("end_time", self.tr("&End time"))):
            edit = QLineEdit()
            edit.setPlaceholderText("HH:MM")
            edit.setMaxLength(5)
            self.form.add(key, text, edit)
            edit.textChanged.connect(self._check_span)
        self.teachers = QListWidget()
        self.teachers.setMaximumHeight(72)
        self.teachers.itemChanged.connect(self.mark_dirty)
        self.form.add("teacher_ids", self.tr("Teachers p&resent"), self.teachers)
        self.form.add("place", self.tr("&Place"), QLineEdit())
        self.form.add("caregivers_present", self.tr("Careg&ivers present"), QLineEdit())
        self.form.add("health", self.tr("&Health today"), QLineEdit())
        self.form.add("mood", self.tr("M&ood today"), QLineEdit())
        self.lessons = LessonsTable()
        self.lessons.itemChanged.connect(self.mark_dirty)
        self.lessons.itemChanged.connect(self._check_span)
        self.rule = VisitRule()  # the school's rule arrives with the record (visit_for_editing)
        self.add_lesson = QPushButton(self.tr("Add &lesson"))
        self.add_lesson.clicked.connect(self._add_lesson)
        self.as_last = QPushButton(self.tr("As last &visit"))
        self.as_last.setToolTip(self.tr("The lessons of the last finished visit, to repeat them"))
        self.as_last.clicked.connect(self.copy_last_lessons)
        self.lesson_plan = combo([], empty=self.tr("(no lesson plan)"))
        self.lesson_plan.setAccessibleName(self.tr("Lesson plan of the selected lesson"))
        self.lesson_plan.currentIndexChanged.connect(self._link_lesson_plan)
        self.lessons.currentCellChanged.connect(lambda row, *_: self._show_lesson_plan(row))
        self.progress = ProgressTable()
        self.progress.on_change = self.mark_dirty
        self.progress.itemChanged.connect(self.mark_dirty)
        self.notes = FieldForm()
        self.notes.add("performance", self.tr("Performance"), QPlainTextEdit())
        self.notes.add("family_guidance", self.tr("Family &guidance"), QPlainTextEdit())
        self.notes.add("homework", self.tr("Home&work"), QPlainTextEdit())
        self.notes.add("caregiver_opinion", self.tr("Caregiver's opi&nion"), QPlainTextEdit())
        self.notes.add("next_visit_on", self.tr("Ne&xt visit"), date_edit())
        self.pad = SignaturePad()
        self.pad.setAccessibleName(self.tr("Caregiver signature"))
        self.pad.changed.connect(self._pad_changed)
        self.clear_pad = QPushButton(self.tr("Clear signat&ure"))
        self.clear_pad.clicked.connect(self.pad.clear)
        self.signature_state = QLabel()
        self.amendments = QLabel()
        self.amendments.setWordWrap(True)
        self.forms = [self.form, self.notes]
        self.track(
            *(w for w in self.form.widgets.values() if w is not self.teachers), *self.notes.widgets.values()
        )

        body = QWidget()
        column = QVBoxLayout(body)
        column.addWidget(self.form)
        lessons_box = QGroupBox(self.tr("Lessons"))
        inner = QVBoxLayout(lessons_box)
        inner.addWidget(self.lessons)
        row = QHBoxLayout()
        row.addWidget(self.add_lesson)
        row.addWidget(self.as_last)
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Lesson plan:")))
        row.addWidget(self.lesson_plan, 2)
        inner.addLayout(row)
        column.addWidget(lessons_box)
        progress_box = QGroupBox(self.tr("Progress per objective"))
        QVBoxLayout(progress_box).addWidget(self.progress)
        column.addWidget(progress_box)
        column.addWidget(self.notes)
        sign_box = QGroupBox(self.tr("Caregiver signature"))
        inner = QVBoxLayout(sign_box)
        inner.addWidget(self.pad)
        row = QHBoxLayout()
        row.addWidget(self.signature_state, 1)
        row.addWidget(self.clear_pad)
        inner.addLayout(row)
        column.addWidget(sign_box)
        photos_box = QGroupBox(self.tr("Photos"))
        self.photos = AttachmentsPanel(session, "visit", visit_id)
        self.photos.setMinimumHeight(180)
        for photo_button in self.photos.findChildren(QPushButton):
            # Their letters (A, R) belong to Amend and Teachers present here: one mnemonic per letter.
            photo_button.setText(strip_mnemonic(photo_button.text()))
        QVBoxLayout(photos_box).addWidget(self.photos)
        column.addWidget(photos_box)
        column.addWidget(self.amendments)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(header)
        layout.addWidget(self.flags)
        layout.addWidget(scroll, 1)
        self.draft_key = f"visit:{visit_id}"
        self.reload()

    # --- loading ------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.session.read(
            visits.visit_for_editing, self.visit_id, on_done=self._loaded, on_error=self.show_error
        )

    def _loaded(self, loaded: VisitEditing) -> None:
        self.show_editing(loaded)
        self.offer_draft()

    def show_editing(self, loaded: VisitEditing) -> None:
        """The record with what goes around it: linkable lesson plans, teachers, objectives, the signature."""
        self.rule = loaded.rule
        self._set_linkable(list(loaded.lesson_plans))
        self._teachers_listed(list(loaded.teachers))
        self.show_detail(loaded.detail, list(loaded.objectives), signature=loaded.signature_png)
        self._check_span()

    def _check_span(self, *_args: object) -> None:
        """Warn under the end time (not blocking) when the lessons add up to more than the visit lasted."""
        self.form.clear_error("end_time")
        try:
            start = forms.parse_time(self.form.value("start_time"), "start_time")
            end = forms.parse_time(self.form.value("end_time"), "end_time")
            minutes = [int(lesson["minutes"] or 0) for lesson in self.lessons.lessons()]
        except (ServiceError, ValueError):
            return  # incomplete times or minutes: the save says what is wrong with them
        if start is None or end is None:
            return
        over = lessons_exceed_span(start, end, minutes)
        if over is not None:
            self.form.show_error(
                "end_time",
                self.tr("The lessons add up to {total} minutes, but the visit lasted {span}.").format(
                    total=over[0], span=over[1]
                ),
                focus=False,
            )

    def show_detail(
        self,
        detail: VisitDetail,
        objectives: list[tuple[str, str]] | None = None,
        *,
        signature: bytes | None = None,
    ) -> None:
        self.detail = detail
        self.amending = False
        with self.loading():
            self.form.set_value("date", detail.date.isoformat())
            set_checked_keys(self.teachers, list(detail.values.get("teacher_ids") or []))
            for key in ("start_time", "end_time"):
                self.form.set_value(key, _text(detail.values.get(key)))
            for key in TEXT_KEYS:
                (self.form if key in self.form.widgets else self.notes).set_value(
                    key, detail.values.get(key, "")
                )
            self.notes.set_value("next_visit_on", _text(detail.values.get("next_visit_on")))
            self.lessons.set_lessons(
                [
                    {
                        "subject": x.subject,
                        "content": x.content,
                        "minutes": x.minutes,
                        "objective_ids": list(x.objective_ids),
                        "lesson_plan_id": x.lesson_plan_id,
                    }
                    for x in detail.lessons
                ]
            )
            if objectives is not None:
                self._objectives = objectives
            self.progress.set_objectives(
                self._objectives, {p.objective_id: (p.result, p.note) for p in detail.progress}
            )
            # The pad shows the stored signature (a finished visit's pad said "Not signed" beside "Signed"); a
            # pad cleared but not signed again shows it back after a save, since the record keeps it.
            if signature is not None:
                self._stored_png = signature
            if not detail.signature_id:
                self.pad.show_stored(None)
            elif signature is not None or self.pad.is_empty():
                self.pad.show_stored(self._stored_png)
            self._signature_changed = False
        self._update_state()

    def _update_state(self) -> None:
        detail = self.detail
        if detail is None:
            return
        self.title.setText(
            self.tr("Visit on {date}: {status}").format(
                date=format_date(detail.date), status=label(VISIT_STATUSES, detail.status)
            )
        )
        flags = []
        if detail.without_approved_plan:
            flags.append(self.tr("No approved plan for this month."))
        if detail.makeup_of_id:
            flags.append(self.tr("Make-up for a cancelled visit."))
        if detail.status == "cancelled":
            flags.append(
                self.tr("Cancelled ({cause}): {reason}").format(
                    cause=label(CANCEL_CAUSES, detail.cancel_cause), reason=detail.cancel_reason
                )
            )
        self.flags.setText(" ".join(flags))
        self.flags.setVisible(bool(flags))
        planned = detail.status == "planned"
        done = detail.status == "done"
        writer = self.session.actor.role not in ("leader",)
        editable = writer and (planned or self.amending)
        for form in self.forms:
            for widget in form.widgets.values():
                widget.setEnabled(editable)
        for widget in (self.lessons, self.add_lesson, self.as_last, self.progress, self.lesson_plan):
            widget.setEnabled(editable)
        signable = writer and (planned or (done and not detail.signature_id))
        self.pad.set_read_only(not signable)
        self.clear_pad.setEnabled(signable)
        self.signature_state.setText(
            self.tr("Signed.") if detail.signature_id else self.tr("Not signed yet.")
        )
        self.save_button.setEnabled(editable or signable)
        self.finish_button.setVisible(writer and planned)
        self.cancel_button.setVisible(writer and planned)
        self.amend_button.setVisible(writer and done and not self.amending)
        self.makeup_button.setVisible(writer and detail.status == "cancelled")
        self.amendments.setText(
            "\n".join(
                self.tr("Amended {at}: {field} — {reason}").format(
                    at=format_timestamp(a.at), field=self.field_caption(a.field), reason=a.reason
                )
                for a in detail.amendments
            )
        )

    def _teachers_listed(self, teachers: list[tuple[str, str]]) -> None:
        with self.loading():
            chosen = checked_keys(self.teachers)
            self.teachers.clear()
            for teacher_id, name in teachers:
                add_checkable(self.teachers, teacher_id, name)
            set_checked_keys(
                self.teachers,
                chosen or (list(self.detail.values.get("teacher_ids") or []) if self.detail else []),
            )

    def _set_linkable(self, linkable: list[tuple[str, str]]) -> None:
        with self.loading():
            self.lesson_plan.clear()
            self.lesson_plan.addItem(self.tr("(no lesson plan)"), None)
            for plan_id, title in linkable:
                self.lesson_plan.addItem(title, plan_id)

    def _show_lesson_plan(self, row: int) -> None:
        item = self.lessons.item(row, 0) if row >= 0 else None
        plan_id = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None
        # Also runs inside a record load (the lessons table refilled): a nested load, not the end of it.
        with self.loading():
            self.lesson_plan.setCurrentIndex(max(self.lesson_plan.findData(plan_id), 0))

    def _link_lesson_plan(self, *_args: object) -> None:
        if self._loading:
            return
        item = self.lessons.item(self.lessons.currentRow(), 0) if self.lessons.currentRow() >= 0 else None
        if item is not None:
            item.setData(Qt.ItemDataRole.UserRole + 1, self.lesson_plan.currentData())
            self.mark_dirty()

    def _add_lesson(self) -> None:
        self.lessons.add_lesson({"minutes": self.rule.minutes_per_lesson})  # the rule's 课时, not a guess
        self.mark_dirty()

    def copy_last_lessons(self) -> None:
        if self.detail is None:
            return
        self.session.read(
            visit_prefill.last_visit_lessons,
            self.detail.student_id,
            self.detail.date,
            on_done=self._last_lessons,
            on_error=self.show_error,
        )

    def _last_lessons(self, lessons: list[visit_prefill.LessonPrefill]) -> None:
        if not lessons:
            self.banner.show_message(self.tr("There is no finished visit before this one to copy."))
            return
        self.lessons.set_lessons(
            [
                {
                    "subject": x.subject,
                    "content": x.content,
                    "minutes": x.minutes,
                    "objective_ids": list(x.objective_ids),
                    "lesson_plan_id": x.lesson_plan_id,
                }
                for x in lessons
            ]
        )
        self.mark_dirty()

    def _pad_changed(self) -> None:
        self._signature_changed = True
        self.mark_dirty()

    # --- saving -------------------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        values = {key: self.form.value(key) for key in self.form.widgets if key != "teacher_ids"}
        values.update(self.notes.values())
        values["teacher_ids"] = checked_keys(self.teachers)
        values["lessons"] = self.lessons.lessons()
        values["progress"] = self.progress.progress()
        return values

    def draft_payload(self) -> dict[str, Any]:
        return {"values": self.values(), "strokes": self.pad.strokes() if self._signature_changed else None}

    def apply_draft(self, payload: dict[str, Any]) -> None:
        self.begin_loading()
        try:
            values = dict(payload.get("values") or {})
            for form in self.forms:
                for key in form.widgets:
                    if key in values and key != "teacher_ids":
                        form.set_value(key, values[key])
            set_checked_keys(self.teachers, list(values.get("teacher_ids") or []))
            self.lessons.set_lessons(list(values.get("lessons") or []))
            progress = {
                p["objective_id"]: (p.get("result", ""), p.get("note", ""))
                for p in values.get("progress") or []
                if isinstance(p, dict) and p.get("objective_id")
            }
            self.progress.set_objectives(getattr(self, "_objectives", []), progress)
            if payload.get("strokes"):
                self.pad.set_strokes(payload["strokes"])
                self._signature_changed = True
        finally:
            self.end_loading()

    def save_then(
        self, then: Callable[[], None] | None = None, failed: Callable[[], None] | None = None
    ) -> None:
        self._store(then=then, failed=failed)

    def finish(self) -> None:
        """What is on screen, the signature and the lock: one service call, all or nothing. First it says what
        keeps the visit from counting or from being complete (rules.record_concerns) and asks."""
        concerns = self.finish_concerns()
        if concerns:
            lines = "\n".join(f"• {self.concern_text(c)}" for c in concerns)
            answer = QMessageBox.question(
                self,
                self.tr("Finish this record?"),
                self.tr(
                    "{lines}\n\nFinish and lock the record anyway? Afterwards it can only be corrected by an "
                    "amendment."
                ).format(lines=lines),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        # The service checks the same concerns on what it saves: one it was not shown refuses the lock.
        self._store(finish=True, confirmed=tuple(c.code for c in concerns))

    def finish_concerns(self) -> tuple[RecordConcern, ...]:
        """The concerns of the record as it is on screen (what Finish is about to save)."""
        lessons = []
        for lesson in self.lessons.lessons():
            try:
                minutes = int(lesson["minutes"] or 0)
            except ValueError:
                minutes = 0  # the save refuses it by name; here it is simply not a 课时
            lessons.append((minutes, str(lesson["content"])))
        signed = bool(self.detail is not None and self.detail.signature_id) or (
            self._signature_changed and self.pad.has_new_strokes()
        )
        return record_concerns(lessons, signed, self.rule)

    def concern_text(self, concern: RecordConcern) -> str:
        if concern.code == "too_few_lessons":
            return self.tr(
                "Only {counted} lessons of at least {minutes} minutes: the rule needs {required} per visit, "
                "so this visit does not count for the week."
            ).format(counted=concern.counted, minutes=concern.minutes, required=concern.required)
        if concern.code == "no_content":
            return self.tr("No lesson says what was taught.")
        return self.tr("The caregiver has not signed.")

    def _store(
        self,
        *,
        finish: bool = False,
        confirmed: tuple[str, ...] | None = None,
        then: Callable[[], None] | None = None,
        failed: Callable[[], None] | None = None,
    ) -> None:
        detail = self.detail
        if detail is None:
            return
        if self.amending:
            self._ask_amendment(then)
            return
        signature = (
            self.pad.to_png(white=True) if self._signature_changed and self.pad.has_new_strokes() else None
        )
        planned = detail.status == "planned"

        def done(saved: VisitDetail) -> None:
            self.saved(saved)
            if signature is not None:
                self._stored_png = signature
            # The pad keeps the strokes just stored: reading the PNG back would only redraw them.
            self.show_detail(saved)
            if then is not None:
                then()

        self.session.write(
            visits.save_visit,
            self.visit_id,
            self.values() if planned else None,
            detail.revision,
            signature=signature,
            finish=finish,
            confirmed=confirmed if finish else None,
            on_done=done,
            on_error=self.save_failed(failed),
            initiator=self,
        )

    def start_amending(self) -> None:
        self.amending = True
        self._update_state()

    def _ask_amendment(self, then: Callable[[], None] | None = None) -> None:
        changes = self._changes()
        if not changes:
            self.amending = False
            self.set_clean()
            self._update_state()
            if then is not None:
                then()
            return
        dialog = amend_dialog(self.session, self.visit_id, changes, self)
        dialog.succeeded.connect(lambda detail: self._amended(detail, then))
        self.dialog = dialog
        dialog.open()

    def _amended(self, detail: VisitDetail, then: Callable[[], None] | None = None) -> None:
        self.saved(detail)
        self.show_detail(detail)
        if then is not None:
            then()

    def field_caption(self, key: str) -> str:
        """What the form calls a stored field (an amendment names the field it corrected, not its key)."""
        for form in self.forms:
            if key in form.widgets:
                return form.widgets[key].accessibleName()
        return {"lessons": self.tr("Lessons"), "progress": self.tr("Progress per objective")}.get(key, key)

    def _changes(self) -> dict[str, Any]:
        """Only what differs from the record: an amendment names each corrected field."""
        detail = self.detail
        assert detail is not None  # amending starts from a shown record
        current = self.values()
        before = {
            **{k: _text(v) for k, v in detail.values.items() if k != "teacher_ids"},
            "date": detail.date.isoformat(),
        }
        changes = {
            k: v
            for k, v in current.items()
            if k not in ("lessons", "progress", "teacher_ids") and before.get(k, "") != v
        }
        if sorted(current["teacher_ids"]) != sorted(detail.values.get("teacher_ids") or []):
            changes["teacher_ids"] = current["teacher_ids"]
        lessons = [
            {
                "subject": x.subject,
                "content": x.content,
                "minutes": str(x.minutes),
                "objective_ids": list(x.objective_ids),
                "lesson_plan_id": x.lesson_plan_id,
            }
            for x in detail.lessons
        ]
        if current["lessons"] != lessons:
            changes["lessons"] = current["lessons"]
        progress = [
            {"objective_id": p.objective_id, "result": p.result, "note": p.note} for p in detail.progress
        ]
        if sorted(current["progress"], key=str) != sorted(progress, key=str):
            changes["progress"] = current["progress"]
        return changes

    def cancel_visit(self) -> None:
        self._open(cancel_dialog(self.session, self.visit_id, self), self._cancelled)

    def _cancelled(self, detail: VisitDetail) -> None:
        self.set_clean()
        self.discard_draft()
        self.show_detail(detail)
        self.record_saved.emit(detail)

    def schedule_makeup(self) -> None:
        self._open(makeup_dialog(self.session, self.visit_id, self), self.makeup_created.emit)

    def _open(self, dialog: FormDialog, on_success: Callable[[VisitDetail], None]) -> None:
        dialog.succeeded.connect(on_success)
        self.dialog = dialog
        dialog.open()
