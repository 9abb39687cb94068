"""The Exchange page with the school's hub: "Sync now" on the real ThreadRunner against a real TLS hub, the
offline line (never a box), and the quiet automatic try."""

from __future__ import annotations

import datetime as dt

from app.services import visits
from app.services.context import ServiceContext
from app.ui.session import AppSession
from tests.conftest import TODAY, db_digest
from tests.exchange import work
from tests.hub.conftest import hub, lan  # noqa: F401 (fixtures)
from tests.ui.helpers import click, wait_idle


def laptop_session(site, school, new_runner) -> AppSession:
    return AppSession(site.ctx.store, new_runner(), school.t1, language="en", today=TODAY)


def test_sync_now_and_offline_line(lan, school, new_runner, qtbot, english):  # noqa: F811
    from app.ui.pages.exchange import ExchangePage

    office, join, running = lan
    t1 = join("t1")
    session = laptop_session(t1, school, new_runner)
    page = ExchangePage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle(qtbot, page)
    assert page.sync_button.isVisible()
    assert page.hub_state.text() == f"Hub: {running.url}; not synced yet."

    visit_id = work.finished_visit(t1.ctx, school.t1, school.students[0], dt.date(2026, 11, 16))
    click(qtbot, page, "Sync now")
    wait_idle(qtbot, page)
    assert page.results_label.text().startswith("Synced with the hub: ")
    assert visits.get_visit(school.ctx, visit_id).id == visit_id  # it reached the office
    assert "last synced" in page.hub_state.text()
    assert page.results.item(0, 0).text() == "hub"

    running.stop()
    before = db_digest(t1.db_path)
    click(qtbot, page, "Sync now")
    wait_idle(qtbot, page)
    offline = "The hub localhost cannot be reached now; exchange files work as before."
    assert page.results_label.text() == offline and page.hub_state.text() == offline
    assert db_digest(t1.db_path) == before  # no message box either (the answers fixture would fail)
    session.runner.shutdown()


def test_quiet_automatic_try(lan, school, new_runner, qtbot, english):  # noqa: F811
    from app.ui.pages.exchange import AutoSync, ExchangePage

    office, join, running = lan
    t1 = join("t1")
    session = laptop_session(t1, school, new_runner)
    page = ExchangePage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle(qtbot, page)
    running.stop()
    auto = AutoSync(session, page, minutes=10)
    with qtbot.waitSignal(session.bus.hub_tried, timeout=20_000) as tried:
        auto.start(first_ms=0)
    assert getattr(tried.args[0], "message_id", "") == "hub.offline"
    assert "cannot be reached" in page.hub_state.text()

    running.start()
    note = ServiceContext(t1.ctx.store, school.t1, TODAY)
    work.note(note, school.t1, school.students[0], "quiet sync")
    with qtbot.waitSignal(session.bus.hub_tried, timeout=20_000) as tried:
        auto.try_now()
    assert tried.args[0].office_applied == 1
    wait_idle(qtbot, page)
    assert "last synced" in page.hub_state.text()
    auto.stop()
    session.runner.shutdown()


def test_office_window_has_no_sync_button(school, make_session, qtbot, english):
    from app.ui.pages.exchange import ExchangePage

    page = ExchangePage(make_session(school.office))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle(qtbot, page)
    assert not page.sync_button.isVisibleTo(page)
