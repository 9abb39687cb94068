"""Every editor, page and dialog of the record editors under both languages: in Chinese no English source text is left showing."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QWidget

from app.services import drafts, ieps, plans, visits
from app.ui.i18n import I18N_DIR
from tests.ui.helpers import wait_idle
from tests.ui.test_translations import _translated_sources, visible_texts


def _surfaces(make_session, school, qtbot):
    """(name, widget) for each editor, panel, page and dialog of the record editors, as the role that uses it."""
    from app.ui.editors.contacts import ContactsPanel
    from app.ui.editors.goal_bank_picker import GoalBankPicker
    from app.ui.editors.iep_editor import IepEditor
    from app.ui.editors.lesson_plans import LessonPlanLibrary
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.timeline import TimelinePanel
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.pages.home_drafts import DraftsSection
    from app.ui.pages.plans import LessonPlansPage, PlansPage
    from app.ui.pages.plans_queue import PlanQueue
    from app.ui.pages.student_tabs import PlansTab, VisitsTab
    from app.ui.pages.visits import VisitsPage

    t1, office = make_session(school.t1), make_session(school.office)
    student = school.students[0]
    ieps.seed_goal_bank(office.ctx)
    iep = ieps.get_or_create_iep(t1.ctx, student, school.term.id)
    goal = ieps.add_goal(t1.ctx, iep.id, "认知", "认识常见物品")
    objective = ieps.add_objective(t1.ctx, goal, {"text": "认识水果"})
    plan = plans.save_plan(
        t1.ctx, student, "2026-12", {"objective_ids": [objective], "visits": [{"date": "2026-12-02"}]}
    )
    plans.submit_plan(t1.ctx, plan.id)
    visit = visits.create_visit(t1.ctx, student, {"date": "2026-11-18"})
    drafts.save_draft(t1.ctx, f"visit:{visit.id}", {"values": {}})

    iep_editor = IepEditor(t1, student)
    widgets = [
        ("iep", iep_editor),
        ("plan", PlanEditor(t1, student, "2026-12")),
        ("queue", PlanQueue(office)),
        ("visit", VisitEditor(t1, visit.id)),
        ("contacts", ContactsPanel(t1, student)),
        ("timeline", TimelinePanel(t1, student)),
        ("plans tab", PlansTab(t1, student)),
        ("visits tab", VisitsTab(t1, student)),
        ("plans page", PlansPage(t1)),
        ("queue page", PlansPage(office)),
        ("visits page", VisitsPage(t1)),
        ("picker", GoalBankPicker(t1)),
        ("lesson plans", LessonPlanLibrary(t1)),
        ("lesson plans page", LessonPlansPage(t1)),
        ("drafts", DraftsSection(t1)),
    ]
    for name, widget in widgets:
        qtbot.addWidget(widget)
        if hasattr(widget, "refresh"):
            widget.refresh()
        wait_idle(qtbot, t1)
        wait_idle(qtbot, office)
        yield name, widget
    panel = iep_editor.goals
    panel.select(objective)
    wait_idle(qtbot, t1)
    for open_dialog in (
        lambda: panel.goal_dialog(None),
        lambda: panel.objective_dialog(None),
        panel.review_dialog,
    ):
        open_dialog()
        wait_idle(qtbot, t1)
        yield type(panel.dialog).__name__, panel.dialog
        panel.dialog.close()
    editor = VisitEditor(t1, visit.id)
    qtbot.addWidget(editor)
    wait_idle(qtbot, t1)
    editor.cancel_visit()
    wait_idle(qtbot, t1)
    yield "cancel dialog", editor.dialog
    editor.dialog.close()


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_editors_have_no_untranslated_text(language, request, make_session, school, qtbot):
    request.getfixturevalue("chinese" if language == "zh_CN" else "english")
    english = _translated_sources("songjiao_editors") | _translated_sources()
    seen = 0
    every: set[str] = set()
    for name, widget in _surfaces(make_session, school, qtbot):
        widget.show()
        texts = visible_texts(widget)
        # Screen readers read accessible names: they must be translated too.
        texts |= {w.accessibleName() for w in (widget, *widget.findChildren(QWidget))} - {""}
        seen += 1
        if language == "zh_CN":
            leaks = sorted(t for t in texts if t in english)
            assert leaks == [], f"{name} shows untranslated text: {leaks}"
        else:
            assert "保存(&S)" not in texts and "月份" not in texts, name
        every |= texts
    assert seen >= 18
    # The editors were seen in the language asked for: their Save button, translated or not.
    assert ("保存(&S)" if language == "zh_CN" else "&Save") in every, sorted(t for t in every if "S" in t)[
        :20
    ]


def test_catalogue_complete():
    """No message of our catalogue is left unfinished in either language."""
    for language in ("zh_CN", "en"):
        root = ET.parse(I18N_DIR / f"songjiao_editors_{language}.ts").getroot()
        left = [
            m.findtext("source")
            for m in root.iter("message")
            if (t := m.find("translation")) is None or t.get("type") == "unfinished"
        ]
        assert left == [], (language, left)
