"""The lock's Windows notices (app/ui/lock.py _WindowsWatch), fed the MSG structures Windows would deliver through
Qt's native event stream: the session locked (Win+L) and the machine suspending (the lid closed) lock the window;
the session unlocking, other messages and other platforms' events do not. Runs anywhere: the MSG layout is
ctypes.wintypes', and registering for the notices (windll) is what a non-Windows machine lacks, logged."""

from __future__ import annotations

import ctypes
import ctypes.wintypes

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QApplication

from app.ui.lock import (
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    _WindowsWatch,
)

WTS_SESSION_UNLOCK = 0x0008
PBT_APMRESUMEAUTOMATIC = 0x0012
WM_ACTIVATEAPP = 0x001C


def _deliver(qtbot, watch: _WindowsWatch, message: int, w_param: int, kind: bytes = b"windows_generic_MSG"):
    msg = ctypes.wintypes.MSG()
    msg.message, msg.wParam = message, w_param
    assert watch.nativeEventFilter(QByteArray(kind), ctypes.addressof(msg)) == (False, 0)  # Qt goes on
    qtbot.wait(50)  # the lock is taken on the next turn of the event loop, not inside the native call


def test_windows_session_lock_and_suspend_lock_the_window_and_nothing_else_does(
    qtbot, school, make_window, english
):
    window = make_window(school.t1)
    lock = window.lock
    watch = _WindowsWatch(lock)
    try:
        for message, w_param, kind in (
            (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, b"windows_generic_MSG"),
            (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC, b"windows_generic_MSG"),
            (WM_ACTIVATEAPP, WTS_SESSION_LOCK, b"windows_generic_MSG"),
            (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, b"xcb_generic_event_t"),
        ):
            _deliver(qtbot, watch, message, w_param, kind)
            assert not lock.locked, (hex(message), w_param, kind)
        _deliver(qtbot, watch, WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK)  # Win+L
        qtbot.waitUntil(lambda: lock.locked, timeout=5000)
        lock.unlock()
        _deliver(qtbot, watch, WM_POWERBROADCAST, PBT_APMSUSPEND)  # the lid closed
        qtbot.waitUntil(lambda: lock.locked, timeout=5000)
        lock.unlock()
    finally:
        QApplication.instance().removeNativeEventFilter(watch)
