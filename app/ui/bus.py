"""The app-wide change signal (DESIGN pattern 2): writes announce what changed, open pages refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    """``data_changed(changes)`` carries an ``app.services.context.Changes`` (table name -> ids)."""

    data_changed = Signal(object)


ALL_TABLES = "*"  # a Changes whose ids hold this key means "reload everything" (restore, user switch)
