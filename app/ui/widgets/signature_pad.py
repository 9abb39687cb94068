"""A signature pad: the caregiver signs with a mouse, pen or finger; strokes export as PNG bytes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QInputDevice,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

# A point is (x, y, pressure); pressure is 1.0 for mouse and touch, the pen's own value for a tablet.
Point = tuple[float, float, float]
BASE_WIDTH = 2.6  # logical pixels at pressure 1: thick enough to read when printed at form size


def _smooth_path(points: list[Point]) -> QPainterPath:
    """Quadratic curves through the midpoints between samples: removes the jaggies of 60 Hz mouse sampling."""
    path = QPainterPath(QPointF(points[0][0], points[0][1]))
    if len(points) == 1:
        # A dot (a tap) still has to show: a tiny segment gets a round cap.
        path.lineTo(points[0][0] + 0.1, points[0][1] + 0.1)
        return path
    if len(points) == 2:
        path.lineTo(points[1][0], points[1][1])
        return path
    for (x0, y0, _p0), (x1, y1, _p1) in zip(points[1:-1], points[2:], strict=False):
        path.quadTo(QPointF(x0, y0), QPointF((x0 + x1) / 2, (y0 + y1) / 2))
    path.lineTo(points[-1][0], points[-1][1])
    return path


def _stroke_width(points: list[Point]) -> float:
    pressure = sum(p[2] for p in points) / len(points)
    return BASE_WIDTH * (0.55 + 0.9 * max(0.0, min(pressure, 1.0)))


class SignaturePad(QWidget):
    """Strokes in widget coordinates; ``to_png`` renders them at any scale on a transparent or white ground.

    Keyboard: Delete or Backspace clears (the pad takes focus like any control). Screen readers hear the
    accessible name and a description saying whether it is signed.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[Point]] = []
        self._current: list[Point] | None = None
        self._stored: QImage | None = None  # a signature saved earlier, shown until cleared or signed over
        self._read_only = False
        self._pen_down = False  # a tablet or touch stroke is active: ignore the synthesized mouse events
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(self.minimumSizeHint())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAutoFillBackground(False)
        self.setAccessibleName(self.tr("Signature pad"))
        self._describe()

    # --- public API ---------------------------------------------------------------------------------

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(320, 140)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(480, 180)

    def is_empty(self) -> bool:
        return not self._strokes and self._stored is None

    def has_new_strokes(self) -> bool:
        """Drawn here (not only a stored signature shown): what a save must store."""
        return bool(self._strokes)

    def clear(self) -> None:
        if self._strokes or self._current or self._stored is not None:
            self._strokes.clear()
            self._current = None
            self._stored = None
            self._describe()
            self.update()
            self.changed.emit()

    def show_stored(self, png: bytes | None) -> None:
        """Show a saved signature (PNG bytes), or nothing; no ``changed``: this is loading, not signing."""
        self._strokes.clear()
        self._current = None
        image = QImage.fromData(png) if png else None
        self._stored = image if image is not None and not image.isNull() else None
        self._describe()
        self.update()

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.CrossCursor)

    def is_read_only(self) -> bool:
        return self._read_only

    def strokes(self) -> list[list[list[float]]]:
        """JSON-friendly copy of the strokes (for drafts)."""
        return [[[round(x, 1), round(y, 1), round(p, 2)] for x, y, p in stroke] for stroke in self._strokes]

    def set_strokes(self, strokes: Any) -> None:
        """Load strokes saved by :meth:`strokes`; malformed input is ignored rather than raising."""
        loaded: list[list[Point]] = []
        for stroke in strokes or []:
            try:
                points = [(float(p[0]), float(p[1]), float(p[2]) if len(p) > 2 else 1.0) for p in stroke]
            except (TypeError, ValueError, IndexError):
                continue
            if points:
                loaded.append(points)
        self._strokes = loaded
        self._current = None
        if loaded:
            self._stored = None  # strokes drawn over a stored signature replace it, as signing does
        self._describe()
        self.update()

    def to_png(self, *, white: bool = False, scale: float = 2.0) -> bytes:
        """The signature as PNG bytes; ``white`` for a white ground (printing), else transparent (overlay)."""
        size = self.size().expandedTo(self.minimumSizeHint())
        image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32)
        image.fill(QColor(Qt.GlobalColor.white) if white else QColor(0, 0, 0, 0))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.scale(scale, scale)
        self._paint_strokes(painter, QColor(Qt.GlobalColor.black))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; the binding wants str
        buffer.close()
        return bytes(data.data())

    # --- input --------------------------------------------------------------------------------------

    def _begin(self, pos: QPointF, pressure: float) -> None:
        if self._read_only:
            return
        self._stored = None  # signing again replaces the stored signature (the service keeps one per visit)
        self._current = [(pos.x(), pos.y(), pressure)]
        self._strokes.append(self._current)
        self.update()

    def _extend(self, pos: QPointF, pressure: float) -> None:
        if self._current is None:
            return
        last = self._current[-1]
        # Drop samples closer than half a pixel: they add no shape and make curves wobble.
        if abs(pos.x() - last[0]) + abs(pos.y() - last[1]) < 0.5:
            return
        self._current.append((pos.x(), pos.y(), pressure))
        self.update()

    def _end(self) -> None:
        if self._current is None:
            return
        self._current = None
        self._describe()
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and not self._pen_down:
            self._begin(event.position(), 1.0)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton and not self._pen_down:
            self._extend(event.position(), 1.0)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and not self._pen_down:
            self._end()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        kind = event.type()
        pressure = event.pressure() or 1.0
        if kind == QEvent.Type.TabletPress:
            self._pen_down = True
            self._begin(event.position(), pressure)
        elif kind == QEvent.Type.TabletMove and self._pen_down:
            self._extend(event.position(), pressure)
        elif kind == QEvent.Type.TabletRelease:
            self._pen_down = False
            self._end()
        event.accept()  # accepted tablet events are not repeated as mouse events

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
            QEvent.Type.TouchCancel,
        ):
            assert isinstance(event, QTouchEvent)
            device = event.device()
            if device is not None and device.type() != QInputDevice.DeviceType.TouchScreen:
                # A macOS trackpad delivers touches too (resting fingers, two-finger scrolling): those are not
                # strokes. Swallowed, not ignored (Qt would turn ignored touches into mouse presses); the
                # trackpad's real clicks and drags arrive as mouse events of their own and draw as a mouse does.
                event.accept()
                return True
            points = event.points()
            if kind == QEvent.Type.TouchBegin and points:
                self._pen_down = True
                self._begin(points[0].position(), 1.0)
            elif kind == QEvent.Type.TouchUpdate and points:
                self._extend(points[0].position(), 1.0)
            else:
                self._pen_down = False
                self._end()
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not self._read_only:
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- painting -----------------------------------------------------------------------------------

    def _paint_strokes(self, painter: QPainter, colour: QColor) -> None:
        for stroke in self._strokes:
            pen = QPen(
                colour,
                _stroke_width(stroke),
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_smooth_path(stroke))

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        # A baseline to sign on, as on paper forms.
        rect = QRectF(self.rect()).adjusted(16, 16, -16, -16)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(rect.left(), rect.bottom() - 8), QPointF(rect.right(), rect.bottom() - 8))
        if self._stored is not None:
            # Rendered on white at twice the pad's size: scaled into the pad, proportions kept.
            size = self._stored.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, size.width(), size.height()), self._stored)
        if self.is_empty():
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                rect,
                Qt.AlignmentFlag.AlignCenter,
                self.tr("Sign here") if not self._read_only else self.tr("Not signed"),
            )
        self._paint_strokes(painter, palette.color(QPalette.ColorRole.Text))
        if self.hasFocus():
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter.end()

    def _describe(self) -> None:
        self.setAccessibleDescription(
            self.tr("Signed. Press Delete to clear.")
            if not self.is_empty()
            else self.tr("Empty. Draw a signature with a mouse, pen or finger.")
        )
