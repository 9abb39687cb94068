"""The read-only commands a clerk uses: compliance, students list, terms list (and roster errors on stderr)."""

from __future__ import annotations

import json

from tests.conftest import run_as, unchanged


def cli(school, capsys, *argv):
    school.ctx.store.dispose()  # the command opens the file itself
    code = run_as(["--db", school.ctx.store.paths.db_option, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_compliance_json_shape_without_names(school, capsys):
    code, out, err = cli(school, capsys, "compliance", "--today", "2026-11-20", "--json")
    # The term reaches 2027, whose official holidays the package does not know: said on stderr.
    assert code == 0 and err.startswith("warning: ") and "2027" in err and len(err.splitlines()) == 1
    doc = json.loads(out)
    assert set(doc) == {"term", "rule", "today", "unknown_holiday_years", "students"}
    assert doc["unknown_holiday_years"] == [2027]
    assert doc["term"]["name"] == "2026秋季学期" and doc["today"] == "2026-11-20"
    assert doc["rule"] == {
        "period": "week",
        "visits_per_period": 1,
        "lessons_per_visit": 2,
        "minutes_per_lesson": 30,
        "yearly_min_lessons": None,
    }
    assert [s["code"] for s in doc["students"]] == ["S001", "S002", "S003"]
    student = doc["students"][0]
    assert "name" not in student  # privacy: names only when asked for
    assert set(student["totals"]) >= {"teaching_periods", "met", "missed_owed", "owed_makeups"}
    first = student["periods"][0]
    assert set(first) == {"start", "end", "status", "reason", "visits", "owed"}
    assert first["start"] == "2026-09-01" and first["status"] == "missed_owed"
    assert student["periods"][-1]["status"] == "future"


def test_compliance_narrowed_to_one_student_by_code_or_id_or_to_a_teacher(school, capsys):
    code, out, _ = cli(school, capsys, "compliance", "--student", "S002", "--names", "--json")
    assert code == 0
    students = json.loads(out)["students"]
    assert [(s["code"], s["name"]) for s in students] == [("S002", "小红")]
    code, out, _ = cli(school, capsys, "compliance", "--student", school.students[2], "--json")
    assert [s["code"] for s in json.loads(out)["students"]] == ["S003"]
    code, out, _ = cli(school, capsys, "compliance", "--teacher", "t1", "--term", "2026秋季学期", "--json")
    assert [s["code"] for s in json.loads(out)["students"]] == ["S001", "S002"]
    code, out, _ = cli(school, capsys, "compliance", "--teacher", "t2")
    assert code == 0 and "S003" in out and "S001" not in out


def test_unknown_student_teacher_or_term_is_exit_2_with_one_line(school, capsys):
    for argv in (("--student", "S999"), ("--teacher", "office"), ("--term", "1999秋季学期")):
        code, out, err = cli(school, capsys, "compliance", *argv, "--json")
        assert code == 2 and out == ""
        assert len(err.splitlines()) == 1 and err.startswith("songjiao: error: ")
        assert "Traceback" not in err


def test_students_and_terms_lists(school, capsys):
    code, out, _ = cli(school, capsys, "students", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and [r["code"] for r in rows] == ["S001", "S002", "S003"]
    assert "*" in rows[0]["id_number"] and rows[0]["teachers"] == "张老师"
    code, out, _ = cli(school, capsys, "students", "list")
    assert code == 0 and "3 students" in out
    code, out, _ = cli(school, capsys, "terms", "list", "--json")
    terms = json.loads(out)
    assert [(t["name"], t["holidays"], t["workdays"]) for t in terms] == [("2026秋季学期", 6, 1)]
    assert terms[0]["teaching_weeks"] == 21


def test_roster_import_errors_go_to_stderr_summary_first(school, capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("学生编号,姓名,出生日期\nN1,甲,2016-02-30\nN1,乙,2016-01-01\n", encoding="utf-8")
    code, out, err = cli(school, capsys, "roster", "import", str(bad))
    lines = err.splitlines()
    assert code == 2 and out == ""
    assert lines[0] == "songjiao: error: 2 of 2 rows have errors (2 problems); nothing was imported."
    assert lines[1].strip().startswith("row 2, column 出生日期:")
    assert lines[2].strip() == "row 3, column 学生编号: the code repeats row 2"
    good = tmp_path / "good.csv"
    good.write_text("学生编号,姓名\nN1,甲\n", encoding="utf-8")
    code, out, err = cli(school, capsys, "roster", "import", str(good), "--dry-run")
    assert code == 0 and "would create 1" in out
    code, out, _ = cli(school, capsys, "roster", "template", "--out", str(tmp_path / "t.xlsx"))
    assert code == 0 and (tmp_path / "t.xlsx").exists()


def test_redirected_output_is_utf8_on_a_gbk_console(school, capsys, monkeypatch):
    """A Chinese Windows encodes redirected output as GBK (code page 936), which has no 𠮷 nor 䶮."""
    import io
    import sys

    from app.services import students

    student_id = students.list_students(school.ctx)[0].id
    students.update_student(school.ctx, student_id, {"name": "王𠮷䶮"})
    school.ctx.store.dispose()
    raw = io.BytesIO()
    gbk = io.TextIOWrapper(raw, encoding="gbk")
    with capsys.disabled():
        monkeypatch.setattr(sys, "stdout", gbk)
        code = run_as(["--db", school.ctx.store.paths.db_option, "students", "list", "--json"])
        sys.stdout.flush()
        monkeypatch.undo()
    assert code == 0
    assert "王𠮷䶮" in raw.getvalue().decode("utf-8")


def test_holidays_import_fills_the_unknown_year_and_a_bad_file_changes_nothing(school, capsys, tmp_path):
    """`songjiao holidays import FILE`: the warning on compliance goes once the year is imported; a bad file
    is one line naming its line and field, exit 2, and leaves the database as it was."""
    code, _out, err = cli(school, capsys, "compliance", "--json")
    assert code == 0 and "2027" in err and err.startswith("warning: ")
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"format": "songjiao-holidays", "version": 1, "years": [\n'
        ' {"year": 2027, "holidays": [\n'
        '  {"name": "元旦", "from": "2027-01-01", "to": "2027-13-01"}]}]}\n',
        encoding="utf-8",
    )
    db = school.ctx.store.paths.db_path
    with unchanged(db):
        code, out, err = cli(school, capsys, "holidays", "import", str(bad))
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert "years[0].holidays[0].to" in err and "line 3" in err and "2027-13-01" in err
    good = tmp_path / "2027.json"
    good.write_text(
        json.dumps(
            {
                "format": "songjiao-holidays",
                "version": 1,
                "years": [
                    {"year": 2027, "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]}
                ],
            }
        ),
        encoding="utf-8",
    )
    code, out, err = cli(school, capsys, "holidays", "import", str(good))
    assert (code, err) == (0, "") and "2027" in out
    code, out, _ = cli(school, capsys, "holidays", "list", "--json")
    assert json.loads(out) == [{"year": 2027, "source": "", "holidays": 3, "workdays": 0}]
    code, out, err = cli(school, capsys, "compliance", "--json")
    assert (code, err) == (0, "") and json.loads(out)["unknown_holiday_years"] == []


def test_names_the_fonts_lack_are_warned_on_stderr_by_roster_import_and_students_list(
    school, capsys, tmp_path, monkeypatch
):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    biang = "\U00030ede"  # CJK Extension G: in no shipped font (tests/services/test_glyphs.py)
    roster = tmp_path / "r.csv"
    roster.write_text(f"学生编号,姓名,监护人姓名,监护人关系\nN7,王{biang},李{biang},父亲\n", encoding="utf-8")
    code, out, err = cli(school, capsys, "roster", "import", str(roster))
    assert code == 0 and "created 1" in out
    assert f"  warning: row 2: 姓名: 「{biang}」无法打印：字库中没有这个字。请告诉学校的信息管理员。" in out
    assert "warning: row 2: 监护人姓名:" in out
    code, out, err = cli(school, capsys, "students", "list", "--json")
    assert code == 0 and "N7" in [r["code"] for r in json.loads(out)]  # stdout stays clean JSON
    assert err.startswith("warning: ") and "N7" in err and biang not in err and "S001" not in err
