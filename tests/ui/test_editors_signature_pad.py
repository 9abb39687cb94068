"""The signature pad: mouse drags draw strokes, Delete clears, PNG export with both grounds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from app.ui.widgets.signature_pad import SignaturePad


def drag(widget, points) -> None:
    """Press, move through the points, release: the way a caregiver signs with a mouse."""
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(widget, QPoint(x, y))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1]))


def test_mouse_drag_draws_and_exports(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    assert pad.is_empty()
    assert pad.accessibleName()
    assert pad.minimumWidth() >= 320 and pad.minimumHeight() >= 140
    with qtbot.waitSignal(pad.changed):
        drag(pad, [(40, 80), (80, 60), (120, 100), (160, 60), (200, 100)])
    assert not pad.is_empty()
    assert len(pad.strokes()) == 1 and len(pad.strokes()[0]) >= 4

    transparent = QImage.fromData(pad.to_png(scale=1.0), "PNG")
    assert transparent.width() == 400 and transparent.hasAlphaChannel()
    assert transparent.pixelColor(5, 5).alpha() == 0  # untouched corner stays see-through
    inked = [transparent.pixelColor(x, y).alpha() for x in range(40, 200) for y in range(55, 105)]
    assert max(inked) == 255
    white = QImage.fromData(pad.to_png(white=True, scale=2.0), "PNG")
    assert white.width() == 800
    corner = white.pixelColor(5, 5)
    assert (corner.red(), corner.green(), corner.blue(), corner.alpha()) == (255, 255, 255, 255)


def test_delete_clears_and_read_only_ignores_input(qtbot):
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    drag(pad, [(30, 30), (90, 90)])
    saved = pad.strokes()
    pad.setFocus()
    QTest.keyClick(pad, Qt.Key.Key_Delete)
    assert pad.is_empty()
    pad.set_strokes(saved)
    assert pad.strokes() == saved
    pad.set_read_only(True)
    QTest.keyClick(pad, Qt.Key.Key_Delete)
    drag(pad, [(10, 10), (60, 60)])
    assert pad.strokes() == saved


@pytest.mark.parametrize(("device_type", "strokes"), [("TouchScreen", 1), ("TouchPad", 0)])
def test_finger_strokes_via_touch_events_from_a_touch_screen_only(qtbot, device_type, strokes):
    """A finger on a touch screen draws; a macOS trackpad's touches (resting fingers, scrolling) do not."""
    from PySide6.QtGui import QPointingDevice

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    qtbot.waitExposed(pad)
    device = QTest.createTouchDevice(getattr(QPointingDevice.DeviceType, device_type))
    QTest.touchEvent(pad, device).press(0, QPoint(50, 50))
    for x in range(60, 200, 20):
        QTest.touchEvent(pad, device).move(0, QPoint(x, 50 + x // 4))
    QTest.touchEvent(pad, device).release(0, QPoint(200, 100))
    assert len(pad.strokes()) == strokes and all(len(stroke) >= 5 for stroke in pad.strokes())


def test_pen_pressure_via_tablet_events(qtbot):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QPointingDevice, QTabletEvent
    from PySide6.QtWidgets import QApplication

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    pen = QPointingDevice(
        "pen",
        1,
        QPointingDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QPointingDevice.Capability.Position | QPointingDevice.Capability.Pressure,
        1,
        3,
    )

    def send(kind, x, y, pressure):
        position = QPointF(x, y)
        event = QTabletEvent(
            kind,
            pen,
            position,
            pad.mapToGlobal(position),
            pressure,
            0.0,
            0.0,
            0.0,
            0.0,
            0.0,
            Qt.KeyboardModifier.NoModifier,
            Qt.MouseButton.LeftButton,
            Qt.MouseButton.LeftButton,
        )
        QApplication.sendEvent(pad, event)

    send(QEvent.Type.TabletPress, 40, 40, 0.2)
    for x in range(50, 160, 10):
        send(QEvent.Type.TabletMove, x, 40 + x // 5, 0.9)
    send(QEvent.Type.TabletRelease, 160, 72, 0.0)
    strokes = pad.strokes()
    assert len(strokes) == 1 and len(strokes[0]) >= 8
    assert strokes[0][0][2] == 0.2 and strokes[0][-1][2] == 0.9  # the pen's pressure is kept
