"""The CJK TrueType fonts shipped in resources/fonts, registered once per process, and the per-glyph fallback.

Zen Hei draws nearly everything; characters it lacks (CJK Extension B and later, 𠮷 𬣙 in rural given names)
are drawn with the fallback font (a subset of Hanazono Mincho, packaging/make_fallback_font.py) run by run:
``runs`` splits a text by which font has each glyph, ``markup`` wraps the fallback runs for a Paragraph, and
``draw_runs`` writes them onto a canvas text object.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from app.services import glyphs

FONT_NAME = "ZenHei"
FONT_FILE: Path = glyphs.MAIN_FONT_FILE
FALLBACK_NAME = "SongjiaoHan"
FALLBACK_FILE: Path = glyphs.FALLBACK_FONT_FILE
# Characters seen in children's names that many CJK fonts lack (䶮 is in CJK Extension A).
RARE_NAME_CHARS = "䶮堃喆"
# ... and beyond the BMP, which Zen Hei lacks: drawn with the fallback (𠮷 U+20BB7, 𬣙 U+2C8D9).
EXT_B_NAME_CHARS = "\U00020bb7\U0002c8d9\U0002123d"

_registered = False
_BEYOND_BMP = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")


def _to_unicode_cmap(fontname: str, subset: Any) -> str:
    """reportlab's ToUnicode CMap with code points beyond the BMP written as UTF-16 (a surrogate pair).

    reportlab writes U+20BB7 as ``<20BB7>``: odd-length hex, which readers reject (pypdf drops it), so a
    name with 𠮷 would print but not be found by search or copied out of the PDF. The PDF reference wants
    the UTF-16BE of the character: ``<D842DFB7>``.
    """
    cmap: str = _reportlab_cmap(fontname, subset)
    return _BEYOND_BMP.sub(
        lambda m: f"<{m[1]}> <{chr(int(m[2], 16)).encode('utf-16-be').hex().upper()}>", cmap
    )


_reportlab_cmap = ttfonts.makeToUnicodeCMap


def register_fonts() -> str:
    """Register the font (idempotent) and return its name for styles.

    Subfont 0 of the collection is the proportional Zen Hei. reportlab embeds only the glyphs a
    document uses (subsets named with a six-letter prefix), so every PDF carries its own font.
    """
    global _registered
    if not _registered:
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap  # looked up by name when a font is embedded
        font = TTFont(FONT_NAME, str(FONT_FILE), subfontIndex=0)
        pdfmetrics.registerFont(font)
        # There is no bold face: register the same outlines under the bold name so <b> in a paragraph
        # does not fall back to Helvetica (which has no CJK glyphs and would print blank boxes).
        pdfmetrics.registerFontFamily(
            FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
        )
        fallback = TTFont(FALLBACK_NAME, str(FALLBACK_FILE))
        pdfmetrics.registerFont(fallback)
        pdfmetrics.registerFontFamily(
            FALLBACK_NAME,
            normal=FALLBACK_NAME,
            bold=FALLBACK_NAME,
            italic=FALLBACK_NAME,
            boldItalic=FALLBACK_NAME,
        )
        _registered = True
    return FONT_NAME


def _glyphs(name: str) -> frozenset[int]:
    """The code points a font draws: the same coverage the warnings use (app.services.glyphs)."""
    main, fallback = glyphs.coverage()
    return main if name == FONT_NAME else fallback


def needs_fallback(text: str) -> bool:
    """Some character of ``text`` is drawn with the fallback font (the main font has no glyph for it)."""
    main = _glyphs(FONT_NAME)
    return any(ord(ch) not in main and not ch.isspace() for ch in text)


def runs(text: str) -> Iterator[tuple[str, str]]:
    """``text`` as (font name, run) pairs: the main font wherever it has the glyph (or neither font has it:
    then the main font's box is printed, and ``missing_glyphs`` says so), else the fallback."""
    main, extra = _glyphs(FONT_NAME), _glyphs(FALLBACK_NAME)
    run, font = "", FONT_NAME
    for ch in text:
        wanted = FALLBACK_NAME if ord(ch) not in main and ord(ch) in extra and not ch.isspace() else FONT_NAME
        if wanted != font and run:
            yield font, run
            run = ""
        font = wanted
        run += ch
    if run:
        yield font, run


def markup(text: str) -> str:
    """``text`` escaped for a Paragraph, the runs the main font lacks wrapped in the fallback font."""
    return "".join(
        escape(run) if font == FONT_NAME else f'<font name="{FALLBACK_NAME}">{escape(run)}</font>'
        for font, run in runs(text)
    )


def string_width(text: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs(text))


def draw_runs(text_object: Any, text: str, size: float) -> None:
    """Write ``text`` at the text object's cursor, switching to the fallback font and back as needed."""
    for font, run in runs(text):
        text_object.setFont(font, size)
        text_object.textOut(run)
    text_object.setFont(FONT_NAME, size)


def draw_string(canvas: Any, x: float, y: float, text: str, size: float, *, align: str = "left") -> None:
    """``canvas.drawString`` (``align`` left, right or centre) with the per-glyph fallback."""
    if align != "left":
        width = string_width(text, size)
        x -= width if align == "right" else width / 2
    text_object = canvas.beginText(x, y)
    draw_runs(text_object, text, size)
    canvas.drawText(text_object)


def missing_glyphs(text: str) -> list[str]:
    """Characters of ``text`` no shipped font can draw (spaces and line breaks aside): they print as boxes."""
    return glyphs.missing(text)
