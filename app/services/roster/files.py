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


def _read_xlsx(path: Path) -> list[list[Any]]:
    from openpyxl import load_workbook

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
    return [list(row) for row in csv.reader(io.StringIO(text, newline=""))]


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
    book.save(path)
