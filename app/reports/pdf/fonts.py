"""The CJK TrueType font shipped in resources/fonts, registered once per process."""

from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.paths import RESOURCES

FONT_NAME = "ZenHei"
FONT_FILE: Path = RESOURCES / "fonts" / "wqy-zenhei.ttc"
# Characters seen in children's names that many CJK fonts lack (䶮 is in CJK Extension A).
RARE_NAME_CHARS = "䶮堃喆"

_registered = False


def register_fonts() -> str:
    """Register the font (idempotent) and return its name for styles.

    Subfont 0 of the collection is the proportional Zen Hei. reportlab embeds only the glyphs a
    document uses (subsets named with a six-letter prefix), so every PDF carries its own font.
    """
    global _registered
    if not _registered:
        font = TTFont(FONT_NAME, str(FONT_FILE), subfontIndex=0)
        pdfmetrics.registerFont(font)
        # There is no bold face: register the same outlines under the bold name so <b> in a paragraph
        # does not fall back to Helvetica (which has no CJK glyphs and would print blank boxes).
        pdfmetrics.registerFontFamily(
            FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
        )
        _registered = True
    return FONT_NAME


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` the font cannot draw (spaces and line breaks aside)."""
    register_fonts()
    face = pdfmetrics.getFont(FONT_NAME).face
    return [ch for ch in dict.fromkeys(text) if not ch.isspace() and ord(ch) not in face.charToGlyph]
