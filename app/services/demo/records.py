"""The demo school's records for one student and term: IEP, monthly plans, visits, lesson plans, contacts."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.db.models import (
    Attachment,
    Blob,
    Contact,
    Goal,
    Iep,
    IepScore,
    LessonPlan,
    MonthlyPlan,
    Objective,
    ObjectiveProgress,
    ObjectiveReview,
    PlannedVisit,
    PlanRevision,
    Visit,
    VisitLesson,
)
from app.domain.calendar import periods
from app.services.demo import data
from app.services.demo.data import at

if TYPE_CHECKING:
    from app.services.demo.school import DemoSchool, Kid, TermRef

DAY = dt.timedelta(days=1)


@dataclass
class Slot:
    """One scheduled visit: ``kind`` is done, short, family, school, none or planned."""

    date: dt.date
    kind: str
    reason: str = ""
    makeup_on: dt.date | None = None
    plan_id: str | None = None
    planned_visit_id: str | None = None
    approved_on: dt.date | None = None
    visit_id: str = ""
    lessons: int = 2
    extra: dict[str, Any] = field(default_factory=dict)


class TermRecords:
    def __init__(self, school: DemoSchool) -> None:
        self.school, self.rows, self.rng, self.today = school, school.rows, school.rng, school.today
        made = at(school.first_day)
        self.photos: list[str] = []
        self.signatures: list[str] = []
        for kind, maker, count in (("photo", data.photo_png, 6), ("signature", data.signature_png, 4)):
            for _ in range(count):
                blob = maker(self.rng)
                sha = hashlib.sha256(blob).hexdigest()
                self.rows.add(Blob, made, sha256=sha, size=len(blob), data=blob)
                (self.photos if kind == "photo" else self.signatures).append(sha)
        self.templates_made: set[str] = set()

    def student_term(self, kid: Kid, term: TermRef) -> None:
        cal = term.calendar
        if kid.enrolled > cal.end or (kid.ended and kid.ended < cal.start):
            return
        slots = self._schedule(kid, term)
        objectives = self._iep(kid, term)
        self._plans(kid, slots, objectives)
        self._visits(kid, term, slots, objectives)

    # --- schedule -----------------------------------------------------------------------------------------

    def _active(self, kid: Kid, day: dt.date) -> bool:
        if day < kid.enrolled or (kid.ended and day > kid.ended):
            return False
        if kid.paused_since and day >= kid.paused_since:
            return False
        return not any(start <= day <= end for start, end, _ in kid.pauses)

    def _schedule(self, kid: Kid, term: TermRef) -> list[Slot]:
        rng, slots = self.rng, []
        horizon = self.today + dt.timedelta(days=13)
        for week in periods(term.calendar, "week"):
            days = [d for d in week.school_days if self._active(kid, d)]
            if not days:
                continue
            day = min(days, key=lambda d: (abs(d.weekday() - kid.weekday), d))
            if day > horizon:
                break
            if day >= self.today:
                slots.append(Slot(day, "planned"))
                continue
            roll = rng.random()
            slot = Slot(day, "done", lessons=rng.choice((2, 2, 2, 3)))
            if roll < 0.05:
                slot.kind, slot.reason = "family", rng.choice(data.FAMILY_CANCEL)
                if rng.random() < 0.3:
                    slot.makeup_on = self._makeup_day(term, day)
            elif roll < 0.09:
                slot.kind, slot.reason = "school", rng.choice(data.SCHOOL_CANCEL)
                if rng.random() < 0.8:
                    slot.makeup_on = self._makeup_day(term, day)
            elif roll < 0.11:
                slot.kind = "none"  # planned but never recorded: an owed week
            elif roll < 0.125:
                slot.kind, slot.lessons = "short", 1
            slots.append(slot)
        return slots

    def _makeup_day(self, term: TermRef, day: dt.date) -> dt.date | None:
        """A weekday in the next week, after the cancelled visit and before today."""
        candidate = day + dt.timedelta(days=8)
        for _ in range(14):
            if candidate.weekday() < 5 and (
                term.calendar.is_school_day(candidate) or not term.calendar.contains(candidate)
            ):
                break
            candidate += DAY
        return candidate if candidate < self.today else None

    # --- IEP ----------------------------------------------------------------------------------------------

    def _iep(self, kid: Kid, term: TermRef) -> list[tuple[str, str]]:
        """The term's IEP; returns (objective id, domain) pairs for linking plans and lessons."""
        rng, rows, cal = self.rng, self.rows, term.calendar
        start = max(cal.start, kid.enrolled)
        finished = cal.end < self.today
        latest_finished = finished and all(
            t.demo.end >= self.today or t.demo.end <= cal.end for t in self.school.terms
        )
        status = ("reviewed" if latest_finished else "archived") if finished else "active"
        assessed = start + dt.timedelta(days=rng.randrange(3, 10))
        made = at(assessed, 16)
        domains = rng.sample(data.DOMAINS, 3)
        iep_id = rows.add(
            Iep,
            made,
            author=kid.main,
            student_id=kid.id,
            term_id=term.id,
            status=status,
            assessment_tool=rng.choice(
                ("培智学校学生发展评估量表", "PEP-3 心理教育评核", "S-S语言发育迟缓评价")
            ),
            assessment_date=assessed,
            assessor="送教小组",
            strengths="喜欢音乐,对熟悉的人有回应",
            needs="、".join(domains) + "方面需要重点支持",
            guardian_expectations="希望孩子能自己吃饭,会表达需要",
            subjects=rng.sample(data.SUBJECTS, 4),
            visits_per_week=1,
            lessons_per_visit=2,
            related_services="残联康复补贴;辅具(站立架)",
            family_cooperation="家长每天陪孩子做10分钟训练",
            signed_teacher_on=assessed + DAY,
            signed_guardian_on=assessed + 2 * DAY,
            signed_school_on=assessed + 4 * DAY,
            review_date=cal.end - 3 * DAY if finished else None,
            review_summary="本学期目标大部分达成,下学期继续巩固生活自理" if finished else "",
            extra={},
        )
        base = rng.randrange(15, 45)
        for position, domain in enumerate(data.DOMAINS):
            rows.add(
                IepScore,
                made,
                author=kid.main,
                iep_id=iep_id,
                domain=domain,
                position=position,
                score=float(min(100, base + 3 * term.index + rng.randrange(-5, 15))),
                max_score=100.0,
            )
        middle = start + (cal.end - start) / 2
        objectives = []
        for position, domain in enumerate(domains):
            goal_text, objective_texts = data.GOALS[domain]
            goal_id = rows.add(
                Goal, made, author=kid.main, iep_id=iep_id, domain=domain, text=goal_text, position=position
            )
            for number, text in enumerate(objective_texts):
                begin, end = (start, middle) if number == 0 else (middle + DAY, cal.end)
                objective_id = rows.add(
                    Objective,
                    made,
                    author=kid.main,
                    goal_id=goal_id,
                    text=text,
                    start_date=begin,
                    end_date=end,
                    criterion=rng.choice(data.CRITERIA),
                    method=rng.choice("OWTVP"),
                    position=number,
                )
                objectives.append((objective_id, domain))
                for review_day in (begin + (end - begin) / 2, end):
                    if review_day < self.today:
                        rows.add(
                            ObjectiveReview,
                            at(review_day, 17),
                            author=kid.main,
                            objective_id=objective_id,
                            date=review_day,
                            result=rng.choice(data.RESULTS),
                        )
        return objectives

    # --- monthly plans --------------------------------------------------------------------------------------

    def _plans(self, kid: Kid, slots: list[Slot], objectives: list[tuple[str, str]]) -> None:
        """One plan per month, in every state of the approval workflow."""
        rng, rows = self.rng, self.rows
        this_month = self.today.strftime("%Y-%m")
        by_month: dict[str, list[Slot]] = {}
        for slot in slots:
            by_month.setdefault(slot.date.strftime("%Y-%m"), []).append(slot)
        for month, month_slots in by_month.items():
            first = dt.date(int(month[:4]), int(month[5:]), 1)
            roll = rng.random()
            if month < this_month:
                state = "none" if roll < 0.04 else ("late" if roll < 0.1 else "approved")
            elif month == this_month:
                state = ("approved", "approved", "submitted", "resubmitted", "returned", "draft")[
                    int(roll * 6)
                ]
            else:
                state = "draft" if roll < 0.5 else "submitted"
            if state == "none":
                continue
            submitted = at(first - dt.timedelta(days=rng.randrange(3, 10)), 16, 30)
            if state == "late":
                submitted = at(first + dt.timedelta(days=rng.randrange(3, 9)), 16, 30)
            # Only a plan that went through review can have been returned once before.
            returned_first = state in ("resubmitted", "returned") or (
                state in ("approved", "late") and rng.random() < 0.15
            )
            decisions: list[tuple[str | None, str]] = []
            if returned_first:
                decisions.append(("returned", rng.choice(data.RETURN_COMMENTS)))
            if state in ("approved", "late"):
                decisions.append(("approved", "同意"))
            elif state in ("submitted", "resubmitted"):
                decisions.append((None, ""))
            status = {"late": "approved"}.get(state, state)
            linked = [o for o, _ in rng.sample(objectives, min(3, len(objectives)))]
            plan_id = rows.add(
                MonthlyPlan,
                submitted - dt.timedelta(days=1),
                author=kid.main,
                student_id=kid.id,
                month=month,
                teacher_id=kid.main,
                status=status,
                plan_revision=max(1, len(decisions)),
                approved_revision=len(decisions) if status == "approved" else None,
                objective_ids=linked,
                materials="图片卡、积木、绘本",
                family_tasks="每天练习用勺子吃饭",
                safety_notes="入户前电话确认孩子身体状况",
                co_teacher_ids=[kid.assistant],
                first_submitted_at=None if state == "draft" else submitted,
            )
            approved_on = None
            for slot in month_slots:
                slot.plan_id = plan_id
                content = [
                    {"subject": s, "content": rng.choice(data.LESSON_CONTENT[s]), "objective_ids": linked[:1]}
                    for s in rng.sample(data.SUBJECTS, slot.lessons)
                ]
                slot.extra["content"] = content
                slot.planned_visit_id = rows.add(
                    PlannedVisit,
                    submitted - DAY,
                    author=kid.main,
                    plan_id=plan_id,
                    date=slot.date,
                    time_slot="09:00-10:30",
                    lessons=slot.lessons,
                    content=content,
                )
            moment = submitted
            for number, (decision, comment) in enumerate(decisions, start=1):
                decided = moment + dt.timedelta(days=rng.randrange(1, 3), hours=1) if decision else None
                rows.add(
                    PlanRevision,
                    moment,
                    author=kid.main,
                    plan_id=plan_id,
                    number=number,
                    snapshot={
                        "month": month,
                        "objective_ids": linked,
                        "planned": [s.date.isoformat() for s in month_slots],
                    },
                    submitted_at=moment,
                    submitted_by=kid.main,
                    decision=decision,
                    reviewer_id=self.school.office_id if decision else None,
                    decided_at=decided,
                    comment=comment,
                )
                if decision == "approved" and decided:
                    approved_on = decided.date()
                if decided:
                    moment = decided + dt.timedelta(days=1)
            for slot in month_slots:
                slot.approved_on = approved_on

    # --- visits, lesson plans, contacts -------------------------------------------------------------------

    def _visits(self, kid: Kid, term: TermRef, slots: list[Slot], objectives: list[tuple[str, str]]) -> None:
        rng, rows = self.rng, self.rows
        plan_weeks = {3, 8} if len(slots) > 8 else {1}
        for number, slot in enumerate(slots):
            if slot.kind != "planned" and rng.random() < 0.5:
                self._notice(kid, slot.date)
            if slot.kind == "none":
                continue
            slot.visit_id = self._visit(kid, slot, objectives, lesson_plan=number in plan_weeks)
            if slot.kind in ("family", "school"):
                rows.add(
                    Contact,
                    at(slot.date, 8, 10),
                    author=kid.main,
                    student_id=kid.id,
                    guardian_id=kid.guardian_id,
                    at=at(slot.date, 8, 10),
                    channel="phone",
                    purpose="other",
                    summary=f"取消本次送教:{slot.reason}",
                    recorder_id=kid.main,
                )
                if slot.makeup_on:
                    makeup = Slot(
                        slot.makeup_on,
                        "done",
                        lessons=2,
                        plan_id=slot.plan_id,
                        extra=slot.extra,
                        approved_on=slot.approved_on,
                    )
                    self._visit(kid, makeup, objectives, makeup_of=slot.visit_id)
        months = sorted({s.date.replace(day=15) for s in slots if s.date < self.today})
        for day in months:
            rows.add(
                Contact,
                at(day, 19, 30),
                author=kid.main,
                student_id=kid.id,
                guardian_id=kid.guardian_id,
                at=at(day, 19, 30),
                channel=rng.choice(("wechat", "meeting", "phone")),
                purpose=rng.choice(("follow_up", "training")),
                summary="反馈本月训练情况,指导家庭康复训练",
                feedback="家长表示会坚持每天练习",
                follow_up_on=day + dt.timedelta(days=14),
                recorder_id=kid.main,
            )

    def _notice(self, kid: Kid, day: dt.date) -> None:
        """A visit notice two days ahead; sometimes nobody answers and the teacher tries again."""
        rows, rng = self.rows, self.rng
        when = at(day - 2 * DAY, 18, rng.randrange(0, 50))
        if rng.random() < 0.12:
            rows.add(
                Contact,
                when,
                author=kid.main,
                student_id=kid.id,
                guardian_id=kid.guardian_id,
                at=when,
                channel="phone",
                purpose="notice",
                answered=False,
                summary="电话未接通",
                recorder_id=kid.main,
            )
            when += dt.timedelta(hours=1)
        rows.add(
            Contact,
            when,
            author=kid.main,
            student_id=kid.id,
            guardian_id=kid.guardian_id,
            at=when,
            channel=rng.choice(("phone", "wechat")),
            purpose="notice",
            answered=True,
            summary=f"通知{day:%m月%d日}上午入户送教",
            feedback="家长确认在家",
            recorder_id=kid.main,
        )

    def _visit(
        self,
        kid: Kid,
        slot: Slot,
        objectives: list[tuple[str, str]],
        *,
        lesson_plan: bool = False,
        makeup_of: str | None = None,
    ) -> str:
        rng, rows = self.rng, self.rows
        done = slot.kind in ("done", "short")
        minutes = [rng.choice((30, 35, 40)) for _ in range(slot.lessons)]
        start = dt.time(9, 0) if rng.random() < 0.7 else dt.time(14, 30)
        finish = (dt.datetime.combine(slot.date, start) + dt.timedelta(minutes=sum(minutes) + 10)).time()
        made = at(slot.date, 7, 30)
        values: dict[str, Any] = dict(
            student_id=kid.id,
            teacher_id=kid.main,
            date=slot.date,
            status="planned",
            teacher_ids=[kid.main, kid.assistant] if rng.random() < 0.8 else [kid.main],
            place=kid.address,
            plan_id=slot.plan_id,
            planned_visit_id=None if makeup_of else slot.planned_visit_id,
            makeup_of_id=makeup_of,
            start_time=start,
            end_time=finish,
        )
        visit_id = rows.uid()
        if done:
            signed = rng.random() < 0.85
            signature = None
            if signed:
                signature = rows.add(
                    Attachment,
                    made,
                    author=kid.main,
                    student_id=kid.id,
                    owner_type="visit",
                    owner_id=visit_id,
                    kind="signature",
                    mime="image/png",
                    caption="监护人签字",
                    blob_sha256=rng.choice(self.signatures),
                )
            if rng.random() < 0.08:
                rows.add(
                    Attachment,
                    made,
                    author=kid.main,
                    student_id=kid.id,
                    owner_type="visit",
                    owner_id=visit_id,
                    kind="photo",
                    mime="image/png",
                    caption="送教现场",
                    blob_sha256=rng.choice(self.photos),
                )
            values.update(
                status="done",
                caregivers_present=kid.caregiver_names,
                health=rng.choice(data.HEALTH),
                mood=rng.choice(data.MOODS),
                performance="能在提示下完成大部分训练内容",
                family_guidance="指导家长示范并辅助孩子练习",
                homework="每天练习10分钟",
                caregiver_opinion="满意" if signed else "",
                next_visit_on=slot.date + dt.timedelta(days=7),
                finished_at=at(slot.date, 20, rng.randrange(0, 59)),
                signature_id=signature,
            )
        elif slot.kind in ("family", "school"):
            values.update(status="cancelled", cancel_reason=slot.reason, cancel_cause=slot.kind)
        plan_lesson = None
        content = slot.extra.get("content") or []
        if done and lesson_plan:
            plan_lesson = self._lesson_plan(kid, slot, objectives)
        rows.add(Visit, made, author=kid.main, id=visit_id, **values)
        if done:
            for position, lesson_minutes in enumerate(minutes):
                planned = content[position] if position < len(content) else {}
                subject = planned.get("subject") or rng.choice(data.SUBJECTS)
                rows.add(
                    VisitLesson,
                    made,
                    author=kid.main,
                    visit_id=visit_id,
                    position=position,
                    subject=subject,
                    content=planned.get("content") or rng.choice(data.LESSON_CONTENT[subject]),
                    minutes=lesson_minutes,
                    objective_ids=[rng.choice(objectives)[0]],
                    lesson_plan_id=plan_lesson if position == 0 else None,
                )
            objective = rng.choice(objectives)[0]
            rows.add(
                ObjectiveProgress,
                made,
                author=kid.main,
                visit_id=visit_id,
                objective_id=objective,
                result=rng.choice(("0", "1", "2", "3", "P", "C")),
                note="",
            )
        return visit_id

    def _lesson_plan(self, kid: Kid, slot: Slot, objectives: list[tuple[str, str]]) -> str:
        rng = self.rng
        subject = rng.choice(data.SUBJECTS)
        topic = rng.choice(data.LESSON_CONTENT[subject])
        values: dict[str, Any] = dict(
            teacher_id=kid.main,
            title=f"{subject}:{topic}",
            subject=subject,
            lesson_no=1,
            minutes=40,
            objective_ids=[rng.choice(objectives)[0]],
            key_points=topic,
            difficulties="保持注意力",
            aids="图片卡、实物",
            support_level=rng.choice(("肢体辅助", "示范", "口头提示", "独立")),
            process={
                "导入": "问好歌",
                "新授": topic,
                "练习": "分步练习,逐步减少辅助",
                "小结": "表扬鼓励",
                "家庭延伸": "请家长每天陪练10分钟",
            },
            assessment="能在提示下完成",
            reflection="孩子对图片兴趣高,下次增加实物操作",
        )
        if kid.main not in self.templates_made:
            self.templates_made.add(kid.main)
            self.rows.add(
                LessonPlan,
                at(slot.date - 3 * DAY),
                author=kid.main,
                student_id=None,
                date=None,
                is_template=True,
                **values,
            )
        return self.rows.add(
            LessonPlan,
            at(slot.date - 2 * DAY),
            author=kid.main,
            student_id=kid.id,
            date=slot.date,
            is_template=False,
            **values,
        )
