"""Document machinery: school name and 第 x 页 共 y 页 on every page, bookmarks and contents in one pass.

The total page count and the contents page's page numbers are only known at the end. Rather than
build every document twice (reportlab's multiBuild), they are drawn into PDF form XObjects that the
pages reference early and that are defined just before the file is saved.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from app.reports import labels as L
from app.reports.pdf.fonts import draw_string, register_fonts
from app.reports.pdf.styles import FRAME_W, GRID, MARGIN, PAGE_H, PAGE_W, para, styles

# Binary image streams: ASCII85 would make every picture a quarter bigger and cost time to encode.
rl_config.useA85 = 0

TOTAL_FORM = "pagetotal"
TOC_FORM = "contents"


@dataclass
class Section:
    key: str
    title: str
    page: int = 0


class _FinishingCanvas(Canvas):
    """A canvas that lets its document draw late-known forms just before saving."""

    finisher: Callable[[Canvas], None] | None = None

    def save(self) -> None:
        if self.finisher is not None:
            self.finisher(self)
        super().save()


class Heading(Paragraph):
    """A section title that becomes a bookmark (and a contents line) on the page it lands on."""

    def __init__(self, key: str, title: str, style: str = "h1", level: int = 0) -> None:
        super().__init__(title, styles()[style])
        self.key, self.title, self.level = key, title, level


class Anchor(Flowable):
    """An invisible bookmark target (the cover has no printed heading)."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def draw(self) -> None:
        pass


