"""Spoken notices: what appears on screen without the focus moving to it is also said by the screen reader.

A field error, a banner, a status line: a sighted user sees it appear; a screen reader user hears nothing
unless the app raises Qt's announcement event (UI Automation notification on Windows, NSAccessibility
announcement on macOS, AT-SPI on Linux). Without an active screen reader Qt drops the event at once.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QWidget


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Have the screen reader say ``text``, from ``widget``. ``urgent`` interrupts what it is saying (an error
    after a button press); otherwise it waits its turn (a passing status note)."""
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if urgent else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)
