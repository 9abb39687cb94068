"""Paragraph and table styles shared by every PDF: CJK line breaking, A4, ruled tables."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus import paragraph as rl_paragraph

from app.reports.pdf.fonts import markup, needs_fallback, register_fonts
from app.reports.pdf.grid import GRID, SHADE, Grid

# Chinese print never starts a line with a comma or a closing mark (禁则). ReportLab's list of such characters
# has 、。）but not the full-width ，；：！？》〉, so its CJK wrapping put "，再由管理员…" at the head of a line
# (seen on the recovery sheet). Both of its wrappers (textsplit's for one-font paragraphs, paragraph's for
# mixed fonts) read their module's copy of the list at each break: both extended once here.
_CANNOT_START = "，；：！？》〉"
for _module in (textsplit, rl_paragraph):
    if not _module.ALL_CANNOT_START.endswith(_CANNOT_START):
        _module.ALL_CANNOT_START += _CANNOT_START

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN
ACCENT = colors.HexColor("#1F4E79")


@cache
def styles() -> dict[str, ParagraphStyle]:
    """Named styles. wordWrap='CJK' breaks lines between any two Han characters, as Chinese print does."""
    font = register_fonts()
    base = ParagraphStyle("body", fontName=font, fontSize=10, leading=15, wordWrap="CJK", alignment=TA_LEFT)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=12),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=12.5),
        "cell_c": ParagraphStyle("cell_c", parent=base, fontSize=9, leading=12.5, alignment=TA_CENTER),
        "label": ParagraphStyle(
            "label", parent=base, fontSize=9, leading=12.5, textColor=colors.HexColor("#222222")
        ),
        "h1": ParagraphStyle(
            "h1", parent=base, fontSize=16, leading=22, spaceBefore=2, spaceAfter=8, textColor=ACCENT
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontSize=12, leading=17, spaceBefore=8, spaceAfter=4, textColor=ACCENT
        ),
        "title": ParagraphStyle("title", parent=base, fontSize=26, leading=36, alignment=TA_CENTER),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=15, leading=24, alignment=TA_CENTER),
        "form_title": ParagraphStyle(
            "form_title", parent=base, fontSize=17, leading=24, alignment=TA_CENTER, spaceAfter=6
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
    }


def para(text: object, style: str = "cell") -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    value = "" if text is None else str(text)
    return Paragraph(markup(value).replace("\n", "<br/>"), styles()[style])


def fit(value: object, width: float, style: str = "cell") -> object:
    """A table cell: plain text when every line fits the column (drawn directly, far cheaper than a
    Paragraph), else a wrapping CJK paragraph. Flowables pass through."""
    if isinstance(value, Flowable):
        return value
    text = "" if value is None else str(value)
    size = styles()[style].fontSize
    room = width - 8.5  # cell padding
    font = register_fonts()
    # Plain text is drawn in the main font only: a character it lacks goes through a paragraph's fallback.
    if not needs_fallback(text) and all(stringWidth(line, font, size) <= room for line in text.split("\n")):
        return text
    return para(text, style)


def grid_style(*extra: tuple[object, ...], header_rows: int = 0, ruled: bool = True) -> TableStyle:
    """A table style; ``ruled=False`` for layout-only tables (signature lines, photo rows)."""
    commands: list[tuple[object, ...]] = [
        *((("GRID", (0, 0), (-1, -1), 0.5, GRID),) if ruled else ()),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), register_fonts()),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    commands.extend(extra)
    return TableStyle(commands)


def _plain(rows: Sequence[Sequence[object]]) -> bool:
    return not any(isinstance(c, Flowable) for row in rows for c in row)


def data_table(header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float]) -> Flowable:
    """A ruled table with a shaded header repeated on every page it spans."""
    if _plain(rows):
        return Grid([list(header), *rows], widths, header_rows=1)
    body = [[fit(h, w, "cell_c") for h, w in zip(header, widths, strict=True)]]
    body += [[fit(c, w) for c, w in zip(row, widths, strict=True)] for row in rows]
    table = Table(body, colWidths=widths, repeatRows=1)
    table.setStyle(grid_style(("ALIGN", (0, 0), (-1, 0), "CENTER"), header_rows=1))
    return table


def field_table(pairs: list[tuple[str, object]], columns: int = 2, label_w: float = 26 * mm) -> Flowable:
    """Label/value pairs laid out ``columns`` pairs to a row, as on the paper forms."""
    value_w = FRAME_W / columns - label_w
    rows: list[list[object]] = []
    for start in range(0, len(pairs), columns):
        row: list[object] = []
        for label, value in pairs[start : start + columns]:
            row += [label, value]
        row += [""] * (2 * columns - len(row))
        rows.append(row)
    if _plain(rows):
        return Grid(rows, [label_w, value_w] * columns, shade_cols=tuple(range(0, 2 * columns, 2)))
    cells = [
        [
            fit(c, w, "label" if i % 2 == 0 else "cell")
            for i, (c, w) in enumerate(zip(row, [label_w, value_w] * columns, strict=True))
        ]
        for row in rows
    ]
    table = Table(cells, colWidths=[label_w, value_w] * columns)
    table.setStyle(grid_style(*[("BACKGROUND", (2 * i, 0), (2 * i, -1), SHADE) for i in range(columns)]))
    return table


def full_row_table(pairs: list[tuple[str, object]], label_w: float = 26 * mm) -> Flowable:
    """Label/value pairs, one per row across the full width (long texts)."""
    rows = [[label, value] for label, value in pairs]
    if _plain(rows):
        return Grid(rows, [label_w, FRAME_W - label_w], shade_cols=(0,))
    cells = [[fit(label, label_w, "label"), fit(value, FRAME_W - label_w)] for label, value in pairs]
    table = Table(cells, colWidths=[label_w, FRAME_W - label_w])
    table.setStyle(grid_style(("BACKGROUND", (0, 0), (0, -1), SHADE)))
    return table
