"""Writing the PIPL files: deletion certificates after a purge, and a guardian's access copy (PDF + JSON).

File names carry ids and dates only (never a name): they end up in folders, mails and logs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from app.reports.pdf.privacy import render_access_copy, render_certificate
from app.services import privacy
from app.services.context import ServiceContext
from app.services.files import write_atomic


def _write(path: Path, data: bytes) -> None:
    write_atomic(path, lambda part: part.write_bytes(data))  # never a half-written file under the real name


def write_certificates(result: privacy.PurgeResult, folder: Path) -> list[Path]:
    """One PDF per child purged, in ``folder``."""
    import io

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for certificate in result.certificates:
        buffer = io.BytesIO()
        render_certificate(certificate, buffer)
        path = folder / f"deletion-certificate-{certificate.at:%Y%m%d}-{certificate.id[:8]}.pdf"
        _write(path, buffer.getvalue())
        out.append(path)
    return out


@dataclass(frozen=True)
class AccessCopy:
    pdf: Path
    json: Path


def write_access_copy(ctx: ServiceContext, student_id: str, folder: Path) -> AccessCopy:
    """The child's whole record as JSON (everything, photos included) and as a readable PDF."""
    import io

    record = privacy.export_student(ctx, student_id)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"access-request-{student_id[:8]}-{record['made_at'][:10]}"
    json_path, pdf_path = folder / f"{stem}.json", folder / f"{stem}.pdf"
    _write(json_path, json.dumps(record, ensure_ascii=False, indent=1).encode())
    buffer = io.BytesIO()
    render_access_copy(record, buffer)
    _write(pdf_path, buffer.getvalue())
    return AccessCopy(pdf_path, json_path)
