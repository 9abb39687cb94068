"""The lock: after an idle time, or when the machine sleeps or the session locks, every window of the app is
covered and the logged-in user's password is needed to go on. Nothing is closed: editors keep their unsaved
text under the cover, so drafts survive the lock.

What each platform tells a Qt program (docs/architecture.md, "The lock"):

- idle: Qt sees every key and mouse event of the app (an event filter on the application), on every platform.
- sleep, lid closed: Qt has no signal. A 5-second timer notices the wall clock jumping (the process was
  frozen while the machine slept), on every platform; on Windows WM_POWERBROADCAST/PBT_APMSUSPEND too, and on
  Linux logind's PrepareForSleep (D-Bus, system bus).
- session locked: Windows sends WM_WTSSESSION_CHANGE/WTS_SESSION_LOCK once registered; on Linux the desktop's
  screen saver says ActiveChanged(true) (org.freedesktop.ScreenSaver, org.gnome.ScreenSaver; D-Bus, session
  bus), and logind's Lock on the session (system bus). macOS gives a Qt program no notice (they are
  NSWorkspace's, outside Qt): the clock's tick asks CoreGraphics whether the screen is locked instead.
- QGuiApplication.applicationStateChanged: Suspended/Hidden (delivered on Android and iOS) lock; Inactive is
  not used, because desktop Qt sends it whenever another program takes the focus.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import (
    SLOT,
    QAbstractNativeEventFilter,
    QByteArray,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.messages import error_text
from app.ui.prefs import load_prefs
from app.ui.session import AppSession
from app.ui.widgets.retry import RetryWait
from app.ui.widgets.style import error_label, make_heading, password_field

if TYPE_CHECKING:  # QtDBus is imported where it is used: a Qt without it still locks
    from PySide6.QtDBus import QDBusConnection

    from app.services.context import Actor

log = logging.getLogger(__name__)

DEFAULT_MINUTES = 10
MIN_MINUTES, MAX_MINUTES = 1, 120
PREF = "lock_minutes"
CLOCK_TICK_MS = 5000
SLEPT_AFTER_S = 60.0  # the wall clock moved this much more than a tick: the machine was asleep

_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
        QEvent.Type.InputMethod,
    }
)


def lock_minutes(session: AppSession) -> int:
    """The idle time of this computer (Settings > This computer), within bounds whatever the file says."""
    value = load_prefs(session.paths).get(PREF, DEFAULT_MINUTES)
    try:
        return max(MIN_MINUTES, min(MAX_MINUTES, int(value)))
    except (TypeError, ValueError):
        return DEFAULT_MINUTES


class _Cover(QWidget):
    """An opaque sheet over one window's content while the app is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setGeometry(window.rect())
        self.show()
        self.raise_()


