"""The recovery sheet: a one-page PDF with the key for the school's safe, and its text file for --recovery-key."""

from __future__ import annotations

import os

from pypdf import PdfReader

from app.reports.export import export_recovery_sheet
from app.services import keyring
from tests.conftest import sqlite_only


@sqlite_only  # the recovery key opens an encrypted file (a server has no key file)
def test_the_sheet_prints_the_key_and_its_text_file_opens_the_database(school, paths, tmp_path):
    from app.services import setup

    text = setup.make_recovery_key(school.as_(school.admin))
    assert text is not None
    pdf, txt = export_recovery_sheet("青山县特殊教育学校", text, tmp_path / "sheet.pdf")
    reader = PdfReader(pdf)
    printed = reader.pages[0].extract_text().replace(" ", "").replace("\n", "")
    assert len(reader.pages) == 1 and text.replace("-", "") in printed and "恢复密钥" in printed
    assert "忘记密码？使用恢复密钥" in printed  # the log-in window's link, where the administrator is
    assert keyring.read_recovery_file(txt) == text
    assert keyring.unlock_recovery(paths.db_path, keyring.read_recovery_file(txt)) is not None
    if os.name == "posix":
        assert pdf.stat().st_mode & 0o777 == 0o600 and txt.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob("*.part"))


def test_no_line_of_the_sheet_starts_with_a_comma(tmp_path):
    """Chinese print never starts a line with ，；：！？ (禁则): ReportLab's list lacked the full-width forms and the
    sheet printed "，再由管理员…" at the head of a line (app/reports/pdf/styles.py extends it)."""
    pdf, _txt = export_recovery_sheet(
        "青山县特殊教育学校", keyring.new_recovery_text(), tmp_path / "sheet.pdf"
    )
    lines = PdfReader(pdf).pages[0].extract_text().splitlines()
    assert len(lines) > 8
    assert [line for line in lines if line.lstrip()[:1] in set("，；：！？》〉、。）")] == []
