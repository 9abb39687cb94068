"""Shortcuts as the user's system writes them: Ctrl+S on Windows and Linux, ⌘S on macOS (where Qt maps Ctrl to ⌘)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def native(sequence: str) -> str:
    """A portable sequence ("Ctrl+S", "Ctrl+1") in the platform's own words and symbols."""
    return QKeySequence(sequence).toString(QKeySequence.SequenceFormat.NativeText)


def with_shortcut(text: str, sequence: str) -> str:
    """A tooltip naming an action and its shortcut: "保存 (Ctrl+S)", or "保存 (⌘S)" on a Mac."""
    return f"{text} ({native(sequence)})"
