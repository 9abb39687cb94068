"""`songjiao district add-school | report`: the bureau's xlsx and PDF, read back (issue 13)."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pypdf
import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, inspect, text

from app.cli.main import run as main
from app.services import district
from tests.conftest import TERM
from tests.district.test_district import _bureau_url


def test_report_writes_one_row_per_school_and_a_total(pg_server, two_schools, tmp_path, capsys):
    bureau = _bureau_url(pg_server, two_schools)
    assert main(["--db", bureau, "district", "report", "--term", TERM["name"], "--out", str(tmp_path)]) == 0
    xlsx, pdf = (tmp_path / line for line in capsys.readouterr().out.split())
    assert xlsx.suffix == ".xlsx" and pdf.suffix == ".pdf"
    sheet = load_workbook(xlsx)["各校汇总"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    assert [r[:6] for r in rows] == [
        ["hs", "河石镇中心小学", 1, 1, 1, 44],
        ["qs", "青山县特殊教育学校", 3, 3, 6, 66],
        [None, "合计", 4, 4, 7, 110],
    ]
    assert rows[1][7:14] == [2, 33, pytest.approx(2 / 33), 3, 2, 1, pytest.approx(1 / 3)]
    assert "数据截至 2026-11-20" in sheet["A1"].value
    assert rows[2][14:] == [1, 1, 1, 0]
    categories = [
        [c.value for c in row] for row in load_workbook(xlsx)["残疾类别与等级"].iter_rows(min_row=3)
    ]
    assert categories == [
        ["视力残疾", "二级（重度）", 2],
        ["言语残疾", "一级（极重度）", 1],
        ["肢体残疾", "三级（中度）", 1],
    ]
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.read_bytes())).pages)
    for expected in ("河石镇中心小学", "青山县特殊教育学校", "合计", "110", "4.5%", "数据截至 2026-11-20"):
        assert expected in text.replace("\n", "")
    for child in ("孩子1", "S001", "110101"):  # no child's name, code or ID number anywhere
        assert child not in text


def test_a_school_not_yet_set_up_is_listed_with_zeros(two_schools, tmp_path):
    district.add_school(two_schools, "ny", "尚未启用学校")
    figures = district.report(two_schools, TERM["name"])
    assert [f.school_code for f in figures.schools] == ["hs", "ny", "qs"]
    assert figures.schools[1].visits_done == figures.schools[1].students == 0
    assert figures.total.visits_done == 4


def test_add_school_from_the_command_line(pg_server, pg_url, capsys):
    assert main(["--db", pg_url, "district", "add-school", "--school", "qs", "--name", "青山"]) == 0
    out = capsys.readouterr().out
    assert "school_qs" in out and "search_path" in out
    assert [s.code for s in district.schools(pg_url)] == ["qs"]
    assert main(["--db", pg_url, "district", "add-school", "--school", "qs", "--name", "青山"]) == 2
    assert "qs" in capsys.readouterr().err
    assert main(["--db", pg_url, "district", "schools"]) == 0
    assert capsys.readouterr().out.split("\t")[:2] == ["qs", "school_qs"]
    pg_server.admin(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'hs_office') THEN "
        "CREATE ROLE hs_office LOGIN; END IF; END $$"
    )
    argv = [
        "--db",
        pg_url,
        "district",
        "add-school",
        "--school",
        "hs",
        "--name",
        "河石",
        "--owner",
        "hs_office",
    ]
    assert main(argv) == 0
    assert "postgresql+psycopg://hs_office@/" in capsys.readouterr().out
    engine = create_engine(pg_url)
    with engine.begin() as conn:  # as before an upgrade that touches a column the views read
        conn.execute(text("DROP VIEW district.students"))
        # ... and as the version that counted calendar weeks in a view left the delivery figures
        conn.execute(text("DROP TABLE district.term_delivery"))
        conn.execute(text("CREATE VIEW district.term_delivery AS SELECT 'qs'::text AS school_code"))
    assert main(["--db", pg_url, "district", "refresh"]) == 0
    out = capsys.readouterr().out
    assert "figures computed for 0 school(s)" in out
    for code in ("hs", "qs"):  # neither office has set up its school: named, not counted as zeros
        assert f"school {code} skipped: not set up by its office yet" in out
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM district.students")).scalar_one() == 0
        kind = conn.execute(
            text("SELECT relkind FROM pg_class WHERE oid = 'district.term_delivery'::regclass")
        )
        assert kind.scalar_one() == "r"
        assert conn.execute(text("SELECT count(*) FROM district.term_delivery")).scalar_one() == 0
    engine.dispose()
    assert main(["--db", "school.sqlite3", "district", "schools"]) == 2
    assert "PostgreSQL" in capsys.readouterr().err


def test_office_sets_up_its_school_with_the_printed_url(pg_url, tmp_path):
    district.add_school(pg_url, "qs", "青山")
    district.add_school(pg_url, "hs", "河石")
    office = district.school_url(pg_url, "qs")

    def songjiao(*argv: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "app", "--db", office, "--data-dir", str(tmp_path), *argv],
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "SONGJIAO_ADMIN_PASSWORD": "admin-pass"},
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    songjiao(
        "init", "--school", "青山", "--term-name", "2026秋", "--term-start", "2026-09-01",
        "--term-end", "2027-01-22", "--admin-user", "admin",
    )  # fmt: skip
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        names = {
            s: conn.execute(text(f"SELECT count(*) FROM {s}.school")).scalar_one()
            for s in ("school_qs", "school_hs")
        }
        public = inspect(conn).get_table_names(schema="public")
    engine.dispose()
    assert names == {"school_qs": 1, "school_hs": 0} and public == []
