"""A realistic term of records inserted through the ORM, with fixed content the report tests check for.

Not `songjiao demo` (app/services/demo*.py): the demo's records are random, while these tests look for known
texts (a returned revision's comment, a guardian, a cancellation reason), rare-glyph names and JPEG photos.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random

from PIL import Image, ImageDraw
from sqlalchemy import select

from app.db.models import (
    Assignment,
    Attachment,
    Blob,
    Contact,
    Goal,
    Guardian,
    Iep,
    IepScore,
    LessonPlan,
    MonthlyPlan,
    Objective,
    ObjectiveProgress,
    ObjectiveReview,
    PlannedVisit,
    PlanRevision,
    Student,
    Term,
    User,
    Visit,
    VisitLesson,
)
from app.services import evidence
from app.services.context import Store
from tests.conftest import make_id_number

DOMAINS = ("生活自理", "语言与沟通", "精细动作", "认知")
SURNAMES = "王李张刘陈杨黄赵吴周"
GIVEN = ("䶮", "堃", "喆", "小明", "欣怡", "子涵", "浩然", "梓萱", "宇轩", "雨桐")


def _photo(seed: int) -> bytes:
    picture = Image.new("RGB", (640, 480), (200 - seed * 30, 180, 120 + seed * 30))
    draw = ImageDraw.Draw(picture)
    for i in range(0, 640, 40):
        draw.line([(i, 0), (640 - i, 480)], fill=(40, 60 + seed * 40, 90), width=3)
    draw.ellipse([220, 140, 420, 340], fill=(250, 220, 180))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=75)
    return out.getvalue()


def _signature() -> bytes:
    picture = Image.new("RGB", (360, 120), "white")
    draw = ImageDraw.Draw(picture)
    draw.line(
        [(20, 80), (80, 30), (120, 90), (170, 40), (230, 85), (300, 35), (340, 70)], fill="black", width=4
    )
    out = io.BytesIO()
    picture.save(out, "PNG")
    return out.getvalue()


def _blob(session, data: bytes) -> str:  # type: ignore[no-untyped-def]
    sha = hashlib.sha256(data).hexdigest()
    if session.scalar(select(Blob.sha256).where(Blob.sha256 == sha)) is None:
        session.add(Blob(sha256=sha, size=len(data), data=data))
    return sha


def populate(
    store: Store,
    students: int,
    term_id: str | None = None,
    seed: int = 7,
    today: dt.date = dt.date(2027, 1, 20),
) -> dict[str, object]:
    """Add ``students`` students with a full term each (IEP, plans, lessons, visits, contacts).

    Teachers t1.. and the office user must exist (the ``school`` fixture) or are created here.
    Returns ids to check against.
    """
    rnd = random.Random(seed)
    with store.session_factory() as session:
        term = session.get(Term, term_id) if term_id else session.scalars(select(Term)).first()
        assert term is not None
        teachers = list(session.scalars(select(User).where(User.role == "teacher").order_by(User.username)))
        if len(teachers) < 2:
            for i in range(len(teachers), max(2, students // 12)):
                teachers.append(
                    User(username=f"bench_t{i}", display_name=f"老师{i}", role="teacher", password_hash="x")
                )
            session.add_all(teachers)
        while len(teachers) < students // 12:
            user = User(
                username=f"bench_t{len(teachers)}",
                display_name=f"老师{len(teachers)}",
                role="teacher",
                password_hash="x",
            )
            session.add(user)
            teachers.append(user)
        office = session.scalar(select(User).where(User.role == "academic_affairs"))
        if office is None:
            office = User(
                username="bench_office", display_name="教务王老师", role="academic_affairs", password_hash="x"
            )
            session.add(office)
        session.flush()
        photos = [_blob(session, _photo(i)) for i in range(3)]
        signature = _blob(session, _signature())
        existing = session.scalar(select(Student.id).order_by(Student.code.desc()))
        base = 100 if existing else 0
        made: list[str] = []
        for n in range(students):
            teacher = teachers[n % len(teachers)]
            made.append(_student(session, rnd, term, teacher, office, base + n, photos, signature, today))
        session.commit()
        return {"students": made, "term_id": term.id}


def _student(
    session,
    rnd: random.Random,
    term: Term,
    teacher: User,
    office: User,
    n: int,  # type: ignore[no-untyped-def]
    photos: list[str],
    signature: str,
    today: dt.date,
) -> str:
    name = SURNAMES[n % 10] + GIVEN[(n // 10 + n) % 10]
    student = Student(
        code=f"B{n:04d}",
        name=name,
        gender="MF"[n % 2],
        birth_date=dt.date(2015 + n % 6, 1 + n % 12, 1 + n % 27),
        ethnicity="汉族",
        id_number=make_id_number(f"4601002015{n % 12 + 1:02d}{n % 27 + 1:02d}{n % 1000:03d}"),
        hukou="海南省海口市琼山区",
        address=f"海南省海口市琼山区红旗镇某村{n % 40 + 1}号",
        phone="13800000000",
        enrolled_on=dt.date(2024, 9, 1),
        grade_class="三年级1班",
        placement="home",
        disability_category=5,
        disability_grade=2,
        diagnosis="脑性瘫痪伴智力障碍",
        diagnosis_hospital="海南省人民医院",
        diagnosis_date=dt.date(2020, 5, 6),
        committee_opinion="建议送教上门",
        committee_date=dt.date(2024, 8, 20),
        safety_notes="有癫痫史，注意防跌倒；家中有狗。",
        consent_signed_on=dt.date(2024, 8, 28),
        left_behind=n % 3 == 0,
    )
    student.certificate_no = student.id_number + "52"
    student.roll_number = "G" + student.id_number  # as real 学籍号 are: the ID number inside
    session.add(student)
    session.flush()
    session.add(
        Assignment(student_id=student.id, teacher_id=teacher.id, role="main", start_date=dt.date(2024, 9, 1))
    )
    mother = Guardian(
        student_id=student.id,
        name="王秀兰",
        relation="parent",
        phone="13900000000",
        address=student.address,
        is_primary=True,
        is_emergency=True,
    )
    grandpa = Guardian(
        student_id=student.id,
        name="李大山",
        relation="delegated",
        phone="13700000000",
        address=student.address,
        delegated_start=term.start_date,
        school_notified_on=term.start_date,
    )
    session.add_all([mother, grandpa])
    iep = Iep(
        student_id=student.id,
        term_id=term.id,
        status="active",
        assessment_tool="培智学生发展评估量表",
        assessment_date=term.start_date + dt.timedelta(days=3),
        assessor=teacher.display_name,
        strengths="情绪较稳定，喜欢音乐，能配合简单指令。",
        needs="精细动作和语言表达需要加强；生活自理依赖照护人。",
        guardian_expectations="希望孩子能自己吃饭、表达需要。",
        subjects=["生活语文", "生活适应", "康复训练"],
        related_services="康复训练（县残联）",
        family_cooperation="每天练习抓握10分钟，照护人培训每月一次。",
        signed_teacher_on=term.start_date + dt.timedelta(days=5),
        signed_guardian_on=term.start_date + dt.timedelta(days=6),
        review_date=term.end_date - dt.timedelta(days=5),
        review_summary="多数目标达成，语言目标继续。",
        extra={"teacher_summary": "本学期按计划送教，学生在生活自理方面进步明显，家长配合积极。"},
    )
    session.add(iep)
    session.flush()
    for i, domain in enumerate(DOMAINS):
        session.add(
            IepScore(iep_id=iep.id, domain=domain, score=rnd.randint(10, 40), max_score=50, position=i)
        )
    objective_ids = []
    for g, domain in enumerate(DOMAINS):
        goal = Goal(iep_id=iep.id, domain=domain, text=f"{domain}能力有所提高", position=g)
        session.add(goal)
        session.flush()
        for o in range(2):
            obj = Objective(
                goal_id=goal.id,
                text=f"在提示下完成{domain}任务第{o + 1}步",
                start_date=term.start_date,
                end_date=term.end_date,
                criterion="5次中4次正确",
                method="OPVTW"[o + g],
                position=o,
            )
            session.add(obj)
            session.flush()
            objective_ids.append(obj.id)
            for k, day in enumerate(
                (term.start_date + dt.timedelta(days=60), term.end_date - dt.timedelta(days=7))
            ):
                session.add(
                    ObjectiveReview(
                        objective_id=obj.id, date=day, result="C" if k == 0 else rnd.choice("PPPCCD")
                    )
                )
    # Monthly plans: one per month, approved, one returned once first; decisions signed as the office does.
    office_key = evidence.office_identity(session)
    assert office_key is not None
    month = dt.date(term.start_date.year, term.start_date.month, 1)
    while month <= term.end_date:
        plan = MonthlyPlan(
            student_id=student.id,
            month=f"{month:%Y-%m}",
            teacher_id=teacher.id,
            status="approved",
            plan_revision=1,
            approved_revision=1,
            objective_ids=objective_ids[:3],
            materials="图卡、积木",
            family_tasks="每天练习穿衣",
            safety_notes="注意防滑",
            first_submitted_at=dt.datetime.combine(month - dt.timedelta(days=5), dt.time(16)),
        )
        session.add(plan)
        session.flush()
        for w in range(4):
            day = month + dt.timedelta(days=7 * w + 1)
            session.add(
                PlannedVisit(
                    plan_id=plan.id,
                    date=day,
                    time_slot="09:00-10:30",
                    lessons=2,
                    content=[
                        {"subject": "生活适应", "content": "穿脱衣服练习"},
                        {"subject": "生活语文", "content": "认识常用汉字"},
                    ],
                )
            )
        submitted = dt.datetime.combine(month - dt.timedelta(days=5), dt.time(16))
        returned_first = month.month % 2 == 0
        if returned_first:
            plan.plan_revision = plan.approved_revision = 2
            session.add(
                PlanRevision(
                    plan_id=plan.id,
                    number=1,
                    snapshot={},
                    submitted_at=submitted,
                    submitted_by=teacher.id,
                    decision="returned",
                    reviewer_id=office.id,
                    decided_at=submitted + dt.timedelta(hours=20),
                    comment="请补充安全注意事项",
                )
            )
        session.add(
            PlanRevision(
                plan_id=plan.id,
                number=2 if returned_first else 1,
                snapshot={},
                submitted_at=submitted + dt.timedelta(days=1),
                submitted_by=teacher.id,
                decision="approved",
                reviewer_id=office.id,
                decided_at=submitted + dt.timedelta(days=2),
                comment="同意，按计划实施",
            )
        )
        for revision in [o for o in session.new if isinstance(o, PlanRevision)]:
            evidence.sign_decision(revision, office_key)
        month = dt.date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    for k in range(3):
        session.add(
            LessonPlan(
                teacher_id=teacher.id,
                student_id=student.id,
                title=f"认识水果（第{k + 1}课）",
                subject="生活语文",
                date=term.start_date + dt.timedelta(days=14 + 30 * k),
                lesson_no=1,
                minutes=40,
                objective_ids=objective_ids[:2],
                key_points="认读“苹果”“香蕉”",
                difficulties="发音清晰",
                aids="水果实物、图卡",
                process={
                    "导入": "出示实物",
                    "新授/训练": "看图认读",
                    "练习": "指认游戏",
                    "小结": "表扬鼓励",
                    "家庭延伸训练": "家长带孩子认识家里的水果",
                },
                support_level="部分辅助",
                assessment="能指认2种水果",
                reflection="学生兴趣高，需多重复。",
            )
        )
    day = term.start_date + dt.timedelta(days=(1 - term.start_date.weekday()) % 7)
    week = 0
    while day <= min(term.end_date, today):
        week += 1
        if week == 5:
            session.add(
                Visit(
                    student_id=student.id,
                    teacher_id=teacher.id,
                    date=day,
                    status="cancelled",
                    teacher_ids=[teacher.id],
                    cancel_cause="family",
                    cancel_reason="学生生病住院",
                )
            )
        else:
            _visit(
                session,
                student.id,
                teacher.id,
                day,
                objective_ids,
                photos[week % 3 : week % 3 + 2],
                signature,
            )
        if week % 2 == 0:
            session.add(
                Contact(
                    student_id=student.id,
                    guardian_id=mother.id,
                    at=dt.datetime.combine(day - dt.timedelta(days=2), dt.time(18, 30)),
                    channel="phone",
                    purpose="notice",
                    answered=week % 6 != 0,
                    summary="通知后天送教" if week % 6 else "无人接听",
                    feedback="好的" if week % 6 else "",
                    recorder_id=teacher.id,
                )
            )
        day += dt.timedelta(days=7)
    return str(student.id)


def _visit(
    session,
    student_id: str,
    teacher_id: str,
    day: dt.date,
    objective_ids: list[str],  # type: ignore[no-untyped-def]
    photos: list[str],
    signature: str,
) -> None:
    visit = Visit(
        student_id=student_id,
        teacher_id=teacher_id,
        date=day,
        start_time=dt.time(9),
        end_time=dt.time(10, 30),
        status="done",
        teacher_ids=[teacher_id],
        place="学生家中",
        caregivers_present="母亲",
        health="良好",
        mood="愉快",
        performance="能在提示下完成穿衣的前两步。",
        family_guidance="指导家长用分步提示法练习穿衣。",
        homework="每天练习穿脱外套两次。",
        caregiver_opinion="老师认真负责，孩子有进步。",
        next_visit_on=day + dt.timedelta(days=7),
        finished_at=dt.datetime.combine(day, dt.time(10, 40)),
    )
    session.add(visit)
    session.flush()
    for i, (subject, content) in enumerate(
        (("生活适应", "穿脱衣服练习"), ("生活语文", "认识常用汉字：水、火、山"))
    ):
        session.add(
            VisitLesson(
                visit_id=visit.id,
                position=i,
                subject=subject,
                content=content,
                minutes=40,
                objective_ids=objective_ids[i : i + 1],
            )
        )
    session.add(
        ObjectiveProgress(visit_id=visit.id, objective_id=objective_ids[0], result="2", note="需口头提示")
    )
    for k, sha in enumerate(photos):
        session.add(
            Attachment(
                student_id=student_id,
                owner_type="visit",
                owner_id=visit.id,
                kind="photo",
                mime="image/jpeg",
                caption=f"训练照片{k + 1}",
                blob_sha256=sha,
            )
        )
    sign = Attachment(
        student_id=student_id,
        owner_type="visit",
        owner_id=visit.id,
        kind="signature",
        mime="image/png",
        caption="照护人签名",
        blob_sha256=signature,
    )
    session.add(sign)
    session.flush()
    visit.signature_id = sign.id
