"""The app-wide change signal (DESIGN pattern 2): writes announce what changed, open pages refresh."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    """``data_changed(changes, initiator)``: an ``app.services.context.Changes`` (which tables and records a
    write changed) and the object that asked for the write, or None. Like Anki's
    ``operation_did_execute(changes, handler)``: each open page refreshes when the tables it shows changed,
    and skips a refresh of a write it started itself (it already shows the result)."""

    data_changed = Signal(object, object)
    # A try to sync with the hub ended: a client.SyncResult, or the error (offline: shown in a line, never a box).
    hub_tried = Signal(object)