class Contents(Flowable):
    """The contents list: reserves its space now, draws the form filled at the end."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.height = count * 9 * mm
        self.width = FRAME_W

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.doForm(TOC_FORM)


@dataclass
class DocInfo:
    title: str  # printed in the header and the PDF metadata
    school_name: str
    subject: str = ""
    password: str | None = None
    # Files carried inside the PDF (name, bytes): under its password too, which covers every stream of the file.
    attachments: tuple[tuple[str, bytes], ...] = ()
    landscape: bool = False
    sections: list[Section] = field(default_factory=list)


class NumberedDoc(BaseDocTemplate):
    """A4 portrait with header (school, document) and footer (第 x 页 共 y 页)."""

    def __init__(self, target: Path | io.BytesIO, info: DocInfo, **kwargs: Any) -> None:
        super().__init__(
            str(target) if isinstance(target, Path) else target,
            pagesize=(PAGE_H, PAGE_W) if info.landscape else (PAGE_W, PAGE_H),
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 4 * mm,
            bottomMargin=MARGIN,
            title=info.title,
            author=info.school_name,
            subject=info.subject,
            creator="Songjiao 送教上门",
            initialFontName=register_fonts(),
            **kwargs,
        )
        self.info = info
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])
        self._last_page = 0

    def beforeDocument(self) -> None:
        self.canv.finisher = self._finish  # type: ignore[attr-defined]
        # Reading order for screen readers and the PDF's own outline pane.
        self.canv.showOutline()

    def _decorate(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        font = register_fonts()
        self._last_page = doc.page
        page_w, page_h = self.pagesize
        canv.saveState()
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.4)
        top = page_h - MARGIN + 2 * mm
        canv.setFont(font, 8.5)
        draw_string(canv, MARGIN, top + 1.5 * mm, self.info.school_name, 8.5)
        draw_string(canv, page_w - MARGIN, top + 1.5 * mm, self.info.title, 8.5, align="right")
        canv.line(MARGIN, top, page_w - MARGIN, top)
        canv.line(MARGIN, MARGIN - 4 * mm, page_w - MARGIN, MARGIN - 4 * mm)
        canv.setFont(font, 9)
        canv.drawRightString(page_w / 2 - 1 * mm, MARGIN - 9 * mm, f"第 {doc.page} 页")
        canv.doForm(TOTAL_FORM)
        canv.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, Heading | Anchor):
            key = flowable.key
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.title, key, level=flowable.level, closed=True)
            if flowable.level == 0:
                self.info.sections.append(Section(key, flowable.title, self.page))

    def _finish(self, canv: Canvas) -> None:
        font = register_fonts()
        canv.beginForm(TOTAL_FORM)
        canv.setFont(font, 9)
        canv.drawString(self.pagesize[0] / 2 + 1 * mm, MARGIN - 9 * mm, f"共 {self._last_page} 页")
        canv.endForm()
        canv.beginForm(TOC_FORM)
        sections = [s for s in self.info.sections if s.key not in ("cover", "contents")]
        contents_height = len(sections) * 9 * mm
        for i, section in enumerate(sections):
            y = contents_height - (i + 1) * 9 * mm + 3 * mm
            canv.setFont(font, 11.5)
            canv.drawString(4 * mm, y, f"{_number(i + 1)}、{section.title}")
            canv.drawRightString(FRAME_W - 2 * mm, y, str(section.page))
            canv.setDash(1, 2.5)
            canv.setLineWidth(0.5)
            width = canv.stringWidth(f"{_number(i + 1)}、{section.title}", font, 11.5)
            canv.line(4 * mm + width + 3 * mm, y + 1, FRAME_W - 12 * mm, y + 1)
            canv.setDash()
        canv.endForm()


_NUMERALS = "一二三四五六七八九十"


def _number(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    return "十" + _NUMERALS[n - 11] if n < 20 else str(n)


def build(target: Path | io.BytesIO, info: DocInfo, story: Sequence[Flowable]) -> int:
    """Render ``story`` to ``target``; returns the number of pages. With a password the file is encrypted."""
    if not info.password and not info.attachments:
        doc = NumberedDoc(target, info)
        doc.build(list(story), canvasmaker=_FinishingCanvas)
        return doc._last_page
    # Rendered in memory (never an unencrypted copy on disk), then encrypted as a whole.
    plain = io.BytesIO()
    doc = NumberedDoc(plain, info)
    doc.build(list(story), canvasmaker=_FinishingCanvas)
    sealed = encrypt_pdf(plain.getvalue(), info.password, info.attachments)
    if isinstance(target, Path):
        target.write_bytes(sealed)
    else:
        target.write(sealed)
    return doc._last_page


def encrypt_pdf(data: bytes, password: str | None, attachments: Sequence[tuple[str, bytes]] = ()) -> bytes:
    """``data`` encrypted with AES-256 (PDF 2.0, revision 6) under ``password``: printing allowed, no changes.
    ``attachments`` become embedded files (a reader's attachments panel), encrypted with the rest; without a
    password they are only embedded.

    reportlab's own encryption offers RC4 (40 and 128 bits, broken) and an AES-256 that needs the pure-Python
    pyaes (11 s per MB of photos on a school laptop) and writes a /UE entry 48 bytes long that readers refuse
    (pypdf: "Invalid key size (384)"). pypdf's encryption runs on the cryptography library and writes the
    standard revision 6 of ISO 32000-2 that current readers open.
    """
    import secrets

    from pypdf import PdfReader, PdfWriter
    from pypdf.constants import UserAccessPermissions

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    for name, content in attachments:
        writer.add_attachment(name, content)
    if password:
        writer.encrypt(
            user_password=password,
            # A random owner password nobody knows: the restrictions below cannot be lifted with the user's one.
            owner_password=secrets.token_urlsafe(24),
            permissions_flag=UserAccessPermissions.PRINT | UserAccessPermissions.PRINT_TO_REPRESENTATION,
            algorithm="AES-256",
        )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class _Picture(ImageReader):
    """An image reader that hands JPEG bytes to the PDF unchanged (DCTDecode).

    reportlab's ImageReader decodes every picture to RGB and re-compresses it, which for phone photos
    is both slow and bloats the file; a JPEG can go into a PDF as it is.
    """

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data))
        self._raw = data
        self._is_jpeg = data[:2] == b"\xff\xd8"
        self._dataA = None

    def jpeg_fh(self) -> io.BytesIO | None:
        return io.BytesIO(self._raw) if self._is_jpeg else None

    def getRGBData(self) -> Any:
        # For a JPEG this is only used to name the image (reuse within a document): the bytes will do.
        return self._raw if self._is_jpeg else super().getRGBData()


class Picture(Flowable):
    def __init__(self, reader: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.reader, self.width, self.height = reader, width, height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.reader, 0, 0, self.width, self.height, mask="auto")


# The same signature or photo recurs across a student's visits: read it once per process.
_readers: dict[str, _Picture] = {}


def image_flowable(data: bytes, max_w: float, max_h: float) -> Flowable:
    """A picture scaled to fit the box, aspect kept. Large phone photos are reduced first (file size, speed)."""
    key = hashlib.sha1(data).hexdigest()
    reader = _readers.get(key)
    if reader is None:
        reader = _Picture(data)
        width, height = reader.getSize()
        # Big pictures become a JPEG of at most 1600 px once per process: phone photos are large, and a
        # PNG photo would otherwise be re-compressed (zlib over raw pixels) in every document using it.
        # Small PNGs (signatures: line art) stay as they are.
        if (len(data) > 400_000 and max(width, height) > 1600) or (
            not reader._is_jpeg and len(data) > 150_000
        ):
            reader = _Picture(_reduced(data))
        if len(_readers) > 64:
            _readers.clear()
        _readers[key] = reader
    width, height = reader.getSize()
    scale = min(max_w / width, max_h / height)
    return Picture(reader, width * scale, height * scale)


def _reduced(data: bytes) -> bytes:
    from PIL import Image as PilImage

    with PilImage.open(io.BytesIO(data)) as picture:
        picture.thumbnail((1600, 1600))
        out = io.BytesIO()
        picture.convert("RGB").save(out, "JPEG", quality=80)
    return out.getvalue()


def signature_flowable(sheet: Any, width: float, height: float) -> Flowable:
    """The caregiver's signature cell of a visit sheet: the drawn picture, or what was recorded instead (a
    mark, a name typed for them, with the reason), or 未签名."""
    if sheet.signature is not None:
        return image_flowable(sheet.signature.data, width, height)
    alternative = sheet.signed_without_pad
    if alternative is not None:
        return para(L.signed_without_pad_zh(alternative.kind, alternative.name, alternative.reason))
    return para("（未签名）")
