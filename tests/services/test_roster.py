"""Roster import: good files in every format, every broken-row case reported by row and column, all or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from app.db.models import Assignment, Guardian, Student
from app.services.context import reading
from app.services.errors import ValidationError
from app.services.roster import COLUMNS, RosterErrors, RowError, import_roster, write_template
from tests.conftest import make_id_number, unchanged

HEADERS = [
    "学生编号",
    "姓名",
    "性别",
    "出生日期",
    "身份证号",
    "入学年月",
    "残疾类别",
    "残疾等级",
    "残疾人证号",
    "监护人姓名",
    "监护人关系",
    "监护人电话",
    "主教用户名",
    "副教用户名",
]
ID = make_id_number("46900120160308123")


def good_rows():
    return [
        [
            "N001",
            "李䶮",
            "男",
            "2016-03-08",
            ID,
            "2022-09",
            "智力",
            "二级",
            f"{ID}52",
            "李国强",
            "父亲",
            "13812345678",
            "t1",
            "t2",
        ],
        ["N002", "王喆", "女性", "2017/5/1", "", "202309", "智力残疾", "1级", "", "", "", "", "t2", ""],
    ]


def write_xlsx(path, headers, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_csv(path, headers, rows, encoding="utf-8-sig"):
    lines = [",".join(headers)] + [",".join(str(c) for c in row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def errors_of(ctx, path):
    with unchanged(ctx.store.paths.db_path, path), pytest.raises(RosterErrors) as caught:
        import_roster(ctx, path)
    return [(e.row, e.column) for e in caught.value.errors], caught.value


def test_good_xlsx_with_excel_date_cells_creates_students_guardians_and_teachers(school, tmp_path):
    rows = good_rows()
    rows[0][3] = dt.datetime(2016, 3, 8)  # an Excel date cell
    report = import_roster(school.ctx, write_xlsx(tmp_path / "r.xlsx", HEADERS, rows))
    assert (report.rows, report.created, report.updated, report.dry_run) == (2, 2, 0, False)
    with reading(school.ctx) as session:
        student = session.scalar(select(Student).where(Student.code == "N001"))
        assert (student.name, student.gender, student.birth_date) == ("李䶮", "M", dt.date(2016, 3, 8))
        assert (student.enrolled_on, student.disability_category, student.disability_grade) == (
            dt.date(2022, 9, 1),
            5,
            2,
        )
        guardian = session.scalar(select(Guardian).where(Guardian.student_id == student.id))
        assert (guardian.name, guardian.relation, guardian.is_primary) == ("李国强", "parent", True)
        roles = {
            a.role: a.teacher_id
            for a in session.scalars(select(Assignment).where(Assignment.student_id == student.id))
        }
        assert roles == {"main": school.t1.id, "assistant": school.t2.id}
        second = session.scalar(select(Student).where(Student.code == "N002"))
        assert (second.birth_date, second.enrolled_on, second.disability_grade) == (
            dt.date(2017, 5, 1),
            dt.date(2023, 9, 1),
            1,
        )


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8", "gbk"])
def test_good_csv_in_utf8_with_or_without_bom_and_gbk(school, tmp_path, encoding):
    rows = good_rows()
    if encoding == "gbk":
        rows[0][1] = "李明"  # 䶮 has no GBK code
    report = import_roster(school.ctx, write_csv(tmp_path / "r.csv", HEADERS, rows, encoding))
    assert (report.created, report.updated) == (2, 0)
    with reading(school.ctx) as session:
        assert session.scalar(select(Student.name).where(Student.code == "N001")) == rows[0][1]


def test_english_headers_and_update_by_code_keep_values_of_empty_cells(school, tmp_path):
    path = write_csv(
        tmp_path / "r.csv",
        ["code", "name", "birth_date", "disability_category", "main_teacher"],
        [["S001", "小明明", "", "多重", "t2"]],
    )
    report = import_roster(school.ctx, path)
    assert (report.created, report.updated) == (0, 1)
    with reading(school.ctx) as session:
        student = session.scalar(select(Student).where(Student.code == "S001"))
        assert (student.name, student.disability_category, student.birth_date) == (
            "小明明",
            7,
            dt.date(2011, 3, 1),
        )
        mains = list(
            session.scalars(
                select(Assignment).where(Assignment.student_id == student.id, Assignment.role == "main")
            )
        )
        current = [a for a in mains if a.end_date is None]
        assert len(mains) == 2 and [a.teacher_id for a in current] == [school.t2.id]


def test_dry_run_checks_and_counts_but_writes_nothing(school, tmp_path):
    rows = good_rows() + [["S002", "小红", "女", "", "", "", "", "", "", "", "", "", "", ""]]
    sheet = write_xlsx(tmp_path / "r.xlsx", HEADERS, rows)
    with unchanged(school.ctx.store.paths.db_path, sheet):
        report = import_roster(school.ctx, sheet, dry_run=True)
    assert (report.dry_run, report.created, report.updated) == (True, 2, 1)


def test_every_bad_row_is_reported_with_row_and_column_and_nothing_changes(school, tmp_path):
    rows = [
        ["N001", "甲", "男", "2016-02-30", "", "2022-09", "智力", "", "", "", "", "", "t1", ""],  # bad date
        [
            "N001",
            "乙",
            "男",
            "2016-01-08",
            "",
            "2022-09",
            "5",
            "",
            "",
            "",
            "",
            "",
            "nobody",
            "",
        ],  # dup + teacher
        [
            "N003",
            "丙",
            "X",
            "2016-01-08",
            "",
            "2022-09",
            "聪明",
            "五级",
            "",
            "",
            "",
            "",
            "",
            "",
        ],  # 3 bad cells
        ["N004", "丁", "男", "2016-01-08", "", "2015-09", "9", "", "", "王某", "邻居", "12", "t1", "t1"],
        ["N005", "", "男", "", "", "", "", "", "", "", "", "", "", ""],  # name missing
        ["N006", "戊", "男", "2016-01-08", "", "2022-09", "肢体", "一级", "", "", "", "", "t1", "t2"],  # good
    ]
    found, error = errors_of(school.ctx, write_csv(tmp_path / "bad.csv", HEADERS, rows))
    assert found == [
        (2, "出生日期"),
        (3, "学生编号"),
        (3, "主教用户名"),
        (4, "性别"),
        (4, "残疾类别"),
        (4, "残疾等级"),
        (5, "残疾类别"),
        (5, "入学年月"),
        (5, "监护人关系"),
        (5, "副教用户名"),
        (6, "姓名"),
    ]
    assert error.message.startswith("5 of 6 rows have errors")
    assert str(error.errors[0]).startswith("row 2, column 出生日期: ")
    assert "repeats row 2" in str(error.errors[1])


def test_excel_cells_wrong_in_excel_ways(school, tmp_path):
    rows = good_rows()
    rows[0][4] = 469001201603081230  # an ID typed into a number cell: digits are lost
    rows[1][3] = "去年"
    found, _ = errors_of(school.ctx, write_xlsx(tmp_path / "r.xlsx", HEADERS, rows))
    assert found == [(2, "身份证号"), (3, "出生日期")]


def test_missing_required_header_and_empty_files(school, tmp_path):
    found, _ = errors_of(school.ctx, write_csv(tmp_path / "a.csv", ["学生编号", "性别"], [["N1", "男"]]))
    assert found == [(1, "姓名")]
    (tmp_path / "empty.csv").write_bytes(b"")
    db = school.ctx.store.paths.db_path
    with unchanged(db), pytest.raises(ValidationError, match="empty"):
        import_roster(school.ctx, tmp_path / "empty.csv")
    found, _ = errors_of(school.ctx, write_csv(tmp_path / "header.csv", ["学生编号", "姓名"], []))
    assert found == [(2, "学生编号")]
    with unchanged(db), pytest.raises(ValidationError, match="xlsx or .csv"):
        import_roster(school.ctx, tmp_path / "roster.xls")


def test_teachers_cannot_import(school, tmp_path):
    from app.services.errors import PermissionDenied

    sheet = write_csv(tmp_path / "r.csv", HEADERS, good_rows())
    with unchanged(school.ctx.store.paths.db_path, sheet), pytest.raises(PermissionDenied):
        import_roster(school.as_(school.t1), sheet)


def test_templates_have_chinese_headers_and_instructions(school, tmp_path):
    write_template(tmp_path / "t.xlsx", COLUMNS)
    book = load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames == ["学生名单", "填写说明"]
    headers = [c.value for c in book["学生名单"][1]]
    assert headers[:3] == ["学生编号", "姓名", "性别"] and headers[-2:] == ["主教用户名", "副教用户名"]
    assert book["填写说明"]["A2"].value == "学生编号" and book["填写说明"]["B2"].value == "是"
    write_template(tmp_path / "t.csv", COLUMNS)
    assert (tmp_path / "t.csv").read_bytes().startswith("\ufeff学生编号,姓名".encode())
    # A template filled in by hand comes straight back in.
    sheet = book["学生名单"]
    sheet.append(["N100", "张三", "男", "2016-03-08"])
    book.save(tmp_path / "t.xlsx")
    assert import_roster(school.ctx, tmp_path / "t.xlsx").created == 1


def test_row_error_text():
    assert str(RowError(4, "出生日期", "bad")) == "row 4, column 出生日期: bad"


def test_one_id_number_twice_in_the_file_or_already_on_the_roll_is_refused_by_row(school, tmp_path):
    rows = good_rows()
    twin = list(rows[1])
    twin[4] = ID  # N002 given N001's ID number
    errors, _ = errors_of(school.ctx, write_xlsx(tmp_path / "twice.xlsx", HEADERS, [rows[0], twin]))
    assert errors == [(3, "身份证号")]
    import_roster(school.ctx, write_xlsx(tmp_path / "first.xlsx", HEADERS, [rows[0]]))
    newcomer = list(rows[0])
    newcomer[0] = "N077"  # another code, the same child's ID number: not a second child
    errors, error = errors_of(school.ctx, write_xlsx(tmp_path / "again.xlsx", HEADERS, [newcomer]))
    assert errors == [(2, "身份证号")]
    assert "N001" in str(error.errors[0]) and "李" not in str(error.errors[0])  # the code, never the name
    # The same child again under its own code is an update, not a clash with itself.
    report = import_roster(school.ctx, write_xlsx(tmp_path / "update.xlsx", HEADERS, [rows[0]]))
    assert (report.created, report.updated) == (0, 1)


def test_a_spreadsheet_bomb_is_refused_before_it_is_parsed(school, tmp_path):
    import zipfile

    from app.services.roster import files

    path = write_xlsx(tmp_path / "bomb.xlsx", HEADERS, good_rows())
    blown = tmp_path / "blown.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(blown, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = data.replace(
                    b"</sheetData>", b"<!--" + b" " * (files.MAX_XML_BYTES + 1) + b"--></sheetData>"
                )
            target.writestr(item, data)
    assert blown.stat().st_size < 2_000_000  # small on disk, huge inside
    with unchanged(school.ctx.store.paths.db_path, blown), pytest.raises(ValidationError) as error:
        import_roster(school.ctx, blown)
    assert error.value.message_id == "roster.too_large"


def test_import_reports_progress_and_a_cancel_keeps_nothing(school, tmp_path):
    from app.services.progress import Cancelled, TaskState

    rows = [
        [f"P{n:03d}", f"学生{n}", "男", "2016-03-08", "", "", "", "", "", "", "", "", "t1", ""]
        for n in range(120)
    ]
    path = write_csv(tmp_path / "many.csv", HEADERS, rows)
    seen: list[tuple[int, int]] = []
    report = import_roster(
        school.ctx, path, progress=TaskState(lambda done, total, _l: seen.append((done, total)))
    )
    assert report.created == 120 and seen[-1] == (120, 120) and len(seen) >= 3

    more = write_csv(tmp_path / "more.csv", HEADERS, [[f"Q{r[0][1:]}", *r[1:]] for r in rows])
    state = TaskState(lambda done, _t, _l: state.cancel() if done >= 50 else None)
    with unchanged(school.ctx.store.paths.db_path, more), pytest.raises(Cancelled):
        import_roster(school.ctx, more, progress=state)


def test_names_the_fonts_lack_are_imported_with_a_note_naming_row_column_and_characters(school, tmp_path):
    biang = "\U00030ede"  # CJK Extension G: in no shipped font (tests/services/test_glyphs.py)
    rows = good_rows()
    rows[0][1] = f"李{biang}"
    rows[0][9] = f"李{biang}强"
    path = write_csv(tmp_path / "r.csv", HEADERS, rows)
    checked = import_roster(school.ctx, path, dry_run=True)
    assert checked.unprintable == ((2, "姓名", biang), (2, "监护人姓名", biang))
    report = import_roster(school.ctx, path)
    assert report.unprintable == checked.unprintable and report.created == 2  # noted, never refused
    assert f"row 2: 姓名: glyphs.unprintable {biang}" in report.warnings
