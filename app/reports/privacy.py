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
    json: Path | None  # None: the JSON is inside the PDF (a password was given)


def write_access_copy(
    ctx: ServiceContext, student_id: str, folder: Path, password: str | None = None
) -> AccessCopy:
    """The child's whole record as JSON (everything, photos included) and as a readable PDF.

    With a password the JSON is not written beside the PDF but attached inside it, under the same AES-256
    password: a plaintext JSON next to a locked PDF would leave the whole record (photos included) readable by
    whoever finds the USB stick, and a dump's sealed format (app/services/sealed.py) opens only in Songjiao,
    which the family does not have. A PDF reader's attachments panel opens and saves it; one password, one file.
    """
    import io

    record = privacy.export_student(ctx, student_id)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"access-request-{student_id[:8]}-{record['made_at'][:10]}"
    json_path, pdf_path = folder / f"{stem}.json", folder / f"{stem}.pdf"
    data = json.dumps(record, ensure_ascii=False, indent=1).encode()
    buffer = io.BytesIO()
    if password:
        render_access_copy(record, buffer, password, attachments=((json_path.name, data),))
        _write(pdf_path, buffer.getvalue())
        return AccessCopy(pdf_path, None)
    _write(json_path, data)
    render_access_copy(record, buffer)
    _write(pdf_path, buffer.getvalue())
    return AccessCopy(pdf_path, json_path)
