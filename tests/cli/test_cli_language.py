"""The command line prints refusals from the same catalogue as the app, in the terminal's language."""

from __future__ import annotations

import pytest

from app.cli.common import language
from app.cli.main import run
from app.services.messages import MESSAGES


@pytest.fixture
def clean_locale(monkeypatch):
    for name in ("SONGJIAO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_the_language_comes_from_songjiao_lang_then_the_locale(clean_locale):
    assert language() == "en"
    clean_locale.setenv("LANG", "zh_CN.UTF-8")
    assert language() == "zh_CN"
    clean_locale.setenv("LC_ALL", "C.UTF-8")  # LC_ALL outranks LANG, as for every program
    assert language() == "en"
    clean_locale.setenv("SONGJIAO_LANG", "zh_CN")
    assert language() == "zh_CN"


def test_a_service_refusal_in_chinese_and_in_english(tmp_path, capsys, clean_locale):
    from tests.conftest import run_as

    db = str(tmp_path / "demo.sqlite3")
    assert run(["--db", db, "demo", "--students", "2", "--terms", "1", "--today", "2026-11-20"]) == 0
    capsys.readouterr()
    clean_locale.setenv("SONGJIAO_LANG", "zh_CN")
    assert run_as(["--db", db, "demo", "--students", "2"], password="admin123") == 2
    assert capsys.readouterr().err == f"songjiao: error: {MESSAGES['demo.not_empty'][1]}\n"
    clean_locale.setenv("SONGJIAO_LANG", "en")
    assert run_as(["--db", db, "demo", "--students", "2"], password="admin123") == 2
    assert capsys.readouterr().err == f"songjiao: error: {MESSAGES['demo.not_empty'][0]}\n"


def test_a_field_refusal_names_its_field_and_the_cli_own_refusal_is_translated(
    tmp_path, capsys, clean_locale
):
    clean_locale.setenv("LANG", "zh_CN.UTF-8")
    db = tmp_path / "demo.sqlite3"
    assert run(["--db", str(db), "demo", "--students", "0"]) == 2
    assert capsys.readouterr().err == "songjiao: error: students: 学生人数必须在 1 到 5000 之间。\n"
    missing = tmp_path / "none.sqlite3"
    assert run(["--db", str(missing), "check"]) == 2
    assert capsys.readouterr().err == f"songjiao: error: {missing}: {MESSAGES['storage.missing'][1]}\n"


def test_roster_warnings_are_printed_as_text_not_ids(school, capsys, tmp_path, clean_locale):
    """A wrong check digit is a warning (the row is imported): the CLI says it in words, in either language."""
    from tests.conftest import make_id_number, run_as

    good = make_id_number("46010020160301123")
    wrong = good[:-1] + ("0" if good[-1] != "0" else "1")
    sheet = tmp_path / "roster.csv"
    sheet.write_text(f"学生编号,姓名,身份证号码\nN1,甲,{wrong}\n", encoding="utf-8")
    db = school.ctx.store.paths.db_option
    school.ctx.store.dispose()
    clean_locale.setenv("SONGJIAO_LANG", "zh_CN")
    assert run_as(["--db", db, "roster", "import", str(sheet), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "  warning: row 2: 身份证号的校验位不正确。" in out.splitlines()
    clean_locale.setenv("SONGJIAO_LANG", "en")
    assert run_as(["--db", db, "roster", "import", str(sheet), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "  warning: row 2: The ID number's check digit is wrong." in out.splitlines()
    assert "id_number.check_digit" not in out
