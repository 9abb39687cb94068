"""The archive packet read back with pypdf: order, bookmarks, page numbers, fonts, data, privacy."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from sqlalchemy import select

from app.db.models import AuditEntry, Student
from app.reports.pdf.fonts import RARE_NAME_CHARS, missing_glyphs
from app.reports.pdf.packet import SECTIONS, packet_file_name, render_packet
from app.services import archive
from app.services.errors import NotFound
from tests.reports.conftest import SUBSET, fonts_of, outline_pages


def _student(store, student_id):
    with store.session_factory() as session:
        s = session.get(Student, student_id)
        return s.code, s.name, s.id_number, s.certificate_no


@pytest.fixture
def packet(term_school):
    student_id = term_school.packet_students[0]
    data = archive.gather_packet(term_school.as_(term_school.t1), student_id, term_school.term.id)
    buffer = io.BytesIO()
    pages = render_packet(data, buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    texts = [page.extract_text() for page in reader.pages]
    return data, reader, texts, pages, _student(term_school.ctx.store, student_id)


def test_font_has_the_rare_name_characters():
    assert missing_glyphs(RARE_NAME_CHARS + "送教上门档案第页共") == []
    assert missing_glyphs("\U0002a6a5") == ["\U0002a6a5"]  # a check that can fail: Ext. B is not covered


def test_sections_in_domain_order_with_bookmarks_on_their_pages(packet):
    data, reader, texts, pages, _ = packet
    assert len(reader.pages) == pages
    marks = outline_pages(reader)
    top = [(title, page) for title, level, page in marks if level == 0]
    assert [t for t, _ in top] == ["封面", "目  录", *(title for _, title in SECTIONS)]
    assert [p for _, p in top] == sorted(p for _, p in top)
    for title, page in top[1:]:
        assert title.replace("  ", " ") in texts[page - 1].replace("  ", " "), title
    # Visits and plans are bookmarked one level down, on the page that shows them.
    visit_marks = [(t, p) for t, level, p in marks if level == 1 and t.endswith("送教记录")]
    assert len(visit_marks) == len(data.visits)
    for title, page in visit_marks:
        assert title.split()[0] in texts[page - 1]


def test_contents_page_numbers_match_the_bookmarks(packet):
    _, reader, texts, _, _ = packet
    contents = texts[1]
    for title, level, page in outline_pages(reader):
        if level == 0 and title not in ("封面", "目  录"):
            line = next(line for line in contents.splitlines() if title in line)
            following = (
                contents.split(line, 1)[1].split()[0] if not line.rstrip().endswith(str(page)) else str(page)
            )
            assert following == str(page), title


def test_every_page_numbered_with_the_total_and_the_school_name(packet):
    _, _, texts, pages, _ = packet
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页" in text
        assert f"共 {pages} 页" in text
        assert "青山县特殊教育学校" in text


def test_fonts_are_embedded_subsets(packet):
    _, reader, _, _, _ = packet
    fonts = fonts_of(reader)
    assert fonts, "no fonts found"
    for name, embedded in fonts:
        assert embedded, name
        assert SUBSET.match(name) and "ZenHei" in name, name


def test_student_data_and_approval_decisions_present(packet):
    data, _, texts, _, (code, name, id_number, certificate) = packet
    text = "".join("".join(texts).split())  # table cells wrap: compare without line breaks
    assert code in text and name in text
    assert any(ch in name for ch in RARE_NAME_CHARS)
    assert "退回修改" in text and "请补充安全注意事项" in text  # a returned revision and its comment
    assert "同意，按计划实施" in text and "教务王老师" in text  # the approval, with its reviewer
    assert "王秀兰" in text  # a guardian
    assert "学生生病住院" in text  # a cancelled visit's reason
    assert "本学期按计划送教" in text  # the teacher's summary


def test_id_and_certificate_numbers_masked(packet):
    _, _, texts, _, (_, _, id_number, certificate) = packet
    text = "".join("".join(texts).split())
    assert id_number not in text and certificate not in text  # nor inside the 学籍号 (G + ID number)
    assert id_number[:6] + "*" * 8 + id_number[-4:] in text


def test_revealed_numbers_are_printed_and_logged(term_school):
    student_id = term_school.packet_students[0]
    office = term_school.as_(term_school.office)
    data = archive.gather_packet(office, student_id, term_school.term.id, reveal=True)
    buffer = io.BytesIO()
    render_packet(data, buffer)
    text = "\n".join(p.extract_text() for p in PdfReader(buffer).pages)
    _, _, id_number, _ = _student(term_school.ctx.store, student_id)
    assert id_number in text
    with term_school.ctx.store.session_factory() as session:
        assert (
            session.scalar(
                select(AuditEntry).where(AuditEntry.entity_id == student_id, AuditEntry.action == "reveal")
            )
            is not None
        )


def test_teacher_cannot_print_another_teachers_student(term_school):
    other = term_school.packet_students[1]  # populate assigns students to t1 and t2 in turn
    with pytest.raises(NotFound):
        archive.gather_packet(term_school.as_(term_school.t1), other, term_school.term.id)


def test_password_protects_the_packet(term_school):
    data = archive.gather_packet(
        term_school.as_(term_school.office), term_school.packet_students[0], term_school.term.id
    )
    buffer = io.BytesIO()
    render_packet(data, buffer, password="s3cret")
    raw = buffer.getvalue()
    assert data.code.encode() not in raw and "送教上门".encode("utf-16-be") not in raw
    reader = PdfReader(io.BytesIO(raw))
    assert reader.is_encrypted
    encryption = reader.trailer["/Encrypt"].get_object()
    assert (encryption["/V"], encryption["/R"]) == (5, 6)  # AES-256, ISO 32000-2
    with pytest.raises(FileNotDecryptedError):  # nothing can be read without the password
        reader.pages[0].extract_text()
    assert not reader.decrypt("wrong")
    assert reader.decrypt("s3cret")
    assert data.code in reader.pages[0].extract_text()
    assert reader.outline  # the bookmarks survive the encryption


def test_file_name_has_code_and_term_never_the_name(packet):
    data, _, _, _, (code, name, _, _) = packet
    file_name = packet_file_name(data.code, data.term.name)
    assert code in file_name and data.term.name in file_name
    assert not any(ch in file_name for ch in name)


def test_photos_embedded_once_as_jpeg_and_signatures_present(packet):
    data, reader, _, _, _ = packet
    filters: dict[int, str] = {}
    for page in reader.pages:
        for ref in ((page.get("/Resources") or {}).get("/XObject") or {}).values():
            image = ref.get_object()
            if image.get("/Subtype") == "/Image":
                chain = image.get("/Filter")
                filters[ref.idnum] = " ".join(str(f) for f in (chain if isinstance(chain, list) else [chain]))
    # The fixture's three JPEG photos go in unchanged (DCTDecode), each stored once however often used;
    # the signature is a PNG (Flate). Photos appear in the visits that have them.
    assert sorted(filters.values()).count("/DCTDecode") == 3, filters  # binary, not ASCII85-wrapped
    assert "/FlateDecode" in filters.values()
    assert sum(len(v.photos) for v in data.visits) > 3


def test_lesson_plans_taught_from_in_a_visit_are_included(term_school):
    from app.db.models import LessonPlan, User, Visit, VisitLesson

    student_id = term_school.packet_students[0]
    store = term_school.ctx.store
    with store.session_factory() as session:
        teacher = session.scalar(select(User.id).where(User.username == "t1"))
        shared = LessonPlan(teacher_id=teacher, student_id=None, title="通用课：认识颜色", subject="生活适应")
        session.add(shared)
        session.flush()
        visit = session.scalar(select(Visit).where(Visit.student_id == student_id, Visit.status == "done"))
        lesson = session.scalar(select(VisitLesson).where(VisitLesson.visit_id == visit.id))
        lesson.lesson_plan_id = shared.id
        session.commit()
    data = archive.gather_packet(term_school.as_(term_school.t1), student_id, term_school.term.id)
    titles = [lp.title for lp in data.lesson_plans]
    assert "通用课：认识颜色" in titles and len(titles) == 4  # three own plans and the shared one
