"""Starting the desktop app: QApplication, translators, the guarded database open, first run or login, window."""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.paths import AppPaths, resource
from app.ui import i18n
from app.ui.prefs import load_prefs, save_prefs
from app.ui.tasks import BaseRunner, ThreadRunner
from app.ui.widgets.style import apply_text_size

if TYPE_CHECKING:  # imported when a window opens: the login must not wait for it
    import datetime as dt

    from app.services.backup import BackupInfo
    from app.services.context import Actor, Store
    from app.services.exchange.join import JoinResult
    from app.ui.dialogs.login import PendingStore
    from app.ui.main_window import MainWindow
    from app.ui.pages.exchange import ExchangePage
    from app.ui.session import AppSession

log = logging.getLogger(__name__)

TIMINGS: dict[str, float] = {}  # start-up milestones in seconds since run_gui began (read by the benchmark)
_T0 = [0.0]
_FROZEN_AFTER_LOGIN: list[bool] = []


def mark(name: str) -> None:
    TIMINGS[name] = time.perf_counter() - _T0[0]


def freeze_heap() -> None:
    """Move every object alive now out of the cyclic collector's sight (gc.freeze).

    The modules, Qt wrappers and SQLAlchemy mappers of start-up are ~130 000 long-lived objects; each full
    (gen 2) collection walked them all: 55-80 ms measured on the UI thread or in the middle of a page's query.
    Frozen, a full collection took ~6 ms. Called once when the application starts and once after the first
    login; what start-up leaves as cyclic garbage is then kept, a small and bounded cost.
    """
    gc.freeze()


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, high-DPI friendly (fractional scaling as the OS asks, e.g. 125 %, 150 %)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Songjiao")
    app.setOrganizationName("Songjiao")
    app.setApplicationDisplayName("送教上门 Songjiao")
    # Every window without its own icon takes the application's (title bar, taskbar, Alt+Tab).
    app.setWindowIcon(QIcon(str(resource("icons/songjiao.png"))))
    if sys.platform.startswith("linux"):
        app.setDesktopFileName("org.songjiao.Songjiao")  # docks match the window to packaging/linux/*.desktop
    add_fallback_font()
    freeze_heap()
    return app


def add_fallback_font() -> str | None:
    """The PDFs' fallback font backs the window too: where no system font has a name's CJK Extension B
    character (𠮷, 𬣙), Qt's font fallback takes it from here instead of drawing a box. Its family, or None."""
    font_id = QFontDatabase.addApplicationFont(str(resource("fonts/songjiao-han-fallback.ttf")))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else None


def show_fatal(message: str) -> None:
    """A start-up failure before anything is translated (the catalogues may be what is missing): both languages."""
    app = QApplication.instance() or QApplication(sys.argv[:1])  # no icon: it may be missing too
    QMessageBox.critical(None, "送教上门 Songjiao", f"送教上门安装不完整，请重新安装。\n\n{message}")
    del app


def open_store_or_explain(
    paths: AppPaths, alert: Callable[[str, str], None], key: bytes | None = None
) -> Store | None:
    """Open the database through the migration guard; on refusal explain (nothing changed) and return None.
    ``key``: an encrypted database's (after a restore, the session's key)."""
    from app.services import setup
    from app.services.errors import ServiceError
    from app.ui.messages import error_text

    schema_error = setup.SchemaError  # the guard's refusal (a newer or foreign database)
    try:
        return setup.open_store(paths, key=key)
    except (schema_error, ServiceError) as error:
        alert(
            QApplication.translate("App", "Cannot open the database"),
            error_text(error) + "\n\n" + paths.where,
        )
        return None


