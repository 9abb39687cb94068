"""The lock: idle time, sleep and session lock cover every window; the password (and only it) lifts the cover;
editors keep their unsaved text; wrong passwords are told, slowed down and audited."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from app.db.models import AuditEntry
from app.services import ieps, throttle
from app.services import lock as lock_service
from app.services.throttle import failure_delay
from app.ui.lock import DEFAULT_MINUTES, LockWindow
from tests.ui.helpers import click, wait_idle

PASSWORD = "password1"  # the school fixture's teachers


def _prompt() -> LockWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, LockWindow) and w.isVisible()]
    return found[0] if found else None


def _covers(window: QWidget) -> list[QWidget]:
    return window.findChildren(QWidget, "lock_cover")


def _type_password(qtbot, prompt: LockWindow, text: str) -> None:
    qtbot.waitUntil(prompt.password.isEnabled, timeout=10_000)
    prompt.password.setFocus()
    QTest.keyClicks(prompt.password, text)
    QTest.keyClick(prompt.password, Qt.Key.Key_Return)


def _failures(school) -> int:
    with school.ctx.store.session_factory() as session:
        return len(
            session.scalars(select(AuditEntry).where(AuditEntry.action == lock_service.UNLOCK_FAILED)).all()
        )


def test_idle_locks_every_window_and_the_password_brings_back_the_unsaved_text(
    qtbot, school, make_window, english, caplog, monkeypatch
):
    monkeypatch.setattr(throttle, "DELAY_UNIT_S", 1.0)  # the real waits (tests/conftest.py makes them 0)
    from app.ui.editors.iep_editor import IepEditor

    caplog.set_level(logging.INFO)
    window = make_window(school.t1)
    session = window.session
    ieps.get_or_create_iep(session.ctx, school.students[0], school.term.id)
    editor = IepEditor(session, school.students[0])
    qtbot.addWidget(editor)
    editor.show()
    wait_idle(qtbot, session)
    title = editor.windowTitle()
    needs = editor.level_form.widgets["needs"]
    needs.setFocus()
    QTest.keyClicks(needs, "hold a spoon")
    assert window.lock.locked is False

    window.lock.set_minutes(0.5 / 60)  # half a second without a key or a click
    qtbot.waitUntil(lambda: _prompt() is not None, timeout=5000)
    prompt = _prompt()
    assert prompt is not None and window.lock.locked
    for covered in (window, editor):  # the content is under an opaque cover, the title says nothing
        (cover,) = _covers(covered)
        assert cover.isVisible() and cover.geometry() == covered.rect()
        assert covered.windowTitle() == "Songjiao (locked)"
    assert prompt.isModal() and QApplication.activeModalWidget() is prompt
    assert editor.isVisible() and editor.level_form.value("needs") == "hold a spoon"  # nothing was closed

    _type_password(qtbot, prompt, "wrong one")  # the first slip costs nothing
    wait_idle(qtbot, session)
    # Only the password is asked for here: the message says the password was wrong, not "user name or".
    assert prompt.error.text() == "Wrong password." and window.lock.locked
    assert prompt.password.text() == "" and prompt.password.isEnabled()
    _type_password(qtbot, prompt, "wrong two")  # the second waits failure_delay(2) seconds
    wait_idle(qtbot, session)
    assert failure_delay(2) >= 1
    assert not prompt.unlock_button.isEnabled()
    assert prompt.error.text().startswith("Wrong password. Too many wrong passwords: try again in")
    assert _failures(school) == 2

    _type_password(qtbot, prompt, PASSWORD)  # waits until the field takes keys again
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=10_000)
    assert _prompt() is None
    assert editor.windowTitle() == title and window.windowTitle() != "Songjiao (locked)"
    qtbot.waitUntil(lambda: not _covers(editor) and not _covers(window), timeout=2000)
    assert editor.level_form.value("needs") == "hold a spoon" and editor.is_dirty()
    needs.setFocus()
    QTest.keyClicks(needs, " by herself")
    assert editor.level_form.value("needs") == "hold a spoon by herself"
    log = caplog.text
    assert "window locked (idle)" in log and "wrong password at the lock (2 in a row)" in log
    assert PASSWORD not in log and "wrong one" not in log and "小明" not in log


def test_sleep_suspend_and_the_screen_saver_lock_too(qtbot, school, make_window, english):
    window = make_window(school.t1)
    now = [1000.0]
    lock = window.lock
    lock.clock = lambda: now[0]  # the wall clock, as the machine's sleep moves it
    lock.check_clock()
    now[0] += 5
    lock.check_clock()  # an ordinary tick
    assert not lock.locked
    now[0] += 3600  # the lid was closed for an hour
    lock.check_clock()
    assert lock.locked
    lock.unlock()
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert not lock.locked  # another program took the focus: not a reason
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert lock.locked
    lock.unlock()
    lock.on_screensaver(False)
    assert not lock.locked
    lock.on_screensaver(True)  # what the desktop's screen saver says over D-Bus when the session locks
    assert lock.locked
    lock.unlock()
    lock.on_prepare_for_sleep(True)
    assert lock.locked
    lock.unlock()


def test_escape_and_closing_do_not_get_past_the_lock(qtbot, school, make_window, english):
    window = make_window(school.t1)
    window.lock.lock("test")
    prompt = window.lock.prompt
    assert prompt is not None and _prompt() is prompt
    QTest.keyClick(prompt.password, Qt.Key.Key_Escape)
    assert prompt.close() is False
    assert _prompt() is prompt and window.lock.locked
    prompt.password.setText(PASSWORD)
    click(qtbot, prompt, "Unlock")
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=5000)


def test_the_idle_time_is_a_setting_of_this_computer(qtbot, school, make_window, english):
    from app.ui.lock import lock_minutes

    window = make_window(school.admin)
    assert lock_minutes(window.session) == DEFAULT_MINUTES
    page = window.show_page("settings")
    wait_idle(qtbot, window.session)
    tab = page.language_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.lock_minutes.value() == DEFAULT_MINUTES
    tab.lock_minutes.setFocus()
    tab.lock_minutes.selectAll()
    QTest.keyClicks(tab.lock_minutes, "3")
    assert tab.lock_minutes.value() == 3
    assert window.lock._idle.interval() == DEFAULT_MINUTES * 60_000  # not before Apply
    rebuilt: list[str] = []
    window.language_requested.connect(rebuilt.append)
    click(qtbot, tab, "Apply")
    assert window.lock._idle.interval() == 3 * 60_000
    assert lock_minutes(window.session) == 3  # kept for the next start on this computer
    # The idle time alone does not rebuild the window (it closed the editors and left this tab).
    assert rebuilt == [] and page.tabs.currentWidget() is tab
    assert window.statusBar().currentMessage() == "Saved."


@pytest.fixture
def private_bus():
    """A D-Bus daemon of this test's own (the machine's session bus is not there on a build server)."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed")
    started = subprocess.run(
        [daemon, "--session", "--fork", "--print-address=1", "--print-pid=1", "--nopidfile"],
        capture_output=True,
        text=True,
        check=True,
        timeout=20,
    )
    address, pid = started.stdout.split()[:2]
    yield address
    os.kill(int(pid), signal.SIGTERM)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the desktop's screen saver speaks D-Bus")
