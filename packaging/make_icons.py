"""Render the app icon from its SVG source: songjiao.png (256 px), songjiao.ico (Windows), songjiao.icns (macOS).

    python packaging/make_icons.py

Qt's own SVG renderer draws resources/icons/songjiao.svg at every size the platforms ask for (drawn at each
size, not scaled down from one bitmap, so 16 px stays sharp); Pillow (the `build` extra) writes the .ico and
.icns containers. The outputs are committed beside the SVG; run this again after changing it.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "songjiao.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # what Windows Explorer, the taskbar and shortcuts use
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # Pillow picks the icns slots from these


def render(size: int) -> bytes:
    """The SVG drawn at ``size`` x ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {SOURCE}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage text/painting needs one
    bitmaps = {
        size: Image.open(io.BytesIO(render(size))).convert("RGBA") for size in {*ICO_SIZES, *ICNS_SIZES}
    }
    bitmaps[256].save(ICONS / "songjiao.png")
    largest = bitmaps[max(ICO_SIZES)]
    largest.save(
        ICONS / "songjiao.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[bitmaps[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    bitmaps[1024].save(ICONS / "songjiao.icns", append_images=[bitmaps[s] for s in ICNS_SIZES if s != 1024])
    for name in ("songjiao.png", "songjiao.ico", "songjiao.icns"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
