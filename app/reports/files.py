"""File names of exported documents: codes and term names only, never a child's name (privacy)."""

from __future__ import annotations

from pathlib import Path


def safe_part(text: str) -> str:
    """A file-name-safe piece: letters, digits (any script), '-' and '_'."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text).strip("_") or "x"


def packet_file_name(code: str, term_name: str) -> str:
    """Student code and term only: a child's name never goes into a file name (privacy)."""
    return f"packet_{safe_part(code)}_{safe_part(term_name)}.pdf"


def packet_path(out_dir: Path, code: str, term_name: str) -> Path:
    # Kept apart from the PDF code: importing that loads the font, which the coordinating process
    # (the app or the CLI) never needs; only the workers do.
    return out_dir / packet_file_name(code, term_name)
