"""Window sizes that fit the screen they open on, remembered between runs (issue 9 bug 12).

A 1366x768 laptop leaves about 1366x728 for windows, and 1920x1080 at 150 % scaling about 1280x680
logical pixels: a fixed 900x760 window opened partly below the screen. Sizes and positions are kept in the
UI preferences beside the database (app.ui.prefs), per kind of window.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from app.paths import AppPaths
from app.ui.prefs import load_prefs, save_prefs

FRAME = QSize(16, 40)  # room for the window manager's title bar and borders around the client area


def fit_rect(wanted: QRect, available: QRect) -> QRect:
    """``wanted`` shrunk to fit inside ``available`` (title bar and frame allowed for), moved inside it;
    centred when its position would put part of it off the screen."""
    width = min(wanted.width(), available.width() - FRAME.width())
    height = min(wanted.height(), available.height() - FRAME.height())
    rect = QRect(wanted.topLeft(), QSize(width, height))
    inner = available.adjusted(0, FRAME.height() - 8, -FRAME.width(), -8)
    if not inner.contains(rect.topLeft()) or not available.contains(rect.bottomRight() + QPoint(0, 8)):
        rect.moveCenter(available.center())
        rect.moveTop(max(rect.top(), available.top() + FRAME.height() - 8))
    return rect


def _available(point: QPoint | None = None) -> QRect:
    screen = QGuiApplication.screenAt(point) if point is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def place_window(widget: QWidget, key: str, default: QSize, paths: AppPaths | None) -> None:
    """Size and place ``widget`` as last time (or ``default``), within the screen; remember it on close."""
    saved = (load_prefs(paths).get("windows") or {}).get(key) if paths is not None else None
    wanted = QRect()
    if isinstance(saved, list) and len(saved) == 4 and all(isinstance(v, int) for v in saved):
        wanted = QRect(*saved)
    if wanted.isEmpty():
        available = _available()
        wanted = QRect(QPoint(0, 0), default)
        wanted.moveCenter(available.center())
    rect = fit_rect(wanted, _available(wanted.center()))
    widget.setGeometry(rect)  # the client area, as geometry() gave it when it was kept
    if paths is not None:
        widget.installEventFilter(_Keeper(widget, key, paths))


class _Keeper(QObject):
    """Writes the window's normal geometry to the preferences when it closes."""

    def __init__(self, widget: QWidget, key: str, paths: AppPaths) -> None:
        super().__init__(widget)
        self.key, self.paths = key, paths

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Close and isinstance(watched, QWidget):
            rect = watched.normalGeometry() if watched.isMaximized() else watched.geometry()
            windows: dict[str, Any] = dict(load_prefs(self.paths).get("windows") or {})
            windows[self.key] = [rect.x(), rect.y(), rect.width(), rect.height()]
            save_prefs(self.paths, windows=windows)
        return False
