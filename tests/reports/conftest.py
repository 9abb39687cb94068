"""A school with a populated term (IEP, plans with decisions, lessons, visits with photos, contacts)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY
from tests.reports.populate import populate


@pytest.fixture
def term_school(school):
    info = populate(school.ctx.store, 4, school.term.id, today=TODAY)
    return SimpleNamespace(**vars(school), packet_students=info["students"])


SUBSET = re.compile(r"^/?[A-Z]{6}\+")


def fonts_of(reader: PdfReader) -> list[tuple[str, bool]]:
    """(BaseFont, has embedded TrueType outlines) of every font used on any page."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            found[str(font["/BaseFont"])] = embedded
    return sorted(found.items())


def outline_pages(reader: PdfReader) -> list[tuple[str, int, int]]:
    """(title, level, page number from 1) of every bookmark, depth first."""
    out: list[tuple[str, int, int]] = []

    def walk(items, level):  # type: ignore[no-untyped-def]
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                out.append((item.title, level, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out
