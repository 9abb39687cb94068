"""Which characters the shipped fonts can print: the coverage both the PDFs and the warnings use.

The PDFs draw with Zen Hei and, glyph by glyph, the fallback font (app.reports.pdf.fonts). A character neither
font has prints as the font's empty box: a child's name with one would come out wrong on every page. The forms,
the roster import, the CLI and the exports warn about such characters through here, in the service layer, so that
the UI and the CLI need not import the report code (the import-linter layers) and everyone asks the same fonts.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from app.paths import RESOURCES

MAIN_FONT_FILE: Path = RESOURCES / "fonts" / "wqy-zenhei.ttc"
FALLBACK_FONT_FILE: Path = RESOURCES / "fonts" / "songjiao-han-fallback.ttf"
# The name fields that are printed (covers, forms, ledgers): a student's and a guardian's.
NAME_FIELDS = ("name",)


@cache
def coverage() -> tuple[frozenset[int], frozenset[int]]:
    """The code points of the main font (subfont 0 of the collection, the one the PDFs use) and of the fallback.

    Read with reportlab's own font parser (the one that draws them; a runtime dependency already, where
    fontTools is only the build's), once per process: about a third of a second.
    """
    from reportlab.pdfbase.ttfonts import TTFontFile  # here: the modules importing this one rarely print

    main = TTFontFile(str(MAIN_FONT_FILE), subfontIndex=0, validate=0)
    fallback = TTFontFile(str(FALLBACK_FONT_FILE), validate=0)
    return frozenset(main.charToGlyph), frozenset(fallback.charToGlyph)


def missing(text: str) -> list[str]:
    """Characters of ``text`` no shipped font can draw (spaces and line breaks aside), each once, in order."""
    main, extra = coverage()
    return [
        ch for ch in dict.fromkeys(text) if not ch.isspace() and ord(ch) not in main and ord(ch) not in extra
    ]


def unprintable(values: Mapping[str, object], keys: Iterable[str]) -> dict[str, str]:
    """field -> the characters of its value that will not print, for the ``keys`` that have any."""
    found: dict[str, str] = {}
    for key in keys:
        value = values.get(key)
        if isinstance(value, str) and value:
            chars = missing(value)
            if chars:
                found[key] = "".join(chars)
    return found


def describe(found: Mapping[str, str]) -> str:
    """The characters of ``found`` together, each once (for a message's ``{chars}``)."""
    return "".join(dict.fromkeys("".join(found.values())))
