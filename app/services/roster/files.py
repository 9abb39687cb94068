"""Reading and writing roster spreadsheets: .xlsx (openpyxl) and .csv (UTF-8 with or without BOM, or GBK)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from app.services.errors import ValidationError

SHEET = "学生名单"
HELP_SHEET = "填写说明"


def _suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError("roster.format", "Use an .xlsx or .csv file.", field="file")
    return suffix


def read_table(path: Path) -> tuple[list[Any], list[tuple[int, list[Any]]]]:
    """The header row and the non-empty rows below it, each with its row number as the user sees it."""
    rows = _read_xlsx(path) if _suffix(path) == ".xlsx" else _read_csv(path)
    numbered = [
        (number, cells)
        for number, cells in enumerate(rows, start=1)
        if any(c not in (None, "") and str(c).strip() for c in cells)
    ]
    if not numbered:
        raise ValidationError(
            "roster.empty", "The file is empty: no header row and no students.", field="file"
        )
    (_, header), body = numbered[0], numbered[1:]
    return list(header), body


# A roster of a whole county is a few MB of XML; a zip "bomb" (837 KB holding 280 MB of XML) made openpyxl
# run for minutes and die at 3.9 GB. So the zip's members are measured (decompressed, as a stream, so a
# member that lies about its size is caught too) before openpyxl parses anything.
MAX_XML_BYTES = 64 * 1024 * 1024
MAX_ROWS = 50_000
_CHUNK = 1024 * 1024


def _too_large(what: str) -> ValidationError:
    return ValidationError(
        "roster.too_large",
        f"The spreadsheet is too large for a roster ({what}); split it into smaller files.",
        field="file",
    )


def check_xlsx_size(path: Path) -> None:
    """Refuse a workbook whose XML would exceed MAX_XML_BYTES, or a sheet of more than MAX_ROWS rows."""
    import zipfile

    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ValidationError(
            "roster.unreadable", "The spreadsheet cannot be read (not an xlsx file).", field="file"
        ) from error
    total = 0
    with archive:
        for item in archive.infolist():
            rows, tail = 0, b""
            try:
                with archive.open(item) as member:
                    while chunk := member.read(_CHUNK):
                        total += len(chunk)
                        if total > MAX_XML_BYTES:
                            raise _too_large(f"more than {MAX_XML_BYTES // (1024 * 1024)} MB unpacked")
                        if item.filename.startswith("xl/worksheets/"):
                            rows += (tail + chunk).count(b"<row ") - tail.count(b"<row ")
                            tail = chunk[-4:]
                            if rows > MAX_ROWS:
                                raise _too_large(f"more than {MAX_ROWS} rows")
            except (zipfile.BadZipFile, OSError, EOFError) as error:
                raise ValidationError(
                    "roster.unreadable", "The spreadsheet cannot be read (damaged).", field="file"
                ) from error


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

    check_xlsx_size(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged or foreign file
        raise ValidationError(
            "roster.unreadable", f"The spreadsheet cannot be read ({type(error).__name__}).", field="file"
        ) from error
    try:
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _read_csv(path: Path) -> list[list[Any]]:
    if path.stat().st_size > MAX_XML_BYTES:
        raise _too_large(f"more than {MAX_XML_BYTES // (1024 * 1024)} MB")
    raw = path.read_bytes()
    # Excel on Chinese Windows saves CSV as GBK; everything else (and Excel's "UTF-8 CSV") as UTF-8.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte sequence
        raise ValidationError("roster.encoding", "The CSV file is neither UTF-8 nor GBK.", field="file")
    rows = [list(row) for row in csv.reader(io.StringIO(text, newline=""))]
    if len(rows) > MAX_ROWS + 1:
        raise _too_large(f"more than {MAX_ROWS} rows")
    return rows


def write_template(path: Path, columns: tuple[tuple[str, str, bool, str], ...]) -> None:
    """An empty roster with Chinese headers (and, for .xlsx, an instructions sheet)."""
    headers = [zh for _, zh, _, _ in columns]
    if _suffix(path) == ".csv":
        # A BOM so that Excel opens the UTF-8 file with the right encoding.
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            csv.writer(handle).writerow(headers)
        return
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from app.services.workbooks import save_workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for index, (key, _, _, _) in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = (
            22 if key in ("id_number", "certificate_no", "address") else 12
        )
        if key in ("code", "id_number", "certificate_no", "roll_number", "phone", "guardian_phone"):
            # Text format keeps leading zeros and all 18 digits of an ID number.
            for row in range(2, 502):
                sheet.cell(row=row, column=index).number_format = "@"
    sheet.freeze_panes = "A2"
    notes = book.create_sheet(HELP_SHEET)
    notes.append(["列名", "必填", "填写说明"])
    for _, zh, required, note in columns:
        notes.append([zh, "是" if required else "", note])
    notes.append([])
    notes.append(["每行一名学生;学生编号已存在时更新该学生,否则新建。"])
    notes.append(["导入前会检查所有行:只要有一行出错,就一行也不导入,并列出每个错误的行号和列名。"])
    notes.column_dimensions["A"].width = 14
    notes.column_dimensions["C"].width = 60
    save_workbook(book, path)  # no temporary file, as for every workbook the program writes
