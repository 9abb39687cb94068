"""UI fixtures: an AppSession over the shared `school` fixture, on the real DB worker thread.

Every UI test gets (autouse, from tests/ui/helpers.py) strict message boxes (``answers``: only declared ones)
and strict callbacks (an exception in a runner callback fails the test). Sessions run their service calls on
the real :class:`ThreadRunner`, as the app does; wait with ``wait_idle(qtbot, session)`` or ``waitUntil``.
A test that needs the synchronous runner says why: ``@pytest.mark.sync_runner(reason="...")``.
"""

from __future__ import annotations

import pytest

from app.ui import i18n
from app.ui.session import AppSession
from app.ui.tasks import SyncRunner, ThreadRunner
from tests.conftest import TODAY
from tests.ui.helpers import answers, drain, strict_callbacks  # noqa: F401 (autouse fixtures for every UI module)


@pytest.fixture(autouse=True)
def _english_afterwards():
    """A test that logs in through the Controller gets the user's (Chinese) translators: put English back,
    so the next test on this worker reads the language it asked for (the `english` fixture does so too)."""
    yield
    if i18n.current_language() != "en":
        i18n.install_translators("en")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """Before pytest-qt closes the test's widgets: let the worker deliver what is pending (a result delivered
    to a closed widget would fail the test for a reason it never exercised), then mark the answers as closing
    (an editor the test left with changes asks on close; that question belongs to the harness)."""
    funcargs = getattr(item, "funcargs", {})
    if "strict_callbacks" in funcargs:
        drain(funcargs["strict_callbacks"].runners)
    if "answers" in funcargs:
        funcargs["answers"].closing = True
    return (yield)


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
def new_runner(request):
    """``new_runner()``: the runner this test's sessions use: a real ThreadRunner, or a SyncRunner when the
    test is marked ``sync_runner(reason=...)`` (the reason is required: the sync runner hides ordering bugs)."""
    marker = request.node.get_closest_marker("sync_runner")
    if marker is not None and not (marker.kwargs.get("reason") or marker.args):
        raise pytest.UsageError("@pytest.mark.sync_runner needs reason=: say why this test cannot wait")
    runners = []

    def make():
        runner = SyncRunner() if marker is not None else ThreadRunner()
        runners.append(runner)
        return runner

    yield make
    for runner in runners:
        runner.shutdown()


@pytest.fixture
def make_session(school, qapp, new_runner):
    """``make_session(actor)``: a logged-in session for one of the school's actors (see ``new_runner``)."""
    sessions: list[AppSession] = []

    def make(actor, runner=None, language: str | None = None):
        session = AppSession(
            school.ctx.store,
            runner or new_runner(),
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