def test_the_screen_saver_locking_the_session_locks_the_window_over_dbus(
    qtbot, school, make_window, english, private_bus
):
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    from app.ui.lock import _dbus_watch

    window = make_window(school.t1)
    ours = QDBusConnection.connectToBus(private_bus, "songjiao-test-app")
    assert ours.isConnected()
    desktop = QDBusConnection.connectToBus(private_bus, "songjiao-test-desktop")
    assert desktop.registerService("org.freedesktop.ScreenSaver")
    subscribed = _dbus_watch(window.lock, session_bus=ours, system_bus=ours)
    assert "org.freedesktop.ScreenSaver" in subscribed

    def say(active: bool) -> None:
        message = QDBusMessage.createSignal(
            "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
        )
        message.setArguments([active])
        assert desktop.send(message)

    say(False)
    qtbot.wait(300)
    assert not window.lock.locked
    say(True)  # the user pressed Super+L
    qtbot.waitUntil(lambda: window.lock.locked, timeout=5000)
    window.lock.unlock()
    QDBusConnection.disconnectFromBus("songjiao-test-app")
    QDBusConnection.disconnectFromBus("songjiao-test-desktop")


def test_the_lock_speaks_chinese(qtbot, school, make_window, chinese):
    window = make_window(school.t1)
    window.lock.lock("test")
    prompt = window.lock.prompt
    assert prompt is not None
    assert prompt.windowTitle() == "送教系统已锁定" and prompt.unlock_button.text() == "解锁"
    assert "张老师" in prompt.note.text() and "密码" in prompt.note.text()
    assert window.windowTitle() == "送教系统（已锁定）"
    prompt.password.setText(PASSWORD)
    click(qtbot, prompt, "解锁")
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=5000)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="logind speaks D-Bus")
def test_logind_locking_the_session_locks_the_window_over_dbus(
    qtbot, school, make_window, english, private_bus
):
    """`loginctl lock-session` (and desktops without a screen saver interface, through xss-lock): logind's
    Lock on the session's own path."""
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    from app.ui.lock import _dbus_watch

    window = make_window(school.t1)
    ours = QDBusConnection.connectToBus(private_bus, "songjiao-test-app")
    logind = QDBusConnection.connectToBus(private_bus, "songjiao-test-logind")
    assert logind.registerService("org.freedesktop.login1")
    assert "login1.Session" in _dbus_watch(window.lock, session_bus=ours, system_bus=ours)

    def say(interface: str, member: str) -> None:
        assert logind.send(
            QDBusMessage.createSignal("/org/freedesktop/login1/session/_32", interface, member)
        )

    say("org.freedesktop.login1.Session", "Unlock")
    qtbot.wait(300)
    assert not window.lock.locked
    say("org.freedesktop.login1.Session", "Lock")
    qtbot.waitUntil(lambda: window.lock.locked, timeout=5000)
    window.lock.unlock()
    QDBusConnection.disconnectFromBus("songjiao-test-app")
    QDBusConnection.disconnectFromBus("songjiao-test-logind")


def test_where_nothing_is_told_the_clock_tick_asks_whether_the_screen_is_locked(
    qtbot, school, make_window, english
):
    """macOS: the tick asks CoreGraphics (app.ui.lock.quartz_screen_locked); here a stand-in answers."""
    from app.ui.lock import quartz_screen_locked

    window = make_window(school.t1)
    lock = window.lock
    now, screen, asked = [1000.0], [False], []
    lock.clock = lambda: now[0]
    lock.check_clock()

    def screen_locked() -> bool:
        asked.append(screen[0])
        return screen[0]

    lock.screen_locked = screen_locked
    now[0] += 5
    lock.check_clock()
    assert asked == [False] and not lock.locked
    screen[0] = True  # the user locked the Mac's screen
    now[0] += 5
    lock.check_clock()
    assert lock.locked and lock.prompt is not None
    now[0] += 5
    lock.check_clock()  # locked already: not asked again, one prompt
    assert len(asked) == 2
    lock.unlock()
    if sys.platform != "darwin":
        assert quartz_screen_locked() is None  # no CoreGraphics here: the idle time and the clock still lock
