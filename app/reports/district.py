"""Writing the bureau's term report (xlsx + PDF) into a folder; the names carry the term only."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from app.reports.pdf.district import render_district
from app.reports.sheets import write_district
from app.services.district import DistrictReport
from app.services.files import write_atomic


@dataclass(frozen=True)
class DistrictFiles:
    xlsx: Path
    pdf: Path


def write_report(report: DistrictReport, folder: Path) -> DistrictFiles:
    folder.mkdir(parents=True, exist_ok=True)
    stem = "district-" + (re.sub(r"[^\w-]+", "_", report.term).strip("_") or "term")
    xlsx, pdf = folder / f"{stem}.xlsx", folder / f"{stem}.pdf"
    write_atomic(
        xlsx, lambda part: write_district(part, report)
    )  # never a half-written file under the real name
    buffer = io.BytesIO()
    render_district(report, buffer)
    write_atomic(pdf, lambda part: part.write_bytes(buffer.getvalue()))
    return DistrictFiles(xlsx, pdf)
