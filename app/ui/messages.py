"""Service errors, warning ids and compliance reasons as text in the current language (app.services.messages)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services import messages
from app.ui.i18n import current_language


def error_text(error: BaseException) -> str:
    """A sentence in the UI's language for any error (a service's from the catalogue; else a calm generic one)."""
    text = messages.error_text(error, current_language())
    if text is not None:
        return text
    return QCoreApplication.translate("Messages", "Something went wrong: {error}").format(
        error=type(error).__name__
    )


def message(message_id: str, **params: object) -> str:
    """A catalogue message (not an error) in the UI's language, with its ``{params}``."""
    return messages.message_text(message_id, current_language(), params) or message_id


def warning_text(warning_id: str) -> str:
    return messages.warning_text(warning_id, current_language())


def reason_text(reason: str) -> str:
    return messages.reason_text(reason, current_language())


def field_of(error: BaseException) -> str | None:
    """The form field the error is about ("days[3].date" -> "days")."""
    field = getattr(error, "field", None)
    if not field:
        return None
    return str(field).split("[", 1)[0].split(".", 1)[0]
