"""Saving an openpyxl workbook without its temporary files: the sheets' XML is built in memory.

openpyxl writes every worksheet's XML to a NamedTemporaryFile in the temporary folder before zipping it (a
write-only sheet from its first row on), deleted only afterwards, or at exit, or never after a crash. A visits
ledger names every child: that is personal data written to disk in the clear, outside the school's folders.
Here each sheet's XML goes to a BytesIO instead (a few MB for a large term: far less than the cell objects a
normal workbook keeps) and from there into the zip.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter


def memory_sheet(ws: Any) -> Any:
    """Give a new write-only sheet a writer into memory, before its first row (openpyxl would make a file)."""
    ws._writer = WorksheetWriter(ws, out=io.BytesIO())
    ws._writer.write_top()
    return ws


class _InMemory(ExcelWriter):  # type: ignore[misc]  # openpyxl has no type hints
    def write_worksheet(self, ws: Any) -> None:
        # openpyxl's own method, with the sheet's XML taken from memory instead of a temporary file.
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        if self.workbook.write_only:
            if ws._writer is None:
                memory_sheet(ws)
            if not ws.closed:
                ws.close()
            writer = ws._writer
        else:
            writer = WorksheetWriter(ws, out=io.BytesIO())
            writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def save_workbook(workbook: Workbook, path: Path) -> None:
    """``workbook.save(path)`` without a temporary file (see the module docstring)."""
    with ZipFile(path, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        workbook.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
        _InMemory(workbook, archive).save()
