"""Roster import (学生名单导入) from .xlsx or .csv: importing.py checks every row first, then writes all or none;
files.py reads and writes the roster spreadsheets (and the blank template)."""

from app.services.roster.files import write_template
from app.services.roster.importing import COLUMNS, ImportReport, RosterErrors, RowError, import_roster

__all__ = ["COLUMNS", "ImportReport", "RosterErrors", "RowError", "import_roster", "write_template"]