class LockWindow(QDialog):
    """The password prompt: application-modal, so no other window takes a key or a click meanwhile."""

    unlocked = Signal()

    def __init__(self, lock: SessionLock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lock = lock
        self.failures = 0
        self.setObjectName("lock_window")
        self.setWindowTitle(self.tr("Songjiao is locked"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        # No close button: the window goes only with the password.
        self.setWindowFlags(
            (self.windowFlags() | Qt.WindowType.CustomizeWindowHint | Qt.WindowType.WindowTitleHint)
            & ~Qt.WindowType.WindowCloseButtonHint
        )
        self.setMinimumWidth(380)
        column = QVBoxLayout(self)
        heading = QLabel(self.tr("Locked"))
        make_heading(heading, 1.3)
        column.addWidget(heading)
        self.note = QLabel(
            self.tr(
                "Songjiao locked itself to protect the children's records. Your open work is kept. "
                "Enter the password of {name} to continue."
            ).format(name=lock.session.actor.display_name)
        )
        self.note.setWordWrap(True)
        column.addWidget(self.note)
        password_label = QLabel(self.tr("&Password:"))
        self.password = password_field(self.tr("Password"))
        password_label.setBuddy(self.password)
        column.addWidget(password_label)
        column.addWidget(self.password)
        self.error = error_label()
        column.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        row.addWidget(self.unlock_button)
        column.addLayout(row)
        self.password.returnPressed.connect(self.try_unlock)
        self.wait = RetryWait(
            self.error, [self.password, self.unlock_button], self, done=lambda: self.password.setFocus()
        )

    def reject(self) -> None:  # Escape does not get past the lock
        pass

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt naming
        event.ignore()

    def try_unlock(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        from app.services import lock

        self.unlock_button.setEnabled(False)
        self.password.setEnabled(False)
        self.lock.session.write(
            lock.unlock, self.password.text(), on_done=self._right, on_error=self._wrong, initiator=self
        )

    def _right(self, _actor: Actor) -> None:
        self.failures = 0
        self.password.clear()
        self.error.hide()
        self.password.setEnabled(True)
        self.unlock_button.setEnabled(True)
        self.unlocked.emit()

    def _wrong(self, error: BaseException) -> None:
        from app.services.errors import AuthError
        from app.services.throttle import failure_delay

        self.failures += 1
        log.info("wrong password at the lock (%d in a row)", self.failures)  # never who, never what
        self.password.clear()
        # The lock asks for the password only: "wrong user name or password" would point at a field not there.
        wrong = isinstance(error, AuthError) and error.message_id == "login.failed"
        self.wait.start(
            self.tr("Wrong password.") if wrong else error_text(error), failure_delay(self.failures)
        )


class SessionLock(QObject):
    """Watches for idleness, sleep and the session lock, and covers the app until the password is given."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QWidget,
        session: AppSession,
        minutes: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(window)
        self.window_, self.session, self.clock = window, session, clock
        self.prompt: LockWindow | None = None
        self._covers: dict[QWidget, tuple[_Cover, str]] = {}
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(lambda: self.lock("idle"))
        self.set_minutes(minutes if minutes is not None else lock_minutes(session))
        self._last_tick = clock()
        self._tick = QTimer(self)
        self._tick.setInterval(CLOCK_TICK_MS)
        self._tick.timeout.connect(self.check_clock)
        self._tick.start()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self.on_application_state)
        self.screen_locked: Callable[[], bool] | None = None  # asked on each tick where nothing is told
        self._native = _platform_watch(self)

    @property
    def locked(self) -> bool:
        return self.prompt is not None

    def set_minutes(self, minutes: float) -> None:
        """Idle time before the lock (a fraction of a minute only in tests)."""
        self._idle.setInterval(max(1, int(minutes * 60_000)))
        if not self.locked:
            self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind in _INPUT and not self.locked:
            self._idle.start()
        elif kind == QEvent.Type.Resize and watched in self._covers:
            assert isinstance(watched, QWidget)
            self._covers[watched][0].setGeometry(watched.rect())
        return False

    # --- what locks ---------------------------------------------------------------------------------------

    def check_clock(self) -> None:
        """The wall clock jumped ahead of the tick: the process was frozen, the machine asleep (lid closed)."""
        now = self.clock()
        slept = now - self._last_tick > CLOCK_TICK_MS / 1000 + SLEPT_AFTER_S
        self._last_tick = now
        if slept:
            self.lock("sleep")
        elif self.screen_locked is not None and not self.locked and self.screen_locked():
            self.lock("session locked")

    @Slot(Qt.ApplicationState)
    def on_application_state(self, state: Qt.ApplicationState) -> None:
        if state in (Qt.ApplicationState.ApplicationSuspended, Qt.ApplicationState.ApplicationHidden):
            self.lock("suspended")

    @Slot(bool)
    def on_screensaver(self, active: bool) -> None:
        if active:
            self.lock("session locked")

    @Slot(bool)
    def on_prepare_for_sleep(self, starting: bool) -> None:
        if starting:
            self.lock("sleep")

    @Slot()
    def on_session_lock(self) -> None:
        self.lock("session locked")

    # --- locking and unlocking ----------------------------------------------------------------------------

    def lock(self, reason: str = "asked") -> None:
        if self.locked or not self.window_.isVisible():  # a closed window (logged out) has nothing to guard
            return
        log.info("window locked (%s)", reason)
        self._idle.stop()
        for _nested in range(5):  # an open menu or drop-down list would stay above the cover
            popup = QApplication.activePopupWidget()
            if popup is None:
                break
            popup.close()
        title = self.tr("Songjiao (locked)")
        for window in QApplication.topLevelWidgets():
            if (
                window.isVisible()
                and not isinstance(window, LockWindow)
                and window.windowType()
                in (
                    Qt.WindowType.Window,
                    Qt.WindowType.Dialog,
                )
            ):
                # Editor titles may name a child: they go under the cover too.
                self._covers[window] = (_Cover(window), window.windowTitle())
                window.setWindowTitle(title)
        self.prompt = LockWindow(self, self.window_)
        self.prompt.unlocked.connect(self.unlock)
        self.prompt.show()
        self.prompt.raise_()
        self.prompt.activateWindow()
        self.prompt.password.setFocus()
        self.locked_changed.emit(True)

    def unlock(self) -> None:
        prompt, self.prompt = self.prompt, None
        if prompt is None:
            return
        prompt.hide()
        prompt.deleteLater()
        for window, (cover, title) in self._covers.items():
            cover.deleteLater()
            window.setWindowTitle(title)
        self._covers.clear()
        log.info("window unlocked")
        self._idle.start()
        self.locked_changed.emit(False)


# --- platform notices -------------------------------------------------------------------------------------


def _platform_watch(lock: SessionLock) -> _WindowsWatch | list[str] | None:
    """Subscribe to the session-lock and sleep notices the platform gives; what is kept alive with the lock."""
    if sys.platform == "win32":
        return _WindowsWatch(lock)
    if sys.platform.startswith("linux"):
        return _dbus_watch(lock)
    if sys.platform == "darwin":
        lock.screen_locked = quartz_screen_locked()
    return None


def quartz_screen_locked() -> Callable[[], bool] | None:
    """macOS: whether the login window covers the session (the screen locked), read on the clock's tick.

    macOS tells a program through NSWorkspace/NSDistributedNotificationCenter, which Qt does not forward; the
    session dictionary of CoreGraphics (CGSessionCopyCurrentDictionary, through ctypes: no PyObjC) carries
    ``CGSSessionScreenIsLocked`` = true while the screen is locked. None where CoreGraphics is not there."""
    import ctypes
    import ctypes.util

    def framework(name: str) -> ctypes.CDLL:
        # By its path when find_library finds nothing: dlopen never finds a framework by its bare name.
        path = ctypes.util.find_library(name) or f"/System/Library/Frameworks/{name}.framework/{name}"
        return ctypes.cdll.LoadLibrary(path)

    try:
        graphics = framework("CoreGraphics")
        cf = framework("CoreFoundation")
        copy_session = graphics.CGSessionCopyCurrentDictionary
        names = "DictionaryGetValue GetTypeID BooleanGetTypeID NumberGetTypeID BooleanGetValue NumberGetValue"
        names += " Release StringCreateWithCString"
        functions = [getattr(cf, f"CF{name}") for name in names.split()]
    except (OSError, AttributeError):
        log.info("screen lock notices not available")
        return None
    pointer, type_id = ctypes.c_void_p, ctypes.c_ulong
    copy_session.restype, copy_session.argtypes = pointer, []
    get_value, get_type, boolean_type, number_type, boolean, number, release, make_string = functions
    get_value.restype, get_value.argtypes = pointer, [pointer, pointer]
    get_type.restype, get_type.argtypes = type_id, [pointer]
    boolean_type.restype = number_type.restype = type_id
    boolean.restype, boolean.argtypes = ctypes.c_bool, [pointer]
    number.restype, number.argtypes = ctypes.c_bool, [pointer, ctypes.c_long, pointer]
    release.restype, release.argtypes = None, [pointer]
    make_string.restype, make_string.argtypes = pointer, [pointer, ctypes.c_char_p, ctypes.c_uint32]
    key = make_string(None, b"CGSSessionScreenIsLocked", 0x08000100)  # kCFStringEncodingUTF8; kept for good
    a_boolean, a_number, int_type = boolean_type(), number_type(), 9  # kCFNumberIntType

    def locked() -> bool:
        session = copy_session()
        if not session:  # no window server session (over ssh): nothing to tell
            return False
        try:
            value = get_value(session, key)  # present while the screen is locked: a CFBoolean or a CFNumber
            if not value:
                return False
            if get_type(value) == a_boolean:
                return bool(boolean(value))
            held = ctypes.c_int(0)
            return (
                get_type(value) == a_number
                and bool(number(value, int_type, ctypes.byref(held)))
                and held.value != 0
            )
        finally:
            release(session)

    return locked


def _dbus_watch(
    lock: SessionLock, session_bus: QDBusConnection | None = None, system_bus: QDBusConnection | None = None
) -> list[str]:
    """The D-Bus notices subscribed (tests pass a private bus)."""
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:  # a Qt without D-Bus: the idle time and the clock still lock
        return []
    subscribed = []
    # PySide6 takes the slot as SLOT()'s str; its stubs say bytes.
    screensaver, sleep, session_lock = (
        cast(bytes, SLOT("on_screensaver(bool)")),
        cast(bytes, SLOT("on_prepare_for_sleep(bool)")),
        cast(bytes, SLOT("on_session_lock()")),
    )
    session_bus = session_bus or QDBusConnection.sessionBus()
    system_bus = system_bus or QDBusConnection.systemBus()
    for service, path in (
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
    ):
        if session_bus.isConnected() and session_bus.connect(
            service,
            path,
            service,
            "ActiveChanged",
            lock,
            screensaver,
        ):
            subscribed.append(service)
    if system_bus.isConnected() and system_bus.connect(
        "org.freedesktop.login1",
        "/org/freedesktop/login1",
        "org.freedesktop.login1.Manager",
        "PrepareForSleep",
        lock,
        sleep,
    ):
        subscribed.append("login1")
    # logind's Lock on the session (loginctl lock-session, and desktops without the screen saver interface:
    # Xfce, LXQt, a bare window manager with xss-lock). The path names the session, so any path is taken.
    if system_bus.isConnected() and system_bus.connect(
        "org.freedesktop.login1",
        "",
        "org.freedesktop.login1.Session",
        "Lock",
        lock,
        session_lock,
    ):
        subscribed.append("login1.Session")
    return subscribed


WM_POWERBROADCAST, PBT_APMSUSPEND = 0x0218, 0x0004
WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK = 0x02B1, 0x0007


class _WindowsWatch(QAbstractNativeEventFilter):
    """WM_WTSSESSION_CHANGE (after WTSRegisterSessionNotification) and WM_POWERBROADCAST, from Qt's native
    event stream."""

    def __init__(self, lock: SessionLock) -> None:
        super().__init__()
        self.lock = lock
        try:
            import ctypes

            ctypes.windll.wtsapi32.WTSRegisterSessionNotification(int(lock.window_.winId()), 0)  # type: ignore[attr-defined]
        except (OSError, AttributeError):
            log.info("session lock notices not available")
        app = QApplication.instance()
        assert app is not None
        app.installNativeEventFilter(self)
        lock.destroyed.connect(lambda: app.removeNativeEventFilter(self))

    def nativeEventFilter(  # noqa: N802 - Qt naming
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        kind = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if kind == b"windows_generic_MSG":
            import ctypes.wintypes

            msg = ctypes.wintypes.MSG.from_address(int(message))
            if (msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK) or (
                msg.message == WM_POWERBROADCAST and msg.wParam == PBT_APMSUSPEND
            ):
                QTimer.singleShot(0, lambda: self.lock.lock("session locked"))  # not inside the native call
        return False, 0
