"""ServiceError message ids, warning ids and compliance reasons turned into translated, human text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import QT_TRANSLATE_NOOP

CTX = "Messages"

# message_id -> English source (translated through the "Messages" context of the .ts files).
MESSAGES: dict[str, str] = {
    "field.required": QT_TRANSLATE_NOOP("Messages", "This field is required."),
    "field.too_long": QT_TRANSLATE_NOOP("Messages", "This text is too long (at most {max_len} characters)."),
    "field.date": QT_TRANSLATE_NOOP("Messages", "Not a date: use YYYY-MM-DD, e.g. 2026-09-01."),
    "field.no_such_date": QT_TRANSLATE_NOOP(
        "Messages", "There is no such date: {value}. Check the month and day."
    ),
    "field.time": QT_TRANSLATE_NOOP("Messages", "Not a time: use HH:MM, e.g. 09:30."),
    "field.int": QT_TRANSLATE_NOOP("Messages", "Enter a whole number."),
    "field.number": QT_TRANSLATE_NOOP("Messages", "Enter a number."),
    "field.range": QT_TRANSLATE_NOOP("Messages", "Enter a number between {low} and {high}."),
    "field.choice": QT_TRANSLATE_NOOP("Messages", "Choose one of the offered values."),
    "field.month": QT_TRANSLATE_NOOP("Messages", "Not a month: use YYYY-MM."),
    "field.unknown": QT_TRANSLATE_NOOP("Messages", "The form sent a field the program does not know."),
    "login.failed": QT_TRANSLATE_NOOP("Messages", "Wrong user name or password."),
    "password.too_short": QT_TRANSLATE_NOOP("Messages", "The password needs at least 6 characters."),
    "password.wrong": QT_TRANSLATE_NOOP("Messages", "The current password is wrong."),
    "password.mismatch": QT_TRANSLATE_NOOP("Messages", "The two passwords differ."),
    "user.exists": QT_TRANSLATE_NOOP("Messages", "This user name is taken."),
    "user.last_admin": QT_TRANSLATE_NOOP(
        "Messages", "The school must keep at least one active administrator."
    ),
    "user.not_found": QT_TRANSLATE_NOOP("Messages", "The user does not exist or is disabled."),
    "role.denied": QT_TRANSLATE_NOOP("Messages", "Your role does not allow this."),
    "role.read_only": QT_TRANSLATE_NOOP("Messages", "School leaders can read records but not change them."),
    "record.changed": QT_TRANSLATE_NOOP(
        "Messages", "Someone else saved this record first. Reload and try again."
    ),
    "record.integrity": QT_TRANSLATE_NOOP("Messages", "The change breaks a database rule."),
    "school.exists": QT_TRANSLATE_NOOP("Messages", "This database already holds a school."),
    "school.not_set_up": QT_TRANSLATE_NOOP("Messages", "The school is not set up yet."),
    "student.not_found": QT_TRANSLATE_NOOP("Messages", "The student does not exist or was deleted."),
    "student.code_taken": QT_TRANSLATE_NOOP("Messages", "This student code is already used."),
    "student.birth_future": QT_TRANSLATE_NOOP("Messages", "The birth date is in the future."),
    "student.enrolled_before_birth": QT_TRANSLATE_NOOP("Messages", "Enrolment is before the birth date."),
    "student.office_field": QT_TRANSLATE_NOOP(
        "Messages", "Roll data is kept by the academic affairs office."
    ),
    "guardian.delegation_dates": QT_TRANSLATE_NOOP("Messages", "Delegated care ends before it starts."),
    "guardian.phone": QT_TRANSLATE_NOOP("Messages", "Not a phone number."),
    "guardian.wrong_student": QT_TRANSLATE_NOOP("Messages", "This guardian belongs to another student."),
    "assignment.not_teacher": QT_TRANSLATE_NOOP("Messages", "Only a teacher can be assigned."),
    "pause.dates": QT_TRANSLATE_NOOP("Messages", "The pause ends before it starts."),
    "term.dates": QT_TRANSLATE_NOOP("Messages", "The term must end after it starts."),
    "term.too_long": QT_TRANSLATE_NOOP("Messages", "A term cannot be longer than a year."),
    "term.locked": QT_TRANSLATE_NOOP("Messages", "This term is locked; unlock it first."),
    "term.none": QT_TRANSLATE_NOOP("Messages", "No term is set up yet."),
    "term.not_found": QT_TRANSLATE_NOOP("Messages", "The term does not exist."),
    "calendar.outside_term": QT_TRANSLATE_NOOP("Messages", "A calendar day lies outside the term."),
    "calendar.duplicate": QT_TRANSLATE_NOOP("Messages", "A calendar day is listed twice."),
    "weights.invalid": QT_TRANSLATE_NOOP("Messages", "Weights must be non-negative numbers."),
    "backup.failed": QT_TRANSLATE_NOOP("Messages", "The backup copy failed its check."),
    "backup.no_database": QT_TRANSLATE_NOOP("Messages", "There is no database to back up yet."),
    "restore.invalid": QT_TRANSLATE_NOOP("Messages", "This file cannot be restored. Nothing was changed."),
    "schema.newer": QT_TRANSLATE_NOOP(
        "Messages",
        "This database was written by a newer version of Songjiao. "
        "Please update the program. Nothing was changed.",
    ),
    "schema.foreign": QT_TRANSLATE_NOOP(
        "Messages", "This file is not a Songjiao database. Nothing was changed."
    ),
    "schema.foreign_keys": QT_TRANSLATE_NOOP(
        "Messages", "Upgrading the database failed. Nothing was changed."
    ),
    # The editors' services (IEP, goal bank, plans, visits).
    "iep.archived": QT_TRANSLATE_NOOP("Messages", "This IEP is archived and can no longer be changed."),
    "iep.transition": QT_TRANSLATE_NOOP("Messages", "The IEP cannot move to that status from here."),
    "iep.archive_office": QT_TRANSLATE_NOOP("Messages", "Only the academic affairs office archives IEPs."),
    "iep.date_range": QT_TRANSLATE_NOOP("Messages", "This date is far outside the term."),
    "iep.score_twice": QT_TRANSLATE_NOOP("Messages", "A domain is scored twice."),
    "iep.score_above_max": QT_TRANSLATE_NOOP("Messages", "A score is above its maximum."),
    "objective.date_range": QT_TRANSLATE_NOOP("Messages", "The date must lie within the term."),
    "objective.dates": QT_TRANSLATE_NOOP("Messages", "The objective ends before it starts."),
    "review.future": QT_TRANSLATE_NOOP("Messages", "A review cannot be dated in the future."),
    "review.date_range": QT_TRANSLATE_NOOP("Messages", "The review date is far outside the term."),
    "bank.not_yours": QT_TRANSLATE_NOOP(
        "Messages", "Only the office removes goal bank items added by others."
    ),
    "plan.submit.role_read_only": QT_TRANSLATE_NOOP(
        "Messages", "School leaders read plans but do not write them."
    ),
    "plan.submit.not_author": QT_TRANSLATE_NOOP("Messages", "Only the plan's author submits it."),
    "plan.submit.already_submitted": QT_TRANSLATE_NOOP(
        "Messages", "This plan is already waiting for a decision."
    ),
    "plan.submit.already_approved": QT_TRANSLATE_NOOP("Messages", "This plan is already approved."),
    "plan.decide.not_academic_affairs": QT_TRANSLATE_NOOP(
        "Messages", "Only the academic affairs office approves or returns plans."
    ),
    "plan.decide.own_plan": QT_TRANSLATE_NOOP("Messages", "Nobody approves their own plan."),
    "plan.decide.not_submitted": QT_TRANSLATE_NOOP("Messages", "This plan is not waiting for a decision."),
    "plan.decide.stale_revision": QT_TRANSLATE_NOOP(
        "Messages", "The teacher changed this plan after you opened it. Reload and read it again."
    ),
    "plan.comment_required": QT_TRANSLATE_NOOP("Messages", "Say what to change when returning a plan."),
    "visit.locked": QT_TRANSLATE_NOOP("Messages", "This record is finished and locked: make an amendment."),
    "visit.amend_reason": QT_TRANSLATE_NOOP("Messages", "Give a reason for the amendment."),
    "visit.cancel_reason": QT_TRANSLATE_NOOP("Messages", "Give the reason for the cancellation."),
    "storage.damaged": QT_TRANSLATE_NOOP(
        "Messages",
        "The database file is damaged (cut short or overwritten). Restore the newest backup. Nothing was changed.",
    ),
    "storage.not_sqlite": QT_TRANSLATE_NOOP(
        "Messages", "This file is not a database file. Check which file was chosen. Nothing was changed."
    ),
    "storage.empty_file": QT_TRANSLATE_NOOP(
        "Messages",
        "The database file is empty (0 bytes), so it holds no school. Restore the newest backup, or for a new "
        "database delete the empty file. Nothing was changed.",
    ),
    "storage.read_only": QT_TRANSLATE_NOOP(
        "Messages", "The database file is read-only. Make it writable and try again. Nothing was changed."
    ),
    "storage.read_only_folder": QT_TRANSLATE_NOOP(
        "Messages",
        "The database's folder is read-only. Move the database to a folder of your own, or make this one "
        "writable. Nothing was changed.",
    ),
    "storage.folder": QT_TRANSLATE_NOOP(
        "Messages", "This is a folder, not a database file. Nothing was changed."
    ),
    "storage.no_access": QT_TRANSLATE_NOOP(
        "Messages", "This user may not read the database file. Check its permissions. Nothing was changed."
    ),
    "storage.missing": QT_TRANSLATE_NOOP("Messages", "There is no database here. Nothing was created."),
    "roster.id_repeats": QT_TRANSLATE_NOOP("Messages", "The ID number repeats row {row}."),
    "roster.id_on_roll": QT_TRANSLATE_NOOP(
        "Messages",
        "This ID number is already on the roll as student {code}: use that code to update the child.",
    ),
    "roster.too_large": QT_TRANSLATE_NOOP(
        "Messages", "The spreadsheet is too large for a roster; split it into smaller files."
    ),
}

# Warnings (never refusals) from app.domain.validation and the student service.
WARNINGS: dict[str, str] = {
    "id_number.format": QT_TRANSLATE_NOOP("Messages", "The ID number should have 18 characters."),
    "id_number.birth_date": QT_TRANSLATE_NOOP(
        "Messages", "The birth date inside the ID number is not valid."
    ),
    "id_number.check_digit": QT_TRANSLATE_NOOP("Messages", "The ID number's check digit is wrong."),
    "certificate.format": QT_TRANSLATE_NOOP(
        "Messages", "The disability certificate number should have 20 characters."
    ),
    "certificate.id_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "The certificate number does not start with the ID number."
    ),
    "certificate.category_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "The certificate's category digit differs from the disability category."
    ),
    "certificate.grade_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "The certificate's grade digit differs from the disability grade."
    ),
    "certificate.check_digit": QT_TRANSLATE_NOOP(
        "Messages", "The certificate number's check digit is wrong."
    ),
    "certificate.expired": QT_TRANSLATE_NOOP("Messages", "The disability certificate has expired."),
    "age.outside_service_range": QT_TRANSLATE_NOOP(
        "Messages", "The child is outside the usual service age (6–15)."
    ),
    "phone.format": QT_TRANSLATE_NOOP("Messages", "The phone number looks wrong."),
}

# Reasons behind a compliance cell (app.domain.rules); free-text reasons (a pause's) are shown as typed.
REASONS: dict[str, str] = {
    "holiday": QT_TRANSLATE_NOOP("Messages", "Holiday: not a teaching week."),
    "not_enrolled": QT_TRANSLATE_NOOP("Messages", "Not enrolled in this week."),
    "paused": QT_TRANSLATE_NOOP("Messages", "Paused."),
    "visited": QT_TRANSLATE_NOOP("Messages", "Visited as the rule requires."),
    "pending": QT_TRANSLATE_NOOP("Messages", "This week is still running or ahead."),
    "made_up": QT_TRANSLATE_NOOP("Messages", "Missed, then made up."),
    "family_cancelled": QT_TRANSLATE_NOOP("Messages", "Cancelled by the family (excused)."),
    "school_cancelled": QT_TRANSLATE_NOOP("Messages", "Cancelled by the school: a make-up is owed."),
    "too_few_lessons": QT_TRANSLATE_NOOP("Messages", "A visit took place but with too few lessons."),
    "too_few_visits": QT_TRANSLATE_NOOP("Messages", "Fewer visits than the rule requires."),
    "no_visit": QT_TRANSLATE_NOOP("Messages", "No visit this week: a make-up is owed."),
}


def _format(source: str, params: dict[str, object]) -> str:
    text = QCoreApplication.translate(CTX, source)
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text


def error_text(error: BaseException) -> str:
    """A translated sentence for any error a service raised (unknown ids fall back to the English message)."""
    message_id = getattr(error, "message_id", None)
    params = dict(getattr(error, "params", {}) or {})
    if message_id in MESSAGES:
        return _format(MESSAGES[message_id], params)
    if message_id is not None:
        return str(getattr(error, "message", error))
    reference = getattr(error, "songjiao_reference", None)  # logged with its traceback (app/logs.py)
    if reference:
        return QCoreApplication.translate(
            "Messages",
            "Something unexpected went wrong (reference {reference}); the details are in the log file.",
        ).format(reference=reference)
    return QCoreApplication.translate("Messages", "Something went wrong: {error}").format(
        error=type(error).__name__
    )


def warning_text(warning_id: str) -> str:
    source = WARNINGS.get(warning_id)
    return QCoreApplication.translate(CTX, source) if source else warning_id


def reason_text(reason: str) -> str:
    source = REASONS.get(reason)
    return QCoreApplication.translate(CTX, source) if source else reason


def field_of(error: BaseException) -> str | None:
    """The form field the error is about ("days[3].date" -> "days")."""
    field = getattr(error, "field", None)
    if not field:
        return None
    return str(field).split("[", 1)[0].split(".", 1)[0]
