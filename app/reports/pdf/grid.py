"""A ruled text grid drawn straight onto the canvas: the packet's tables, several times faster than Table.

reportlab's Table measures and draws every cell through general machinery (styles per cell, paragraph
layout, state save/restore). Most of a packet is plain text in ruled boxes, so this flowable breaks lines
itself (CJK: between any two characters, Latin runs kept whole when they fit, no line starting with closing
punctuation), sizes rows from that, and draws all text of a grid in one text object.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.reports.pdf.fonts import draw_runs, needs_fallback, register_fonts, string_width

GRID = colors.HexColor("#444444")  # the rules of every table (reportlab's and the grid's)
SHADE = colors.HexColor("#EEF1F5")  # label columns and header rows
PAD_X, PAD_Y = 4.0, 3.0
NO_LINE_START = set("，。、；：！？）》」』】,.;:!?)%·—…")


def _tokens(text: str) -> list[str]:
    """CJK characters one by one; runs of other characters (numbers, Latin words) together."""
    tokens: list[str] = []
    run = ""
    for ch in text:
        if ord(ch) >= 0x2E80 or ch.isspace():
            if run:
                tokens.append(run)
                run = ""
            tokens.append(ch)
        else:
            run += ch
    if run:
        tokens.append(run)
    return tokens


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking for mixed CJK/Latin text within ``width`` points."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        # A character the main font lacks is measured in the font that draws it (fonts.runs).
        measure = (lambda s: string_width(s, size)) if needs_fallback(paragraph) else None
        if (measure(paragraph) if measure else stringWidth(paragraph, font, size)) <= width:
            lines.append(paragraph)
            continue
        line, used = "", 0.0
        for token in _tokens(paragraph):
            w = measure(token) if measure else stringWidth(token, font, size)
            if used + w <= width or not line or token in NO_LINE_START:
                if w > width and not line:  # a run longer than the line: cut it by characters
                    for ch in token:
                        cw = measure(ch) if measure else stringWidth(ch, font, size)
                        if used + cw > width and line:
                            lines.append(line)
                            line, used = "", 0.0
                        line += ch
                        used += cw
                    continue
                line += token
                used += w
            else:
                lines.append(line.rstrip())
                line, used = ("", 0.0) if token.isspace() else (token, w)
        lines.append(line.rstrip())
    return lines


class Grid(Flowable):
    """Rows of text cells with rules, shaded header rows and shaded (label) columns; splits across pages."""

    def __init__(
        self,
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        *,
        header_rows: int = 0,
        shade_cols: Sequence[int] = (),
        center_header: bool = True,
        size: float = 9,
        leading: float = 11.5,
    ) -> None:
        super().__init__()
        self.font = register_fonts()
        self.rows = [["" if c is None else str(c) for c in row] for row in rows]
        self.widths = list(widths)
        self.header_rows = header_rows
        self.shade_cols = tuple(shade_cols)
        self.center_header = center_header
        self.size, self.leading = size, leading
        self.width = sum(self.widths)
        self._lines = [
            [break_lines(c, self.font, size, w - 2 * PAD_X) for c, w in zip(row, self.widths, strict=False)]
            for row in self.rows
        ]
        self._heights = [
            max(len(cell) for cell in row) * leading + 2 * PAD_Y if row else leading + 2 * PAD_Y
            for row in self._lines
        ]
        self.height = sum(self._heights)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        head = sum(self._heights[: self.header_rows])
        used, cut = 0.0, 0
        for i, h in enumerate(self._heights):
            if used + h > avail_height:
                break
            used += h
            cut = i + 1
        if cut <= self.header_rows or cut >= len(self.rows) or head >= avail_height:
            return []
        first = self._part(list(range(cut)))
        rest = self._part(list(range(self.header_rows)) + list(range(cut, len(self.rows))))
        return [first, rest]

    def _part(self, indexes: list[int]) -> Grid:
        part = Grid.__new__(Grid)
        Flowable.__init__(part)
        part.font, part.widths, part.header_rows = self.font, self.widths, self.header_rows
        part.shade_cols, part.center_header = self.shade_cols, self.center_header
        part.size, part.leading, part.width = self.size, self.leading, self.width
        part.rows = [self.rows[i] for i in indexes]
        part._lines = [self._lines[i] for i in indexes]
        part._heights = [self._heights[i] for i in indexes]
        part.height = sum(part._heights)
        return part

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFillColor(SHADE)
        top = self.height
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        y = top
        for r, h in enumerate(self._heights):
            if r < self.header_rows:
                canv.rect(0, y - h, self.width, h, stroke=0, fill=1)
            else:
                for c in self.shade_cols:
                    canv.rect(xs[c], y - h, self.widths[c], h, stroke=0, fill=1)
            y -= h
        canv.setFillColorRGB(0, 0, 0)
        text = canv.beginText()
        text.setFont(self.font, self.size, self.leading)
        ascent = self.size * 0.86
        y = top
        for r, (cells, h) in enumerate(zip(self._lines, self._heights, strict=True)):
            for c, lines in enumerate(cells):
                block = len(lines) * self.leading
                baseline = y - (h - block) / 2 - (self.leading - self.size) / 2 - ascent
                for line in lines:
                    if not line:
                        baseline -= self.leading
                        continue
                    x = xs[c] + PAD_X
                    rare = needs_fallback(line)
                    if r < self.header_rows and self.center_header:
                        wide = (
                            string_width(line, self.size) if rare else stringWidth(line, self.font, self.size)
                        )
                        x = xs[c] + (self.widths[c] - wide) / 2
                    text.setTextOrigin(x, baseline)
                    if rare:
                        draw_runs(text, line, self.size)
                    else:
                        text.textOut(line)
                    baseline -= self.leading
            y -= h
        canv.drawText(text)
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.5)
        path = canv.beginPath()
        y = top
        for h in [0.0, *self._heights]:
            y -= h
            path.moveTo(0, y)
            path.lineTo(self.width, y)
        for x in xs:
            path.moveTo(x, 0)
            path.lineTo(x, top)
        canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()
