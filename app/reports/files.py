"""File names of exported documents: codes and term names only, never a child's name (privacy)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from app.services.files import distinct_names


def safe_part(text: str) -> str:
    """A file-name-safe piece: letters, digits (any script), '-' and '_'."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text).strip("_") or "x"


def packet_file_name(code: str, term_name: str) -> str:
    """Student code and term only: a child's name never goes into a file name (privacy)."""
    return f"packet_{safe_part(code)}_{safe_part(term_name)}.pdf"


def packet_paths(
    out_dir: Path, students: Iterable[tuple[str, str]], term_name: str
) -> list[tuple[str, Path]]:
    """(student id, packet file) for each (student id, code): distinct even where codes differ only in case or
    in characters a file name cannot hold ("a01"/"A01", "A 01"/"A.01"), which on Windows and macOS would
    otherwise write one child's packet over another's.

    Kept apart from the PDF code: importing that loads the font, which the coordinating process (the app or the
    CLI) never needs; only the workers do."""
    chosen = list(students)
    names = distinct_names(packet_file_name(code, term_name) for _sid, code in chosen)
    return [(sid, out_dir / name) for (sid, _code), name in zip(chosen, names, strict=True)]