class Controller(QObject):
    """Moves between the first-run wizard, the login dialog and the main window for one database."""

    def __init__(
        self,
        paths: AppPaths,
        runner: BaseRunner | None = None,
        today: dt.date | None = None,
        language: str | None = None,
    ) -> None:
        super().__init__()
        self.language = language  # forces the language (screenshots); else the user's own choice
        self.paths = paths
        self.runner = runner or ThreadRunner()
        self.today = today
        self.store: Store | None = None
        self.window: MainWindow | None = None
        self.session: AppSession | None = None  # the session of the open window
        self.pending_file: Path | None = None  # a .sjb/.sjj given on the command line, opened once possible

    @property
    def opened(self) -> Store:
        """The open database: every step after :meth:`start` opened it has one."""
        assert self.store is not None, "no database open yet"
        return self.store

    @staticmethod
    def _exchange_page(window: MainWindow) -> ExchangePage:
        from app.ui.pages.exchange import ExchangePage

        page = window.show_page("exchange")
        assert isinstance(page, ExchangePage)
        return page

    def exec_dialog(self, dialog: QDialog) -> int:
        """Run a modal dialog (tests drive the dialog instead)."""
        return dialog.exec()

    def alert(self, title: str, text: str) -> None:
        QMessageBox.critical(self.window, title, text)

    def start(self) -> bool:
        """Show the login dialog at once when a previous login left its list; else open, then decide."""
        cached = load_prefs(self.paths).get("login_cache")
        encrypted = not self.paths.on_server and self.paths.db_path.exists() and self.paths.key_file.exists()
        if (
            cached and cached.get("users") and (self.paths.on_server or self.paths.db_path.exists())
        ) or encrypted:
            from app.ui.opener import StoreOpener

            opener = StoreOpener(self.paths)
            if not (cached and cached.get("users")):
                # Nothing to show before the open: wait for it (a set-up never finished opens as a new file).
                store, _error = opener.wait()
                if store is not None:
                    self.store = store
                    mark("store_open")
                    return self.enter()
            # The open starts at the event loop's first pass, once the dialog is built and shown, not before:
            # its imports (SQLAlchemy, the services, the window's pages) would hold the GIL half the time
            # while the dialog is made and drawn. A password typed before then waits for it (opener.wait).
            QTimer.singleShot(0, opener.start)
            return self.login(opener, cached or {})
        self.store = open_store_or_explain(self.paths, self.alert)
        mark("store_open")
        if self.store is None:
            return False
        return self.enter()

    def enter(self) -> bool:
        """The first-run wizard on an empty database, otherwise the login dialog; then the window."""
        from app.services import school
        from app.services.context import ServiceContext

        if not school.is_set_up(ServiceContext(self.opened)):
            if self.pending_file is not None and self.pending_file.suffix.lower() == ".sjj":
                # A double-clicked join file on a new laptop: the join dialog with the file filled in;
                # joined, log in; given up, the first-run wizard as usual.
                join_file, self.pending_file = self.pending_file, None
                joined = self.join(join_file)
                if joined is not None:
                    return self._login_after_join(joined.username)
            from app.ui.dialogs.first_run import FirstRunWizard

            wizard = FirstRunWizard(self.opened, today=self.today, runner=self.runner)
            if self.exec_dialog(wizard) != QDialog.DialogCode.Accepted:
                return False
            if wizard.actor is not None:
                from app.ui.dialogs.login import login_cache

                self.show_recovery_key(wizard.actor)

                save_prefs(self.paths, login_cache=login_cache(self.opened))
                self.show_main(wizard.actor)
                return True
            if wizard.demo_result is not None:
                return self.login(hint=wizard.demo_hint())
            if wizard.join_result is not None:
                return self._login_after_join(wizard.join_result.username)
        return self.login()

    def _login_after_join(self, username: str) -> bool:
        """A joined laptop's database opens with the teacher's password: the open empty one is closed. The
        join knows whose laptop it is: the log-in shows their user name and waits for the password only."""
        if self.store is not None:
            self.store.dispose()
            self.store = None
        return self.login(user=username)

    def show_recovery_key(self, actor: Actor) -> None:
        """Once, after set-up: the school's new recovery key, to be saved as a sheet for the safe."""
        from app.services import setup
        from app.services.context import ServiceContext

        self._show_key(setup.make_recovery_key(ServiceContext(self.opened, actor)), actor)

    def _show_key(self, text: str | None, actor: Actor, *, replaced: bool = False) -> None:
        from app.services import school
        from app.services.context import ServiceContext
        from app.ui.dialogs.recovery import RecoveryKeyDialog

        if text is not None:
            name = school.get_school(ServiceContext(self.opened, actor)).name
            self.exec_dialog(RecoveryKeyDialog(text, name, replaced=replaced))

    def login(
        self,
        opener: PendingStore | None = None,
        cached: dict[str, Any] | None = None,
        hint: str = "",
        user: str | None = None,
    ) -> bool:
        """``user``: the user name to show (after a join); else the last one who logged in here."""
        from app.ui.dialogs.login import LoginDialog, login_cache

        last_user = user or load_prefs(self.paths).get("last_user")
        if opener is not None:
            dialog = LoginDialog(
                opener=opener, cached=cached, last_user=last_user, today=self.today, paths=self.paths
            )
        else:
            dialog = LoginDialog(
                self.store, last_user=last_user, today=self.today, hint=hint, paths=self.paths
            )
        mark("login_shown")
        accepted = self.exec_dialog(dialog) == QDialog.DialogCode.Accepted
        if opener is not None:
            opened, error = opener.wait()
            self.store = dialog.store or opened  # an encrypted database was opened by the password
            if error is not None:
                from app.ui.messages import error_text

                self.alert(
                    QApplication.translate("App", "Cannot open the database"),
                    error_text(error) + "\n\n" + self.paths.where,
                )
                return False
        if not accepted or dialog.actor is None:
            return False
        # The dialog's store: an encrypted database opened by the password, or a plaintext one it encrypted.
        self.store = dialog.store or self.store
        save_prefs(self.paths, last_user=dialog.username(), login_cache=login_cache(self.opened))
        if self.opened.notice:  # this log-in encrypted a plaintext database in place
            QMessageBox.information(
                None, QApplication.translate("App", "The database is encrypted now"), _encrypted_note()
            )
            self._show_key(self.opened.recovery_key, dialog.actor)
        elif dialog.recovered_user:  # a recovery-key log-in: that key has been out of the safe
            self.offer_new_recovery_key(dialog.actor)
        self.show_main(dialog.actor)
        return True

    def offer_new_recovery_key(self, actor: Actor) -> None:
        """After a recovery-key log-in: the key was taken out of the safe and typed or read here, so count it as
        seen and offer a new one at once (accepted: the new sheet is shown and the used key stops working;
        postponed: Settings › Users and roles makes one later)."""
        from app.services import setup
        from app.services.context import ServiceContext
        from app.services.errors import ServiceError
        from app.ui.messages import error_text

        ctx = ServiceContext(self.opened, actor)
        if setup.recovery_key_refusal(ctx) is not None:
            return
        answer = QMessageBox.question(
            None,
            QApplication.translate("App", "Replace the recovery key"),
            QApplication.translate(
                "App",
                "You logged in with the school's recovery key. It has been out of the safe and typed or read "
                "on this computer, so count it as seen. Make a new recovery key now? The used one then stops "
                "opening the records. (Later: Settings › Users and roles › Make a new recovery key.)",
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            log.info("new recovery key postponed after a recovery log-in")
            return
        try:
            # The administrator set their password in this same step: that is the re-authentication.
            text = setup.replace_recovery_key(ctx, None)
        except (ServiceError, OSError) as error:
            self.alert(QApplication.translate("App", "Cannot make a new recovery key"), error_text(error))
            return
        self._show_key(text, actor, replaced=True)

    def show_main(self, actor: Actor, page: str | None = None) -> QWidget:
        from app.services import users
        from app.services.context import ServiceContext
        from app.ui.main_window import MainWindow
        from app.ui.session import AppSession

        language = self.language or load_prefs(self.paths).get("language")
        if actor.role != "system" and not self.language:
            language = users.get_user(ServiceContext(self.opened), actor.id).language or language
        language = i18n.install_translators(language or i18n.current_language())
        self.session = AppSession(self.opened, self.runner, actor, language=language, today=self.today)
        log.info("logged in: user %s (%s), language %s", actor.id, actor.role, language)  # ids, never names
        self.window = MainWindow(self.session)
        self.window.logout_requested.connect(self.on_logout)
        self.window.language_requested.connect(self.on_language)
        self.window.restore_requested.connect(self.on_restore)
        if page:
            self.window.show_page(page)
        self.window.show()
        mark("window_shown")
        if not _FROZEN_AFTER_LOGIN:  # once: the first window's pages and mappers live all session
            _FROZEN_AFTER_LOGIN.append(True)
            freeze_heap()
        self._schedule_backup()
        if self.pending_file is not None:
            file, self.pending_file = self.pending_file, None
            self.open_file(file)
        return self.window

    def join(self, file: Path) -> JoinResult | None:
        """The join dialog with ``file`` filled in (the passphrase comes separately); what it joined, if it did."""
        from app.ui.dialogs.exchange_join import JoinSchoolDialog

        dialog = JoinSchoolDialog(
            self.paths, self.window, self.runner, key=self.store.key if self.store is not None else None
        )
        dialog.file.setText(str(file))
        self.exec_dialog(dialog)
        return dialog.result_

    def open_file(self, file: Path) -> None:
        """Open a file the user double-clicked: a bundle (.sjb) is imported, a join file (.sjj) joined.

        Before login it waits (pending_file) until the window is there; the exchange page then imports it
        with its usual progress, confirmation of many deletions and report, as if chosen there.
        """
        if self.window is None:
            self.pending_file = file
            return
        suffix = file.suffix.lower()
        if suffix == ".sjb":
            self._exchange_page(self.window).receive([file])
        elif suffix == ".sjj":
            self.join(file)
        else:
            QMessageBox.warning(
                self.window,
                QApplication.translate("App", "Cannot open this file"),
                QApplication.translate("App", "Songjiao opens exchange files (.sjb) and join files (.sjj)."),
            )

    def on_message(self, file: Path | None) -> None:
        """A second start on this database: come forward (window or login dialog) and open its file."""
        target = self.window or QApplication.activeModalWidget()
        if target is not None:
            if target.isMinimized():
                target.showNormal()
            target.raise_()
            target.activateWindow()
        if file is not None:
            self.open_file(file)

    def _schedule_backup(self) -> None:
        from app.services import backup, school
        from app.services.context import ServiceContext

        store, paths = self.opened, self.paths

        def due() -> BackupInfo | None:
            info = school.get_school(ServiceContext(store))
            return backup.backup_if_due(paths, info.backup_every_hours, info.backup_keep, key=store.key)

        def failed(error: BaseException) -> None:
            log.warning("scheduled backup failed: %s", type(error).__name__)
            if self.window is not None:
                self.window.show_backup_failure(error)

        self.runner.submit(due, on_error=failed, name="scheduled-backup")

    def _close_window(self) -> None:
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
            self.window = None

    def on_logout(self) -> None:
        self._close_window()
        if not self.login():
            QApplication.quit()

    def on_language(self, language: str) -> None:
        """Switch language: remember it for the user, rebuild the window on the same page."""
        from app.services import users

        assert self.session is not None
        actor = self.session.actor
        assert self.window is not None  # the window asked for it
        page = next((k for k, p in self.window.pages.items() if p is self.window.current_page()), None)
        save_prefs(self.paths, language=language)
        if actor.role != "system":
            with contextlib.suppress(Exception):  # the preference file still holds it
                users.update_user(self.session.ctx, actor.id, {"language": language})
        i18n.install_translators(language)
        self._close_window()
        self.show_main(actor, page)

    def on_restore(self, path: Path, backup_key: bytes | None = None) -> None:
        """Restore a backup: stop the worker, close every connection, replace the file, reopen, log in again.

        ``backup_key``: the backup's own key when it was made under another one (unwrapped in Settings from a
        password or recovery key of the backup's key file); else the session's key opens it."""
        from app.services import backup
        from app.services.errors import ServiceError
        from app.ui.messages import error_text

        self._close_window()
        self.runner.shutdown()
        key = self.opened.key
        restore_key = key if backup_key is None else backup_key
        self.opened.dispose()
        title = QApplication.translate("App", "Cannot restore")
        try:
            # restore() checks the backup with its key before it touches anything: a wrong one changes nothing.
            backup.restore(self.paths, path, key=restore_key, current_key=key)
            role = backup.exchange_role_after_restore(self.paths, restore_key)
        except ServiceError as error:
            self.alert(title, error_text(error))
        except Exception as error:
            # A locked file, a full disk, a second instance holding the database: whatever it is, the app must
            # come back to its login, never stay running without a window.
            log.exception("restore failed: %s", type(error).__name__)
            reason = getattr(error, "strerror", None) or type(error).__name__
            self.alert(
                title,
                QApplication.translate(
                    "App",
                    "The backup could not be put in place ({reason}). Close any other program using the "
                    "database and try again.",
                ).format(reason=reason),
            )
        else:
            if role is not None:  # a joined copy: what the restore means for exchange
                self.alert(QApplication.translate("App", "Exchange stopped"), _restore_note(role))
        # Restored, the database has the backup's key (and key file); refused or failed, still the old one.
        if (
            not self.paths.on_server
            and self.paths.db_path.exists()
            and not backup.opens_with(self.paths.db_path, key)
        ):
            key = restore_key
        self.store = open_store_or_explain(self.paths, self.alert, key)
        if self.store is None or not self.login():
            QApplication.quit()


def _encrypted_note() -> str:
    return QApplication.translate(
        "App",
        "The records are encrypted now, and the unencrypted backups were removed. Copies made elsewhere "
        "before (a USB stick, another computer, an e-mail) are not reached: delete them. The other users "
        "need a new password from the administrator (Settings → Users) before they can log in. Next, "
        "save the school's recovery key.",
    )


def _restore_note(role: str) -> str:
    if role == "office":
        return QApplication.translate(
            "App",
            "This copy is the exchange office. The laptops hold newer bundles than this backup knows, so "
            "exchange with them has stopped: make a new join file for every laptop and re-join each one. "
            "Work a laptop has not sent yet stays only on that laptop.",
        )
    return QApplication.translate(
        "App",
        "This copy is a teacher's laptop. The office has seen newer bundles from it, so exchange has "
        "stopped: re-join from a new join file made at the office. The office's copy then comes back; "
        "work made after this backup and not sent is lost.",
    )


class _CheckController(Controller):
    """For `songjiao gui --check`: the real start-up, but each dialog is shown, read and closed, not run."""

    def __init__(self, paths: AppPaths) -> None:
        super().__init__(paths)
        # (dialog class, window title, wall clock when shown, the process's CPU time by then)
        self.seen: list[tuple[str, str, float, float]] = []

    def exec_dialog(self, dialog: QDialog) -> int:
        dialog.show()
        QApplication.processEvents()
        self.seen.append((type(dialog).__name__, dialog.windowTitle(), time.time(), time.process_time()))
        dialog.done(QDialog.DialogCode.Rejected)  # not reject(): no dialog may ask back here
        return QDialog.DialogCode.Rejected


def check_gui(paths: AppPaths) -> int:
    """Start up to the first window (login or first-run wizard), check it speaks the chosen language, exit.

    The installation smoke test (packaging/smoke.py) runs it offscreen: a wheel or frozen build without its
    translations, Qt plugins or system libraries fails here instead of in front of a teacher.
    """
    app = make_application()
    language = i18n.install_translators(load_prefs(paths).get("language") or "zh_CN")
    controller = _CheckController(paths)
    controller.start()
    controller.runner.shutdown()
    if controller.store is not None:
        controller.store.dispose()
    app.processEvents()
    if not controller.seen:
        print("gui check: no window was shown", file=sys.stderr)
        return 1
    name, title, shown, cpu = controller.seen[0]
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in title)
    if chinese != (language == "zh_CN"):
        print(f"gui check: {name} is not in {language}: {title!r}", file=sys.stderr)
        return 1
    # The wall-clock time lets benchmarks/bench_startup.py measure from process start to a usable window; the
    # CPU time spent by then is what a loaded machine's wall clock cannot show.
    print(f"gui check: {name} shown in {language}: {title} (at {shown:.3f}, cpu {cpu:.3f} s)")
    return 0


class FileOpenFilter(QObject):
    """macOS hands a double-clicked .sjb/.sjj to the running app as a FileOpen event, not on the command line."""

    def __init__(self, controller: Controller) -> None:
        super().__init__(controller)
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.FileOpen:
            file = getattr(event, "file", lambda: "")()
            if file:
                self.controller.on_message(Path(file))
                return True
        return super().eventFilter(watched, event)


def run_gui(paths: AppPaths, file: Path | None = None) -> int:
    """The `songjiao gui [FILE]` entry point; returns the process exit code."""
    from app.ui.instance import SingleInstance

    _T0[0] = time.perf_counter()
    from app import __version__, logs
    from app.ui.crash import install_crash_handler

    logs.setup_logging(paths)  # the CLI's run() did too; again here for callers that start the GUI directly
    app = make_application()
    install_crash_handler()
    log.info("songjiao %s desktop started", __version__)
    instance = SingleInstance(paths.db_path)
    if instance.hand_over(
        file
    ):  # this database is open in another window: it takes the file and comes forward
        return 0
    instance.listen()
    prefs = load_prefs(paths)
    i18n.install_translators(prefs.get("language") or "zh_CN")
    apply_text_size(prefs.get("text_size") or "normal")
    mark("qt_ready")
    controller = Controller(paths)
    controller.pending_file = file
    instance.message.connect(controller.on_message)
    app.installEventFilter(FileOpenFilter(controller))
    if not controller.start():
        return 1
    code = app.exec()
    instance.close()
    controller.runner.shutdown()
    if controller.store is not None:
        controller.store.dispose()
    log.info("desktop stopped (exit code %d)", code)
    return code
