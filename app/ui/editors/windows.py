"""Editors opened in their own windows (several at once, like documents); each asks before losing changes."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QStatusBar, QWidget

from app.ui.geometry import place_window

QUIT_KEYS = "Ctrl+Q"  # spelled out: the platform's StandardKey.Quit is empty on Windows and offscreen
_open: set[QWidget] = set()  # keeps Python wrappers alive while the windows are open


def open_window(editor: QWidget, title: str) -> QWidget:
    """Show ``editor`` as a top-level window; closing it runs the editor's own unsaved-changes check."""
    editor.setParent(None)
    editor.setWindowFlag(Qt.WindowType.Window, True)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    editor.setWindowTitle(title)
    session = getattr(editor, "session", None)
    place_window(
        editor, type(editor).__name__, QSize(900, 760), session.paths if session is not None else None
    )
    _add_status_bar(editor)
    # Ctrl+Q in an editor quits the app as in the main window (which first closes every editor, asking
    # about unsaved changes); without a main window it closes the editors.
    quit_key = QShortcut(QKeySequence(QUIT_KEYS), editor)
    quit_key.setContext(Qt.ShortcutContext.WindowShortcut)
    quit_key.activated.connect(quit_app)
    help_key = QShortcut(QKeySequence("F1"), editor)
    help_key.setContext(Qt.ShortcutContext.WindowShortcut)
    help_key.activated.connect(lambda: _help(editor))
    _open.add(editor)
    editor.destroyed.connect(lambda *_: _open.discard(editor))
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


def open_windows() -> list[QWidget]:
    return list(_open)


def _help(editor: QWidget) -> None:
    from app.ui.widgets.help import show_help, topic_for

    show_help(topic_for(type(editor).__name__), editor)


def _add_status_bar(editor: QWidget) -> None:
    """A status line at the foot of the window ("Saved 10:32"), shown by ``RecordEditor.show_status``."""
    layout = editor.layout()
    if layout is None or getattr(editor, "status_bar", None) is not None:
        return
    bar = QStatusBar(editor)
    bar.setSizeGripEnabled(True)
    layout.addWidget(bar)
    editor.status_bar = bar  # type: ignore[attr-defined]


def quit_app() -> None:
    mains = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    if mains:
        mains[0].close()
        return
    close_all()


def close_all() -> bool:
    """Close every editor window, each asking about its unsaved changes; False if one stays open."""
    return all(editor.close() for editor in open_windows() if editor.isVisible())  # stops at the first kept
