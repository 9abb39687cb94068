"""UI fixtures: an AppSession over the shared `school` fixture with a synchronous task runner."""

from __future__ import annotations

import pytest

from app.ui import i18n
from app.ui.session import AppSession
from app.ui.tasks import SyncRunner
from tests.conftest import TODAY


@pytest.fixture
def english(qapp):
    i18n.install_translators("en")
    yield "en"
    i18n.install_translators("en")


@pytest.fixture
def chinese(qapp):
    i18n.install_translators("zh_CN")
    yield "zh_CN"
    i18n.install_translators("en")


@pytest.fixture
def make_session(school, qapp):
    """``make_session(actor)``: a logged-in session (sync runner) for one of the school's actors."""
    sessions: list[AppSession] = []

    def make(actor, runner=None, language: str | None = None):
        session = AppSession(
            school.ctx.store,
            runner or SyncRunner(),
            actor,
            language=language or i18n.current_language(),
            today=TODAY,
        )
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        session.runner.shutdown()


@pytest.fixture
def make_window(make_session, qtbot):
    from app.ui.main_window import MainWindow

    def make(actor, runner=None):
        window = MainWindow(make_session(actor, runner))
        qtbot.addWidget(window)
        window.show()
        return window

    return make
